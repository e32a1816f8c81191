// userMessage(): the one translation of core's exceptions into what a user reads.
#include "domain/errors.h"
#include "storage/book.h"
#include "storage/sqlite.h"
#include "storage/usermessage.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <stdexcept>

using namespace tp;

namespace {

const QString bookPath = QStringLiteral("/books/deals.tpbook");

// The exception as a catch (const std::exception &) sees it.
QString messageOf(const std::exception &e, BookTask task = BookTask::Change)
{
    return userMessage(e, bookPath, task);
}

TEST(UserMessage, ARefusedValueSaysItsOwnWords)
{
    EXPECT_EQ(messageOf(InputError(QStringLiteral("An amount cannot be negative."))),
              QStringLiteral("An amount cannot be negative."));
}

TEST(UserMessage, ABookErrorSaysItsOwnWordsWhateverTheTask)
{
    const BookError e(BookError::Kind::NotABook,
                      QStringLiteral("deals.tpbook is not a Territory Planner book."));
    for (const BookTask task :
         { BookTask::Change, BookTask::Open, BookTask::Create, BookTask::Read })
        EXPECT_EQ(messageOf(e, task), e.message());
}

TEST(UserMessage, ASqliteFailureIsExplainedForTheBook)
{
    const sql::Error busy(QStringLiteral("database is locked"), SQLITE_BUSY);
    EXPECT_EQ(messageOf(busy), Book::explain(bookPath, busy).message());
    EXPECT_TRUE(messageOf(busy).startsWith(QStringLiteral("deals.tpbook is in use by another "
                                                          "program")))
            << messageOf(busy).toStdString();
    const sql::Error full(QStringLiteral("database or disk is full"), SQLITE_FULL);
    EXPECT_EQ(messageOf(full),
              QStringLiteral("deals.tpbook cannot be written: the disk is full. Nothing was "
                             "changed; free some space and try again."));
    // An extended code is explained by its primary code.
    const sql::Error ioRead(QStringLiteral("disk I/O error"), SQLITE_IOERR_READ);
    EXPECT_EQ(messageOf(ioRead), Book::explain(bookPath, ioRead).message());
}

TEST(UserMessage, AnythingElseSaysWhatCouldNotBeDoneToTheBook)
{
    const std::runtime_error e("out of file handles");
    EXPECT_EQ(messageOf(e), QStringLiteral("The book was not changed: out of file handles"));
    EXPECT_EQ(messageOf(e, BookTask::Open),
              QStringLiteral("deals.tpbook cannot be opened: out of file handles"));
    EXPECT_EQ(messageOf(e, BookTask::Create),
              QStringLiteral("Cannot create deals.tpbook: out of file handles"));
    EXPECT_EQ(messageOf(e, BookTask::Read),
              QStringLiteral("deals.tpbook cannot be read: out of file handles"));
}

} // namespace
