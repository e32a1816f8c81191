#include "healthstate.h"

#include "jobs/backgroundjob.h"
#include "pages/evaluationschedule.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/bookreader.h"
#include "storage/stageflowloader.h"

namespace tp::ui {

// What the stage history's job hands back; nothing when the history could not be read.
struct HealthState::FlowRead
{
    std::optional<health::StageFlow> flow;
};

HealthState::HealthState(BookSession *session, ScopeState *scope, QObject *parent)
    : QObject(parent),
      m_session(session),
      m_scope(scope),
      m_flowJob(new BackgroundJob<FlowRead>(this)),
      m_schedule(
              new EvaluationSchedule([this](bool scopeChanged) { evaluate(scopeChanged); }, this))
{
    connect(m_flowJob, &BackgroundJobBase::finished, this, [this] {
        auto &read = m_flowJob->result();
        if (m_flowJob->isCanceled() || !read || !read->flow)
            return; // conversion stays unavailable; the rest of the page is unaffected
        m_flow = std::move(*read->flow);
        m_flowReady = true;
        m_schedule->now(false);
    });
    // Another view: what was worked out for the one before goes at once (before anyone can ask
    // for figures); the scope changes after every load, and we evaluate then, whichever of us
    // hears of the load first. The stage history is read again only if it was asked for before.
    connect(session, &BookSession::aboutToSwitchBook, this, [this] {
        m_context.reset();
        m_teamFor.reset();
        dropStageHistory();
    });
    connect(session, &BookSession::loaded, this, [this] {
        if (m_flowRequested)
            loadStageHistory();
        m_schedule->later();
    });
    connect(scope, &ScopeState::changed, this, [this] { m_schedule->now(true); });
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        const ChangeAspects aspects = change.aspects();
        const BookView *view = m_session->view();
        // A stage edit wrote (or its undo removed) history rows: those deals' flow is read again.
        const auto reader = m_session->reader();
        if (view && m_flowReady && reader) {
            std::vector<std::pair<Id, int>> deals;
            for (const OpportunityDelta &d : change.opportunities)
                if (!d.stageRows.empty())
                    deals.emplace_back(d.after.id, view->opportunities.indexOf(d.after.id));
            if (!deals.empty())
                reader->refreshStageFlows(deals, m_flow);
        }
        if (aspects & (ChangeAspect::Opportunities | ChangeAspect::Settings))
            m_context.reset();
        if (aspects
            & (ChangeAspect::Opportunities | ChangeAspect::Accounts | ChangeAspect::Reps
               | ChangeAspect::Quotas | ChangeAspect::Settings)) {
            m_teamFor.reset();
            m_schedule->later();
        }
    });
    m_schedule->now(true);
}

void HealthState::setShownBy(const QObject *page, bool shown)
{
    m_schedule->setShownBy(page, shown);
}

HealthState::~HealthState() = default; // the job stops its read and waits for it

void HealthState::requestStageHistory()
{
    m_flowRequested = true;
    if (!m_flowJob->isRunning() && !m_flowReady)
        loadStageHistory();
}

void HealthState::dropStageHistory()
{
    // The view it was reading for is gone: its read stops (it checks every 65,536 rows) and
    // is never delivered.
    m_flowJob->discard();
    m_flow = {};
    m_flowReady = false;
}

void HealthState::loadStageHistory()
{
    dropStageHistory();
    const BookView *view = m_session->view();
    if (!view)
        return;
    m_flowJob->start([path = m_session->path(), ids = view->opportunities.id](JobControl &control) {
        FlowRead read;
        try {
            read.flow = loadStageFlow(path, ids, [&control] { return control.isCanceled(); });
        } catch (const std::exception &) {
            // nothing read: conversion stays unavailable
        }
        return read;
    });
}

void HealthState::waitForStageHistory()
{
    requestStageHistory();
    m_flowJob->waitForFinished(-1);
}

const std::optional<health::StageConversion> &HealthState::conversion()
{
    m_schedule->flush();
    return m_conversion;
}

const health::HealthReport &HealthState::report()
{
    m_schedule->flush();
    return m_report;
}

const HealthState::TeamFigures &HealthState::team()
{
    m_schedule->flush();
    const BookView *view = m_session->view();
    if (!view || m_session->isReloading() || !m_context)
        return m_team = {};
    if (m_scope->repIndex() < 0 && m_scope->territoryIndex() < 0) // the scope is the team
        return m_team = { m_report.metrics, m_report.coverage };
    const std::array<QDate, 3> key{ m_report.asOf, m_report.period.start, m_report.period.end };
    if (m_teamFor != key) {
        const health::HealthReport team =
                health::evaluate(*view, {}, m_report.asOf, m_report.period, &*m_context);
        m_team = { team.metrics, team.coverage };
        m_teamFor = key;
    }
    return m_team;
}

void HealthState::evaluate(bool scopeChanged)
{
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
