#include "rebalanceengine.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>

namespace tp::rebalance::detail {

namespace {

// Region counts beyond this many cells are not kept (continuity is then not looked at).
constexpr std::size_t maxRegionCells = 20'000'000;

} // namespace

bool Stopper::step()
{
    ++m_done;
    if (!m_stopped && m_progress && !m_progress(std::min(m_done, m_total), m_total))
        m_stopped = true;
    return !m_stopped;
}

bool Stopper::poll()
{
    if (!m_stopped && m_progress && (++m_polls & 63u) == 0
        && !m_progress(std::min(m_done, m_total), m_total))
        m_stopped = true;
    return !m_stopped;
}

Regions denseRegions(std::span<const Account> accounts)
{
    std::vector<int> ids;
    for (const Account &a : accounts)
        if (a.region >= 0)
            ids.push_back(a.region);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    Regions regions;
    regions.count = int(ids.size());
    regions.ofAccount.reserve(accounts.size());
    for (const Account &a : accounts) {
        regions.ofAccount.push_back(
                a.region < 0
                        ? -1
                        : int(std::lower_bound(ids.begin(), ids.end(), a.region) - ids.begin()));
    }
    return regions;
}

int awayFromRegion(const Regions &regions, std::span<const int> where, int territoryCount)
{
    if (regions.count == 0 || territoryCount == 0)
        return 0;
    std::vector<int> counts(std::size_t(regions.count) * std::size_t(territoryCount), 0);
    std::vector<int> inTerritory(std::size_t(regions.count), 0);
    for (std::size_t a = 0; a < where.size(); ++a) {
        const int r = regions.ofAccount[a];
        if (r < 0 || where[a] < 0)
            continue;
        ++counts[std::size_t(r) * std::size_t(territoryCount) + std::size_t(where[a])];
        ++inTerritory[std::size_t(r)];
    }
    int away = 0;
    for (int r = 0; r < regions.count; ++r) {
        const auto first = counts.begin() + std::ptrdiff_t(r) * territoryCount;
        away += inTerritory[std::size_t(r)] - *std::max_element(first, first + territoryCount);
    }
    return away;
}

State::State(std::span<const Account> accounts_, std::span<const Territory> territories_,
             const Options &options)
    : accounts(accounts_), territories(territories_), territoryCount(int(territories_.size()))
{
    const std::size_t n = accounts.size();
    const std::size_t t = territories.size();
    where.resize(n);
    load.assign(t, 0.0);
    active.assign(t, 0);
    m_movedAt.assign(n, -1);
    m_movable.resize(t);
    auto isMovable = std::make_shared<std::vector<char>>(n, 0);
    for (std::size_t a = 0; a < n; ++a) {
        const Account &account = accounts[a];
        const bool placed = account.territory >= 0 && std::size_t(account.territory) < t;
        where[a] = placed ? account.territory : -1;
        if (!placed)
            continue;
        load[std::size_t(account.territory)] += account.value;
        active[std::size_t(account.territory)] += account.active;
        if (!account.locked && account.value > 0 && std::isfinite(account.value)
            && !territories[std::size_t(account.territory)].frozen) {
            m_movable[std::size_t(account.territory)].push_back(int(a));
            (*isMovable)[a] = 1;
        }
    }
    for (auto &list : m_movable)
        std::sort(list.begin(), list.end(), [&](int x, int y) { return valueOrder(x, y); });
    m_isMovable = std::move(isMovable);
    for (double l : load)
        total += l;
    mean = t ? total / double(t) : 0.0;
    maxMoves = options.maxMoves ? std::max(0, *options.maxMoves) : INT_MAX;
    maxMovedValue = options.maxMovedShare ? std::max(0.0, *options.maxMovedShare) * total
                                          : std::numeric_limits<double>::infinity();

    auto regions = std::make_shared<Regions>(denseRegions(accounts));
    const std::size_t cells = std::size_t(regions->count) * t;
    if (cells > 0 && cells <= maxRegionCells) {
        m_regionCounts.assign(cells, 0);
        for (std::size_t a = 0; a < n; ++a) {
            const int r = regions->ofAccount[a];
            if (r >= 0 && where[a] >= 0)
                ++m_regionCounts[std::size_t(r) * t + std::size_t(where[a])];
        }
        m_regionMost.assign(std::size_t(regions->count), 0);
        m_regionMostIn.assign(std::size_t(regions->count), 0);
        for (int r = 0; r < regions->count; ++r)
            recountMost(r);
    }
    m_regions = std::move(regions);
}

bool State::fits(int a, int t) const
{
    const Territory &territory = territories[std::size_t(t)];
    const int count = accounts[std::size_t(a)].active;
    return !territory.frozen
            && (count <= 0 || territory.capacity < 0
                || active[std::size_t(t)] + count <= territory.capacity);
}

void State::move(int a, int t)
{
    const int from = where[std::size_t(a)];
    if (from == t)
        return;
    const Account &account = accounts[std::size_t(a)];
    if (from >= 0) {
        load[std::size_t(from)] -= account.value;
        active[std::size_t(from)] -= account.active;
    }
    if (t >= 0) {
        load[std::size_t(t)] += account.value;
        active[std::size_t(t)] += account.active;
    }
    if (!m_regionCounts.empty()) {
        const int r = m_regions->ofAccount[std::size_t(a)];
        if (r >= 0) {
            const std::size_t row = std::size_t(r) * std::size_t(territoryCount);
            int &most = m_regionMost[std::size_t(r)];
            int &mostIn = m_regionMostIn[std::size_t(r)];
            bool recount = false;
            if (from >= 0) {
                int &c = m_regionCounts[row + std::size_t(from)];
                if (c == most && mostIn == 1)
                    recount = true;
                else if (c == most)
                    --mostIn;
                --c;
            }
            if (t >= 0) {
                const int c = ++m_regionCounts[row + std::size_t(t)];
                if (!recount && c > most) {
                    most = c;
                    mostIn = 1;
                } else if (!recount && c == most) {
                    ++mostIn;
                }
            }
            if (recount)
                recountMost(r);
        }
    }
    if (isMovable(a)) {
        auto &list = m_movable[std::size_t(home(a))];
        const auto at = std::lower_bound(list.begin(), list.end(), a,
                                         [&](int x, int y) { return valueOrder(x, y); });
        if (from == home(a))
            list.erase(at);
        else if (t == home(a))
            list.insert(at, a);
    }
    where[std::size_t(a)] = t;
    int &at = m_movedAt[std::size_t(a)];
    if (t == home(a) && at >= 0) {
        const int last = moved.back();
        moved[std::size_t(at)] = last;
        m_movedAt[std::size_t(last)] = at;
        moved.pop_back();
        at = -1;
        movedValue -= account.value;
    } else if (t != home(a) && at < 0) {
        at = int(moved.size());
        moved.push_back(a);
        movedValue += account.value;
    }
}

Band State::band(double tolerance) const
{
    // A hair of slack so that a territory exactly on the edge counts as in.
    const double slack = 1e-12 * std::abs(mean);
    return { mean * (1 - tolerance) - slack, mean * (1 + tolerance) + slack };
}

double State::deviation(int t) const
{
    return mean > 0 ? std::abs(load[std::size_t(t)] / mean - 1) : 0.0;
}

double State::maxDeviation() const
{
    double d = 0;
    for (int t = 0; t < territoryCount; ++t)
        if (!frozen(t))
            d = std::max(d, deviation(t));
    return d;
}

double State::violation(Band band) const
{
    double v = 0;
    for (int t = 0; t < territoryCount; ++t) {
        const double l = load[std::size_t(t)];
        if (!frozen(t))
            v += l > band.hi ? l - band.hi : (l < band.lo ? band.lo - l : 0.0);
    }
    return v;
}

void State::recountMost(int r)
{
    const int *counts = m_regionCounts.data() + std::ptrdiff_t(r) * territoryCount;
    int most = 0, mostIn = 0;
    for (int x = 0; x < territoryCount; ++x) {
        if (counts[x] > most) {
            most = counts[x];
            mostIn = 1;
        } else if (counts[x] == most) {
            ++mostIn;
        }
    }
    m_regionMost[std::size_t(r)] = most;
    m_regionMostIn[std::size_t(r)] = mostIn;
}

int State::continuityDelta(int a, int t) const
{
    const int r = m_regionCounts.empty() ? -1 : m_regions->ofAccount[std::size_t(a)];
    const int from = where[std::size_t(a)];
    if (r < 0 || from == t)
        return 0;
    const int *counts = m_regionCounts.data() + std::ptrdiff_t(r) * territoryCount;
    const int before = m_regionMost[std::size_t(r)];
    // The largest count once `a` left `from`: one less only if `from` alone held it.
    int after = from >= 0 && counts[from] == before && m_regionMostIn[std::size_t(r)] == 1
            ? before - 1
            : before;
    if (t >= 0)
        after = std::max(after, counts[t] + 1);
    // away = in territories − the largest count; from -1 or to -1 changes the first too.
    return (t >= 0) - (from >= 0) - (after - before);
}

int State::awayFromRegion() const
{
    if (m_regionCounts.empty())
        return 0;
    int away = 0;
    for (int r = 0; r < m_regions->count; ++r) {
        const int *counts = m_regionCounts.data() + std::ptrdiff_t(r) * territoryCount;
        int sum = 0, most = 0;
        for (int x = 0; x < territoryCount; ++x) {
            sum += counts[x];
            most = std::max(most, counts[x]);
        }
        away += sum - most;
    }
    return away;
}

Score scoreOf(const State &state, double tolerance)
{
    std::vector<double> load(std::size_t(state.territoryCount), 0.0);
    for (std::size_t a = 0; a < state.where.size(); ++a)
        if (state.where[a] >= 0)
            load[std::size_t(state.where[a])] += state.accounts[a].value;
    double total = 0;
    for (double l : load)
        total += l;
    const double mean = load.empty() ? 0.0 : total / double(load.size());
    Score score;
    for (int t = 0; t < state.territoryCount; ++t)
        if (!state.frozen(t) && mean > 0)
            score.maxDeviation =
                    std::max(score.maxDeviation, std::abs(load[std::size_t(t)] / mean - 1));
    score.within = score.maxDeviation <= tolerance + deviationEpsilon;
    score.moves = state.moveCount();
    for (int a : state.moved)
        score.movedValue += state.value(a);
    score.away = state.awayFromRegion();
    return score;
}

bool better(const Score &a, const Score &b, double total)
{
    if (a.within != b.within)
        return a.within;
    if (!a.within && std::abs(a.maxDeviation - b.maxDeviation) > deviationEpsilon)
        return a.maxDeviation < b.maxDeviation;
    if (a.moves != b.moves)
        return a.moves < b.moves;
    if (std::abs(a.movedValue - b.movedValue) > 1e-12 * std::max(1.0, std::abs(total)))
        return a.movedValue < b.movedValue;
    return a.away < b.away;
}

} // namespace tp::rebalance::detail
