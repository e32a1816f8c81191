#include "book.h"

#include "schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <sqlite3.h>

namespace tp {

BookError::BookError(Kind kind, const QString &message)
    : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message)
{ }

namespace {

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

QString nameOf(const QString &path)
{
    return QFileInfo(path).fileName();
}

BookError corrupt(const QString &path, const QString &detail)
{
    return BookError(BookError::Kind::Corrupt,
                     Book::tr("%1 is damaged and cannot be read (%2). The file was left as it is; "
                              "open a backup or a saved copy instead.")
                             .arg(nameOf(path), detail));
}

// Whether a file can be made in the folder of `path` (the -wal and -shm files of a book are),
// tried rather than read from permission bits, which do not tell for root or a read-only disk.
bool folderWritable(const QString &path)
{
    QTemporaryFile probe(QFileInfo(path).absolutePath()
                         + QStringLiteral("/.tp-write-probe-XXXXXX"));
    return probe.open();
}

bool fileWritable(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite); // opening for writing changes nothing
}

BookError readOnly(const QString &path)
{
    return BookError(BookError::Kind::ReadOnly,
                     Book::tr("%1 can be read but not changed: %2. Save a copy in a writable "
                              "folder (File ▸ Save Copy As…) to work on it.")
                             .arg(nameOf(path), Book::readOnlyReason(path)));
}

// The -wal file of a book: SQLite keeps committed changes there until a checkpoint.
bool hasWal(const QString &path)
{
    return QFileInfo::exists(path + QStringLiteral("-wal"));
}

// A read-only connection that leaves nothing behind: without a write-ahead log to read, SQLite
// is told the file is immutable and creates no -shm or -wal file (a plain read-only connection
// would, and would leave them). With a log, it must read it, through the usual files.
sql::Database readOnlyConnection(const QString &path, int busyTimeoutMs)
{
    if (!hasWal(path))
        return sql::Database(path, sql::Database::Mode::Immutable, busyTimeoutMs);
    try {
        sql::Database db(path, sql::Database::Mode::ReadOnly, busyTimeoutMs);
        db.pragmaInt("user_version"); // the -shm file is opened (or made) here
        return db;
    } catch (const sql::Error &) {
        // A read-only folder without the -shm file: only the book itself can be read.
        return sql::Database(path, sql::Database::Mode::Immutable, busyTimeoutMs);
    }
}

bool isReadOnlyFailure(const sql::Error &e)
{
    const int primary = e.code() & 0xff;
    return primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM;
}

} // namespace

QString Book::readOnlyReason(const QString &path)
{
    if (!fileWritable(path))
        return tr("the file is read-only");
    if (!folderWritable(path))
        return tr("its folder %1 is read-only")
                .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
    return tr("the system refused to write to it");
}

BookError Book::explain(const QString &path, const sql::Error &e)
{
    const QString name = nameOf(path);
    switch (e.code() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return BookError(BookError::Kind::Locked,
                         tr("%1 is in use by another program (an import, or Territory Planner in "
                            "another window) and did not become free in time. Nothing was "
                            "changed; try again when it has finished.")
                                 .arg(name));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return readOnly(path);
    case SQLITE_FULL:
        return BookError(BookError::Kind::DiskFull,
                         tr("%1 cannot be written: the disk is full. Nothing was changed; free "
                            "some space and try again.")
                                 .arg(name));
    case SQLITE_IOERR:
        return BookError(BookError::Kind::Io,
                         tr("%1 could not be read or written: a disk or network error (%2). "
                            "Nothing was changed; check the drive and try again.")
                                 .arg(name, e.message()));
    case SQLITE_CANTOPEN: {
        const QFileInfo folder(QFileInfo(path).absolutePath());
        if (!folder.isDir())
            return BookError(BookError::Kind::Missing,
                             tr("The folder %1 does not exist.")
                                     .arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
        return BookError(BookError::Kind::Io,
                         tr("%1 cannot be opened (%2); check that it and its folder can be "
                            "accessed.")
                                 .arg(name, e.message()));
    }
    case SQLITE_NOMEM:
        return BookError(BookError::Kind::Io,
                         tr("Not enough memory to work on %1. Nothing was changed; close other "
                            "programs and try again.")
                                 .arg(name));
    case SQLITE_NOTADB:
        return BookError(BookError::Kind::NotABook,
                         tr("%1 is not a Territory Planner book.").arg(name));
    case SQLITE_CORRUPT:
        return corrupt(path, e.message());
    default:
        return BookError(BookError::Kind::Io, tr("%1: %2").arg(name, e.message()));
    }
}

Book::Book(sql::Database db, const QString &path, bool readOnly)
    : m_db(std::move(db)), m_path(path), m_readOnly(readOnly)
{ }

void Book::configure(sql::Database &db)
{
    db.exec("PRAGMA foreign_keys = ON");
    // Books are kept in WAL mode, so that readers never wait for a writer. Asking for it again
    // when it is set already would be a no-op that still needs the write lock in rollback mode.
    auto mode = db.prepare("PRAGMA journal_mode");
    if (!mode.step() || mode.utf8(0) != "wal") {
        mode.reset();
        db.exec("PRAGMA journal_mode = WAL");
    }
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA temp_store = MEMORY");
    // A bulk edit of 10,000 rows touches a few thousand pages: with the default 2 MB cache they
    // would spill to the log before the commit (docs/PERFORMANCE.md, "Bulk edits").
    db.exec("PRAGMA cache_size = -32768");
}

void Book::upgrade(sql::Database &db, const QString &path, int version)
{
    try {
        schema::migrate(db);
    } catch (const sql::Error &e) {
        const int primary = e.code() & 0xff;
        if (primary != SQLITE_CONSTRAINT && primary != SQLITE_CORRUPT && primary != SQLITE_ERROR)
            throw;
        throw BookError(BookError::Kind::Corrupt,
                        tr("%1 could not be upgraded from book format %2 to %3 (%4). The file was "
                           "left as it is; open a backup or a saved copy instead.")
                                .arg(nameOf(path))
                                .arg(version)
                                .arg(schema::currentVersion())
                                .arg(e.message()));
    }
}

int Book::inspect(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists()) {
        if (!QFileInfo(info.absolutePath()).isDir())
            throw BookError(BookError::Kind::Missing,
                            tr("%1 does not exist: there is no folder %2.")
                                    .arg(name, QDir::toNativeSeparators(info.absolutePath())));
        throw BookError(BookError::Kind::Missing, tr("%1 does not exist.").arg(path));
    }
    if (!info.isFile() || !info.isReadable())
        throw BookError(BookError::Kind::Io, tr("%1 cannot be read.").arg(path));
    if (info.size() == 0 || !hasSqliteHeader(path))
        throw BookError(
                BookError::Kind::NotABook,
                tr("%1 is not a Territory Planner book: it is not an SQLite database.").arg(name));
    try {
        sql::Database probe = readOnlyConnection(path, sql::Database::defaultBusyTimeoutMs);
        const int appId = probe.pragmaInt("application_id");
        const int version = probe.pragmaInt("user_version");
        if (appId != schema::applicationId)
            throw BookError(
                    BookError::Kind::NotABook,
                    tr("%1 is an SQLite database, but not a Territory Planner book.").arg(name));
        if (version > schema::currentVersion())
            throw BookError(
                    BookError::Kind::TooNew,
                    tr("%1 was written by a newer version of Territory Planner (book format %2; "
                       "this version reads up to %3). Update the application to open it.")
                            .arg(name)
                            .arg(version)
                            .arg(schema::currentVersion()));
        // Reading the schema touches the first pages; damage there shows up now.
        const int tables = schema::versionOfTables(probe);
        if (version <= 0 || version != tables)
            throw BookError(
                    BookError::Kind::Corrupt,
                    tr("%1 says it is book format %2, but its tables are those of format %3: its "
                       "format number was changed outside Territory Planner. The file was left "
                       "as it is; open a backup or a saved copy instead.")
                            .arg(name)
                            .arg(version)
                            .arg(tables));
        return version;
    } catch (const sql::Error &e) {
        throw explain(path, e);
    }
}

void Book::requireFolder(const QString &path)
{
    const QFileInfo info(path);
    if (!QFileInfo(info.absolutePath()).isDir())
        throw BookError(
                BookError::Kind::Missing,
                tr("Cannot create %1: the folder %2 does not exist.")
                        .arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())));
}

std::unique_ptr<Book> Book::create(const QString &path)
{
    requireFolder(path);
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0)
        throw BookError(BookError::Kind::Io,
                        tr("%1 already exists; choose another name.").arg(info.fileName()));
    try {
        sql::Database db(path, sql::Database::Mode::Create);
        // 16 KiB pages: a book is read in whole-table scans far more often than it is written
        // row by row, and bigger pages mean a quarter of the reads (measured in PERFORMANCE.md).
        // Only an empty file takes a page size, so this comes before WAL and the schema.
        db.exec("PRAGMA page_size = 16384");
        configure(db);
        schema::migrate(db);
        return std::unique_ptr<Book>(new Book(std::move(db), path));
    } catch (const sql::Error &e) {
        const BookError why = explain(path, e);
        throw BookError(why.kind(), tr("Cannot create %1: %2").arg(info.fileName(), why.message()));
    }
}

std::unique_ptr<Book> Book::open(const QString &path, int busyTimeoutMs)
{
    const int version = inspect(path);
    try {
        sql::Database db(path, sql::Database::Mode::ReadWrite, busyTimeoutMs);
        if (db.isReadOnly()) // SQLite fell back to reading: the file cannot be written
            throw readOnly(path);
        // An older book is migrated before anything else touches the file (WAL mode changes
        // its header), so that a migration that fails leaves it exactly as it was.
        if (version < schema::currentVersion())
            upgrade(db, path, version);
        configure(db);
        return std::unique_ptr<Book>(new Book(std::move(db), path));
    } catch (const sql::Error &e) {
        if (isReadOnlyFailure(e))
            throw readOnly(path);
        throw explain(path, e);
    }
}

std::unique_ptr<Book> Book::openForReading(const QString &path, int busyTimeoutMs)
{
    try {
        return open(path, busyTimeoutMs);
    } catch (const BookError &e) {
        if (e.kind() != BookError::Kind::ReadOnly)
            throw;
    }
    const int version = inspect(path);
    if (version < schema::currentVersion())
        throw BookError(BookError::Kind::ReadOnly,
                        tr("%1 is in an older book format (%2) and cannot be upgraded where it "
                           "is, because %3. Copy it to a writable folder and open the copy.")
                                .arg(nameOf(path))
                                .arg(version)
                                .arg(!fileWritable(path) ? tr("the file is read-only")
                                                         : tr("its folder is read-only")));
    try {
        sql::Database db = readOnlyConnection(path, busyTimeoutMs);
        db.exec("PRAGMA temp_store = MEMORY");
        return std::unique_ptr<Book>(new Book(std::move(db), path, true));
    } catch (const sql::Error &e) {
        throw explain(path, e);
    }
}

void Book::deferCheckpoints()
{
    if (!m_readOnly)
        m_db.exec("PRAGMA wal_autocheckpoint = 65536");
}

bool Book::checkpoint(const QString &path)
{
    try {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        db.exec("PRAGMA wal_checkpoint(PASSIVE)");
        return true;
    } catch (const sql::Error &) {
        return false;
    }
}

sql::Database Book::readConnection(const QString &path)
{
    try {
        sql::Database db(path, sql::Database::Mode::ReadOnly);
        db.pragmaInt("user_version"); // the -shm file is opened (or made) here
        return db;
    } catch (const sql::Error &) {
        return sql::Database(path, sql::Database::Mode::Immutable);
    }
}

int Book::schemaVersion()
{
    return m_db.pragmaInt("user_version");
}

void Book::saveCopyAs(const QString &path)
{
    if (QFileInfo::exists(path))
        throw BookError(
                BookError::Kind::Io,
                tr("%1 already exists; choose another name.").arg(QFileInfo(path).fileName()));
    auto st = m_db.prepare("VACUUM INTO ?");
    st.bind(1, path);
    try {
        st.run();
    } catch (const sql::Error &e) {
        const BookError why = explain(path, e);
        throw BookError(why.kind(), tr("Cannot save a copy to %1: %2").arg(path, why.message()));
    }
}

} // namespace tp
