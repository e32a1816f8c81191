#include "importjournal.h"

#include "domain/errors.h"
#include "opportunityupsert.h"
#include "storage/book.h"
#include "storage/schema.h"

#include <QCoreApplication>

#include <limits>
#include <set>

namespace tp::crm {

namespace {

// The columns of a table, for saving and restoring its rows as JSON objects.
std::vector<std::string> columnsOf(sql::Database &db, const std::string &table)
{
    std::vector<std::string> columns;
    auto st = db.prepare("SELECT name FROM pragma_table_info(?)");
    st.bind(1, QString::fromStdString(table));
    while (st.step())
        columns.emplace_back(st.utf8(0));
    return columns;
}

std::string jsonObjectOf(const std::vector<std::string> &columns)
{
    std::string sql = "json_object(";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0)
            sql += ", ";
        sql += "'" + columns[i] + "', \"" + columns[i] + "\"";
    }
    return sql + ")";
}

std::string restoreAssignments(const std::vector<std::string> &columns)
{
    std::string sql;
    for (const std::string &c : columns) {
        if (c == "id")
            continue;
        if (!sql.empty())
            sql += ", ";
        sql += '"';
        sql += c;
        sql += "\" = json_extract(?1, '$.\"";
        sql += c;
        sql += "\"')";
    }
    return sql;
}

bool isJournaled(const std::string &table)
{
    for (const char *t : ImportJournal::tables()) {
        if (table == t)
            return true;
    }
    return false;
}

} // namespace

const std::vector<const char *> &ImportJournal::tables()
{
    // Children before parents: deleting in this order never trips a foreign key.
    static const std::vector<const char *> all{ "snapshots",  "stage_history", "close_date_changes",
                                                "activities", "quotas",        "opportunities",
                                                "accounts",   "territories",   "reps" };
    return all;
}

ImportJournal::ImportJournal(sql::Database &db, Id importId) : m_db(db), m_importId(importId)
{
    auto insert = m_db.prepare("INSERT INTO import_watermarks (import_id, table_name, max_row_id) "
                               "VALUES (?, ?, ?)");
    for (const char *table : tables()) {
        auto st = m_db.prepare(std::string("SELECT coalesce(max(rowid), 0) FROM ") + table);
        st.step();
        const Id mark = st.int64(0);
        m_watermarks[table] = mark;
        insert.bind(1, m_importId).bind(2, QString::fromLatin1(table)).bind(3, mark);
        insert.run();
    }
    m_db.exec("INSERT OR IGNORE INTO import_running (id) VALUES (1)"); // no hand edits, these
}

void ImportJournal::finish()
{
    auto after = m_db.prepare("UPDATE import_watermarks SET max_row_id_after = ? "
                              "WHERE import_id = ? AND table_name = ?");
    for (const char *table : tables()) {
        auto st = m_db.prepare(std::string("SELECT coalesce(max(rowid), 0) FROM ") + table);
        st.step();
        after.bind(1, st.int64(0)).bind(2, m_importId).bind(3, QString::fromLatin1(table)).run();
    }
    m_db.exec("DELETE FROM import_running");
}

bool ImportJournal::insertedHere(const char *table, Id rowId) const
{
    const auto it = m_watermarks.find(table);
    return it != m_watermarks.end() && rowId > it->second;
}

void ImportJournal::beforeUpdate(const char *table, Id rowId)
{
    if (insertedHere(table, rowId))
        return;
    QSet<Id> &saved = m_saved[table];
    if (saved.contains(rowId))
        return;
    saved.insert(rowId);
    // One statement per table, prepared on first use.
    auto it = m_saveStatements.find(table);
    if (it == m_saveStatements.end()) {
        it = m_saveStatements
                     .emplace(table,
                              m_db.prepare("INSERT INTO import_journal (import_id, seq, "
                                           "table_name, row_id, before) "
                                           "SELECT ?, ?, ?, rowid, "
                                           + jsonObjectOf(columnsOf(m_db, table)) + " FROM \""
                                           + table + "\" WHERE rowid = ?"))
                     .first;
    }
    sql::Statement &st = it->second;
    st.bind(1, m_importId)
            .bind(2, qint64(++m_seq))
            .bind(3, QString::fromLatin1(table))
            .bind(4, rowId);
    st.run();
}

void ImportJournal::beforeScores(Id account)
{
    if (m_scoresSaved.contains(account))
        return;
    m_scoresSaved.insert(account);
    if (!m_saveScores)
        m_saveScores.emplace(
                m_db,
                "INSERT INTO import_journal (import_id, seq, table_name, row_id, before) "
                "SELECT ?1, ?2, 'account_scores', ?3, json_group_object(factor_id, score) "
                "FROM account_scores WHERE account_id = ?3");
    m_saveScores->bind(1, m_importId).bind(2, qint64(++m_seq)).bind(3, account);
    m_saveScores->run();
}

std::optional<Id> lastImport(Book &book)
{
    auto st = book.db().prepare("SELECT max(id) FROM imports");
    if (st.step() && !st.isNull(0))
        return st.int64(0);
    return std::nullopt;
}

namespace {

// The rows an import created in one table: row ids in (before, after]. An import made before
// the book kept `after` owns every row above `before`.
struct Range
{
    Id before = 0;
    Id after = std::numeric_limits<Id>::max();
    bool contains(Id id) const { return id > before && id <= after; }
};
using Ranges = std::map<std::string, Range>;

Ranges rangesOf(sql::Database &db, Id importId)
{
    Ranges ranges;
    auto marks =
            db.prepare("SELECT table_name, max_row_id, max_row_id_after FROM import_watermarks "
                       "WHERE import_id = ?");
    marks.bind(1, importId);
    while (marks.step()) {
        Range r{ marks.int64(1) };
        if (!marks.isNull(2))
            r.after = marks.int64(2);
        ranges[std::string(marks.utf8(0))] = r;
    }
    return ranges;
}

std::vector<std::string> allTables(sql::Database &db)
{
    std::vector<std::string> tables;
    auto st = db.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (st.step())
        tables.emplace_back(st.utf8(0));
    return tables;
}

// One reference from a column of `table` to a table whose rows an import created.
struct Reference
{
    std::string table, column, action;
    Range parent;
    std::optional<Range> own; // the referring table's own created rows, which go themselves
};

std::vector<Reference> referencesInto(sql::Database &db, const Ranges &ranges)
{
    std::vector<Reference> out;
    for (const std::string &table : allTables(db)) {
        auto keys =
                db.prepare("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)");
        keys.bind(1, QString::fromStdString(table));
        while (keys.step()) {
            const auto parent = ranges.find(std::string(keys.utf8(0)));
            if (parent == ranges.end())
                continue;
            const auto own = ranges.find(table);
            out.push_back({ table, std::string(keys.utf8(1)), std::string(keys.utf8(2)),
                            parent->second,
                            own != ranges.end() ? std::optional(own->second) : std::nullopt });
        }
    }
    return out;
}

// " WHERE column IN (parent's range) AND rowid NOT IN (own range)", binding ?1..?4.
std::string whereReferring(const Reference &r)
{
    std::string where = " WHERE \"" + r.column + "\" > ?1 AND \"" + r.column + "\" <= ?2";
    if (r.own)
        where += " AND NOT (rowid > ?3 AND rowid <= ?4)";
    return where;
}

void bindReferring(sql::Statement &st, const Reference &r)
{
    st.bind(1, r.parent.before).bind(2, r.parent.after);
    if (r.own)
        st.bind(3, r.own->before).bind(4, r.own->after);
}

// What deleting an import's rows does to the rows that refer to them, done per referring column
// in one statement: the ON DELETE action the schema declares (CASCADE deletes, SET NULL clears;
// under any other action a referring row refuses the undo). With foreign-key enforcement on,
// SQLite would look for referring rows once per deleted row, scanning each table that has no
// index on the column (snapshot_rows by opportunity): hours for the undo of a large import.
void settleReferences(sql::Database &db, const Ranges &ranges)
{
    for (const Reference &r : referencesInto(db, ranges)) {
        const bool refuses = r.action != "CASCADE" && r.action != "SET NULL";
        std::string sql;
        if (r.action == "CASCADE")
            sql = "DELETE FROM \"" + r.table + "\"" + whereReferring(r);
        else if (r.action == "SET NULL")
            sql = "UPDATE \"" + r.table + "\" SET \"" + r.column + "\" = NULL" + whereReferring(r);
        else
            sql = "SELECT 1 FROM \"" + r.table + "\"" + whereReferring(r);
        auto st = db.prepare(sql);
        bindReferring(st, r);
        if (st.step() && refuses)
            throw InputError(
                    QCoreApplication::translate(
                            "tp::crm",
                            "The import cannot be undone: rows of %1 still refer to what it "
                            "added. The book is unchanged.")
                            .arg(QString::fromStdString(r.table)));
    }
}

// Deletes the rows an import created in `table`. All of a table's rows: SQLite drops its pages
// without visiting them (foreign-key enforcement is off). Most of the opportunities: their
// indexes are built again afterwards rather than updated for every row.
void deleteCreated(sql::Database &db, const char *table, const Ranges &ranges)
{
    const auto it = ranges.find(table);
    if (it == ranges.end())
        return;
    const Range range = it->second;
    Id top = 0;
    {
        auto highest =
                db.prepare(std::string("SELECT coalesce(max(rowid), 0) FROM \"") + table + "\"");
        highest.step();
        top = highest.int64(0);
    }
    if (range.before == 0 && range.after >= top) {
        db.exec(std::string("DELETE FROM \"") + table + "\"");
        return;
    }
    bool rebuild = false;
    if (std::string_view(table) == "opportunities") {
        const Id created = std::min(range.after, top) - range.before;
        rebuild = created >= OpportunityUpserter::deferIndexesFromRows && created > top - created;
    }
    if (rebuild)
        schema::dropOpportunityIndexes(db);
    db.prepare(std::string("DELETE FROM \"") + table + "\" WHERE rowid > ? AND rowid <= ?")
            .bind(1, range.before)
            .bind(2, range.after)
            .run();
    if (rebuild)
        schema::createOpportunityIndexes(db);
}

QString translate(const char *text)
{
    return QCoreApplication::translate("tp::crm", text);
}

qint64 scalarOf(sql::Database &db, const char *sql, const std::string &text)
{
    auto st = db.prepare(sql);
    st.bind(1, QString::fromStdString(text));
    return st.step() ? st.int64(0) : 0;
}

// How a row of a table is named to the user: "opportunity “Acme renewal”".
QString describeRow(sql::Database &db, const std::string &table, Id id)
{
    const auto one = [&](const char *sql) {
        auto st = db.prepare(sql);
        st.bind(1, id);
        return st.step() ? st.text(0) : QString();
    };
    const QString number = QString::number(id);
    if (table == "opportunities")
        return translate("opportunity “%1”")
                .arg(one("SELECT name FROM opportunities WHERE id = ?").isEmpty()
                             ? number
                             : one("SELECT name FROM opportunities WHERE id = ?"));
    if (table == "accounts")
        return translate("account “%1”").arg(one("SELECT name FROM accounts WHERE id = ?"));
    if (table == "account_scores")
        return translate("the scores of account “%1”")
                .arg(one("SELECT name FROM accounts WHERE id = ?"));
    if (table == "reps")
        return translate("rep “%1”").arg(one("SELECT name FROM reps WHERE id = ?"));
    if (table == "quotas")
        return translate("the quota of %1")
                .arg(one("SELECT r.name || ', ' || q.period FROM quotas q JOIN reps r ON r.id = "
                         "q.rep_id "
                         "WHERE q.id = ?"));
    if (table == "territories")
        return translate("territory “%1”").arg(one("SELECT name FROM territories WHERE id = ?"));
    if (table == "activities")
        return translate("activity %1").arg(number);
    if (table == "reviews")
        return translate("a review (%1)").arg(number);
    if (table == "commitments")
        return translate("a commitment (“%1”)")
                .arg(one("SELECT text FROM commitments WHERE id = ?"));
    return QStringLiteral("%1 %2").arg(QString::fromStdString(table), number);
}

// The edits made after the import that its undo would lose: rows it created or changed that
// were edited by hand since, and rows made by hand since that hang on rows it created (a quota
// for a rep it created; the history of a deal it created is no edit of its own).
void laterEdits(sql::Database &db, Id importId, const Ranges &ranges, UndoPlan &plan)
{
    std::set<std::pair<std::string, Id>> seen;
    const auto add = [&](const std::string &table, Id id, const QString &why) {
        if (!seen.emplace(table, id).second)
            return;
        if (int(plan.laterEdits.size()) < UndoPlan::maxLaterEdits)
            plan.laterEdits.append(why.arg(describeRow(db, table, id)));
        ++plan.laterEditCount;
    };
    auto changed = db.prepare("SELECT 1 FROM import_journal WHERE import_id = ? AND table_name = ? "
                              "AND row_id = ? LIMIT 1");
    auto edits = db.prepare("SELECT table_name, row_id FROM hand_edits WHERE import_id = ? "
                            "ORDER BY table_name, row_id");
    edits.bind(1, importId);
    while (edits.step()) {
        const std::string table(edits.utf8(0));
        const Id id = edits.int64(1);
        // Scores are journaled per account; an account's scores come with the account.
        const std::string owner = table == "account_scores" ? std::string("accounts") : table;
        const auto range = ranges.find(owner);
        if (range != ranges.end() && range->second.contains(id)) {
            add(table, id, translate("%1, made by the import and changed since, would be deleted"));
            continue;
        }
        changed.bind(1, importId).bind(2, QString::fromStdString(table)).bind(3, id);
        if (changed.step())
            add(table, id,
                translate(
                        "%1, changed by the import and again since, would lose the later change"));
        changed.reset();
    }
    // Rows made since that hang on rows the import created (a quota entered for a rep it
    // created) go with them. The history of its deals, their snapshots and its own records are
    // bookkeeping, not edits; scores were noted above.
    static const std::set<std::string> skipped{ "snapshots",      "snapshot_rows",
                                                "stage_history",  "close_date_changes",
                                                "import_journal", "import_watermarks",
                                                "hand_edits",     "imports",
                                                "account_scores" };
    for (const Reference &r : referencesInto(db, ranges)) {
        if (skipped.contains(r.table))
            continue;
        const auto own = ranges.find(r.table);
        if (own != ranges.end() && own->second.after == std::numeric_limits<Id>::max())
            continue; // an import made before the book kept its upper watermark: cannot tell
        const bool hasRowId = scalarOf(db,
                                       "SELECT count(*) FROM pragma_table_list WHERE name = ?1 "
                                       "AND wr = 0",
                                       r.table)
                > 0;
        std::string sql = std::string("SELECT ") + (hasRowId ? "rowid" : "0") + " FROM \"" + r.table
                + "\"" + whereReferring(r);
        if (own != ranges.end())
            sql += " AND rowid > " + std::to_string(own->second.after);
        auto st = db.prepare(sql + " LIMIT 1000");
        bindReferring(st, r);
        qint64 withoutId = 0;
        const QString why = r.action == "CASCADE"
                ? translate("%1, made since and tied to what the import made, would be deleted")
                : translate("%1, made since, would lose its link to what the import made");
        while (st.step()) {
            if (hasRowId)
                add(r.table, st.int64(0), why);
            else
                ++withoutId;
        }
        if (withoutId > 0) {
            plan.laterEdits.append(translate("%1 rows of %2 made since and tied to what the import "
                                             "made would be deleted")
                                           .arg(withoutId)
                                           .arg(QString::fromStdString(r.table)));
            plan.laterEditCount += withoutId;
        }
    }
}

} // namespace

UndoPlan planUndo(const QString &bookPath, Id importId)
{
    auto book = Book::openForReading(bookPath);
    return planUndo(*book, importId);
}

UndoPlan planUndo(Book &book, Id importId)
{
    sql::Database &db = book.db();
    UndoPlan plan;
    plan.importId = importId;
    {
        auto st = db.prepare("SELECT file_name, kind, as_of FROM imports WHERE id = ?");
        st.bind(1, importId);
        if (!st.step())
            throw InputError(translate("There is no import to undo."));
        plan.file = st.text(0);
        plan.kind = st.text(1);
        plan.asOf = st.date(2);
    }
    const Ranges ranges = rangesOf(db, importId);
    for (const char *table : ImportJournal::tables()) {
        const auto it = ranges.find(table);
        if (it == ranges.end() || std::string_view(table) == "snapshots")
            continue;
        auto st = db.prepare(std::string("SELECT count(*) FROM \"") + table
                             + "\" WHERE rowid > ? AND rowid <= ?");
        st.bind(1, it->second.before).bind(2, it->second.after);
        st.step();
        if (st.int64(0) > 0)
            plan.removes.push_back({ QString::fromLatin1(table), st.int64(0) });
    }
    {
        auto st = db.prepare("SELECT table_name, count(*) FROM import_journal WHERE import_id = ? "
                             "GROUP BY table_name ORDER BY table_name");
        st.bind(1, importId);
        while (st.step())
            plan.restores.push_back({ st.text(0), st.int64(1) });
    }
    laterEdits(db, importId, ranges, plan);
    return plan;
}

void undoImport(Book &book, Id importId, bool evenIfEditedLater)
{
    if (lastImport(book) != importId)
        throw InputError(QCoreApplication::translate("tp::crm",
                                                     "Only the most recent import can be undone."));
    sql::Database &db = book.db();
    if (!evenIfEditedLater) {
        const UndoPlan plan = planUndo(book, importId);
        if (plan.laterEditCount > 0)
            throw InputError(
                    QCoreApplication::translate(
                            "tp::crm",
                            "Undoing the import of %1 would lose %n edit(s) made after it: "
                            "%2. Nothing was changed.",
                            nullptr, int(plan.laterEditCount))
                            .arg(plan.file, plan.laterEdits.join(QStringLiteral("; "))));
    }
    const sql::ForeignKeysOff unenforced(db); // references are settled below
    sql::Transaction tx(db);
    db.exec("INSERT OR IGNORE INTO import_running (id) VALUES (1)"); // no hand edits, these
    const Ranges ranges = rangesOf(db, importId);
    settleReferences(db, ranges);
    for (const char *table : ImportJournal::tables())
        deleteCreated(db, table, ranges);
    {
        auto rows = db.prepare("SELECT table_name, row_id, before FROM import_journal "
                               "WHERE import_id = ? ORDER BY seq DESC");
        rows.bind(1, importId);
        std::map<std::string, sql::Statement> restores;
        // An account's scores as they were; those of a factor or an account deleted since stay
        // gone.
        auto clearScores = db.prepare("DELETE FROM account_scores WHERE account_id = ?");
        auto restoreScores =
                db.prepare("INSERT INTO account_scores (account_id, factor_id, score) "
                           "SELECT ?1, CAST(key AS INTEGER), value FROM json_each(?2) "
                           "WHERE CAST(key AS INTEGER) IN (SELECT id FROM engagement_factors) "
                           "AND EXISTS (SELECT 1 FROM accounts WHERE id = ?1)");
        while (rows.step()) {
            const std::string table(rows.utf8(0));
            if (table == "account_scores") {
                clearScores.bind(1, rows.int64(1)).run();
                restoreScores.bind(1, rows.int64(1)).bind(2, rows.utf8(2)).run();
                continue;
            }
            if (!isJournaled(table))
                continue;
            auto it = restores.find(table);
            if (it == restores.end()) {
                it = restores.emplace(table,
                                      db.prepare("UPDATE \"" + table + "\" SET "
                                                 + restoreAssignments(columnsOf(db, table))
                                                 + " WHERE rowid = ?2"))
                             .first;
            }
            it->second.bind(1, rows.utf8(2)).bind(2, rows.int64(1));
            it->second.run();
        }
    }
    // Edits noted against this import of rows it neither made nor changed were made after the
    // import before it too: noted against that one now, the newest again.
    db.prepare("INSERT OR IGNORE INTO hand_edits (import_id, table_name, row_id) "
               "SELECT (SELECT max(id) FROM imports WHERE id < ?1), e.table_name, e.row_id "
               "FROM hand_edits e WHERE e.import_id = ?1 AND EXISTS (SELECT 1 FROM imports WHERE "
               "id < ?1) "
               "AND NOT EXISTS (SELECT 1 FROM import_journal j WHERE j.import_id = ?1 "
               "AND j.table_name = e.table_name AND j.row_id = e.row_id) "
               "AND NOT EXISTS (SELECT 1 FROM import_watermarks w WHERE w.import_id = ?1 "
               "AND w.table_name = CASE e.table_name WHEN 'account_scores' THEN 'accounts' "
               "ELSE e.table_name END AND e.row_id > w.max_row_id "
               "AND e.row_id <= coalesce(w.max_row_id_after, 9223372036854775807))")
            .bind(1, importId)
            .run();
    // The import's own record goes last (it is the latest): its journal, watermarks, snapshot,
    // the edits noted against it.
    settleReferences(db, { { "imports", Range{ importId - 1 } } });
    db.prepare("DELETE FROM imports WHERE id = ?").bind(1, importId).run();
    db.exec("DELETE FROM import_running");
    tx.commit();
}

} // namespace tp::crm
