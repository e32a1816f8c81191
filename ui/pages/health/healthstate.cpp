#include "healthstate.h"

#include "session/booksession.h"
#include "session/scopestate.h"

namespace tp::ui {

HealthState::HealthState(BookSession *session, ScopeState *scope, QObject *parent)
    : QObject(parent), m_session(session), m_scope(scope)
{
    // The scope bar hears of a new view after us and then says so (ScopeState::changed);
    // until then its indexes may be those of the view before, so evaluate then.
    connect(session, &BookSession::loaded, this, [this] { evaluateLater(); });
    connect(scope, &ScopeState::changed, this, [this] { evaluate(true); });
    connect(session, &BookSession::opportunityChanged, this, &HealthState::evaluateLater);
    connect(session, &BookSession::accountChanged, this, &HealthState::evaluateLater);
    connect(session, &BookSession::repChanged, this, &HealthState::evaluateLater);
    connect(session, &BookSession::quotaChanged, this, &HealthState::evaluateLater);
    connect(session, &BookSession::pipelineRulesChanged, this, &HealthState::evaluateLater);
    evaluate(true);
}

const health::HealthReport &HealthState::report()
{
    if (m_pending)
        evaluate(false);
    return m_report;
}

void HealthState::evaluateLater()
{
    if (m_pending)
        return;
    m_pending = true;
    QMetaObject::invokeMethod(
            this, [this] {
                if (m_pending)
                    evaluate(false);
            },
            Qt::QueuedConnection);
}

void HealthState::evaluate(bool scopeChanged)
{
    m_pending = false;
    m_report = {};
    const BookView *view = m_session->view();
    if (view && !m_session->isReloading()) {
        health::HealthScope scope;
        scope.rep = m_scope->repIndex() < int(view->reps.size()) ? m_scope->repIndex() : -1;
        scope.territory = m_scope->territoryIndex() < int(view->territories.size())
                                  ? m_scope->territoryIndex()
                                  : -1;
        const QDate asOf = m_scope->asOf().isValid() ? m_scope->asOf() : QDate::currentDate();
        m_report = health::evaluate(*view, scope, asOf, m_scope->period());
    }
    emit evaluated(scopeChanged);
}

} // namespace tp::ui
