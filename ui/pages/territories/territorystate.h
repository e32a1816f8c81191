#pragma once

#include "analytics/territories.h"
#include "analytics/territoryregions.h"
#include "geo/regionmatcher.h"

#include <QObject>

namespace tp::ui {

class BookSession;
class ScopeState;

// The territories of the open book and their figures on the chosen metric (docs/METRICS.md
// "Territories", core's territories::evaluate), for the Territories page and its map: worked
// out again, once, when an account, a territory, a deal, a score or a rep changes, when the
// metric or the scope's period changes, and read when next asked for.
class TerritoryState : public QObject
{
    Q_OBJECT

public:
    TerritoryState(BookSession *session, ScopeState *scope, QObject *parent = nullptr);

    BookSession *session() const { return m_session; }
    ScopeState *scope() const { return m_scope; }
    territories::Metric metric() const { return m_metric; }
    void setMetric(territories::Metric metric);
    const territories::MixWeights &mixWeights() const { return m_weights; }
    void setMixWeights(const territories::MixWeights &weights);

    const territories::Layout &layout();
    const territories::Report &report();
    // The accounts grouped by map region (core's groupByRegion), worked out once per loaded
    // view (no edit moves a billing place): the map and Propose… share it. The generation
    // counts the groupings made, so that a reader knows when its figures of the last are stale.
    const territories::RegionGrouping &regionGrouping();
    int regionGroupingGeneration() const { return m_groupingGeneration; }
    // The territory (index into layout().entries) holding the BookView territory `index`.
    int entryOfTerritory(int territoryIndex);

signals:
    // The figures are stale (they are worked out again when next read); `layoutChanged`: the
    // territories themselves changed (made, renamed, deleted, another book).
    void changed(bool layoutChanged);

private:
    void invalidate(bool layoutChanged);
    void evaluate();

    BookSession *m_session;
    ScopeState *m_scope;
    territories::Metric m_metric = territories::Metric::Ev;
    territories::MixWeights m_weights;
    territories::Layout m_layout;
    territories::Report m_report;
    bool m_stale = true;
    geo::RegionMatcher m_matcher; // kept across books: the same spellings come again
    territories::RegionGrouping m_grouping;
    bool m_groupingStale = true;
    int m_groupingGeneration = 0;
};

} // namespace tp::ui
