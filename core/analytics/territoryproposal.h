#pragma once

#include "analytics/rebalance.h"
#include "analytics/territories.h"
#include "analytics/territoryregions.h"
#include "domain/scenario.h"

#include <optional>
#include <span>
#include <vector>

namespace tp::territories {

// docs/METRICS.md "Territories", the rebalancing proposal, on a book: the accounts of a layout
// as tp::rebalance inputs, the proposal rebalance::propose() makes of them, and what it would do
// to each territory and rep. The book itself is not changed (BookEditor::moveToTerritories
// applies a proposal as one edit).

struct ProposalRequest
{
    double tolerance = 0.10;
    std::optional<int> maxMoves; // disruption budget: at most k accounts moved
    std::optional<double> maxMovedShare; // or at most this share of Σ m
    // Accounts locked by the default rule (an open deal) may move; the user's locks stay.
    bool unlockOpen = false;
};

// What an account or a set of accounts carries from one territory to another.
struct Carried
{
    int accounts = 0;
    Minor potential = 0;
    Minor ev = 0;
    Minor openPipeline = 0;
    bool operator==(const Carried &) const = default;
};

// Accounts in territories that a proposal may not move: locked by an open deal or by the user,
// and of those the ones the user locked.
struct Locks
{
    int locked = 0;
    int byUser = 0;
};

struct TerritoryProposal
{
    ProposalRequest request;
    rebalance::Proposal plan; // Move::account is an account row, from/to layout entries
    std::vector<int> accountEntryAfter; // per account row: its entry after the moves
    Report after; // the figures of every entry after the moves, on the same metric
    double movedShare = 0; // Σ m moved / Σ m of the accounts in territories (0 when that is 0)
    Locks locks; // the accounts in territories that could not move
    // Per layout entry: what it gains and what it loses.
    std::vector<Carried> gained, lost;
};

// The region (state or country on the map, else the account's region text) each account row is
// kept together by: map regions keep their catalogue ids, region texts follow them; -1 none.
// `grouping` is the view's accounts grouped by map region (groupByRegion), when one is at hand.
std::vector<int> accountRegions(const BookView &view);
std::vector<int> accountRegions(const BookView &view, const RegionGrouping &grouping);

// The inputs of rebalance::propose(): per account row its value on the report's metric, its
// entry, whether it is locked (AccountColumns::isLocked, or only the user's lock with
// unlockOpen), its region and its open deals; per entry its capacity and whether the user locked
// the territory (frozen).
std::vector<rebalance::Account> proposalAccounts(const BookView &view, const Layout &layout,
                                                 const Report &report, bool unlockOpen,
                                                 const std::vector<int> &regions);
std::vector<rebalance::Territory> proposalTerritories(const BookView &view, const Layout &layout,
                                                      const Report &report);

// The proposal for the layout on the report's metric (evaluated for `period` with `weights`).
TerritoryProposal propose(const BookView &view, const Layout &layout, const Report &report,
                          const QString &period, const ProposalRequest &request,
                          const MixWeights &weights = {}, const rebalance::Progress &progress = {});

// The locked accounts in territories among `accounts` (proposalAccounts()).
Locks countLocks(const BookView &view, std::span<const rebalance::Account> accounts);

// The figures of the layout with the moves made (gains and losses, the report after).
void describeMoves(const BookView &view, const Layout &layout, const Report &report,
                   const QString &period, const MixWeights &weights, TerritoryProposal &proposal);

// A kept scenario on the book as it is now: where its moves put each account row, and the moves
// still to make (account row, entry). A move whose account or destination is gone (or a
// scenario of reps in a book with territories, or the other way round) is counted in `gone`,
// one already made in `done`.
struct ScenarioPlacement
{
    std::vector<int> accountEntry;
    std::vector<std::pair<int, int>> pending;
    int gone = 0;
    int done = 0;
};
ScenarioPlacement placeScenario(const BookView &view, const Layout &layout,
                                const Scenario &scenario);

// The destination of layout entry `entry` as a scenario or BookEditor::moveAccounts names it:
// its territory's id, or its rep's in a book without territories.
Id destinationId(const BookView &view, const Layout &layout, int entry);

} // namespace tp::territories
