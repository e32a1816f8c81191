#include "demosnapshots.h"

#include <algorithm>

namespace tp::demo {

WeeklySnapshots::WeeklySnapshots(BulkWriter &out, const QDate &today, std::uint64_t seed)
    : m_out(out), m_rng(seed ^ 0x534E'4150'5348'4F54ull)
{
    for (int k = 0; k <= weeks; ++k) {
        m_dates[std::size_t(k)] = today.addDays(-7 * (weeks - k));
        m_ids[std::size_t(k)] = m_out.addSnapshot(m_dates[std::size_t(k)], k == 0);
    }
}

void WeeklySnapshots::decide(Opportunity &deal, const std::vector<Id> &reps)
{
    m_removedAt = m_amountAt = m_ownerAt = 0;
    if (deal.status != Status::Open)
        return;
    // The first week it was open through from the snapshot before: changes happen from then.
    int first = 0;
    for (int k = 1; k <= weeks && first == 0; ++k) {
        if (deal.created < m_dates[std::size_t(k - 1)])
            first = k;
    }
    if (first == 0)
        return; // new this week
    const auto week = [&] { return int(m_rng.between(first, weeks)); };
    const bool worked = deal.lastActivity >= m_dates[weeks].addDays(-25);
    // Removed from the CRM: found gone in one of the weeks.
    if (worked && m_rng.chance(0.06)) {
        m_removedAt = week();
        deal.status = Status::Removed;
        return;
    }
    if (m_rng.chance(0.12)) {
        m_amountAt = week();
        // Cut or raised by up to a third, in hundreds; cuts and raises take turns.
        const Minor delta =
                std::max<Minor>(100, deal.amount / 100 * m_rng.between(5, 33) / 100 * 100);
        m_earlierAmount = (++m_amountChanges % 2) != 0 ? deal.amount + delta : deal.amount - delta;
    }
    if (m_rng.chance(0.05) && reps.size() > 1) {
        m_ownerAt = week();
        Id other = deal.ownerId.value_or(0);
        while (other == deal.ownerId.value_or(0))
            other = reps[std::size_t(m_rng.between(0, qint64(reps.size()) - 1))];
        m_earlierOwner = other;
    }
    // A deal still worked on whose expected close slipped by in the last weeks without a push:
    // stalled since.
    if (worked && m_rng.chance(0.1)) {
        const QDate slipped = m_dates[weeks].addDays(-m_rng.between(1, 20));
        if (slipped > deal.created)
            deal.closeDate = slipped;
    }
}

void WeeklySnapshots::add(Id id, std::optional<Id> territory, const Opportunity &deal,
                          const std::vector<StageHistoryRow> &stages,
                          const std::vector<CloseDateChangeRow> &pushes)
{
    std::optional<SnapshotRowData> previous;
    for (int k = 0; k <= weeks; ++k) {
        const QDate day = m_dates[std::size_t(k)];
        // The stage its history had that day.
        const StageHistoryRow *entry = nullptr;
        for (const StageHistoryRow &s : stages) {
            if (s.entered <= day)
                entry = &s;
        }
        if (!entry)
            continue; // not created yet
        SnapshotRowData row;
        row.snapshot = m_ids[std::size_t(k)];
        row.opportunity = id;
        row.stage = entry->stage;
        row.status = statusForStage(entry->stage);
        if (row.status != Status::Open && entry->entered.daysTo(day) > 365)
            continue; // closed long before: not in the pipeline the snapshot holds
        row.stageEntered = entry->entered;
        row.closeDate = deal.closeDate;
        for (const CloseDateChangeRow &p : pushes) {
            if (p.changedOn <= day) {
                ++row.pushes;
            } else {
                row.closeDate = p.oldDate; // before its next push
                break;
            }
        }
        row.amount = m_amountAt > k ? m_earlierAmount : deal.amount;
        row.owner = m_ownerAt > k ? m_earlierOwner : deal.ownerId;
        row.territory = territory;
        row.lastActivity = deal.lastActivity <= day
                ? deal.lastActivity
                : std::max(deal.created, day.addDays(-m_rng.between(1, 10)));
        if (m_removedAt != 0 && k >= m_removedAt) {
            if (previous && previous->status == Status::Removed)
                continue; // carried forward
            row.status = Status::Removed;
        }
        if (k == 0)
            m_out.addSnapshotRow(row); // keys in order: appended
        else if (!previous || !previous->sameAs(row))
            m_later.push_back(row);
        previous = row;
    }
}

void WeeklySnapshots::finish()
{
    // Snapshot by snapshot, each in deal order: every row goes at the end of the table's B-tree
    // (rows interleaved across snapshots split pages in the middle, which took a third longer).
    std::stable_sort(m_later.begin(), m_later.end(),
                     [](const SnapshotRowData &x, const SnapshotRowData &y) {
                         return x.snapshot < y.snapshot;
                     });
    for (const SnapshotRowData &row : m_later)
        m_out.addSnapshotRow(row);
    m_later = {};
    m_out.finishSnapshots();
}

} // namespace tp::demo
