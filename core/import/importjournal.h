#pragma once

#include "domain/entities.h"
#include "storage/sqlite.h"

#include <QDate>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tp {
class Book;
}

namespace tp::crm {

// What an import changes, kept so that undoImport() puts the book back exactly as it was.
// Rows the import inserts are found by id: each journaled table's highest row id before the
// import and when it ends are kept (watermarks), and rows between them belong to the import;
// rows made by hand after it lie above. Rows it updates are saved as they were, once, before
// the first change. While the journal lives, the book's hand-edit triggers are silent (a row in
// import_running), and edits noted against older imports are dropped: only the newest import
// can be undone. Everything is written inside the import's own transaction, so a failed import
// leaves no journal either.
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
    // After the last write: the highest row ids the import leaves, and the hand-edit triggers
    // awake again (before the commit).
    void finish();

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

// What undoing an import does: the rows it created that go, the rows it changed that are put
// back, and the edits made after it that the undo would lose (a row it created or changed,
// edited by hand since; a row made by hand since that depends on one it created).
struct UndoPlan
{
    Id importId = 0;
    QString file, kind;
    QDate asOf;
    struct Rows
    {
        QString table; // as the book names it: "opportunities"
        qint64 count = 0;
    };
    std::vector<Rows> removes, restores;
    QStringList laterEdits; // described for the user, at most maxLaterEdits
    qint64 laterEditCount = 0;
    static constexpr int maxLaterEdits = 50;
};
UndoPlan planUndo(Book &book, Id importId);
// The same through a read-only connection of its own to the book at `bookPath`.
UndoPlan planUndo(const QString &bookPath, Id importId);

// Undoes the most recent import in one transaction: the rows it inserted deleted, the rows it
// updated restored, its snapshot and history gone; rows made by hand after it stay. Throws
// InputError for any other import, and, unless `evenIfEditedLater`, when edits made after it
// would be lost (UndoPlan::laterEdits, which the message lists).
void undoImport(Book &book, Id importId, bool evenIfEditedLater = false);

} // namespace tp::crm
