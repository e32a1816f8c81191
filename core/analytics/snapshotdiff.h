#pragma once

#include "domain/dates.h"
#include "domain/entities.h"
#include "domain/forecast.h"
#include "domain/money.h"
#include "domain/stage.h"

#include <QDate>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace tp::changes {

// docs/METRICS.md, "Changes between two snapshots" and "Pipeline flow": what changed between two
// snapshots of the book, per opportunity and in total, and the flow from the pipeline at the
// first to the pipeline at the second, in buckets that balance to the cent.

// One opportunity as a snapshot holds it.
struct DealState
{
    Id id = 0;
    Stage stage = Stage::Qualify;
    Status status = Status::Open;
    Minor amount = 0; // in the book's currency
    qint64 closeDay = 0; // expected close, Julian day; 0 when none
    Id owner = 0; // 0 when none
    Id territory = 0; // the account's territory; 0 when none
    // The snapshot's forecast category; from the stage when it holds none (Won: Closed, Lost
    // and Removed: Omitted).
    ForecastCategory category = ForecastCategory::Pipeline;
    bool stalled = false; // stalled as of the snapshot's date with the snapshot's data
};

// The book as it stood at a snapshot: its opportunities sorted by id, one row each.
struct State
{
    QDate date;
    std::vector<DealState> deals;
};

// Team (both 0), one rep (their deals), one territory (its accounts' deals), or both.
struct Scope
{
    Id rep = 0;
    Id territory = 0;
    bool contains(const DealState &deal) const
    {
        return (rep == 0 || deal.owner == rep) && (territory == 0 || deal.territory == territory);
    }
};

// The change categories; one opportunity can carry several.
enum class Change : int {
    New,
    Removed,
    Won,
    Lost,
    Advanced,
    Regressed,
    Pushed,
    PulledIn,
    AmountUp,
    AmountDown,
    OwnerChanged,
    NewlyStalled,
};
inline constexpr int changeCount = 12;
using ChangeSet = std::uint16_t; // bit (1 << Change)
inline constexpr bool has(ChangeSet set, Change change)
{
    return (set & (1u << unsigned(change))) != 0;
}

// The flow's buckets, in the order they are tried (each opportunity of In(A) ∪ In(B) falls in
// the first that applies), and the direction of its amount.
enum class Bucket : int {
    New, // + amount at B
    Removed, // − amount at A
    Won, // − amount at A
    Lost, // − amount at A
    MovedOut, // − amount at A
    MovedIn, // + amount at B
    AmountUp, // + (B − A)
    AmountDown, // − (A − B)
    Unchanged, // 0
};
inline constexpr int bucketCount = 9;

// Why an opportunity moved out of the flow's pipeline or into it.
enum class MoveReason : int {
    None,
    Owner, // it left the rep's scope, or came to it
    Territory, // its account left the territory, or came to it
    Period, // its expected close moved past the period's end, or into the period
    Reopened, // closed or removed at A, open at B
};

struct DealDifference
{
    Id id = 0;
    int a = -1; // its row in A's deals; -1: absent from A
    int b = -1; // its row in B's deals; -1: absent from B
    ChangeSet changes = 0;
    std::optional<Bucket> bucket; // when it is in the pipeline of the flow at A or at B
    Minor amount = 0; // what it moves in its bucket, positive (0 when unchanged)
    MoveReason reason = MoveReason::None; // moved out or in
};

struct Comparison
{
    QDate from, to;
    std::array<qint64, changeCount> counts{}; // per change category
    Minor start = 0; // Σ amount at A over In(A)
    Minor end = 0; // Σ amount at B over In(B)
    std::array<Minor, bucketCount> flow{}; // per bucket, positive amounts
    std::array<qint64, bucketCount> flowCount{}; // opportunities per bucket
    // Every opportunity of the scope at A or B with a change or a bucket, by id.
    std::vector<DealDifference> deals;

    qint64 count(Change change) const { return counts[std::size_t(change)]; }
    Minor amount(Bucket bucket) const { return flow[std::size_t(bucket)]; }
    // start + new + moved in + amount up − amount down − won − lost − removed − moved out.
    Minor flowEnd() const;
};

// A and B are two snapshots, A the earlier; `period` the flow's period P.
Comparison compare(const State &a, const State &b, const Scope &scope, const Period &period);

} // namespace tp::changes
