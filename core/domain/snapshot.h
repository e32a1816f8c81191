#pragma once

#include "entities.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace tp {

// A snapshot as the book holds it (tables snapshots and snapshot_rows, docs/METRICS.md "Changes
// between two snapshots"), every column and every row: what deleting one takes away and what
// undoing that puts back exactly.
struct SnapshotRowRecord
{
    Id opportunity = 0;
    int stage = 0;
    int status = 0;
    Minor amount = 0;
    QDate closeDate; // invalid: NULL
    std::optional<int> probability; // basis points
    std::optional<Id> owner, territory;
    QDate lastActivity, stageEntered;
    int pushes = 0;
    std::optional<int> forecastCategory;
    bool carried = false; // carried forward from an earlier snapshot, not listed by its import
    bool operator==(const SnapshotRowRecord &) const = default;
};

struct SnapshotRecord
{
    Id id = 0;
    std::optional<Id> importId; // none for the demo's
    QDate takenOn;
    QString source;
    QString label; // empty: none
    bool fullState = false;
    qint64 listedRows = 0;
    std::vector<SnapshotRowRecord> rows; // by opportunity
    bool operator==(const SnapshotRecord &) const = default;
};

// A snapshot's label (empty: none).
struct SnapshotLabel
{
    Id snapshot = 0;
    QString label;
    bool operator==(const SnapshotLabel &) const = default;
};

// A snapshot deleted (before: it; after: none) or brought back (the other way round). Deleting
// folds its rows that the next snapshot lacks into that one, so that the later states stay
// what they were (core/storage/snapshotwriter.h); bringing it back takes exactly those rows out
// of the next one again and gives it back whether it was a full state.
struct SnapshotDeletion
{
    std::optional<SnapshotRecord> before;
    std::optional<SnapshotRecord> after;
    std::optional<Id> next; // none when it was the latest
    std::vector<Id> folded; // the deals whose rows went into `next`, ascending
    bool nextWasFull = false;

    Id id() const { return before ? before->id : after ? after->id : 0; }
    bool changed() const { return !(before == after); }
    SnapshotDeletion swapped() const { return { after, before, next, folded, nextWasFull }; }
    bool operator==(const SnapshotDeletion &) const = default;
};

} // namespace tp
