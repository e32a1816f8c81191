#include "funnelstate.h"

#include "analytics/funnel.h"
#include "edits/bookeditor.h"
#include "pages/evaluationschedule.h"
#include "pages/health/healthstate.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/activitystats.h"
#include "storage/bookreader.h"
#include "storage/funnelassumptions.h"

namespace tp::ui {

FunnelState::FunnelState(BookSession *session, ScopeState *scope, HealthState *health,
                         QObject *parent)
    : QObject(parent),
      m_session(session),
      m_scope(scope),
      m_health(health),
      m_schedule(new EvaluationSchedule([this](bool) { evaluate(); }, this))
{
    connect(m_health, &HealthState::evaluated, this, [this] { m_schedule->now(false); });
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        if (change.aspects().testFlag(ChangeAspect::FunnelAssumptions))
            assumptionsChanged();
    });
    assumptionsChanged();
}

void FunnelState::assumptionsChanged()
{
    // The health figures first, so that evaluating reads them rather than evaluating them (which
    // would ask for this state's evaluation from inside it).
    m_health->report();
    m_schedule->now(false);
}

void FunnelState::setShownBy(const QObject *page, bool shown)
{
    m_health->setShownBy(page, shown); // first: its figures are this state's input
    m_schedule->setShownBy(page, shown);
}

const funnel::Plan &FunnelState::plan()
{
    m_health->report(); // evaluates pending row changes first (and so marks this state stale)
    m_schedule->flush();
    return m_plan;
}

const funnel::Assumptions &FunnelState::assumptions()
{
    m_health->report();
    m_schedule->flush();
    return m_assumptions;
}

const std::vector<FunnelState::Week> &FunnelState::weeks()
{
    m_health->report();
    m_schedule->flush();
    return m_weeks;
}

QString FunnelState::periodLabel() const
{
    return m_scope->period().label();
}

QString FunnelState::scopeKey() const
{
    const BookView *view = m_session->view();
    if (!view)
        return FunnelAssumptionRepository::scopeKey(std::nullopt, std::nullopt);
    const ActivityScope ids =
            activityScopeOf(*view, m_scope->repIndex(), m_scope->territoryIndex());
    return FunnelAssumptionRepository::scopeKey(ids.rep, ids.territory);
}

bool FunnelState::setAssumptions(const funnel::Assumptions &assumptions)
{
    return m_session->edit(&BookEditor::setFunnelAssumptions, scopeKey(), periodLabel(),
                           assumptions);
}

void FunnelState::evaluate()
{
    m_plan = {};
    m_weeks.clear();
    const BookView *view = m_session->view();
    const auto reader = m_session->reader();
    if (!view || !reader) {
        emit evaluated();
        return;
    }
    const health::HealthReport &report = m_health->report();
    m_assumptions = reader->funnelAssumptions(scopeKey(), periodLabel());
    const ActivityScope scope =
            activityScopeOf(*view, m_scope->repIndex(), m_scope->territoryIndex());
    const Period &period = report.period;
    const int weekCount = std::max(view->settings.funnel.weeks, 1);
    const ActivityCounts window =
            reader->activities(scope, report.metrics.windowStart, report.asOf);
    const std::vector<ActivityCounts> byWeek = reader->activitiesByWeek(
            scope, period.start, std::min(report.asOf, period.end), weekCount);
    m_plan = funnel::plan(report, funnel::historyOf(report, window.meetings, window.worked()),
                          m_assumptions, view->settings.funnel);
    for (int w = 0; w < weekCount; ++w) {
        Week week;
        week.start = period.start.addDays(qint64(w) * 7);
        week.elapsed = week.start <= report.asOf;
        if (std::size_t(w) < byWeek.size()) {
            week.meetings = byWeek[std::size_t(w)].meetings;
            week.activities = byWeek[std::size_t(w)].worked();
        }
        m_weeks.push_back(week);
    }
    emit evaluated();
}

} // namespace tp::ui
