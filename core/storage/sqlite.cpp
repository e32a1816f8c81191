#include "sqlite.h"

#include "domain/dates.h"

#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#include <atomic>

namespace tp::sql {

namespace {

QString describe(sqlite3 *db, int rc)
{
    if (db)
        return QString::fromUtf8(sqlite3_errmsg(db));
    return QString::fromUtf8(sqlite3_errstr(rc));
}

void check(Database &db, int rc, std::string_view what)
{
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return;
    throw Error(QStringLiteral("%1: %2").arg(QString::fromUtf8(what.data(), qsizetype(what.size())),
                                             describe(db.handle(), rc)),
                rc);
}

} // namespace

Error::Error(const QString &message, int code)
    : std::runtime_error(message.toStdString()), m_message(message), m_code(code)
{ }

Database::Database(const QString &path, Mode mode, int busyTimeoutMs) : m_path(path)
{
    // No memory statistics: they take a global mutex on every allocation SQLite makes (an
    // import makes several per row). Only possible before SQLite initialises, hence once here.
    static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(configured);
    int flags = SQLITE_OPEN_NOMUTEX;
    QByteArray native = path.toUtf8();
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::Immutable:
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        native = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded()
                + "?immutable=1";
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(native.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = describe(m_db, rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(message, rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
}

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{ }

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString reason = message ? QString::fromUtf8(message) : describe(m_db, rc);
        sqlite3_free(message);
        throw Error(reason, rc);
    }
}

Statement Database::prepare(std::string_view sql)
{
    return Statement(*this, sql);
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

bool Database::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

void Database::setBusyTimeout(int ms)
{
    sqlite3_busy_timeout(m_db, ms);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::pragmaInt(std::string_view name)
{
    Statement st(*this, std::string("PRAGMA ") + std::string(name));
    return st.step() ? st.integer(0) : 0;
}

QString Database::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

Statement::Statement(Database &db, std::string_view sql) : m_db(&db)
{
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    check(db, rc, "prepare");
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr))
{ }

Statement &Statement::bind(int index, qint64 value)
{
    check(*m_db, sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    check(*m_db, sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    check(*m_db,
          sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                              SQLITE_TRANSIENT, SQLITE_UTF8),
          "bind");
    return *this;
}

Statement &Statement::bind(int index, std::string_view utf8)
{
    check(*m_db,
          sqlite3_bind_text64(m_stmt, index, utf8.data(), sqlite3_uint64(utf8.size()),
                              SQLITE_TRANSIENT, SQLITE_UTF8),
          "bind");
    return *this;
}

Statement &Statement::bindStatic(int index, std::string_view utf8)
{
    check(*m_db,
          sqlite3_bind_text64(m_stmt, index, utf8.data(), sqlite3_uint64(utf8.size()),
                              SQLITE_STATIC, SQLITE_UTF8),
          "bind");
    return *this;
}

Statement &Statement::bind(int index, const QDate &date)
{
    char text[10];
    if (!date.isValid())
        return bindNull(index);
    if (!formatIsoDate(date, text)) // years outside 1000-9999: rare, the slow way
        return bind(index, date.toString(Qt::ISODate));
    return bind(index, std::string_view(text, sizeof text));
}

Statement &Statement::bindNull(int index)
{
    check(*m_db, sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString message = describe(m_db->handle(), rc);
    sqlite3_reset(m_stmt);
    throw Error(message, rc);
}

void Statement::run()
{
    while (step()) { }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto view = utf8(column);
    if (isNull(column))
        return {};
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

std::string_view Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string_view(data, std::size_t(size)) : std::string_view();
}

QDate Statement::date(int column) const
{
    if (isNull(column))
        return {};
    const std::string_view iso = utf8(column);
    const QDate date = parseIsoDate(iso);
    return date.isValid() || iso.empty() ? date : QDate::fromString(text(column), Qt::ISODate);
}

std::optional<qint64> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

Transaction::Transaction(Database &db) : m_db(db)
{
    if (!m_db.inTransaction()) {
        m_db.exec("BEGIN IMMEDIATE");
        return;
    }
    static std::atomic<int> counter{ 0 };
    m_name = "tp_tx_" + QByteArray::number(++counter);
    m_db.exec(std::string("SAVEPOINT ") + m_name.toStdString());
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    try {
        if (m_name.isEmpty()) {
            if (m_db.inTransaction()) // SQLite may have rolled back already (SQLITE_FULL, IOERR)
                m_db.exec("ROLLBACK");
            return;
        }
        const std::string name = m_name.toStdString();
        m_db.exec("ROLLBACK TO " + name);
        m_db.exec("RELEASE " + name);
    } catch (const Error &) {
        // The connection is already unusable; nothing more can be undone here.
    }
}

void Transaction::commit()
{
    m_db.exec(m_name.isEmpty() ? std::string("COMMIT")
                               : std::string("RELEASE ") + m_name.toStdString());
    m_done = true;
}

ForeignKeysOff::ForeignKeysOff(Database &db)
    : m_db(db), m_active(db.pragmaInt("foreign_keys") != 0 && !db.inTransaction())
{
    if (m_active)
        m_db.exec("PRAGMA foreign_keys = OFF");
}

ForeignKeysOff::~ForeignKeysOff()
{
    if (!m_active)
        return;
    try {
        m_db.exec("PRAGMA foreign_keys = ON");
    } catch (const Error &) {
        // The connection is already unusable.
    }
}

PragmaOverride::PragmaOverride(Database &db, std::string_view name, int value)
    : m_db(db), m_name(name), m_earlier(db.pragmaInt(name))
{
    m_db.exec("PRAGMA " + m_name + " = " + std::to_string(value));
}

PragmaOverride::~PragmaOverride()
{
    try {
        m_db.exec("PRAGMA " + m_name + " = " + std::to_string(m_earlier));
    } catch (const Error &) {
        // The connection is already unusable.
    }
}

} // namespace tp::sql
