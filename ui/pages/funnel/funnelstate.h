#pragma once

#include "analytics/funnel.h"

#include <QObject>

#include <vector>

namespace tp::ui {

class BookSession;
class HealthState;
class ScopeState;

// The funnel of the scope bar's scope and period (METRICS "Funnel math"): the plan from the
// scope's history and the assumptions entered for it, and the meetings and activities done
// in each week of the period so far. Evaluated again with the health figures it rests on
// (coverage, key metrics), and when an assumption changes.
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

signals:
    void evaluated();

private:
    void evaluate();

    BookSession *m_session;
    ScopeState *m_scope;
    HealthState *m_health;
    funnel::Plan m_plan;
    funnel::Assumptions m_assumptions;
    std::vector<Week> m_weeks;
};

} // namespace tp::ui
