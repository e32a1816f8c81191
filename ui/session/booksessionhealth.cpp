// BookSession: clean-up edits of stalled deals and the stalled-deal rules (METRICS "Stalled
// deals"). Each edit is one undo step, saved at once.
#include "booksession.h"

#include "commands/valuecommand.h"
#include "models/formatter.h"
#include "storage/opportunities.h"
#include "storage/settings.h"

#include <QLocale>
#include <QUndoStack>

namespace tp::ui {

namespace {

// The rules and the stage limits: what the rules dialog edits, one undo step.
struct PipelineRules
{
    StallRules rules;
    std::array<int, 4> stageLimitDays{};

    bool operator==(const PipelineRules &) const = default;
};

} // namespace

bool BookSession::setOpportunityLost(Id opportunity, const QString &reason)
{
    return editOpportunity(
            [&](Book &book) {
                return OpportunityRepository(book).markLost(opportunity, reason,
                                                            QDate::currentDate());
            },
            [&](const Opportunity &o) { return tr("Mark “%1” lost").arg(o.name); });
}

bool BookSession::setOpportunityNextStep(Id opportunity, const QString &step)
{
    return editOpportunity(
            [&](Book &book) { return OpportunityRepository(book).setNextStep(opportunity, step); },
            [&](const Opportunity &o) { return tr("Set next step of “%1”").arg(o.name); });
}

bool BookSession::setOpportunityNextActivity(Id opportunity, const QDate &date)
{
    return editOpportunity(
            [&](Book &book) {
                return OpportunityRepository(book).setNextActivity(opportunity, date);
            },
            [&](const Opportunity &o) {
                return date.isValid()
                        ? tr("Set next activity of “%1” to %2").arg(o.name, Formatter().date(date))
                        : tr("Clear next activity of “%1”").arg(o.name);
            });
}

bool BookSession::setPipelineRules(const StallRules &rules,
                                   const std::array<int, 4> &stageLimitDays)
{
    if (!m_view) {
        reportError(tr("No book is open."));
        return false;
    }
    const PipelineRules before{ m_view->settings.stall, m_view->settings.stageLimitDays };
    const PipelineRules after{ rules, stageLimitDays };
    if (before == after)
        return true;
    auto write = [](Book &book, const PipelineRules &value) {
        SettingsRepository(book).saveStallRules(value.rules, value.stageLimitDays);
    };
    if (!runGuarded([&](Book &book) { write(book, after); }))
        return false;
    auto apply = [this](const PipelineRules &value) {
        applyPipelineRules(value.rules, value.stageLimitDays);
    };
    m_undoStack->push(new ValueCommand<PipelineRules>(this, before, after, write, apply,
                                                      tr("Change the stalled-deal rules")));
    return true;
}

void BookSession::applyPipelineRules(const StallRules &rules,
                                     const std::array<int, 4> &stageLimitDays)
{
    if (!m_view)
        return;
    m_view->settings.stall = rules;
    m_view->settings.stageLimitDays = stageLimitDays;
    emit pipelineRulesChanged();
}

} // namespace tp::ui
