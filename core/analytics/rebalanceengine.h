#pragma once

// The search state and the searches behind propose() and assign() (rebalance.h); internal to
// core/analytics/rebalance*.cpp and greenfield.cpp.

#include "analytics/rebalance.h"

#include <memory>
#include <optional>

namespace tp::rebalance::detail {

// Deviations (shares of the mean) closer than this are equal; within tolerance means at most
// tolerance + this.
inline constexpr double deviationEpsilon = 1e-9;

// The loads a territory may hold: [lo, hi].
struct Band
{
    double lo = 0;
    double hi = 0;
};

// Work done and total for the progress callback, and whether it said stop.
class Stopper
{
public:
    explicit Stopper(const Progress &progress) : m_progress(progress) { }
    void setTotal(qint64 total) { m_total = total; }
    // Reports one more step done; false once the callback said stop.
    bool step();
    // Asks the callback every 64 calls without counting work; false once it said stop.
    bool poll();
    bool stopped() const { return m_stopped; }

private:
    const Progress &m_progress;
    qint64 m_done = 0;
    qint64 m_total = 1;
    unsigned m_polls = 0;
    bool m_stopped = false;
};

// Dense region numbers (0..count-1) for the accounts' region ids; -1 for none.
struct Regions
{
    std::vector<int> ofAccount;
    int count = 0;
};
Regions denseRegions(std::span<const Account> accounts);

// Σ over regions of the accounts (in a territory) not in the territory holding most of the
// region's accounts, for the assignment `where` (a territory per account, -1 for none).
int awayFromRegion(const Regions &regions, std::span<const int> where, int territoryCount);

// An assignment being searched: each account's territory now (its home is
// accounts[a].territory), the loads, the active counts, the moves so far.
class State
{
public:
    State(std::span<const Account> accounts, std::span<const Territory> territories,
          const Options &options);

    std::span<const Account> accounts;
    std::span<const Territory> territories;
    int territoryCount = 0;
    double total = 0; // Σ m of the accounts in territories
    double mean = 0;
    int maxMoves = 0; // the budget; INT_MAX without one
    double maxMovedValue = 0; // the budget; infinity without one

    std::vector<int> where;
    std::vector<double> load;
    std::vector<qint64> active;
    std::vector<int> moved; // the accounts away from home, in no particular order
    double movedValue = 0;

    double value(int a) const { return accounts[std::size_t(a)].value; }
    int home(int a) const { return accounts[std::size_t(a)].territory; }
    bool atHome(int a) const { return where[std::size_t(a)] == home(a); }
    bool frozen(int t) const { return territories[std::size_t(t)].frozen; }
    int moveCount() const { return int(moved.size()); }
    double valueLeft() const { return maxMovedValue - movedValue; }
    // The accounts at home in `t` that may move, ascending by value then index (unlocked, of
    // value > 0, in a territory that is not frozen).
    const std::vector<int> &movable(int t) const { return m_movable[std::size_t(t)]; }
    // `a` may join territory `t`: not frozen, and its active opportunities fit its capacity.
    bool fits(int a, int t) const;
    // Moves `a` to `t` (its home takes it back); keeps the loads, counts and moves.
    void move(int a, int t);

    Band band(double tolerance) const;
    double deviation(int t) const;
    double maxDeviation() const;
    // Σ of the distances of the loads outside the band.
    double violation(Band band) const;
    bool inBand(int t, Band band) const
    {
        return load[std::size_t(t)] >= band.lo && load[std::size_t(t)] <= band.hi;
    }

    // Unlocked, of value > 0, in a territory that is not frozen.
    bool isMovable(int a) const { return (*m_isMovable)[std::size_t(a)] != 0; }

    bool hasRegions() const { return !m_regionCounts.empty(); }
    // How the accounts away from their region's territory change when `a` moves to `t`.
    int continuityDelta(int a, int t) const;
    int awayFromRegion() const;

private:
    bool valueOrder(int x, int y) const
    {
        const double vx = value(x), vy = value(y);
        return vx < vy || (vx == vy && x < y);
    }

    std::vector<std::vector<int>> m_movable;
    std::shared_ptr<const std::vector<char>> m_isMovable;
    std::shared_ptr<const Regions> m_regions;
    std::vector<int> m_regionCounts; // [region * territoryCount + territory]
    // Per region: the largest count in a territory, and in how many territories it is.
    std::vector<int> m_regionMost, m_regionMostIn;
    void recountMost(int region);
    std::vector<int> m_movedAt; // index in `moved`, -1 at home
};

// The goal order of propose(): within tolerance (or the smaller largest deviation), fewer
// moves, less Σ m moved, fewer accounts away from their region.
struct Score
{
    bool within = false;
    double maxDeviation = 0;
    int moves = 0;
    double movedValue = 0;
    int away = 0;
};
// Loads summed afresh (not the running sums).
Score scoreOf(const State &state, double tolerance);
bool better(const Score &a, const Score &b, double total);

// The plain greedy and its variants: from the territory with the most m to the one with the
// least, the account nearest to a target, until all are in `band` or no account brings the
// two closer to the mean.
enum class PlainTarget {
    Balance, // the account that leaves the pair nearest to the mean (half the gap)
    FullestToMean, // the one nearest to the fullest territory's excess over the mean
    SmallerGap, // the one nearest to the smaller of the two gaps to the mean
};
void plainGreedy(State &state, Band band, PlainTarget target, Stopper &stop);

// The fit greedy: the move (any giver, any taker) that most reduces violation(band); among
// equal gains the smaller account, then (or first, with preferContinuity) the one that keeps
// regions together. True when every territory ends in the band.
bool fitGreedy(State &state, Band band, bool preferContinuity, Stopper &stop);

// Moves, exchanges (an account each way between two territories) and returns home, the one
// that most reduces violation(band) at a time, until every territory is in the band or none
// reduces it, or `effortLimit` accounts were looked at (each costs a few binary searches).
// True when every territory ends in the band.
bool repairSearch(State &state, Band band, qint64 effortLimit, Stopper &stop);

// The repair search's effort: a small or middling book is searched through many times over;
// on a large one the greedy searches reach the band themselves. Less for each step of a
// bisection.
inline constexpr qint64 repairEffort = 1'000'000;
inline constexpr qint64 repairEffortPerStep = 100'000;

// The fit greedy, then the repair search where it stops short. True when in the band.
bool reachBand(State &state, Band band, bool preferContinuity, qint64 effortLimit, Stopper &stop);

// No assignment has a smaller largest deviation: the frozen territories' own, and for each
// other the share its accounts that may not move hold already.
double deviationLowerBound(const State &state);

// Every assignment of the movable accounts of a small book, depth first: the best by the goal
// order. Nothing when there are more than `limit` (or the search was stopped).
std::optional<State> exhaustiveSearch(const State &start, double tolerance, double limit,
                                      Stopper &stop);

// Iterative deepening over sets of moves: the first set of `fewest`, `fewest` + 1, ... `most`
// moves that brings every territory into the band (so the fewest there are), within
// `nodeLimit` sets looked at; nothing when none is found.
std::optional<State> fewestMovesSearch(const State &start, Band band, int fewest, int most,
                                       qint64 nodeLimit, Stopper &stop);
// The most moves fewestMovesSearch() is asked to look for.
inline constexpr int fewMoves = 6;

// No assignment with every territory in `band` moves fewer accounts than this from `start`
// (a state without moves): each over-full territory sheds its excess with its own largest
// accounts, the under-full ones are filled by the largest accounts anywhere.
int movesLowerBound(const State &start, Band band);

// Improves the moves while every territory stays in `band`: drops moves, replaces two by one
// (not tried once the moves are down to `fewestMoves`, a lower bound), a move by a smaller
// account; last, a move by an equal one that keeps a region together.
void localSearch(State &state, Band band, int fewestMoves, Stopper &stop);

// The band a state's loads are all in: the tolerance's when it is met, else its own largest
// deviation's (the local search keeps it).
Band reachedBand(const State &state, double tolerance);

// reachBand() from `start` on the band of the smallest deviation in [from, to] it gets to
// (`from` itself, else by bisection); nothing when it does not get to `to`.
std::optional<State> smallestBand(const State &start, double from, double to, bool preferContinuity,
                                  Stopper &stop);

// The proposal for the assignment `after` (a territory per account, -1 for none) of the
// accounts, against their territories in `accounts`.
Proposal proposalFrom(std::span<const Account> accounts, std::span<const Territory> territories,
                      double tolerance, std::span<const int> after);

} // namespace tp::rebalance::detail
