#pragma once

#include "analysis.h"
#include "opportunityupsert.h"
#include "storage/sqlite.h"

#include <QStringList>

#include <future>
#include <optional>

namespace tp {
class Book;
}

namespace tp::crm {

// What the import found while writing that it will not do unless the user confirms it
// (ImportOptions::allowMassRemoval, ImportOptions::duplicates).
struct Confirmation
{
    enum class Kind { MassRemoval, Duplicates };
    Kind kind;
    QString text; // what it would do and how to confirm it on the command line
};

struct ImportReport
{
    Analysis analysis;
    Id importId = 0; // the import's row, 0 when nothing was written
    // false: a dry run, a blocked file, rejected rows without --skip-invalid, or something to
    // confirm (`unconfirmed`)
    bool committed = false;
    UpsertCounts counts;
    qint64 rejectedRows = 0;
    std::vector<Rejection> rejections; // the first maxRejections, in file order
    static constexpr std::size_t maxRejections = 1000;
    std::vector<LikelyDuplicate> duplicates; // the first of them, in file order
    std::vector<Confirmation> unconfirmed;
};

// The connection's settings for importing, for the guard's lifetime:
// - a page cache big enough for the indexes an import walks (64 MiB, within its memory budget;
//   SQLite's default 2 MiB re-reads pages for every row);
// - no foreign-key checks, which cost three lookups and a statement journal per row for ids
//   the importer itself took from the book;
// - temporary files rather than memory for the sorts that build indexes after a large import;
// - for a book that the import itself has just created and that nobody else can have open (the
//   command line's first import into a new file, written under a temporary name), a rollback
//   journal instead of the write-ahead log: a write-ahead log holds every page the import writes
//   and copies it into the book at the end, twice the writing for a fresh book, while a
//   rollback journal holds only the pages that existed before. A book others may have open
//   keeps the log: in rollback mode a writer waits for every reader before it commits, and a
//   reader for the writer, so a summary during an import would fail one of them. WAL mode comes
//   back at the end.
// SQLite ignores these pragmas inside a transaction: a caller that wraps several imports in
// one makes the guard before it (importFile() makes its own, which then does nothing).
class ImportConnection
{
public:
    enum class Book { Shared, PrivateAndNew };
    explicit ImportConnection(sql::Database &db, Book book = Book::Shared);
    ~ImportConnection();
    ImportConnection(const ImportConnection &) = delete;
    ImportConnection &operator=(const ImportConnection &) = delete;

    // Whether the import writes through a rollback journal (see above).
    bool leftWal() const { return m_leftWal; }

    // Throws BookError (Corrupt) when the check of `db` that an ImportConnection started has
    // found damage; waits for it to finish. Nothing is written into a damaged book, even where
    // the import would not touch the damage. The check reads every page (about 1 s for a million
    // deals), on its own connection and thread, so it runs beside the analysis of the file.
    static void requireUndamaged(sql::Database &db);

private:
    sql::Database &m_db;
    bool m_active;
    sql::ForeignKeysOff m_unenforced; // after m_active, which reads the pragma first
    std::optional<sql::PragmaOverride> m_cacheSize, m_tempStore;
    bool m_leftWal = false;
    std::shared_future<QStringList> m_check; // what PRAGMA quick_check found wrong
};

// Imports a CSV file into the book as one transaction: the first pass analyses the file (see
// analyzeFile()); if nothing blocks, the second pass parses every row and writes it. A rejected
// row fails the whole import unless `skipInvalid`; a dry run, a cancel (progress returns false)
// or any error roll everything back. Throws InputError for a file that cannot be read or
// parsed as CSV (naming file, line and column).
ImportReport importFile(Book &book, const QString &path, const ImportOptions &options,
                        const ImportProgress &progress = {});

} // namespace tp::crm
