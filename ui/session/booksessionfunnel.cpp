// BookSession: the funnel assumptions a user enters per scope (METRICS "Funnel math"), each
// change one undo step (a spin box stepping one rate merges), saved at once.
#include "booksession.h"

#include "commands/valuecommand.h"
#include "storage/funnelassumptions.h"

#include <QUndoStack>

namespace tp::ui {

namespace {

// The one assumption an edit changes ("win_rate"), or empty when it changes several (a reset
// of all): consecutive edits of one assumption merge into one undo step, others do not.
QString changedAssumption(const funnel::Assumptions &a, const funnel::Assumptions &b)
{
    QStringList changed;
    if (a.target != b.target)
        changed.append(QStringLiteral("target"));
    if (a.averageDealSize != b.averageDealSize)
        changed.append(funnel::rateKey(funnel::Rate::AverageDealSize));
    if (a.winRate != b.winRate)
        changed.append(funnel::rateKey(funnel::Rate::WinRate));
    if (a.meetingToOpportunity != b.meetingToOpportunity)
        changed.append(funnel::rateKey(funnel::Rate::MeetingToOpportunity));
    if (a.activityToMeeting != b.activityToMeeting)
        changed.append(funnel::rateKey(funnel::Rate::ActivityToMeeting));
    return changed.size() == 1 ? changed.constFirst() : QString();
}

} // namespace

funnel::Assumptions BookSession::funnelAssumptions(const QString &scope,
                                                   const QString &period) const
{
    if (!m_book)
        return {};
    try {
        return FunnelAssumptionRepository(*m_book).load(scope, period);
    } catch (const std::exception &) {
        return {}; // shown as no assumption; a broken book reports itself on the next edit
    }
}

bool BookSession::setFunnelAssumptions(const QString &scope, const QString &period,
                                       const funnel::Assumptions &assumptions)
{
    if (!m_book) {
        reportError(tr("No book is open."));
        return false;
    }
    const funnel::Assumptions before = funnelAssumptions(scope, period);
    if (before == assumptions)
        return true;
    auto write = [scope, period](Book &book, const funnel::Assumptions &value) {
        FunnelAssumptionRepository(book).save(scope, period, value);
    };
    if (!runGuarded([&](Book &book) { write(book, assumptions); }))
        return false;
    auto apply = [this](const funnel::Assumptions &) { emit funnelAssumptionsChanged(); };
    const QString text = assumptions == funnel::Assumptions{} ? tr("Reset the funnel assumptions")
                                                              : tr("Change the funnel assumptions");
    const QString field = changedAssumption(before, assumptions);
    const QString mergeKey = field.isEmpty()
            ? QString()
            : QStringLiteral("funnel:%1:%2:%3").arg(scope, period, field);
    m_undoStack->push(new ValueCommand<funnel::Assumptions>(this, before, assumptions, write, apply,
                                                            text, mergeKey));
    return true;
}

} // namespace tp::ui
