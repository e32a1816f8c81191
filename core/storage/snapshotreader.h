#pragma once

#include "analytics/dealhealth.h"
#include "analytics/snapshotdiff.h"
#include "domain/entities.h"
#include "sqlite.h"

#include <QDate>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace tp::snapshots {

// Reads the snapshots the imports took (docs/METRICS.md, "Changes between two snapshots"): the
// book as it stood at snapshot X is, for each opportunity, its row in the latest snapshot at or
// before X that holds one, snapshots ordered by date, then id. Reading a state reads the
// snapshots from the last full state at or before X (core/storage/snapshotwriter.h) up to X.

struct SnapshotInfo
{
    Id id = 0;
    QDate date; // as of which it was taken (the import's --as-of)
    QString source; // the import's preset ("salesforce-report"); empty for the demo's
    qint64 rows = 0; // the rows its import listed
    QString label; // empty when none
    QString file; // the file its import read (without the folder); empty for the demo's
};

// One point of a deal's path: its row in the state at one snapshot.
struct PathPoint
{
    Id snapshot = 0;
    QDate date;
    Stage stage = Stage::Qualify;
    Status status = Status::Open;
    Minor amount = 0;
    QDate closeDate; // invalid when none
    Id owner = 0; // 0 when none
};

// How the stalled rules judge a deal as of a day: the book's settings and its average sales
// cycle as of that day (health::ruleContext(view, day) for a loaded view).
using RuleContextAt = std::function<health::RuleContext(const QDate &)>;

class SnapshotReader
{
public:
    explicit SnapshotReader(sql::Database &db);

    // Every snapshot, oldest first (by date, then id).
    std::vector<SnapshotInfo> list();
    // The latest snapshot at or before `date`; none when all are later (or there are none).
    std::optional<SnapshotInfo> latestAtOrBefore(const QDate &date);

    // The state at each of `snapshots` (in the order given), read in one pass over the
    // snapshots they are built from; each deal's `stalled` is the stalled rules' verdict as of
    // that snapshot's date with that snapshot's facts (METRICS "newly stalled"). Throws
    // sql::Error for an unknown snapshot.
    std::vector<changes::State> states(const std::vector<Id> &snapshots,
                                       const RuleContextAt &rules);
    changes::State state(Id snapshot, const RuleContextAt &rules);

    // The deal's row in the state at every snapshot from `from` to `to` (both included, in
    // order) where the state holds it: its path between two snapshots ("pushed twice, amount cut
    // then restored").
    std::vector<PathPoint> path(Id opportunity, Id from, Id to);

private:
    sql::Database &m_db;
};

} // namespace tp::snapshots
