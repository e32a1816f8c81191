// The exact searches of rebalanceengine.h: every assignment of a small book, and every set
// of a few moves of a middling one.
#include "rebalanceengine.h"

#include <algorithm>
#include <cmath>

namespace tp::rebalance::detail {

namespace {

class Exhaustive
{
public:
    Exhaustive(const State &start, double tolerance, Stopper &stop)
        : m_state(start), m_tolerance(tolerance), m_stop(stop)
    {
        for (int t = 0; t < start.territoryCount; ++t)
            for (int a : start.movable(t))
                m_items.push_back(a);
        for (int t = 0; t < start.territoryCount; ++t)
            if (!start.frozen(t))
                m_open.push_back(t);
    }

    double assignments() const { return std::pow(double(m_open.size()), double(m_items.size())); }

    std::optional<std::vector<int>> run()
    {
        visit(0);
        if (!m_found || m_stop.stopped())
            return std::nullopt;
        return m_best;
    }

private:
    void visit(std::size_t i)
    {
        if (!m_stop.poll())
            return;
        if (i == m_items.size()) {
            leaf();
            return;
        }
        visit(i + 1);
        const int a = m_items[i];
        const int home = m_state.home(a);
        if (m_state.moveCount() + 1 > m_state.maxMoves
            || m_state.movedValue + m_state.value(a) > m_state.maxMovedValue
            || (m_found && m_score.within && m_state.moveCount() + 1 > m_score.moves))
            return;
        for (int t : m_open) {
            if (t == home)
                continue;
            m_state.move(a, t);
            visit(i + 1);
            m_state.move(a, home);
        }
    }

    void leaf()
    {
        // Capacity: every territory that took an account with active opportunities ends
        // within its capacity.
        for (int a : m_state.moved) {
            const int t = m_state.where[std::size_t(a)];
            const int capacity = m_state.territories[std::size_t(t)].capacity;
            if (m_state.accounts[std::size_t(a)].active > 0 && capacity >= 0
                && m_state.active[std::size_t(t)] > capacity)
                return;
        }
        Score score;
        score.maxDeviation = m_state.maxDeviation();
        score.within = score.maxDeviation <= m_tolerance + deviationEpsilon;
        score.moves = m_state.moveCount();
        score.movedValue = m_state.movedValue;
        score.away = m_state.awayFromRegion();
        if (!m_found || better(score, m_score, m_state.total)) {
            m_found = true;
            m_score = score;
            m_best = m_state.where;
        }
    }

    State m_state;
    double m_tolerance;
    Stopper &m_stop;
    std::vector<int> m_items;
    std::vector<int> m_open;
    bool m_found = false;
    Score m_score;
    std::vector<int> m_best;
};

// Sets of `k` moves, k = fewest, fewest + 1, ... most, depth first: each account (the larger
// first) staying or going to each other territory, until one set brings every territory into
// the band.
class FewMoves
{
public:
    FewMoves(const State &start, Band band, qint64 nodeLimit, Stopper &stop)
        : m_state(start), m_band(band), m_nodeLimit(nodeLimit), m_stop(stop)
    {
        for (int t = 0; t < start.territoryCount; ++t) {
            if (start.frozen(t))
                continue;
            m_open.push_back(t);
            for (int a : start.movable(t))
                m_items.push_back(a);
        }
        std::sort(m_items.begin(), m_items.end(), [&](int x, int y) {
            const double vx = start.value(x), vy = start.value(y);
            return vx > vy || (vx == vy && x < y);
        });
    }

    std::optional<State> run(int fewest, int most)
    {
        // Not worth starting when the single moves alone take a good part of the limit: the
        // search would not get past them (a large book; its greedy searches do well).
        if (double(m_items.size()) * double(m_open.size()) > double(m_nodeLimit) / 10)
            return std::nullopt;
        for (int k = std::max(fewest, 1); k <= most && !exhausted(); ++k)
            if (visit(0, k))
                return m_state;
        return std::nullopt;
    }

private:
    bool exhausted() const { return m_nodes > m_nodeLimit || m_stop.stopped(); }

    bool visit(std::size_t from, int left)
    {
        if (++m_nodes > m_nodeLimit || !m_stop.poll())
            return false;
        const double violation = m_state.violation(m_band);
        if (violation <= 0)
            return true;
        if (left == 0)
            return false;
        for (std::size_t i = from; i < m_items.size(); ++i) {
            const int a = m_items[i];
            const double v = m_state.value(a);
            // A move takes at most 2v off the violation, and the accounts left are no larger.
            if (violation > 2 * v * left)
                return false;
            if (m_state.movedValue + v > m_state.maxMovedValue)
                continue;
            const int home = m_state.home(a);
            for (int t : m_open) {
                if (t == home || !m_state.fits(a, t))
                    continue;
                m_state.move(a, t);
                if (visit(i + 1, left - 1))
                    return true;
                m_state.move(a, home);
                if (exhausted())
                    return false;
            }
        }
        return false;
    }

    State m_state;
    Band m_band;
    qint64 m_nodeLimit;
    qint64 m_nodes = 0;
    Stopper &m_stop;
    std::vector<int> m_items;
    std::vector<int> m_open;
};

} // namespace

std::optional<State> exhaustiveSearch(const State &start, double tolerance, double limit,
                                      Stopper &stop)
{
    Exhaustive exhaustive(start, tolerance, stop);
    if (exhaustive.assignments() > limit)
        return std::nullopt;
    const auto where = exhaustive.run();
    if (!where)
        return std::nullopt;
    State state = start;
    for (std::size_t a = 0; a < where->size(); ++a)
        state.move(int(a), (*where)[a]);
    return state;
}

std::optional<State> fewestMovesSearch(const State &start, Band band, int fewest, int most,
                                       qint64 nodeLimit, Stopper &stop)
{
    return FewMoves(start, band, nodeLimit, stop).run(fewest, most);
}

} // namespace tp::rebalance::detail
