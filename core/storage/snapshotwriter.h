#pragma once

#include "domain/entities.h"
#include "domain/snapshot.h"
#include "sqlite.h"

#include <QString>

#include <optional>

namespace tp::snapshots {

// docs/METRICS.md, "Changes between two snapshots": the book as it stood at snapshot X is, for
// each opportunity, its row in the latest snapshot at or before X that holds one (snapshots in
// order of date, then id). An import's snapshot lists the rows of its file; the functions here
// keep the states of all snapshots that way while snapshots are added, labelled and deleted
// (docs/METRICS.md, "Decisions of this repository"). All run inside the caller's transaction
// when there is one.

// After an import has written the rows of its snapshot `snapshot`: counts them (listed_rows),
// and when the rows read to rebuild its state would exceed one and a half times the last full
// state before it, copies the rows it carries forward into it (`carried` = 1), so that it is a
// full state itself and later reads stop there. Snapshots dated after it are no longer full
// states (their state now includes its rows).
void completeState(sql::Database &db, Id snapshot);

// Names a snapshot ("Before the reorganisation"); an empty label clears it. False when there is
// no such snapshot.
bool labelSnapshot(sql::Database &db, Id snapshot, const QString &label);

// Deletes a snapshot and keeps the states of the later ones what they were: its rows that the
// next snapshot does not hold are folded into that one (carried). False when there is no such
// snapshot. Runs in a transaction of its own.
bool deleteSnapshot(sql::Database &db, Id snapshot);

// A snapshot with every column and row, as deleteSnapshot() would take it away; none when there
// is no such snapshot. readSnapshotHead() reads its columns only (`rows` empty).
std::optional<SnapshotRecord> readSnapshot(sql::Database &db, Id snapshot);
std::optional<SnapshotRecord> readSnapshotHead(sql::Database &db, Id snapshot);

// What deleteSnapshot() would fold into the next snapshot (SnapshotDeletion: `next`, `folded`,
// `nextWasFull`); `before` is the snapshot (readSnapshot). Empty when there is no such snapshot.
SnapshotDeletion plannedDeletion(sql::Database &db, Id snapshot);

// Undoes deleteSnapshot(): takes the folded rows out of the next snapshot, gives it back its
// full-state flag and writes the snapshot with its rows again (`deletion.after`), exactly.
void restoreSnapshot(sql::Database &db, const SnapshotDeletion &deletion);

} // namespace tp::snapshots
