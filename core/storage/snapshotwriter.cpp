#include "snapshotwriter.h"

#include <QDate>

#include <algorithm>
#include <optional>
#include <vector>

namespace tp::snapshots {

namespace {

// Copies the rows of snapshot `from` that `to` lacks into `to`, as carried rows.
void carryRows(sql::Database &db, Id from, Id to)
{
    db.prepare("INSERT OR IGNORE INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, "
               "amount, close_date, probability_bp, owner_id, territory_id, last_activity_date, "
               "stage_entered_date, pushes, forecast_category, carried) "
               "SELECT ?1, opportunity_id, stage, status, amount, close_date, probability_bp, "
               "owner_id, territory_id, last_activity_date, stage_entered_date, pushes, "
               "forecast_category, 1 FROM snapshot_rows WHERE snapshot_id = ?2")
            .bind(1, to)
            .bind(2, from)
            .run();
}

// The ids of the deals a snapshot holds, in order.
std::vector<Id> dealsOf(sql::Database &db, Id snapshot)
{
    std::vector<Id> ids;
    auto st = db.prepare("SELECT opportunity_id FROM snapshot_rows WHERE snapshot_id = ?");
    st.bind(1, snapshot);
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

// Copies into `to` each deal's row from the first snapshot of `chain` (latest first) that holds
// it, for the deals `to` lacks. Which deals those are is found from the ids alone (a re-import
// of a whole export lacks none, and then nothing else is read); few are copied row by row,
// many in one statement per snapshot.
void carryMissing(sql::Database &db, const std::vector<Id> &chain, Id to)
{
    std::vector<bool> held;
    const auto mark = [&held](Id id) {
        if (std::size_t(id) >= held.size())
            held.resize(std::max(std::size_t(id) + 1, held.size() * 2));
        const bool was = held[std::size_t(id)];
        held[std::size_t(id)] = true;
        return was;
    };
    for (Id id : dealsOf(db, to))
        mark(id);
    auto copy = db.prepare(
            "INSERT INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, amount, "
            "close_date, probability_bp, owner_id, territory_id, last_activity_date, "
            "stage_entered_date, pushes, forecast_category, carried) "
            "SELECT ?1, opportunity_id, stage, status, amount, close_date, probability_bp, "
            "owner_id, territory_id, last_activity_date, stage_entered_date, pushes, "
            "forecast_category, 1 FROM snapshot_rows WHERE snapshot_id = ?2 AND opportunity_id = "
            "?3");
    for (Id earlier : chain) {
        const std::vector<Id> ids = dealsOf(db, earlier);
        std::vector<Id> missing;
        for (Id id : ids) {
            if (!mark(id))
                missing.push_back(id);
        }
        if (4 * missing.size() > ids.size()) {
            carryRows(db, earlier, to);
            continue;
        }
        for (Id id : missing)
            copy.bind(1, to).bind(2, earlier).bind(3, id).run();
    }
}

qint64 rowsOf(sql::Database &db, Id snapshot)
{
    auto st = db.prepare("SELECT count(*) FROM snapshot_rows WHERE snapshot_id = ?");
    st.bind(1, snapshot);
    st.step();
    return st.int64(0);
}

struct Position
{
    QDate date;
    Id id = 0;
    bool full = false;
};

std::optional<Position> positionOf(sql::Database &db, Id snapshot)
{
    auto st = db.prepare("SELECT taken_on, full_state FROM snapshots WHERE id = ?");
    st.bind(1, snapshot);
    if (!st.step())
        return std::nullopt;
    return Position{ st.date(0), snapshot, st.integer(1) != 0 };
}

// The snapshot after the one at `at` (by date, then id); none when it is the latest.
std::optional<Id> nextAfter(sql::Database &db, const Position &at)
{
    auto st = db.prepare("SELECT id FROM snapshots WHERE taken_on > ?1 "
                         "OR (taken_on = ?1 AND id > ?2) ORDER BY taken_on, id LIMIT 1");
    st.bind(1, at.date).bind(2, at.id);
    if (st.step())
        return st.int64(0);
    return std::nullopt;
}

} // namespace

void completeState(sql::Database &db, Id snapshot)
{
    const auto at = positionOf(db, snapshot);
    if (!at)
        return;
    const qint64 listed = rowsOf(db, snapshot);
    db.prepare("UPDATE snapshots SET listed_rows = ? WHERE id = ?")
            .bind(1, listed)
            .bind(2, snapshot)
            .run();
    // The snapshots its state is built from: the earlier ones, latest first, down to the last
    // full state (or the first snapshot).
    std::vector<Id> chain;
    qint64 since = listed; // rows read on top of the full state
    qint64 base = 0; // rows of that full state; 0 when there is none
    {
        auto st = db.prepare("SELECT id, full_state FROM snapshots WHERE taken_on < ?1 "
                             "OR (taken_on = ?1 AND id < ?2) ORDER BY taken_on DESC, id DESC");
        st.bind(1, at->date).bind(2, snapshot);
        while (st.step()) {
            const Id id = st.int64(0);
            chain.push_back(id);
            const qint64 rows = rowsOf(db, id);
            if (st.integer(1) != 0) {
                base = rows;
                break;
            }
            since += rows;
        }
    }
    if (chain.empty() || 2 * since >= base) {
        carryMissing(db, chain, snapshot);
        db.prepare("UPDATE snapshots SET full_state = 1 WHERE id = ?").bind(1, snapshot).run();
    }
    db.prepare("UPDATE snapshots SET full_state = 0 WHERE taken_on > ?1 "
               "OR (taken_on = ?1 AND id > ?2)")
            .bind(1, at->date)
            .bind(2, snapshot)
            .run();
}

bool labelSnapshot(sql::Database &db, Id snapshot, const QString &label)
{
    const QString text = label.trimmed();
    auto st = db.prepare("UPDATE snapshots SET label = ? WHERE id = ?");
    if (text.isEmpty())
        st.bindNull(1);
    else
        st.bind(1, text);
    st.bind(2, snapshot).run();
    return db.changes() > 0;
}

bool deleteSnapshot(sql::Database &db, Id snapshot)
{
    sql::Transaction tx(db);
    const auto at = positionOf(db, snapshot);
    if (!at)
        return false;
    const std::optional<Id> next = nextAfter(db, *at);
    if (next) {
        // The next snapshot's own rows win; the deleted one's others carry forward from it now.
        // A full state folded into the next snapshot makes that one a full state.
        carryRows(db, snapshot, *next);
        if (at->full)
            db.prepare("UPDATE snapshots SET full_state = 1 WHERE id = ?").bind(1, *next).run();
    }
    db.prepare("DELETE FROM snapshot_rows WHERE snapshot_id = ?").bind(1, snapshot).run();
    db.prepare("DELETE FROM snapshots WHERE id = ?").bind(1, snapshot).run();
    tx.commit();
    return true;
}

std::optional<SnapshotRecord> readSnapshotHead(sql::Database &db, Id snapshot)
{
    auto head = db.prepare("SELECT import_id, taken_on, source, label, full_state, listed_rows "
                           "FROM snapshots WHERE id = ?");
    head.bind(1, snapshot);
    if (!head.step())
        return std::nullopt;
    SnapshotRecord s;
    s.id = snapshot;
    s.importId = head.optionalInt64(0);
    s.takenOn = head.date(1);
    s.source = head.text(2);
    s.label = head.text(3);
    s.fullState = head.integer(4) != 0;
    s.listedRows = head.int64(5);
    return s;
}

std::optional<SnapshotRecord> readSnapshot(sql::Database &db, Id snapshot)
{
    std::optional<SnapshotRecord> read = readSnapshotHead(db, snapshot);
    if (!read)
        return std::nullopt;
    SnapshotRecord &s = *read;
    auto st = db.prepare("SELECT opportunity_id, stage, status, amount, close_date, "
                         "probability_bp, owner_id, territory_id, last_activity_date, "
                         "stage_entered_date, pushes, forecast_category, carried "
                         "FROM snapshot_rows WHERE snapshot_id = ? ORDER BY opportunity_id");
    st.bind(1, snapshot);
    while (st.step()) {
        SnapshotRowRecord r;
        r.opportunity = st.int64(0);
        r.stage = st.integer(1);
        r.status = st.integer(2);
        r.amount = st.int64(3);
        r.closeDate = st.date(4);
        if (!st.isNull(5))
            r.probability = st.integer(5);
        r.owner = st.optionalInt64(6);
        r.territory = st.optionalInt64(7);
        r.lastActivity = st.date(8);
        r.stageEntered = st.date(9);
        r.pushes = st.integer(10);
        if (!st.isNull(11))
            r.forecastCategory = st.integer(11);
        r.carried = st.integer(12) != 0;
        s.rows.push_back(r);
    }
    return read;
}

SnapshotDeletion plannedDeletion(sql::Database &db, Id snapshot)
{
    SnapshotDeletion d;
    const auto at = positionOf(db, snapshot);
    if (!at)
        return d;
    d.before = readSnapshot(db, snapshot);
    d.next = nextAfter(db, *at);
    if (!d.next)
        return d;
    d.nextWasFull = positionOf(db, *d.next)->full;
    auto st = db.prepare("SELECT opportunity_id FROM snapshot_rows WHERE snapshot_id = ?1 "
                         "EXCEPT SELECT opportunity_id FROM snapshot_rows WHERE snapshot_id = ?2 "
                         "ORDER BY 1");
    st.bind(1, snapshot).bind(2, *d.next);
    while (st.step())
        d.folded.push_back(st.int64(0));
    return d;
}

void restoreSnapshot(sql::Database &db, const SnapshotDeletion &deletion)
{
    if (!deletion.after)
        return;
    const SnapshotRecord &s = *deletion.after;
    sql::Transaction tx(db);
    if (deletion.next) {
        auto unfold = db.prepare(
                "DELETE FROM snapshot_rows WHERE snapshot_id = ? AND opportunity_id = ?");
        for (Id deal : deletion.folded)
            unfold.bind(1, *deletion.next).bind(2, deal).run();
        db.prepare("UPDATE snapshots SET full_state = ? WHERE id = ?")
                .bind(1, deletion.nextWasFull ? 1 : 0)
                .bind(2, *deletion.next)
                .run();
    }
    db.prepare("INSERT INTO snapshots (id, import_id, taken_on, source, label, full_state, "
               "listed_rows) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, s.id)
            .bind(2, s.importId)
            .bind(3, s.takenOn)
            .bind(4, s.source)
            .bind(5, s.label)
            .bind(6, s.fullState ? 1 : 0)
            .bind(7, s.listedRows)
            .run();
    auto row = db.prepare("INSERT INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, "
                          "amount, close_date, probability_bp, owner_id, territory_id, "
                          "last_activity_date, stage_entered_date, pushes, forecast_category, "
                          "carried) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const SnapshotRowRecord &r : s.rows)
        row.bind(1, s.id)
                .bind(2, r.opportunity)
                .bind(3, r.stage)
                .bind(4, r.status)
                .bind(5, r.amount)
                .bind(6, r.closeDate)
                .bind(7, r.probability)
                .bind(8, r.owner)
                .bind(9, r.territory)
                .bind(10, r.lastActivity)
                .bind(11, r.stageEntered)
                .bind(12, r.pushes)
                .bind(13, r.forecastCategory)
                .bind(14, r.carried ? 1 : 0)
                .run();
    tx.commit();
}

} // namespace tp::snapshots
