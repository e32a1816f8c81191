#pragma once

#include "sqlite.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <stdexcept>

namespace tp {

// Why a file could not be opened as a book. The message is for the user.
class BookError : public std::runtime_error
{
public:
    enum class Kind { Missing, NotABook, Corrupt, TooNew, Locked, Io };
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
    // Creates a new book; an existing file is an error unless it is empty.
    static std::unique_ptr<Book> create(const QString &path);
    // Opens an existing book, migrating an older schema forward.
    static std::unique_ptr<Book> open(const QString &path);

    sql::Database &db() { return m_db; }
    QString path() const { return m_path; }
    int schemaVersion();

    // Writes a consistent copy of the whole book to `path` (which must not exist).
    void saveCopyAs(const QString &path);

private:
    Book(sql::Database db, const QString &path);
    static void configure(sql::Database &db);
    static void inspect(const QString &path);

    sql::Database m_db;
    QString m_path;
};

} // namespace tp
