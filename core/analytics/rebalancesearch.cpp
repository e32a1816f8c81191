// The greedy searches and the local search of rebalanceengine.h.
#include "rebalanceengine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>

namespace tp::rebalance::detail {

namespace {

// How far a search walks past accounts that are away or do not fit the taker's capacity.
constexpr int scanLimit = 256;
// How many accounts of equal value (or equal gain) are compared for region continuity.
constexpr int tieScanLimit = 4096;
// The local search's effort, in pairs of moves looked at and repairs tried: bounded so that a
// proposal of thousands of moves (the accounts metric) stays fast; the same input gives the
// same result whatever the machine.
constexpr qint64 pairChecks = 3'000'000;
constexpr qint64 repairTries = 20'000;

double outside(double load, Band band)
{
    return load > band.hi ? load - band.hi : (load < band.lo ? band.lo - load : 0.0);
}

// A gain (of load) this small is no gain.
double tinyLoad(const State &state)
{
    return 1e-12 * std::max(1.0, std::abs(state.mean));
}

// The first account of `from`'s list (ascending) at or above `x`.
std::vector<int>::const_iterator lowerBound(const State &state, int from, double x)
{
    const auto &list = state.movable(from);
    return std::lower_bound(list.begin(), list.end(), x,
                            [&](int a, double v) { return state.value(a) < v; });
}

// Calls visit(a) for the nearest account below `x` and the nearest at or above it, among
// `from`'s accounts still at home, of value at most `limit`, that fit `to`.
template<class Visit>
void nearest(const State &state, int from, int to, double x, double limit, Visit &&visit)
{
    const auto &list = state.movable(from);
    const auto at = lowerBound(state, from, std::min(x, limit));
    int steps = 0;
    for (auto j = at; j != list.begin() && steps < scanLimit; ++steps) {
        --j;
        if (state.fits(*j, to)) {
            visit(*j);
            break;
        }
    }
    steps = 0;
    for (auto j = at; j != list.end() && steps < scanLimit && state.value(*j) <= limit;
         ++j, ++steps) {
        if (state.fits(*j, to)) {
            visit(*j);
            break;
        }
    }
}

// No move keeps regions together better than this (continuityDelta: the account joins the
// territory that then holds most of its region, leaving one where it was not).
constexpr int bestContinuityDelta = -1;

// The fit greedy's takers for each giver: the least loaded territories.
constexpr int takerCount = 3;

// The `n` territories (not frozen) with the least load, the least first, ties by index.
std::vector<int> leastLoaded(const State &state, int n)
{
    std::vector<int> open;
    for (int t = 0; t < state.territoryCount; ++t)
        if (!state.frozen(t))
            open.push_back(t);
    const auto end = open.begin() + std::min<std::ptrdiff_t>(n, std::ptrdiff_t(open.size()));
    std::partial_sort(open.begin(), end, open.end(), [&](int x, int y) {
        const double lx = state.load[std::size_t(x)], ly = state.load[std::size_t(y)];
        return lx < ly || (lx == ly && x < y);
    });
    open.erase(end, open.end());
    return open;
}

struct FitMove
{
    int account = -1;
    int to = -1;
    double gain = 0;
};

// Among the accounts of `from` around `chosen` whose move to `to` gains as much (equal value
// only, unless preferContinuity), the one that keeps regions together best, then the smaller,
// then the lower index.
int refineForContinuity(const State &state, int from, const FitMove &chosen, Band band,
                        bool preferContinuity, double tiny)
{
    if (!state.hasRegions())
        return chosen.account;
    const auto &list = state.movable(from);
    const double ls = state.load[std::size_t(from)];
    const double ld = state.load[std::size_t(chosen.to)];
    const double base = outside(ls, band) + outside(ld, band);
    const double v0 = state.value(chosen.account);
    auto same = [&](int a) {
        const double v = state.value(a);
        if (!preferContinuity)
            return v == v0;
        return base - outside(ls - v, band) - outside(ld + v, band) >= chosen.gain - tiny;
    };
    int best = chosen.account;
    int bestDelta = state.continuityDelta(best, chosen.to);
    auto consider = [&](int a) {
        if (!state.fits(a, chosen.to))
            return;
        const int delta = state.continuityDelta(a, chosen.to);
        const double v = state.value(a), vb = state.value(best);
        if (delta < bestDelta || (delta == bestDelta && (v < vb || (v == vb && a < best)))) {
            best = a;
            bestDelta = delta;
        }
    };
    const auto at = std::find(lowerBound(state, from, v0), list.end(), chosen.account);
    int steps = 0;
    for (auto j = at; j != list.begin() && steps < tieScanLimit && same(*(j - 1)); ++steps)
        consider(*--j);
    steps = 0;
    for (auto j = at + 1; j != list.end() && steps < tieScanLimit && same(*j)
         && (preferContinuity || bestDelta > bestContinuityDelta);
         ++j, ++steps)
        consider(*j);
    return best;
}

} // namespace

void plainGreedy(State &state, Band band, PlainTarget target, Stopper &stop)
{
    const double tiny = tinyLoad(state);
    const double mean = state.mean;
    while (state.violation(band) > 0 && state.moveCount() < state.maxMoves && stop.poll()) {
        int most = -1, least = -1;
        for (int t = 0; t < state.territoryCount; ++t) {
            if (state.frozen(t))
                continue;
            if (most < 0 || state.load[std::size_t(t)] > state.load[std::size_t(most)])
                most = t;
            if (least < 0 || state.load[std::size_t(t)] < state.load[std::size_t(least)])
                least = t;
        }
        if (most < 0 || most == least)
            break;
        const double lm = state.load[std::size_t(most)], ll = state.load[std::size_t(least)];
        const double now = std::max(lm - mean, mean - ll);
        double x = (lm - ll) / 2;
        if (target == PlainTarget::FullestToMean)
            x = lm - mean;
        else if (target == PlainTarget::SmallerGap)
            x = std::min(lm - mean, mean - ll);
        auto pairAfter = [&](double v) {
            return std::max(std::abs(lm - v - mean), std::abs(ll + v - mean));
        };
        int best = -1;
        double bestKey = std::numeric_limits<double>::infinity();
        nearest(state, most, least, x, state.valueLeft(), [&](int a) {
            const double v = state.value(a);
            const double key = target == PlainTarget::Balance ? pairAfter(v) : std::abs(v - x);
            if (best < 0 || key < bestKey - tiny
                || (key <= bestKey + tiny && v < state.value(best))) {
                best = a;
                bestKey = key;
            }
        });
        if (best < 0 || pairAfter(state.value(best)) >= now - tiny)
            break;
        state.move(best, least);
    }
}

bool fitGreedy(State &state, Band band, bool preferContinuity, Stopper &stop)
{
    const double tiny = tinyLoad(state);
    const int count = state.territoryCount;
    while (state.violation(band) > 0 && state.moveCount() < state.maxMoves && stop.poll()) {
        const double limit = state.valueLeft();
        FitMove best;
        std::optional<int> bestDelta;
        // For a given value moved, the gain can only grow with the giver's load and shrink
        // with the taker's (outside() is convex): the takers worth trying are the few least
        // loaded (more than one for the capacity of accounts with active opportunities).
        const std::vector<int> takers = leastLoaded(state, takerCount);
        for (int s = 0; s < count; ++s) {
            const double ls = state.load[std::size_t(s)];
            if (state.frozen(s) || ls <= band.lo || state.movable(s).empty())
                continue;
            for (int d : takers) {
                const double ld = state.load[std::size_t(d)];
                if (d == s || ld >= band.hi || (ls <= band.hi && ld >= band.lo))
                    continue; // no move from s to d can gain
                const double base = outside(ls, band) + outside(ld, band);
                auto consider = [&](int a) {
                    const double v = state.value(a);
                    const double gain = base - outside(ls - v, band) - outside(ld + v, band);
                    if (gain <= tiny || gain < best.gain - tiny)
                        return;
                    if (best.account < 0 || gain > best.gain + tiny) {
                        best = { a, d, gain };
                        bestDelta.reset();
                        return;
                    }
                    // A tie: the region continuity is worked out only now (it costs a pass
                    // over the territories).
                    const double vb = state.value(best.account);
                    if (!preferContinuity && v != vb) {
                        if (v < vb) {
                            best = { a, d, gain };
                            bestDelta.reset();
                        }
                        return;
                    }
                    if (!bestDelta)
                        bestDelta = state.continuityDelta(best.account, best.to);
                    const int delta = state.continuityDelta(a, d);
                    if (delta < *bestDelta || (delta == *bestDelta && v < vb)) {
                        best = { a, d, gain };
                        bestDelta = delta;
                    }
                };
                // The gain is concave and piecewise linear in the value moved, with its corners
                // where s or d crosses an edge of the band: the best account is next to one.
                const std::array<double, 6> corners{ ls - band.hi, ls - band.lo, band.lo - ld,
                                                     band.hi - ld, 0.0,          limit };
                for (double x : corners)
                    nearest(state, s, d, x, limit, consider);
            }
        }
        if (best.account < 0)
            break;
        const int from = state.where[std::size_t(best.account)];
        state.move(refineForContinuity(state, from, best, band, preferContinuity, tiny), best.to);
    }
    return state.violation(band) <= 0;
}

namespace {

struct Repair
{
    int account = -1;
    int to = -1;
};

// The smallest account still at home (of value below `below`) whose single move brings the
// territories `over` (if >= 0) and `under` (if >= 0) into the band and keeps every other in it;
// among equal values the one that keeps regions together best.
Repair singleRepair(const State &state, Band band, int over, int under, double below)
{
    Repair best;
    double bestValue = std::numeric_limits<double>::infinity();
    int bestDelta = 0;
    const double limit = std::min(state.valueLeft(), below);
    for (int s = 0; s < state.territoryCount; ++s) {
        if ((over >= 0 && s != over) || state.frozen(s) || state.movable(s).empty())
            continue;
        const double ls = state.load[std::size_t(s)];
        for (int d = 0; d < state.territoryCount; ++d) {
            if ((under >= 0 && d != under) || d == s || state.frozen(d))
                continue;
            const double ld = state.load[std::size_t(d)];
            const double low = std::max(ls - band.hi, band.lo - ld);
            const double high = std::min({ ls - band.lo, band.hi - ld, limit });
            if (high < low || low > bestValue)
                continue;
            const auto &list = state.movable(s);
            int steps = 0;
            for (auto j = lowerBound(state, s, low);
                 j != list.end() && steps < scanLimit && state.value(*j) <= high; ++j, ++steps) {
                const int a = *j;
                const double v = state.value(a);
                if (v >= below || v > bestValue)
                    break; // ascending: none further is smaller
                if (!state.fits(a, d))
                    continue;
                const int delta = state.continuityDelta(a, d);
                if (v < bestValue || delta < bestDelta) {
                    best = { a, d };
                    bestValue = v;
                    bestDelta = delta;
                }
                break;
            }
        }
    }
    return best;
}

// The moved accounts, the larger first (then by index).
std::vector<int> movedByValue(const State &state)
{
    std::vector<int> order(state.moved);
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const double vx = state.value(x), vy = state.value(y);
        return vx > vy || (vx == vy && x < y);
    });
    return order;
}

// Drops the moves the band does not need, the larger first.
bool dropMoves(State &state, Band band)
{
    bool changed = false;
    for (int a : movedByValue(state)) {
        const int s = state.home(a), d = state.where[std::size_t(a)];
        const double v = state.value(a);
        if (state.load[std::size_t(d)] - v >= band.lo && state.load[std::size_t(s)] + v <= band.hi
            && state.fits(a, s)) {
            state.move(a, s);
            changed = true;
        }
    }
    return changed;
}

// The over- and under-band territory (at most one each) once `a` and `b` (b may be -1) go
// home; false when more would be out of the band.
bool outsideAfterReturn(const State &state, Band band, int a, int b, int &over, int &under)
{
    std::array<int, 4> ts{};
    std::array<double, 4> loads{};
    int n = 0;
    auto add = [&](int t, double delta) {
        for (int i = 0; i < n; ++i) {
            if (ts[std::size_t(i)] == t) {
                loads[std::size_t(i)] += delta;
                return;
            }
        }
        ts[std::size_t(n)] = t;
        loads[std::size_t(n)] = state.load[std::size_t(t)] + delta;
        ++n;
    };
    for (int x : { a, b }) {
        if (x < 0)
            continue;
        add(state.home(x), state.value(x));
        add(state.where[std::size_t(x)], -state.value(x));
    }
    over = under = -1;
    for (int i = 0; i < n; ++i) {
        const double l = loads[std::size_t(i)];
        int &side = l > band.hi ? over : under;
        if (l >= band.lo && l <= band.hi)
            continue;
        if (side >= 0)
            return false;
        side = ts[std::size_t(i)];
    }
    return true;
}

// Sends `a` home if its capacity allows; false (and nothing changed) otherwise.
bool sendHome(State &state, int a)
{
    if (!state.fits(a, state.home(a)))
        return false;
    state.move(a, state.home(a));
    return true;
}

// Replaces two moves by one (or none).
bool mergePairs(State &state, Band band, Stopper &stop, qint64 &checks, qint64 &tries)
{
    bool changed = false;
    std::vector<int> order(state.moved);
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < order.size() && stop.poll(); ++i) {
        bool merged = false;
        for (std::size_t j = i + 1; j < order.size() && !merged; ++j) {
            if (++checks > pairChecks || tries > repairTries)
                return changed;
            const int a = order[i], b = order[j];
            if (state.atHome(a) || state.atHome(b))
                continue;
            int over = -1, under = -1;
            if (!outsideAfterReturn(state, band, a, b, over, under))
                continue;
            const int wa = state.where[std::size_t(a)], wb = state.where[std::size_t(b)];
            if (!sendHome(state, a))
                continue;
            if (!sendHome(state, b)) {
                state.move(a, wa);
                continue;
            }
            if (over >= 0 || under >= 0) {
                ++tries;
                const Repair repair = singleRepair(state, band, over, under,
                                                   std::numeric_limits<double>::infinity());
                if (repair.account < 0) {
                    state.move(b, wb);
                    state.move(a, wa);
                    continue;
                }
                state.move(repair.account, repair.to);
            }
            changed = merged = true;
        }
    }
    return changed;
}

// Replaces a move by one of a smaller account, the larger moves first.
bool cheaperMoves(State &state, Band band, Stopper &stop, qint64 &tries)
{
    bool changed = false;
    for (int a : movedByValue(state)) {
        if (!stop.poll() || tries > repairTries)
            break;
        if (state.atHome(a))
            continue;
        int over = -1, under = -1;
        if (!outsideAfterReturn(state, band, a, -1, over, under))
            continue;
        const int wa = state.where[std::size_t(a)];
        if (!sendHome(state, a))
            continue;
        if (over >= 0 || under >= 0) {
            ++tries;
            const Repair repair = singleRepair(state, band, over, under, state.value(a));
            if (repair.account < 0) {
                state.move(a, wa);
                continue;
            }
            state.move(repair.account, repair.to);
        }
        changed = true;
    }
    return changed;
}

// Replaces a move by one of an account of the same value, giver and taker that keeps regions
// together better.
bool keepRegionsTogether(State &state, Stopper &stop)
{
    if (!state.hasRegions())
        return false;
    bool changed = false;
    std::vector<int> order(state.moved);
    std::sort(order.begin(), order.end());
    for (int a : order) {
        if (!stop.poll())
            break;
        const int d = state.where[std::size_t(a)], s = state.home(a);
        if (d == s || !state.fits(a, s))
            continue;
        const int before = state.continuityDelta(a, s);
        if (-before <= bestContinuityDelta)
            continue; // it joins its region already: nothing does better
        state.move(a, s);
        const double v = state.value(a);
        int best = a, bestDelta = -before;
        const auto &list = state.movable(s);
        int steps = 0;
        for (auto j = lowerBound(state, s, v); j != list.end() && state.value(*j) == v
             && steps < tieScanLimit && bestDelta > bestContinuityDelta;
             ++j, ++steps) {
            if (*j == a || !state.fits(*j, d))
                continue;
            const int delta = state.continuityDelta(*j, d);
            if (delta < bestDelta) {
                best = *j;
                bestDelta = delta;
            }
        }
        state.move(best, d);
        changed = changed || best != a;
    }
    return changed;
}

} // namespace

int movesLowerBound(const State &start, Band band)
{
    int over = 0, under = 0;
    double deficit = 0;
    std::vector<double> values;
    for (int t = 0; t < start.territoryCount; ++t) {
        if (start.frozen(t))
            continue;
        const auto &list = start.movable(t);
        for (int a : list)
            values.push_back(start.value(a));
        // Its own largest accounts are the fewest that take an over-full territory down.
        double excess = start.load[std::size_t(t)] - band.hi;
        for (auto j = list.rbegin(); excess > 0 && j != list.rend(); ++j, ++over)
            excess -= start.value(*j);
        if (start.load[std::size_t(t)] < band.lo) {
            deficit += band.lo - start.load[std::size_t(t)];
            ++under;
        }
    }
    // The largest accounts anywhere are the fewest that fill every under-full one.
    std::sort(values.begin(), values.end(), std::greater<>());
    int fill = 0;
    for (std::size_t i = 0; deficit > 0 && i < values.size(); ++i, ++fill)
        deficit -= values[i];
    return std::max({ over, under, fill });
}

void localSearch(State &state, Band band, int fewestMoves, Stopper &stop)
{
    qint64 checks = 0, tries = 0;
    for (int round = 0; round < 100 && stop.poll(); ++round) {
        bool changed = false;
        if (state.moveCount() > fewestMoves) {
            changed = dropMoves(state, band);
            changed = mergePairs(state, band, stop, checks, tries) || changed;
        }
        changed = cheaperMoves(state, band, stop, tries) || changed;
        if (!changed)
            break;
    }
    // Last, as it changes no load: the same moves by accounts that keep regions together.
    keepRegionsTogether(state, stop);
}

} // namespace tp::rebalance::detail
