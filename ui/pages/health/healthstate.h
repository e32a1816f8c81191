#pragma once

#include "analytics/pipelinehealth.h"

#include <QObject>

namespace tp::ui {

class BookSession;
class ScopeState;

// The pipeline-health figures of the scope bar's scope (rep, territory, period, as-of date),
// evaluated again when a deal, a quota, a rep or the rules change. Row changes arrive one
// signal per row: they are evaluated once, on the event loop's next turn, or at once when the
// figures are read first (as RoiState does).
class HealthState : public QObject
{
    Q_OBJECT

public:
    HealthState(BookSession *session, ScopeState *scope, QObject *parent = nullptr);

    BookSession *session() const { return m_session; }
    const health::HealthReport &report();

signals:
    // New figures; `scopeChanged`: another scope or book, so filters start over.
    void evaluated(bool scopeChanged);

private:
    void evaluate(bool scopeChanged);
    void evaluateLater();

    BookSession *m_session;
    ScopeState *m_scope;
    health::HealthReport m_report;
    bool m_pending = false;
};

} // namespace tp::ui
