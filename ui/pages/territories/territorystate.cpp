#include "territorystate.h"

#include "session/booksession.h"
#include "session/scopestate.h"
#include "views/bookview.h"

namespace tp::ui {

TerritoryState::TerritoryState(BookSession *session, ScopeState *scope, QObject *parent)
    : QObject(parent), m_session(session), m_scope(scope)
{
    connect(session, &BookSession::aboutToSwitchBook, this, [this] { m_groupingStale = true; });
    connect(session, &BookSession::loaded, this, [this] {
        m_groupingStale = true;
        invalidate(true);
    });
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        const ChangeAspects aspects = change.aspects();
        const bool layout = aspects.testFlag(ChangeAspect::Territories)
                || (m_layout.byRep && aspects.testFlag(ChangeAspect::Accounts));
        if (layout
            || (aspects
                & (ChangeAspect::Accounts | ChangeAspect::Opportunities | ChangeAspect::Scores
                   | ChangeAspect::Weights | ChangeAspect::ScoringModel | ChangeAspect::Reps
                   | ChangeAspect::Quotas | ChangeAspect::Settings)))
            invalidate(layout);
    });
    connect(scope, &ScopeState::changed, this, [this] { invalidate(false); });
}

void TerritoryState::setMetric(territories::Metric metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    invalidate(false);
}

void TerritoryState::setMixWeights(const territories::MixWeights &weights)
{
    if (weights == m_weights)
        return;
    m_weights = weights;
    if (m_metric == territories::Metric::Mix)
        invalidate(false);
}

void TerritoryState::invalidate(bool layoutChanged)
{
    m_stale = true;
    emit changed(layoutChanged);
}

void TerritoryState::evaluate()
{
    m_stale = false;
    const BookView *view = m_session->view();
    if (!view) {
        m_layout = {};
        m_report = {};
        return;
    }
    m_layout = territories::layoutOf(*view);
    m_report =
            territories::evaluate(*view, m_layout, m_metric, m_scope->period().label(), m_weights);
}

const territories::Layout &TerritoryState::layout()
{
    if (m_stale)
        evaluate();
    return m_layout;
}

const territories::Report &TerritoryState::report()
{
    if (m_stale)
        evaluate();
    return m_report;
}

const territories::RegionGrouping &TerritoryState::regionGrouping()
{
    const BookView *view = m_session->view();
    const std::size_t accounts = view ? std::size_t(view->accounts.size()) : 0;
    if (m_groupingStale || m_grouping.regionOfAccount.size() != accounts) {
        m_grouping = view ? territories::groupByRegion(view->accounts, m_matcher)
                          : territories::RegionGrouping{};
        m_groupingStale = false;
        ++m_groupingGeneration;
    }
    return m_grouping;
}

int TerritoryState::entryOfTerritory(int territoryIndex)
{
    const territories::Layout &l = layout();
    for (std::size_t e = 0; e < l.entries.size(); ++e)
        if (l.entries[e].territory == territoryIndex)
            return int(e);
    return -1;
}

} // namespace tp::ui
