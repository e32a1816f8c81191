#pragma once

#include "analytics/funnel.h"

#include <QObject>

#include <vector>

namespace tp::ui {

class BookSession;
class EvaluationSchedule;
class HealthState;
class ScopeState;

// The funnel of the scope bar's scope and period (METRICS "Funnel math"): the plan from the
// scope's history and the assumptions entered for it, and the meetings and activities done
// in each week of the period so far. Evaluated again with the health figures it rests on
// (coverage, key metrics), and when an assumption changes; while the Funnel page is not the
// window's current page, only when it is shown again or the figures are read
// (EvaluationSchedule).
class FunnelState : public QObject
{
    Q_OBJECT

public:
    // `health` is the window's, shared with the Pipeline Health page.
    FunnelState(BookSession *session, ScopeState *scope, HealthState *health,
                QObject *parent = nullptr);

    BookSession *session() const { return m_session; }
    const funnel::Plan &plan();
    const funnel::Assumptions &assumptions();
    QString periodLabel() const;
    // The scope's key for its assumptions (FunnelAssumptionRepository::scopeKey).
    QString scopeKey() const;

    struct Week
    {
        QDate start;
        qint64 meetings = 0;
        qint64 activities = 0; // calls, emails and meetings
        bool elapsed = false; // begun by the as-of date
    };
    const std::vector<Week> &weeks();

    // An edited set of assumptions for the scope, one undo step.
    bool setAssumptions(const funnel::Assumptions &assumptions);

    // `page`, which shows the funnel, is (or is no longer) the window's current page (and so
    // are the health figures it rests on).
    void setShownBy(const QObject *page, bool shown);

signals:
    void evaluated();

private:
    void evaluate();
    void assumptionsChanged();

    BookSession *m_session;
    ScopeState *m_scope;
    HealthState *m_health;
    funnel::Plan m_plan;
    funnel::Assumptions m_assumptions;
    std::vector<Week> m_weeks;
    EvaluationSchedule *m_schedule;
};

} // namespace tp::ui
