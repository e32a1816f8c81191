#include "importjournal.h"

#include "storage/book.h"
#include "storage/errors.h"

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

std::optional<Id> lastImport(Book &book)
{
    auto st = book.db().prepare("SELECT max(id) FROM imports");
    if (st.step() && !st.isNull(0))
        return st.int64(0);
    return std::nullopt;
}

void undoImport(Book &book, Id importId)
{
    if (lastImport(book) != importId)
        throw InputError(QCoreApplication::translate(
                "tp::crm", "Only the most recent import can be undone."));
    sql::Database &db = book.db();
    sql::Transaction tx(db);
    {
        auto marks = db.prepare("SELECT table_name, max_row_id FROM import_watermarks WHERE import_id = ?");
        marks.bind(1, importId);
        std::map<std::string, Id> watermark;
        while (marks.step())
            watermark[std::string(marks.utf8(0))] = marks.int64(1);
        for (const char *table : ImportJournal::tables()) {
            const auto it = watermark.find(table);
            if (it == watermark.end())
                continue;
            auto del = db.prepare(std::string("DELETE FROM \"") + table + "\" WHERE rowid > ?");
            del.bind(1, it->second);
            del.step();
        }
    }
    {
        auto rows = db.prepare("SELECT table_name, row_id, before FROM import_journal "
                               "WHERE import_id = ? ORDER BY seq DESC");
        rows.bind(1, importId);
        std::map<std::string, sql::Statement> restores;
        while (rows.step()) {
            const std::string table(rows.utf8(0));
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
    auto drop = db.prepare("DELETE FROM imports WHERE id = ?");
    drop.bind(1, importId);
    drop.step();
    tx.commit();
}

} // namespace tp::crm
