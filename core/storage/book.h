#pragma once

#include "sqlite.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <stdexcept>

namespace tp {

// Why a book could not be opened, read or written. The message is for the user: what happened
// and what to do.
class BookError : public std::runtime_error
{
public:
    enum class Kind {
        Missing, // no such file
        NotABook, // not a Territory Planner book
        Corrupt, // damaged, or its format number is impossible
        TooNew, // written by a newer version
        Locked, // another program holds it
        Io, // the disk or the system refused (see the message)
        ReadOnly, // the file or its folder cannot be written
        DiskFull, // no space left
    };
    BookError(Kind kind, const QString &message);
    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }

private:
    Kind m_kind;
    QString m_message;
};

// One book: a SQLite file with the Territory Planner schema. Opening checks the file read-only
// first, so a foreign, corrupt or newer file is never written to.
class Book
{
    Q_DECLARE_TR_FUNCTIONS(tp::Book)

public:
    // How long a command waits for another program that holds the book (an import writing to
    // it) before it gives up: long enough for two commands on one book to take turns.
    static constexpr int commandBusyTimeoutMs = 60000;

    // Creates a new book; an existing file is an error unless it is empty.
    // Throws BookError (Missing) naming the folder when the folder `path` would be in is missing.
    static void requireFolder(const QString &path);
    static std::unique_ptr<Book> create(const QString &path);
    // Opens an existing book for reading and writing, migrating an older schema forward.
    // BookError::Kind::ReadOnly when the file or its folder cannot be written.
    static std::unique_ptr<Book> open(const QString &path,
                                      int busyTimeoutMs = sql::Database::defaultBusyTimeoutMs);
    // Opens a book to read it: for writing when it can be written (so that an older format is
    // migrated), else read-only (isReadOnly()) when its format is current: a book in a read-only
    // folder, a read-only file, or a read-only disk can still be read.
    static std::unique_ptr<Book>
    openForReading(const QString &path, int busyTimeoutMs = sql::Database::defaultBusyTimeoutMs);

    sql::Database &db() { return m_db; }
    QString path() const { return m_path; }
    int schemaVersion();
    bool isReadOnly() const { return m_readOnly; }
    // Why the book at `path` cannot be written, for the user: "the file is read-only", "its
    // folder … is read-only", or that the system refused (a read-only disk). Tried, not read
    // from permission bits, which do not tell for root or a read-only disk.
    static QString readOnlyReason(const QString &path);

    // Writes a consistent copy of the whole book to `path` (which must not exist).
    void saveCopyAs(const QString &path);

    // Bulk edits leave their pages in the write-ahead log: the app copies them into the book when
    // it is idle, off the GUI thread (checkpoint()), rather than in an edit's commit. A backstop
    // still checkpoints at 64K pages (256 MB) of log (docs/PERFORMANCE.md, "Bulk edits").
    void deferCheckpoints();
    // Copies what the log of the book at `path` holds into the book, through a connection of its
    // own, without waiting for readers or writers (a passive checkpoint); false when it could
    // not (the next one catches up).
    static bool checkpoint(const QString &path);

    // A read-only connection to the book at `path` for a worker thread (loading the view, the
    // stage history) that sees what other connections commit; in a folder where SQLite cannot
    // make its -shm file (a read-only folder) it reads the file as it is.
    static sql::Database readConnection(const QString &path);

    // What a SQLite failure on the book at `path` means for the user: busy (another program),
    // read-only, disk full, a disk error, damage, a missing folder. The book is unchanged.
    static BookError explain(const QString &path, const sql::Error &error);

private:
    Book(sql::Database db, const QString &path, bool readOnly = false);
    static void configure(sql::Database &db);
    static int inspect(const QString &path);
    static void upgrade(sql::Database &db, const QString &path, int version);

    sql::Database m_db;
    QString m_path;
    bool m_readOnly = false;
};

} // namespace tp
