// Two programs on one book (issue 16, items 9 and 10): commands queue for the write lock within
// the busy timeout instead of failing at once, readers never wait for a writer, and a failure
// says what happened, not that the book is damaged.
#include "clirun.h"
#include "fixtures.h"
#include "testsupport.h"

#include "cli/cli.h"
#include "storage/book.h"
#include "storage/reps.h"
#include "storage/schema.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

using namespace tp;

namespace {

using Result = test::CliResult;

QString quotasCsv(test::TempDir &dir)
{
    return test::writeFile(dir, "quotas.csv",
                           "Rep,Period,Quota\nAna,2026-Q4,1000\nBen,2026-Q4,2000\n");
}

// Another program writing to the book: it holds the write lock for `ms`, then commits.
class Writer
{
public:
    Writer(const QString &path, int ms)
    {
        m_thread = std::thread([this, path, ms] {
            auto book = Book::open(path);
            sql::Transaction tx(book->db());
            RepRepository(*book).insert({ 0, QStringLiteral("Writer"), {}, {} });
            m_holding = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            tx.commit();
        });
        while (!m_holding)
            std::this_thread::yield();
    }
    ~Writer() { m_thread.join(); }

private:
    std::atomic<bool> m_holding{ false };
    std::thread m_thread;
};

} // namespace

// An import while another program writes waits for it, then imports; it did fail at once with
// "database is locked".
TEST(Concurrency, AnImportWaitsForAnotherWriterThenImports)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    const QString csv = quotasCsv(dir);
    QElapsedTimer waited;
    Result r;
    {
        const Writer writer(path, 1500);
        waited.start();
        r = test::runCli({ QStringLiteral("import"), QStringLiteral("--db"), path, csv });
    }
    EXPECT_EQ(r.code, cli::Ok) << r.err.toStdString();
    EXPECT_GE(waited.elapsed(), 1000) << "did not wait for the writer";
    auto book = Book::open(path);
    EXPECT_TRUE(RepRepository(*book).byName(QStringLiteral("Writer")));
    EXPECT_EQ(RepRepository(*book).quota(RepRepository(*book).byName(QStringLiteral("Ben"))->id,
                                         QStringLiteral("2026-Q4")),
              200000);
}

// A summary while another program writes reads the book as it was committed, without waiting.
TEST(Concurrency, ASummaryReadsWhileAnotherProgramWrites)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    QElapsedTimer waited;
    Result r;
    qint64 elapsed = 0;
    {
        const Writer writer(path, 2000);
        waited.start();
        r = test::runCli({ QStringLiteral("summary"), QStringLiteral("--db"), path,
                           QStringLiteral("--as-of"), QStringLiteral("2026-11-20"),
                           QStringLiteral("--json") });
        elapsed = waited.elapsed();
    }
    EXPECT_EQ(r.code, cli::Ok) << r.err.toStdString();
    EXPECT_LT(elapsed, 1500) << "waited for the writer";
    EXPECT_TRUE(r.out.contains(QStringLiteral("\"counts\""))) << r.out.toStdString();
}

// A writer that does not finish within the busy timeout: the message says the book is in use,
// not that it is damaged, and nothing was written.
TEST(Concurrency, ABusyBookIsSaidToBeInUse)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    const Writer writer(path, 600);
    auto book = Book::open(path, 100);
    try {
        sql::Transaction tx(book->db());
        FAIL() << "took the write lock from the other program";
    } catch (const sql::Error &e) {
        const BookError why = Book::explain(path, e);
        EXPECT_EQ(why.kind(), BookError::Kind::Locked);
        EXPECT_TRUE(why.message().contains(QStringLiteral("in use by another program")));
    }
}

// Commands on a book whose format number is impossible end with a message, not an abort.
TEST(Concurrency, CommandsOnAnImpossibleFormatNumberFailCleanly)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    {
        sql::Database db(path, sql::Database::Mode::ReadWrite);
        db.exec("PRAGMA user_version = -1");
    }
    const QByteArray before = test::readAll(path);
    for (const QStringList &args :
         { QStringList{ QStringLiteral("summary"), QStringLiteral("--db"), path },
           QStringList{ QStringLiteral("export"), QStringLiteral("--db"), path,
                        QStringLiteral("--what"), QStringLiteral("accounts"),
                        QStringLiteral("--csv"), dir.path(QStringLiteral("x.csv")) },
           QStringList{ QStringLiteral("import"), QStringLiteral("--db"), path,
                        quotasCsv(dir) } }) {
        const Result r = test::runCli(args);
        EXPECT_EQ(r.code, cli::BadInput) << args.first().toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("says it is book format -1")))
                << r.err.toStdString();
    }
    EXPECT_EQ(test::readAll(path), before);
}

namespace {

// A Salesforce report of `rows` deals, large enough that importing it takes a while.
QString bigReport(test::TempDir &dir, const char *name, int rows, int firstId)
{
    QByteArray out =
            "\"Opportunity Owner\",\"Account Name\",\"Opportunity Name\",\"Stage\",\"Amount\","
            "\"Close Date\",\"Opportunity ID\"\n";
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(firstId + i);
        out += "\"Mia Rossi\",\"Acme " + QByteArray::number(i % 500) + "\",\"Deal " + n
                + "\",\"Prospecting\",\"" + QByteArray::number(1000 + i)
                + ".00\",\"2026-12-01\",\"006K" + n.rightJustified(11, '0') + "\"\n";
    }
    return test::writeFile(dir, name, out);
}

void startImport(QProcess &process, const QString &book, const QString &file)
{
    process.start(QStringLiteral(TP_EXECUTABLE),
                  { QStringLiteral("import"), QStringLiteral("--db"), book,
                    QStringLiteral("--as-of"), QStringLiteral("2026-11-20"), file });
    ASSERT_TRUE(process.waitForStarted());
}

} // namespace

// The field test's runs, in real processes: two imports at once into one book, and summaries
// while they run. Every command succeeds; the imports take turns.
TEST(Concurrency, TwoImportsAndSummariesAtOnceAllSucceed)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    const QString first = bigReport(dir, "first.csv", 60000, 1000000);
    const QString second = bigReport(dir, "second.csv", 60000, 2000000);
    QProcess one, two;
    startImport(one, path, first);
    startImport(two, path, second);
    int summaries = 0;
    while (one.state() == QProcess::Running || two.state() == QProcess::Running) {
        const Result r = test::runCli({ QStringLiteral("summary"), QStringLiteral("--db"), path,
                                        QStringLiteral("--json") });
        EXPECT_EQ(r.code, cli::Ok) << r.err.toStdString();
        ++summaries;
        one.waitForFinished(10);
        two.waitForFinished(10);
    }
    EXPECT_EQ(one.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(two.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(one.exitCode(), 0) << one.readAllStandardError().toStdString();
    EXPECT_EQ(two.exitCode(), 0) << two.readAllStandardError().toStdString();
    EXPECT_GT(summaries, 0);
    auto book = Book::open(path);
    auto st = book->db().prepare("SELECT count(*) FROM opportunities WHERE crm_id LIKE '006K%'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 120000);
}
