// propose(): the candidates, the exhaustive search of small books, and the proposal's figures.
#include "rebalance.h"

#include "rebalanceengine.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tp::rebalance {

using namespace detail;

namespace {

std::vector<double> loadsOf(std::span<const Account> accounts, std::span<const int> where,
                            std::size_t territoryCount)
{
    std::vector<double> loads(territoryCount, 0.0);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (where[a] >= 0)
            loads[std::size_t(where[a])] += accounts[a].value;
    return loads;
}

// Over every territory, or those not frozen only.
double maxDeviationOf(const std::vector<double> &loads, std::span<const Territory> territories,
                      bool skipFrozen)
{
    double total = 0;
    for (double l : loads)
        total += l;
    const double mean = loads.empty() ? 0.0 : total / double(loads.size());
    double d = 0;
    if (mean > 0)
        for (std::size_t t = 0; t < loads.size(); ++t)
            if (!skipFrozen || !territories[t].frozen)
                d = std::max(d, std::abs(loads[t] / mean - 1));
    return d;
}

double balanceOf(const std::vector<double> &loads)
{
    if (loads.empty())
        return 1.0;
    const auto [least, most] = std::minmax_element(loads.begin(), loads.end());
    if (*most <= 0)
        return *least == *most ? 1.0 : 0.0;
    return std::max(0.0, *least / *most);
}

} // namespace

namespace detail {

Band reachedBand(const State &state, double tolerance)
{
    return state.band(std::max(tolerance, state.maxDeviation()));
}

bool reachBand(State &state, Band band, bool preferContinuity, qint64 effortLimit, Stopper &stop)
{
    return fitGreedy(state, band, preferContinuity, stop)
            || repairSearch(state, band, effortLimit, stop);
}

double deviationLowerBound(const State &state)
{
    if (!(state.mean > 0))
        return 0;
    std::vector<double> fixed(std::size_t(state.territoryCount), 0.0);
    for (std::size_t a = 0; a < state.accounts.size(); ++a)
        if (state.home(int(a)) >= 0 && !state.isMovable(int(a)))
            fixed[std::size_t(state.home(int(a)))] += state.accounts[a].value;
    double bound = 0;
    for (int t = 0; t < state.territoryCount; ++t)
        if (!state.frozen(t))
            bound = std::max(bound, fixed[std::size_t(t)] / state.mean - 1);
    return bound;
}

std::optional<State> smallestBand(const State &start, double from, double to, bool preferContinuity,
                                  Stopper &stop)
{
    std::optional<State> found;
    auto reaches = [&](double deviation) {
        State state = start;
        if (!reachBand(state, start.band(deviation), preferContinuity, repairEffortPerStep, stop))
            return false;
        found = std::move(state);
        return true;
    };
    if (reaches(from))
        return found;
    if (!reaches(to))
        return std::nullopt;
    double low = from, high = to;
    for (int i = 0; i < 10 && high - low > 1e-6 && !stop.stopped(); ++i) {
        const double middle = (low + high) / 2;
        (reaches(middle) ? high : low) = middle;
    }
    return found;
}

Proposal proposalFrom(std::span<const Account> accounts, std::span<const Territory> territories,
                      double tolerance, std::span<const int> after)
{
    const std::size_t count = territories.size();
    std::vector<int> before(accounts.size(), -1);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (accounts[a].territory >= 0 && std::size_t(accounts[a].territory) < count)
            before[a] = accounts[a].territory;

    Proposal p;
    p.before = loadsOf(accounts, before, count);
    p.after = loadsOf(accounts, after, count);
    p.maxDeviationBefore = maxDeviationOf(p.before, territories, false);
    p.maxDeviationAfter = maxDeviationOf(p.after, territories, false);
    p.balanceBefore = balanceOf(p.before);
    p.balanceAfter = balanceOf(p.after);
    p.withinTolerance = maxDeviationOf(p.after, territories, true) <= tolerance + deviationEpsilon;
    for (std::size_t a = 0; a < accounts.size(); ++a) {
        if (before[a] != after[a] && after[a] >= 0) {
            p.moves.push_back({ int(a), before[a], after[a] });
            p.movedValue += accounts[a].value;
        }
    }
    std::sort(p.moves.begin(), p.moves.end(), [&](const Move &x, const Move &y) {
        if (x.from != y.from)
            return x.from < y.from;
        if (x.to != y.to)
            return x.to < y.to;
        const double vx = accounts[std::size_t(x.account)].value;
        const double vy = accounts[std::size_t(y.account)].value;
        return vx > vy || (vx == vy && x.account < y.account);
    });
    const Regions regions = denseRegions(accounts);
    p.awayFromRegionBefore = awayFromRegion(regions, before, int(count));
    p.awayFromRegionAfter = awayFromRegion(regions, after, int(count));
    return p;
}

} // namespace detail

Proposal propose(std::span<const Account> accounts, std::span<const Territory> territories,
                 const Options &options, const Progress &progress)
{
    const double tolerance = std::max(0.0, options.tolerance);
    const State start(accounts, territories, options);
    Stopper stop(progress);
    stop.setTotal(6);

    std::vector<int> best = start.where;
    Score bestScore = scoreOf(start, tolerance);
    auto offer = [&](const State &state) {
        const Score score = scoreOf(state, tolerance);
        if (better(score, bestScore, start.total)) {
            bestScore = score;
            best = state.where;
        }
    };
    auto improveAndOffer = [&](State &state) {
        const Band band = reachedBand(state, tolerance);
        localSearch(state, band, movesLowerBound(start, band), stop);
        offer(state);
        stop.step();
    };

    bool searched = bestScore.within || start.territoryCount < 2 || !(start.mean > 0);
    if (!searched && options.exhaustiveLimit > 0) {
        if (const auto state = exhaustiveSearch(start, tolerance, options.exhaustiveLimit, stop)) {
            offer(*state);
            searched = true;
        }
    }
    if (!searched) {
        const Band band = start.band(tolerance);
        std::vector<std::vector<int>> tried; // the plain greedies often agree
        for (PlainTarget target :
             { PlainTarget::Balance, PlainTarget::FullestToMean, PlainTarget::SmallerGap }) {
            State state = start;
            plainGreedy(state, band, target, stop);
            std::vector<int> moved = state.moved;
            std::sort(moved.begin(), moved.end());
            if (std::find(tried.begin(), tried.end(), moved) != tried.end()) {
                stop.step();
                continue;
            }
            tried.push_back(std::move(moved));
            improveAndOffer(state);
        }
        State fit = start;
        reachBand(fit, band, false, repairEffort, stop);
        improveAndOffer(fit);
        const double from = std::max(tolerance, deviationLowerBound(start));
        if (!bestScore.within && !stop.stopped() && from < bestScore.maxDeviation) {
            // Out of reach: the smallest band the fit greedy and the repair get to, at most
            // the best yet.
            if (auto state = smallestBand(start, from, bestScore.maxDeviation, false, stop))
                improveAndOffer(*state);
        }
        // Fewer moves than the best yet, if a few do it and the book is small enough to try
        // every set of a few.
        const int fewest = movesLowerBound(start, band);
        const int most =
                std::min(bestScore.within ? bestScore.moves - 1 : fewMoves, start.maxMoves);
        if (options.exhaustiveLimit > 0 && fewest <= most && fewest <= fewMoves
            && !stop.stopped()) {
            if (auto state = fewestMovesSearch(start, band, fewest, most,
                                               qint64(options.exhaustiveLimit), stop))
                improveAndOffer(*state);
        }
    }

    Proposal proposal = proposalFrom(accounts, territories, tolerance, best);
    proposal.cancelled = stop.stopped();
    return proposal;
}

} // namespace tp::rebalance
