#include "bookdump.h"
#include "fixtures.h"
#include "testsupport.h"

#include "edits/bookeditor.h"
#include "storage/book.h"
#include "storage/bulkwriter.h"
#include "storage/reps.h"
#include "storage/schema.h"
#include "storage/settings.h"
#include "storage/sqlite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <gtest/gtest.h>

using namespace tp;
using test::readAll;

namespace {

BookError::Kind openError(const QString &path, QString *message = nullptr)
{
    try {
        Book::open(path);
    } catch (const BookError &e) {
        if (message)
            *message = e.message();
        return e.kind();
    }
    ADD_FAILURE() << "opened " << path.toStdString();
    return BookError::Kind::Io;
}

} // namespace

TEST(Book, CreateAndReopenKeepsData)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    {
        auto book = Book::create(path);
        RepRepository(*book).insert({ 0, QStringLiteral("Zoë Müller"), {}, 18 });
        EXPECT_EQ(book->schemaVersion(), schema::currentVersion());
    }
    auto book = Book::open(path);
    const auto rep = RepRepository(*book).byName(QStringLiteral("Zoë Müller"));
    ASSERT_TRUE(rep);
    EXPECT_EQ(rep->capacity, 18);
    EXPECT_EQ(book->db().pragmaInt("foreign_keys"), 1);
    EXPECT_EQ(book->db().pragmaInt("page_size"), 16384);
    auto st = book->db().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), QStringLiteral("wal"));
}

TEST(Book, DefaultsOfMetricsAreBookSettings)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    SettingsRepository settings(*book);
    const BookSettings s = settings.load();
    EXPECT_EQ(s.currency, QStringLiteral("USD"));
    EXPECT_EQ(s.defaultCapacity, 20);
    EXPECT_EQ(s.defaultProbability(Stage::Qualify), 1000);
    EXPECT_EQ(s.defaultProbability(Stage::Prove), 2500);
    EXPECT_EQ(s.defaultProbability(Stage::Propose), 5000);
    EXPECT_EQ(s.defaultProbability(Stage::Negotiate), 7500);
    EXPECT_EQ(s.defaultProbability(Stage::Won), 10000);
    EXPECT_EQ(s.defaultProbability(Stage::Lost), 0);
    EXPECT_EQ(s.stageLimitDays, (std::array<int, 4>{ 30, 45, 30, 30 }));
    EXPECT_EQ(settings.real(QStringLiteral("roi.likelihood_threshold"), -1), 0.5);
    EXPECT_EQ(settings.real(QStringLiteral("roi.floor_likelihood"), -1), 0.2);
    EXPECT_EQ(settings.integer(QStringLiteral("stalled.idle_stalled_days"), -1), 90);
    EXPECT_EQ(settings.integer(QStringLiteral("metrics.window_days"), -1), 365);
    EXPECT_EQ(settings.real(QStringLiteral("funnel.default_win_rate"), -1), 0.25);
    EXPECT_EQ(settings.integer(QStringLiteral("funnel.weeks"), -1), 13);
    auto aliases =
            book->db().prepare("SELECT stage FROM stage_aliases WHERE alias = 'qualifiedtobuy'");
    ASSERT_TRUE(aliases.step());
    EXPECT_EQ(aliases.integer(0), int(Stage::Qualify));
    auto factors = book->db().prepare("SELECT count(*), sum(weight) FROM profile_weights");
    ASSERT_TRUE(factors.step());
    EXPECT_EQ(factors.integer(0), 6);
    EXPECT_EQ(factors.real(1), 12.0);
}

TEST(Book, MigratesAVersionOneBookForward)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("v1.tpbook"));
    {
        sql::Database db(path, sql::Database::Mode::Create);
        schema::migrate(db, 1);
        ASSERT_EQ(db.pragmaInt("user_version"), 1);
        db.exec("INSERT INTO reps (name) VALUES ('Old Timer')");
        db.exec("INSERT INTO quotas (rep_id, period, amount) VALUES (1, '2026-Q4', 100)");
    }
    auto book = Book::open(path);
    EXPECT_EQ(book->schemaVersion(), schema::currentVersion());
    EXPECT_TRUE(RepRepository(*book).byName(QStringLiteral("Old Timer")));
    EXPECT_EQ(RepRepository(*book).quota(1, QStringLiteral("2026-Q4")), 100);
    auto criteria = book->db().prepare("SELECT count(*) FROM stage_criteria");
    ASSERT_TRUE(criteria.step());
    EXPECT_EQ(criteria.integer(0), 7);
}

TEST(Book, RebuildingTheOpportunitiesTableKeepsEverythingThatRefersToThem)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("v4.tpbook"));
    {
        sql::Database db(path, sql::Database::Mode::Create);
        db.exec("PRAGMA foreign_keys = ON");
        schema::migrate(db, 4);
        db.exec("INSERT INTO reps (id, name) VALUES (1, 'Ann')");
        db.exec("INSERT INTO accounts (id, name) VALUES (1, 'Acme')");
        db.exec("INSERT INTO opportunities (id, crm_id, account_id, owner_id, name, amount, stage, "
                "created_date, probability_override_bp) "
                "VALUES (7, '006A', 1, 1, 'Big one', 500, 3, '2026-01-02', 4200), "
                "(9, NULL, 1, 1, 'No id', 10, 1, '2026-02-03', NULL)");
        db.exec("INSERT INTO snapshots (id, taken_on) VALUES (1, '2026-03-01')");
        db.exec("INSERT INTO snapshot_rows VALUES (1, 7, 3, 0, 500, NULL, NULL, 1)");
        db.exec("INSERT INTO stage_history (opportunity_id, stage, entered_date) "
                "VALUES (7, 3, '2026-02-01')");
        db.exec("INSERT INTO activities (type, activity_date, opportunity_id) "
                "VALUES ('call', '2026-02-02', 7)");
        db.exec("INSERT INTO opportunity_criteria VALUES (7, 1, '2026-02-01')");
    }
    auto book = Book::open(path);
    ASSERT_EQ(book->schemaVersion(), schema::currentVersion());
    auto &db = book->db();
    const auto count = [&](const char *sql) { return test::scalar(db, sql); };
    EXPECT_EQ(count("SELECT count(*) FROM opportunities"), 2);
    EXPECT_EQ(count("SELECT probability_override_bp FROM opportunities WHERE crm_id = '006A'"),
              4200);
    EXPECT_EQ(count("SELECT count(*) FROM snapshot_rows WHERE opportunity_id = 7"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM stage_history WHERE opportunity_id = 7"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM activities WHERE opportunity_id = 7"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM opportunity_criteria WHERE opportunity_id = 7"), 1);
    EXPECT_EQ(db.pragmaInt("foreign_keys"), 1);
    // The CRM id is still unique, now through an index an import can drop and build again.
    EXPECT_THROW(db.exec("INSERT INTO opportunities (crm_id, name, stage, created_date) "
                         "VALUES ('006A', 'Twin', 1, '2026-01-01')"),
                 sql::Error);
    EXPECT_EQ(count("SELECT count(*) FROM sqlite_schema WHERE name = 'opportunities_crm_id'"), 1);
    // References into the rebuilt table still cascade.
    db.exec("DELETE FROM opportunities WHERE id = 7");
    EXPECT_EQ(count("SELECT count(*) FROM snapshot_rows"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM activities WHERE opportunity_id IS NULL"), 1);
}

TEST(Book, TransactionRollsBackUnlessCommitted)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    RepRepository reps(*book);
    {
        sql::Transaction tx(book->db());
        reps.insert({ 0, QStringLiteral("Ghost"), {}, {} });
    }
    EXPECT_FALSE(reps.byName(QStringLiteral("Ghost")));
    {
        sql::Transaction tx(book->db());
        reps.insert({ 0, QStringLiteral("Kept"), {}, {} });
        tx.commit();
    }
    EXPECT_TRUE(reps.byName(QStringLiteral("Kept")));
}

TEST(Book, FailedBulkLoadLeavesNothingBehind)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    try {
        BulkWriter out(*book);
        out.addRep({ 0, QStringLiteral("One"), {}, {} });
        out.addRep({ 0, QStringLiteral("One"), {}, {} }); // UNIQUE(name) fails
        out.commit();
        FAIL() << "duplicate rep accepted";
    } catch (const sql::Error &) { }
    EXPECT_TRUE(RepRepository(*book).all().isEmpty());
}

TEST(Book, RefusesATextFileAndLeavesItUntouched)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.tpbook"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("Opportunity,Amount\nBig deal,100\n");
    f.close();
    const QByteArray before = readAll(path);
    QString message;
    EXPECT_EQ(openError(path, &message), BookError::Kind::NotABook);
    EXPECT_TRUE(message.contains(QStringLiteral("notes.tpbook")));
    EXPECT_EQ(readAll(path), before);
}

TEST(Book, RefusesAForeignSqliteDatabase)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("other.db"));
    {
        sql::Database db(path, sql::Database::Mode::Create);
        db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    }
    const QByteArray before = readAll(path);
    EXPECT_EQ(openError(path), BookError::Kind::NotABook);
    EXPECT_EQ(readAll(path), before);
}

TEST(Book, RefusesABookFromANewerVersion)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("new.tpbook"));
    {
        auto book = Book::create(path);
        book->db().exec("PRAGMA user_version = 99");
        book->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        book->db().exec("PRAGMA journal_mode = DELETE");
    }
    const QByteArray before = readAll(path);
    QString message;
    EXPECT_EQ(openError(path, &message), BookError::Kind::TooNew);
    EXPECT_TRUE(message.contains(QStringLiteral("newer version")));
    EXPECT_EQ(readAll(path), before);
}

TEST(Book, RefusesACorruptBookAndLeavesItUntouched)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("broken.tpbook"));
    {
        auto book = test::makeFixtureBook(path);
        book->db().exec("PRAGMA journal_mode = DELETE");
    }
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.seek(100); // the schema table's b-tree page header
    f.write(QByteArray(400, '\x5a'));
    f.close();
    const QByteArray before = readAll(path);
    QString message;
    EXPECT_EQ(openError(path, &message), BookError::Kind::Corrupt);
    EXPECT_TRUE(message.contains(QStringLiteral("damaged")));
    EXPECT_EQ(readAll(path), before);
}

TEST(Book, MissingFileIsReported)
{
    test::TempDir dir;
    EXPECT_EQ(openError(dir.path(QStringLiteral("nope.tpbook"))), BookError::Kind::Missing);
}

TEST(Book, TwoConnectionsWriteWithoutCorruption)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("shared.tpbook"));
    auto first = Book::create(path);
    auto second = Book::open(path);
    for (int i = 0; i < 50; ++i) {
        Book &book = i % 2 ? *first : *second;
        RepRepository(book).insert({ 0, QStringLiteral("Rep %1").arg(i), {}, {} });
    }
    EXPECT_EQ(RepRepository(*first).all().size(), 50);
    EXPECT_EQ(RepRepository(*second).all().size(), 50);
    auto check = first->db().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), QStringLiteral("ok"));
}

TEST(Book, SaveCopyAsWritesAnOpenableBook)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    const QString copy = dir.path(QStringLiteral("copy.tpbook"));
    book->saveCopyAs(copy);
    auto reopened = Book::open(copy);
    EXPECT_EQ(RepRepository(*reopened).all().size(), 2);
    EXPECT_THROW(book->saveCopyAs(copy), BookError);
}

namespace {

// A book written out in rollback mode with its format number set to `version` behind the
// application's back, as `sqlite3 book "PRAGMA user_version = -1"` would.
void setFormatNumber(const QString &path, int version)
{
    sql::Database db(path, sql::Database::Mode::ReadWrite);
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

bool leftLogFiles(const QString &path)
{
    return QFile::exists(path + QStringLiteral("-wal"))
            || QFile::exists(path + QStringLiteral("-shm"));
}

} // namespace

// Issue 16, item 2: a negative format number made every command abort (a heap overflow in the
// migration); a number set back made the migration run again on tables that exist.
TEST(Book, RefusesAnImpossibleFormatNumberAndLeavesTheFileAsItIs)
{
    test::TempDir dir;
    for (const int version : { -1, -2147483647, 0, 3, 5 }) {
        const QString path = dir.path(QStringLiteral("v%1.tpbook").arg(version));
        test::makeFixtureBook(path);
        setFormatNumber(path, version);
        const QByteArray before = readAll(path);
        QString message;
        EXPECT_EQ(openError(path, &message), BookError::Kind::Corrupt) << version;
        EXPECT_TRUE(message.contains(QStringLiteral("says it is book format %1, but its tables are "
                                                    "those of format %2")
                                             .arg(version)
                                             .arg(schema::currentVersion())))
                << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("The file was left as it is")));
        EXPECT_EQ(readAll(path), before) << version;
        EXPECT_FALSE(leftLogFiles(path)) << version;
        EXPECT_THROW(Book::openForReading(path), BookError);
    }
}

// A migration that fails half-way leaves the file in the format it had, not in between.
TEST(Book, AFailedMigrationLeavesTheBookInItsFormat)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("v3.tpbook"));
    {
        sql::Database db(path, sql::Database::Mode::Create);
        schema::migrate(db, 3);
        // A reference that version 5's rebuild of the opportunities refuses.
        db.exec("INSERT INTO opportunities (id, account_id, name, stage, created_date) "
                "VALUES (1, 42, 'Orphan', 1, '2026-01-01')");
        db.exec("PRAGMA journal_mode = DELETE");
    }
    const QByteArray before = readAll(path);
    EXPECT_EQ(openError(path), BookError::Kind::Corrupt);
    EXPECT_EQ(readAll(path), before);
    sql::Database db(path, sql::Database::Mode::ReadOnly);
    EXPECT_EQ(db.pragmaInt("user_version"), 3);
}

// Opening a book to check it leaves no -wal or -shm file behind, whatever the answer.
TEST(Book, ATooNewBookIsRefusedWithoutLeavingLogFiles)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("new.tpbook"));
    test::makeFixtureBook(path);
    setFormatNumber(path, 99);
    EXPECT_EQ(openError(path), BookError::Kind::TooNew);
    EXPECT_FALSE(leftLogFiles(path));
}

// Issue 16, item 10: what went wrong, said as it is, not as damage.
TEST(Book, ExplainsLocksReadOnlyFilesFullDisksAndMissingFolders)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    auto book = test::makeFixtureBook(path);
    const auto explained = [&](int code) {
        return Book::explain(path, sql::Error(QStringLiteral("x"), code));
    };
    EXPECT_EQ(explained(SQLITE_BUSY).kind(), BookError::Kind::Locked);
    EXPECT_TRUE(
            explained(SQLITE_BUSY).message().contains(QStringLiteral("in use by another program")));
    EXPECT_EQ(explained(SQLITE_FULL).kind(), BookError::Kind::DiskFull);
    EXPECT_TRUE(explained(SQLITE_FULL).message().contains(QStringLiteral("the disk is full")));
    EXPECT_EQ(explained(SQLITE_READONLY).kind(), BookError::Kind::ReadOnly);
    EXPECT_EQ(explained(SQLITE_IOERR_WRITE).kind(), BookError::Kind::Io);
    EXPECT_FALSE(explained(SQLITE_IOERR_WRITE).message().contains(QStringLiteral("damaged")));
    EXPECT_EQ(explained(SQLITE_CORRUPT).kind(), BookError::Kind::Corrupt);

    // A write that runs out of room (SQLite's page limit stands in for a full disk).
    book->db().exec("PRAGMA max_page_count = 1");
    try {
        RepRepository(*book).insert({ 0, QString(20000, QLatin1Char('x')), {}, {} });
        FAIL() << "wrote past the page limit";
    } catch (const sql::Error &e) {
        EXPECT_EQ(Book::explain(path, e).kind(), BookError::Kind::DiskFull);
    }

    // A folder that does not exist is named.
    const QString nowhere = dir.path(QStringLiteral("no/such/folder/b.tpbook"));
    try {
        Book::create(nowhere);
        FAIL() << "created a book in a missing folder";
    } catch (const BookError &e) {
        EXPECT_EQ(e.kind(), BookError::Kind::Missing);
        EXPECT_TRUE(e.message().contains(QStringLiteral("no/such/folder")))
                << e.message().toStdString();
    }
    QString message;
    EXPECT_EQ(openError(nowhere, &message), BookError::Kind::Missing);
    EXPECT_TRUE(message.contains(QStringLiteral("no/such/folder"))) << message.toStdString();
}

// Issue 16, item 10: a book in a read-only folder, or a read-only book file, can still be read:
// opened for reading it is read-only, and leaves nothing behind; opened for writing it says why
// not, naming the folder or the file, not "damaged".
TEST(Book, AReadOnlyFolderOrFileCanStillBeRead)
{
    for (const bool folder : { true, false }) {
        test::TempDir dir;
        const QString sub = dir.path(QStringLiteral("books"));
        ASSERT_TRUE(QDir().mkpath(sub));
        const QString path = sub + QStringLiteral("/a.tpbook");
        const QString expected = test::dumpBook(test::makeFixtureBook(path)->db());
        const test::Unwritable guard(folder ? sub : path);
        if (!guard.ok())
            GTEST_SKIP() << "cannot make a file or folder read-only here";
        QString message;
        EXPECT_EQ(openError(path, &message), BookError::Kind::ReadOnly);
        EXPECT_TRUE(message.contains(folder ? QStringLiteral("its folder")
                                            : QStringLiteral("the file is read-only")))
                << message.toStdString();
        EXPECT_FALSE(message.contains(QStringLiteral("damaged")));
        auto book = Book::openForReading(path);
        EXPECT_TRUE(book->isReadOnly());
        EXPECT_EQ(test::dumpBook(book->db()), expected);
        EXPECT_THROW(RepRepository(*book).insert({ 0, QStringLiteral("Nope"), {}, {} }),
                     sql::Error);
        book.reset();
        EXPECT_FALSE(leftLogFiles(path));
    }
}

// The app leaves edits in the write-ahead log and copies them into the book when the user
// pauses (issue 17): the book file itself (read as it is, without the log) has them only then.
TEST(Book, ACheckpointCopiesWhatTheLogHoldsIntoTheBook)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    auto book = test::makeFixtureBook(path);
    book->deferCheckpoints();
    EXPECT_EQ(book->db().pragmaInt("wal_autocheckpoint"), 65536);
    const Id deal = test::scalar(book->db(), "SELECT id FROM opportunities WHERE crm_id = 'O1'");
    const auto amountInTheFile = [&] {
        sql::Database file(path, sql::Database::Mode::Immutable);
        auto st = file.prepare("SELECT amount FROM opportunities WHERE id = ?");
        st.bind(1, deal);
        return st.step() ? st.int64(0) : -1;
    };
    Book::checkpoint(path); // the fixture's own writes
    const qint64 before = amountInTheFile();
    BookEditor(*book).setAmount(deal, 424'242);
    EXPECT_EQ(amountInTheFile(), before) << "still in the log";
    EXPECT_TRUE(Book::checkpoint(path));
    EXPECT_EQ(amountInTheFile(), 424'242);
    EXPECT_FALSE(Book::checkpoint(dir.path(QStringLiteral("missing/b.tpbook"))));
}
