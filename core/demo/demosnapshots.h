#pragma once

#include "random.h"
#include "storage/bulkwriter.h"

#include <QDate>

#include <array>
#include <vector>

namespace tp::demo {

// The demo book's weekly snapshots (docs/METRICS.md, "Changes between two snapshots"): four
// weeks before the demo's today and today itself, as if the CRM had been exported every week.
// Each deal's row at a week is rebuilt from its generated history: absent before it was
// created, in the stage its history had then, with the close date before later pushes and the
// pushes so far; on top, a few deals had their amount or owner changed during those weeks, a few
// open ones were removed from the CRM, and a few let their expected close date pass. The first
// snapshot is a full state; later ones list only the deals whose row changed, as partial exports
// would. Its own random stream, so that the rest of the book is what it was without snapshots.
class WeeklySnapshots
{
public:
    static constexpr int weeks = 4; // snapshots before today

    WeeklySnapshots(BulkWriter &out, const QDate &today, std::uint64_t seed);

    // Before a deal is written: whether it is one of those removed (its status becomes Removed),
    // or whose amount or owner changed during the weeks.
    void decide(Opportunity &deal, const std::vector<Id> &reps);
    // After it is written, with its stage history and close-date pushes (in date order).
    void add(Id id, std::optional<Id> territory, const Opportunity &deal,
             const std::vector<StageHistoryRow> &stages,
             const std::vector<CloseDateChangeRow> &pushes);
    void finish();

private:
    BulkWriter &m_out;
    Random m_rng;
    std::array<QDate, weeks + 1> m_dates;
    std::array<Id, weeks + 1> m_ids{};
    // The current deal's changes during the weeks: from which snapshot on it is removed, has its
    // amount, its owner (0: no such change).
    int m_removedAt = 0, m_amountAt = 0, m_ownerAt = 0;
    Minor m_earlierAmount = 0;
    int m_amountChanges = 0;
    std::optional<Id> m_earlierOwner;
    std::vector<SnapshotRowData> m_later; // the rows of the weeks after the first, written last
};

} // namespace tp::demo
