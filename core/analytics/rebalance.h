#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace tp::rebalance {

// METRICS "Territories", the rebalancing proposal, and docs/METRICS.md "Decisions of this
// repository" (Rebalancing): on plain inputs, one value m per account on the chosen metric.
//
// What propose() guarantees, in this order:
// - No locked account moves, no account moves into or out of a frozen territory, an account of
//   value 0 (or less) never moves (it changes no figure), and accounts in no territory stay out.
// - Capacity: every territory that receives an account with active opportunities ends within
//   its capacity (a move of an account without any never changes a count, so it is always
//   allowed; a book already above capacity is not made worse by the moves).
// - The disruption budget, when set: at most maxMoves accounts and at most maxMovedShare of the
//   Σ m of the accounts in territories are moved.
// - Goal 1: every territory within 1 ± tolerance of the mean whenever any of the searches below
//   gets there; otherwise the smallest largest deviation they reach. The mean is over all the
//   territories; a frozen territory's own deviation is left out of this goal (no move can
//   change it) so that it does not stop the others from being balanced.
// - Never worse, in the goal order (1: within tolerance, or the largest deviation; 2: accounts
//   moved; 3: Σ m moved; 4: accounts away from their region's territory), than the plain greedy
//   (repeatedly move, from the territory with the most m to the one with the least, the one
//   account that brings the two closest to the mean, until all are within tolerance or no
//   account helps): it is one of the candidates, improved by the local search below.
// - The fewest moves for a small book: when the movable accounts allow at most
//   Options::exhaustiveLimit assignments, every one is enumerated and the best by the goal order
//   is returned. For a middling book that a few moves (at most 6) could balance, every set of
//   1, 2, ... moves is tried in turn; when that ends within the same limit of sets looked at,
//   the proposal has the fewest moves that reach the tolerance (not tried when the single moves
//   alone are more than a tenth of the limit).
// - Deterministic: the same input gives the same moves (no randomness; ties go to the lower
//   index).
// How, for larger books: candidates are the plain greedy and two variants of it (bring the
// fullest to the mean; move the smaller of the two gaps), and a "fit" greedy that repeatedly
// makes the single move (any giver, to one of the three least loaded) that most reduces the
// total distance of all territories outside the band, the smallest account among equals,
// followed where it stops short by a repair search (moves, exchanges of two accounts, returns
// home). When none reaches the band, bisection on the band finds the smallest deviation these
// reach. Each candidate is then improved by a local search that keeps every territory in the
// band it reached: drop a move that is not needed, replace two moves by one, replace a move by
// one of a smaller account, and last by one of an equal account that keeps a region together.
// The best candidate by the goal order wins. m is expected to be >= 0 (every metric is); with a
// mean of 0 or less nothing moves.

struct Account
{
    double value = 0; // m on the chosen metric (EV, potential, open pipeline, 1, active, a mix)
    int territory = -1; // index into the territories; -1: in none
    bool locked = false; // never moved (open deals by default, or the user's lock)
    int region = -1; // its region (state or country) id, -1 unknown
    int active = 0; // its open opportunities, counted against a territory's capacity
};

struct Territory
{
    int capacity = -1; // the most active opportunities its rep can carry; -1: no limit
    bool frozen = false; // takes no account and gives none
};

struct Options
{
    double tolerance = 0.10; // every territory within 1 ± tolerance of the mean
    std::optional<int> maxMoves; // disruption budget: at most k accounts moved
    std::optional<double> maxMovedShare; // or at most this share of Σ m moved
    // A book whose movable accounts allow at most this many assignments is searched
    // exhaustively, and at most this many sets of a few moves are tried on a larger one; 0
    // turns both off (the tests compare the greedy and local searches alone).
    double exhaustiveLimit = 1'000'000;
};

struct Move
{
    int account = -1;
    int from = -1; // -1: the account was in no territory (assign())
    int to = -1;
};

struct Proposal
{
    // Grouped by territory given (from), then taken (to), then the larger account first, then
    // the account's index.
    std::vector<Move> moves;
    std::vector<double> before, after; // m per territory
    // max |m_t / mean − 1|; 0 when the mean is 0 (or there is no territory).
    double maxDeviationBefore = 0, maxDeviationAfter = 0;
    // min m / max m; 1.0 when every territory holds 0 (or there is none).
    double balanceBefore = 1, balanceAfter = 1;
    double movedValue = 0; // Σ m of the moved (or assigned) accounts
    // Every territory within 1 ± tolerance after; a frozen one, which no move can change,
    // is not asked to be (its deviation still counts in maxDeviation*).
    bool withinTolerance = false;
    // Region continuity: the accounts (with a region, in a territory) that are not in the
    // territory holding most of their region's accounts.
    int awayFromRegionBefore = 0, awayFromRegionAfter = 0;
    // assign(): the unlocked accounts left in no territory, because no territory had the
    // capacity for their active opportunities (or there is no territory to take them).
    std::vector<int> unassigned;
    bool cancelled = false; // the progress callback said stop; the best found so far is kept
};

// The shape of core's progress callbacks (import::ImportProgress): work done of total; return
// false to stop.
using Progress = std::function<bool(qint64 done, qint64 total)>;

// Moves accounts between territories, by the rules and guarantees above.
Proposal propose(std::span<const Account> accounts, std::span<const Territory> territories,
                 const Options &options, const Progress &progress = {});

// Greenfield: every unlocked account in no territory gets one, the others stay where they are
// (the disruption budget does not apply). Whole regions first, each to the territory that
// already holds most of it if it has room, else the one it fills best; the regions that fit
// nowhere whole, and then the accounts without a region, go account by account to the
// territory with the most room (a region's to the one holding most of it when it still fits);
// then the fit greedy moves assigned accounts until every territory is within tolerance,
// preferring among equal gains the account whose region is better kept together.
Proposal assign(std::span<const Account> accounts, std::span<const Territory> territories,
                const Options &options, const Progress &progress = {});

} // namespace tp::rebalance
