#include "healthstate.h"

#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/stageflowloader.h"

#include <QEventLoop>
#include <QThread>

namespace tp::ui {

HealthState::HealthState(BookSession *session, ScopeState *scope, QObject *parent)
    : QObject(parent), m_session(session), m_scope(scope)
{
    // The scope bar hears of a new view after us and then says so (ScopeState::changed);
    // until then its indexes may be those of the view before, so evaluate then.
    connect(session, &BookSession::loaded, this, [this] {
        m_context.reset();
        // Read again for the new view only when it was asked for before.
        if (m_flowRequested)
            loadStageHistory();
        else
            dropStageHistory();
        evaluateLater();
    });
    connect(scope, &ScopeState::changed, this, [this] { evaluate(true); });
    connect(session, &BookSession::opportunityChanged, this, [this](Id id) {
        // A stage edit wrote a history row: that deal's flow is read again.
        const BookView *view = m_session->view();
        if (view && m_flowReady && m_session->book())
            m_session->runGuarded([&](Book &book) {
                reloadStageFlow(book, id, view->opportunities.indexOf(id), m_flow);
            });
        m_context.reset();
        evaluateLater();
    });
    connect(session, &BookSession::accountChanged, this, &HealthState::evaluateLater);
    connect(session, &BookSession::repChanged, this, &HealthState::evaluateLater);
    connect(session, &BookSession::quotaChanged, this, &HealthState::evaluateLater);
    connect(session, &BookSession::pipelineRulesChanged, this, [this] {
        m_context.reset();
        evaluateLater();
    });
    evaluate(true);
}

HealthState::~HealthState()
{
    if (m_flowThread) {
        *m_flowCancel = true;
        m_flowThread->wait();
    }
}

void HealthState::requestStageHistory()
{
    m_flowRequested = true;
    if (!m_flowThread && !m_flowReady)
        loadStageHistory();
}

void HealthState::dropStageHistory()
{
    if (m_flowThread) {
        // The view it was reading for is gone: stop it (it checks every 65,536 rows).
        *m_flowCancel = true;
        m_flowThread->wait();
        m_flowThread = nullptr; // it deletes itself; its result is dropped
    }
    m_flow = {};
    m_flowReady = false;
}

void HealthState::loadStageHistory()
{
    dropStageHistory();
    const BookView *view = m_session->view();
    if (!view)
        return;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_flowCancel = cancel;
    auto result = std::make_shared<health::StageFlow>();
    QThread *thread = QThread::create([path = m_session->path(), ids = view->opportunities.id,
                                       cancel, result] {
        try {
            *result = loadStageFlow(path, ids, [&cancel] { return cancel->load(); });
        } catch (const std::exception &) {
            *cancel = true; // conversion stays unavailable; the rest of the page is unaffected
        }
    });
    m_flowThread = thread;
    connect(thread, &QThread::finished, this, [this, thread, cancel, result] {
        thread->deleteLater();
        if (m_flowThread == thread)
            m_flowThread = nullptr;
        if (*cancel)
            return;
        m_flow = std::move(*result);
        m_flowReady = true;
        evaluate(false);
    });
    thread->start(QThread::LowPriority);
}

void HealthState::waitForStageHistory()
{
    requestStageHistory();
    while (m_flowThread) {
        m_flowThread->wait();
        QCoreApplication::sendPostedEvents(this);
        QCoreApplication::processEvents();
    }
}

const std::optional<health::StageConversion> &HealthState::conversion()
{
    if (m_pending)
        evaluate(false);
    return m_conversion;
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
            this,
            [this] {
                if (m_pending)
                    evaluate(false);
            },
            Qt::QueuedConnection);
}

void HealthState::evaluate(bool scopeChanged)
{
    m_pending = false;
    m_report = {};
    m_conversion.reset();
    const BookView *view = m_session->view();
    if (view && !m_session->isReloading()) {
        health::HealthScope scope;
        scope.rep = m_scope->repIndex() < int(view->reps.size()) ? m_scope->repIndex() : -1;
        scope.territory = m_scope->territoryIndex() < int(view->territories.size())
                ? m_scope->territoryIndex()
                : -1;
        const QDate asOf = m_scope->asOf().isValid() ? m_scope->asOf() : QDate::currentDate();
        if (!m_context || m_contextDate != asOf) {
            m_context = health::ruleContext(*view, asOf);
            m_contextDate = asOf;
        }
        m_report = health::evaluate(*view, scope, asOf, m_scope->period(), &*m_context);
        if (m_flowReady)
            m_conversion = health::stageConversion(*view, m_flow, m_report);
    }
    emit evaluated(scopeChanged);
}

} // namespace tp::ui
