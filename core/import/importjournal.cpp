#include "importjournal.h"

#include "opportunityupsert.h"
#include "storage/book.h"
#include "storage/errors.h"
#include "storage/schema.h"

#include <QCoreApplication>

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
        sql += "\"" + c + "\" = json_extract(?1, '$.\"" + c + "\"')";
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
    static const std::vector<const char *> all{"snapshots",   "stage_history", "close_date_changes",
                                               "activities",  "quotas",        "opportunities",
                                               "accounts",    "territories",   "reps"};
    return all;
}

ImportJournal::ImportJournal(sql::Database &db, Id importId)
    : m_db(db)
    , m_importId(importId)
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
        it = m_saveStatements.emplace(table, m_db.prepare(
                "INSERT INTO import_journal (import_id, seq, table_name, row_id, before) "
                "SELECT ?, ?, ?, rowid, " + jsonObjectOf(columnsOf(m_db, table)) + " FROM \""
                + table + "\" WHERE rowid = ?")).first;
    }
    sql::Statement &st = it->second;
    st.bind(1, m_importId).bind(2, qint64(++m_seq)).bind(3, QString::fromLatin1(table)).bind(4, rowId);
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

// What deleting the rows above `watermark` in each table does to the rows that refer to them,
// done per referring column in one statement: the ON DELETE action the schema declares
// (CASCADE deletes, SET NULL clears; under any other action a referring row refuses the undo).
// With foreign-key enforcement on, SQLite would look for referring rows once per deleted row,
// scanning each table that has no index on the column (snapshot_rows by opportunity): hours
// for the undo of a large import.
void settleReferences(sql::Database &db, const std::map<std::string, Id> &watermark)
{
    std::vector<std::string> tables;
    {
        auto st = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite_%'");
        while (st.step())
            tables.emplace_back(st.utf8(0));
    }
    for (const std::string &table : tables) {
        auto keys = db.prepare("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)");
        keys.bind(1, QString::fromStdString(table));
        while (keys.step()) {
            const auto parent = watermark.find(std::string(keys.utf8(0)));
            if (parent == watermark.end())
                continue;
            const std::string column(keys.utf8(1));
            const std::string action(keys.utf8(2));
            const bool refuses = action != "CASCADE" && action != "SET NULL";
            const std::string where = " WHERE \"" + column + "\" > ?1";
            std::string sql;
            if (action == "CASCADE")
                sql = "DELETE FROM \"" + table + "\"" + where;
            else if (action == "SET NULL")
                sql = "UPDATE \"" + table + "\" SET \"" + column + "\" = NULL" + where;
            else
                sql = "SELECT 1 FROM \"" + table + "\"" + where;
            // Rows that go themselves (the table's own rows above its watermark) are left alone.
            const auto own = watermark.find(table);
            if (own != watermark.end())
                sql += " AND rowid <= ?2";
            auto st = db.prepare(sql);
            st.bind(1, parent->second);
            if (own != watermark.end())
                st.bind(2, own->second);
            if (st.step() && refuses)
                throw InputError(QCoreApplication::translate(
                        "tp::crm", "The import cannot be undone: rows of %1 still refer to what it "
                                   "added. The book is unchanged.").arg(QString::fromStdString(table)));
        }
    }
}

// Deletes the rows of `table` above its watermark. All of them: SQLite drops the table's pages
// without visiting its rows (foreign-key enforcement is off). Most of the opportunities: their
// indexes are built again afterwards rather than updated for every row.
void deleteAbove(sql::Database &db, const char *table, const std::map<std::string, Id> &watermark)
{
    const auto it = watermark.find(table);
    if (it == watermark.end())
        return;
    const Id mark = it->second;
    if (mark == 0) {
        db.exec(std::string("DELETE FROM \"") + table + "\"");
        return;
    }
    bool rebuild = false;
    if (std::string_view(table) == "opportunities") {
        auto highest = db.prepare("SELECT coalesce(max(rowid), 0) FROM opportunities");
        highest.step();
        const Id above = highest.int64(0) - mark;
        rebuild = above >= OpportunityUpserter::deferIndexesFromRows && above > mark;
    }
    if (rebuild)
        schema::dropOpportunityIndexes(db);
    db.prepare(std::string("DELETE FROM \"") + table + "\" WHERE rowid > ?").bind(1, mark).run();
    if (rebuild)
        schema::createOpportunityIndexes(db);
}

} // namespace

void undoImport(Book &book, Id importId)
{
    if (lastImport(book) != importId)
        throw InputError(QCoreApplication::translate(
                "tp::crm", "Only the most recent import can be undone."));
    sql::Database &db = book.db();
    const sql::ForeignKeysOff unenforced(db); // references are settled below
    sql::Transaction tx(db);
    std::map<std::string, Id> watermark;
    {
        auto marks = db.prepare("SELECT table_name, max_row_id FROM import_watermarks WHERE import_id = ?");
        marks.bind(1, importId);
        while (marks.step())
            watermark[std::string(marks.utf8(0))] = marks.int64(1);
    }
    settleReferences(db, watermark);
    for (const char *table : ImportJournal::tables())
        deleteAbove(db, table, watermark);
    {
        auto rows = db.prepare("SELECT table_name, row_id, before FROM import_journal "
                               "WHERE import_id = ? ORDER BY seq DESC");
        rows.bind(1, importId);
        std::map<std::string, sql::Statement> restores;
        // An account's scores as they were; those of a factor or an account deleted since stay gone.
        auto clearScores = db.prepare("DELETE FROM account_scores WHERE account_id = ?");
        auto restoreScores = db.prepare(
                "INSERT INTO account_scores (account_id, factor_id, score) "
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
                it = restores.emplace(table, db.prepare("UPDATE \"" + table + "\" SET "
                                                        + restoreAssignments(columnsOf(db, table))
                                                        + " WHERE rowid = ?2")).first;
            }
            it->second.bind(1, rows.utf8(2)).bind(2, rows.int64(1));
            it->second.run();
        }
    }
    // The import's own record goes last (it is the latest): its journal, watermarks, snapshot.
    settleReferences(db, {{"imports", importId - 1}});
    db.prepare("DELETE FROM imports WHERE id = ?").bind(1, importId).run();
    tx.commit();
}

} // namespace tp::crm
