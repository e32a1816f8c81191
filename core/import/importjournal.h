#pragma once

#include "domain/entities.h"
#include "storage/sqlite.h"

#include <QSet>
#include <QString>

#include <map>
#include <string>

namespace tp {
class Book;
}

namespace tp::crm {

// What an import changes, kept so that undoImport() puts the book back exactly as it was.
// Rows the import inserts are found by id: each journaled table's highest row id before the
// import is kept (a watermark), and rows above it belong to the import. Rows it updates are
// saved as they were, once, before the first change. Everything is written inside the
// import's own transaction, so a failed import leaves no journal either.
class ImportJournal
{
public:
    ImportJournal(sql::Database &db, Id importId);

    // Saves the row's current values unless this import saved them already.
    void beforeUpdate(const char *table, Id rowId);
    // Saves an account's engagement scores (all of them, as they are) unless this import saved
    // them already. Scores have no row ids, so they are journaled per account.
    void beforeScores(Id account);
    // Whether the row was inserted by this import (no need to save it then).
    bool insertedHere(const char *table, Id rowId) const;

    // The tables whose inserted rows an import may leave, in the order undo deletes them.
    static const std::vector<const char *> &tables();

private:
    sql::Database &m_db;
    Id m_importId;
    std::map<std::string, Id> m_watermarks;
    std::map<std::string, QSet<Id>> m_saved;
    std::map<std::string, sql::Statement> m_saveStatements;
    QSet<Id> m_scoresSaved;
    std::optional<sql::Statement> m_saveScores;
    int m_seq = 0;
};

// The most recent import of the book, if any.
std::optional<Id> lastImport(Book &book);
// Undoes the most recent import in one transaction: its inserted rows deleted, its updated
// rows restored, its snapshot and history gone. Throws InputError for any other import.
void undoImport(Book &book, Id importId);

} // namespace tp::crm
