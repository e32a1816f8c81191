#include "book.h"

#include "schema.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace tp {

BookError::BookError(Kind kind, const QString &message)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
    , m_message(message)
{
}

namespace {

bool hasSqliteHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

BookError corrupt(const QString &path, const QString &detail)
{
    return BookError(BookError::Kind::Corrupt,
                     Book::tr("%1 is damaged and cannot be read (%2). The file was left as it is; "
                              "open a backup or a saved copy instead.")
                             .arg(QFileInfo(path).fileName(), detail));
}

} // namespace

Book::Book(sql::Database db, const QString &path)
    : m_db(std::move(db))
    , m_path(path)
{
}

void Book::configure(sql::Database &db)
{
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA temp_store = MEMORY");
}

void Book::inspect(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        throw BookError(BookError::Kind::Missing, tr("%1 does not exist.").arg(path));
    if (!info.isFile() || !info.isReadable())
        throw BookError(BookError::Kind::Io, tr("%1 cannot be read.").arg(path));
    if (info.size() == 0 || !hasSqliteHeader(path))
        throw BookError(BookError::Kind::NotABook,
                        tr("%1 is not a Territory Planner book: it is not an SQLite database.")
                                .arg(name));
    try {
        sql::Database probe(path, sql::Database::Mode::ReadOnly);
        const int appId = probe.pragmaInt("application_id");
        const int version = probe.pragmaInt("user_version");
        if (appId != schema::applicationId)
            throw BookError(BookError::Kind::NotABook,
                            tr("%1 is an SQLite database, but not a Territory Planner book.")
                                    .arg(name));
        if (version > schema::currentVersion())
            throw BookError(
                    BookError::Kind::TooNew,
                    tr("%1 was written by a newer version of Territory Planner (book format %2; "
                       "this version reads up to %3). Update the application to open it.")
                            .arg(name)
                            .arg(version)
                            .arg(schema::currentVersion()));
        // Reading the schema touches the first pages; damage there shows up now.
        auto st = probe.prepare("SELECT count(*) FROM sqlite_schema");
        st.step();
    } catch (const sql::Error &e) {
        const int primary = e.code() & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
            throw BookError(BookError::Kind::Locked,
                            tr("%1 is busy in another program; try again.").arg(name));
        if (primary == SQLITE_NOTADB)
            throw BookError(BookError::Kind::NotABook,
                            tr("%1 is not a Territory Planner book.").arg(name));
        throw corrupt(path, e.message());
    }
}

std::unique_ptr<Book> Book::create(const QString &path)
{
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
        throw BookError(BookError::Kind::Io,
                        tr("Cannot create %1: %2").arg(info.fileName(), e.message()));
    }
}

std::unique_ptr<Book> Book::open(const QString &path)
{
    inspect(path);
    try {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        configure(db);
        schema::migrate(db);
        return std::unique_ptr<Book>(new Book(std::move(db), path));
    } catch (const sql::Error &e) {
        const int primary = e.code() & 0xff;
        if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM)
            throw BookError(BookError::Kind::Io,
                            tr("%1 cannot be opened for writing: %2")
                                    .arg(QFileInfo(path).fileName(), e.message()));
        throw corrupt(path, e.message());
    }
}

int Book::schemaVersion()
{
    return m_db.pragmaInt("user_version");
}

void Book::saveCopyAs(const QString &path)
{
    if (QFileInfo::exists(path))
        throw BookError(BookError::Kind::Io,
                        tr("%1 already exists; choose another name.").arg(QFileInfo(path).fileName()));
    auto st = m_db.prepare("VACUUM INTO ?");
    st.bind(1, path);
    try {
        st.run();
    } catch (const sql::Error &e) {
        throw BookError(BookError::Kind::Io,
                        tr("Cannot save a copy to %1: %2").arg(path, e.message()));
    }
}

} // namespace tp
