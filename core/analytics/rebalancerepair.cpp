// The repair search of rebalanceengine.h: moves, exchanges and returns that bring a book the
// greedy searches left outside the band into it.
#include "rebalanceengine.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tp::rebalance::detail {

namespace {

double outside(double load, Band band)
{
    return load > band.hi ? load - band.hi : (load < band.lo ? band.lo - load : 0.0);
}

struct Action
{
    int a = -1; // moves to `to` (home, for a return)
    int b = -1; // -1, or moves to a's territory (an exchange)
    int to = -1;
    double gain = 0;
    int addedMoves = 0;
    double movedValue = 0;
};

// Larger gain, then fewer accounts moved, then less value moved; the first found on a tie.
bool preferred(const Action &x, const Action &y, double tiny)
{
    if (y.a < 0)
        return true;
    if (std::abs(x.gain - y.gain) > tiny)
        return x.gain > y.gain;
    if (x.addedMoves != y.addedMoves)
        return x.addedMoves < y.addedMoves;
    return x.movedValue < y.movedValue - tiny;
}

// The accounts at home in `from` nearest to `x` from below and from above that fit `to`.
template<class Visit>
void nearestTwo(const State &state, int from, int to, double x, Visit &&visit)
{
    const auto &list = state.movable(from);
    const auto at = std::lower_bound(list.begin(), list.end(), x,
                                     [&](int a, double v) { return state.value(a) < v; });
    int steps = 0;
    for (auto j = at; j != list.begin() && steps < 64; ++steps) {
        if (state.fits(*--j, to)) {
            visit(*j);
            break;
        }
    }
    steps = 0;
    for (auto j = at; j != list.end() && steps < 64; ++j, ++steps) {
        if (state.fits(*j, to)) {
            visit(*j);
            break;
        }
    }
}

} // namespace

bool repairSearch(State &state, Band band, qint64 effortLimit, Stopper &stop)
{
    const double tiny = 1e-12 * std::max(1.0, std::abs(state.mean));
    qint64 effort = 0;
    while (state.violation(band) > 0 && effort < effortLimit && stop.poll()) {
        Action best;
        auto offer = [&](const Action &action) {
            if (action.gain > tiny && state.moveCount() + action.addedMoves <= state.maxMoves
                && state.movedValue + action.movedValue <= state.maxMovedValue + tiny
                && preferred(action, best, tiny))
                best = action;
        };
        // Returns: a moved account sent back home.
        for (int a : state.moved) {
            const int s = state.where[std::size_t(a)], d = state.home(a);
            if (!state.fits(a, d))
                continue;
            const double v = state.value(a);
            const double ls = state.load[std::size_t(s)], ld = state.load[std::size_t(d)];
            offer({ a, -1, d,
                    outside(ls, band) + outside(ld, band) - outside(ls - v, band)
                            - outside(ld + v, band),
                    -1, -v });
        }
        for (int s = 0; s < state.territoryCount; ++s) {
            if (state.frozen(s))
                continue;
            const double ls = state.load[std::size_t(s)];
            for (int d = 0; d < state.territoryCount; ++d) {
                const double ld = state.load[std::size_t(d)];
                const double base = outside(ls, band) + outside(ld, band);
                if (d == s || state.frozen(d) || base <= 0)
                    continue;
                auto gainOf = [&](double transfer) {
                    return base - outside(ls - transfer, band) - outside(ld + transfer, band);
                };
                const int movesLeft = state.maxMoves - state.moveCount();
                if (movesLeft < 1)
                    continue;
                // Single moves from s to d.
                for (double x : { ls - band.hi, ls - band.lo, band.lo - ld, band.hi - ld }) {
                    nearestTwo(state, s, d, x, [&](int a) {
                        offer({ a, -1, d, gainOf(state.value(a)), 1, state.value(a) });
                    });
                }
                // Exchanges: a from s to d, b from d to s; the best b is next to a corner of
                // the (concave) gain in the net transfer.
                for (int a : state.movable(s)) {
                    if (movesLeft < 2 || ++effort > effortLimit)
                        break;
                    if (!state.fits(a, d))
                        continue;
                    const double va = state.value(a);
                    const double s1 = ls - va, d1 = ld + va;
                    for (double x : { d1 - band.hi, d1 - band.lo, band.lo - s1, band.hi - s1 }) {
                        nearestTwo(state, d, s, x, [&](int b) {
                            const double vb = state.value(b);
                            offer({ a, b, d, gainOf(va - vb), 2, va + vb });
                        });
                    }
                }
            }
        }
        if (best.a < 0)
            break;
        const int from = state.where[std::size_t(best.a)];
        state.move(best.a, best.to);
        if (best.b >= 0)
            state.move(best.b, from);
    }
    return state.violation(band) <= 0;
}

} // namespace tp::rebalance::detail
