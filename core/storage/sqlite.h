#pragma once

// A thin RAII layer over the sqlite3 C API. Only core/storage includes this.

#include <QByteArray>
#include <QDate>
#include <QString>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace tp::sql {

// Thrown for any SQLite failure; carries a user-readable message.
class Error : public std::runtime_error
{
public:
    Error(const QString &message, int code = 0);
    QString message() const { return m_message; }
    int code() const { return m_code; }

private:
    QString m_message;
    int m_code;
};

class Statement;

class Database
{
public:
    // Immutable: read-only, and SQLite is told the file cannot change while it is open (no
    // locks, no -shm or -wal files created): for a book in a read-only folder, or a probe that
    // must leave nothing behind.
    enum class Mode { ReadOnly, ReadWrite, Create, Immutable };

    // How long a statement waits for another connection's lock before it fails with
    // SQLITE_BUSY.
    static constexpr int defaultBusyTimeoutMs = 5000;

    Database() = default;
    Database(const QString &path, Mode mode, int busyTimeoutMs = defaultBusyTimeoutMs);
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    void close();
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    qint64 lastInsertId() const;
    bool inTransaction() const;
    // The connection cannot write (opened read-only, or SQLite fell back to read-only because
    // the file is not writable).
    bool isReadOnly() const;
    void setBusyTimeout(int ms);
    int changes() const;
    int pragmaInt(std::string_view name);
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }
    QString lastError() const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// A prepared statement. Binding indexes are 1-based like SQLite's.
class Statement
{
public:
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, long value) { return bind(index, qint64(value)); }
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, std::string_view utf8);
    // Without a copy: `utf8` must stay alive and unchanged until the statement is reset.
    Statement &bindStatic(int index, std::string_view utf8);
    Statement &bind(int index, const QDate &date); // ISO text, NULL when invalid
    Statement &bindNull(int index);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Steps once; returns true while a row is available.
    bool step();
    // Runs to completion (for statements without rows) and resets for reuse.
    void run();
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    std::string_view utf8(int column) const;
    QDate date(int column) const;
    std::optional<qint64> optionalInt64(int column) const;

private:
    Database *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// Rolls back unless commit() is called. The outermost one begins IMMEDIATE: it takes the write
// lock at once, waiting for another writer under the busy timeout, so that it never fails
// half-way because another connection wrote meanwhile (in WAL mode a deferred transaction that
// read first cannot wait for that). Inner ones nest through savepoints.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    QByteArray m_name; // empty for the outermost transaction
    bool m_done = false;
};

// Foreign-key enforcement off for the guard's lifetime, for work that settles references itself
// (a table rebuild, undoing an import) and checks them before it commits. SQLite ignores the
// pragma inside a transaction, so the guard does nothing there: make it before the transaction.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(Database &db);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    Database &m_db;
    bool m_active;
};

// An integer pragma set for the guard's lifetime and given back its earlier value afterwards
// (cache_size, temp_store, threads: settings of the connection, not of the file).
class PragmaOverride
{
public:
    PragmaOverride(Database &db, std::string_view name, int value);
    ~PragmaOverride();
    PragmaOverride(const PragmaOverride &) = delete;
    PragmaOverride &operator=(const PragmaOverride &) = delete;

private:
    Database &m_db;
    std::string m_name;
    int m_earlier;
};

} // namespace tp::sql
