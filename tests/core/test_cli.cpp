#include "clirun.h"
#include "fixtures.h"
#include "testsupport.h"

#include "cli/cli.h"
#include "storage/book.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

using namespace tp;

namespace {

using Result = test::CliResult;

Result run(const QStringList &arguments)
{
    return test::runCli(arguments);
}

} // namespace

TEST(Cli, HelpVersionAndUsageErrors)
{
    EXPECT_EQ(run({ QStringLiteral("--help") }).code, cli::Ok);
    EXPECT_TRUE(run({ QStringLiteral("--help") }).out.contains(QStringLiteral("summary")));
    EXPECT_TRUE(run({ QStringLiteral("--version") })
                        .out.startsWith(QStringLiteral("territory-planner ")));
    EXPECT_EQ(run({ QStringLiteral("frobnicate") }).code, cli::Usage);
    EXPECT_EQ(run({ QStringLiteral("summary") }).code, cli::Usage);
    EXPECT_EQ(run({ QStringLiteral("summary"), QStringLiteral("--db") }).code, cli::Usage);
    EXPECT_EQ(run({ QStringLiteral("summary"), QStringLiteral("--db"), QStringLiteral("x"),
                    QStringLiteral("--bogus") })
                      .code,
              cli::Usage);
    const Result badDate =
            run({ QStringLiteral("summary"), QStringLiteral("--db"), QStringLiteral("x"),
                  QStringLiteral("--as-of"), QStringLiteral("20/11/2026") });
    EXPECT_EQ(badDate.code, cli::Usage);
    EXPECT_TRUE(badDate.err.contains(QStringLiteral("YYYY-MM-DD")));
    EXPECT_EQ(run({ QStringLiteral("export"), QStringLiteral("--db"), QStringLiteral("x"),
                    QStringLiteral("--what"), QStringLiteral("planets"), QStringLiteral("--csv"),
                    QStringLiteral("y") })
                      .code,
              cli::Usage);
}

TEST(Cli, BadInputExitsOneWithAMessageAndTheBookUnchanged)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path)->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const QByteArray before = test::readAll(path);
    const Result unknownRep = run({ QStringLiteral("summary"), QStringLiteral("--db"), path,
                                    QStringLiteral("--rep"), QStringLiteral("Nobody") });
    EXPECT_EQ(unknownRep.code, cli::BadInput);
    EXPECT_TRUE(unknownRep.err.contains(QStringLiteral("Nobody")));
    EXPECT_EQ(test::readAll(path), before);

    const QString text = dir.path(QStringLiteral("text.csv"));
    QFile f(text);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("a,b\n1,2\n");
    f.close();
    const Result notABook = run({ QStringLiteral("summary"), QStringLiteral("--db"), text });
    EXPECT_EQ(notABook.code, cli::BadInput);
    EXPECT_TRUE(notABook.err.contains(QStringLiteral("not a Territory Planner book")));
}

TEST(Cli, SummaryJsonAndExport)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    const Result summary = run({ QStringLiteral("summary"), QStringLiteral("--db"), path,
                                 QStringLiteral("--as-of"), QStringLiteral("2026-11-20"),
                                 QStringLiteral("--json") });
    ASSERT_EQ(summary.code, cli::Ok) << summary.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(summary.out.toUtf8()).object();
    EXPECT_EQ(json[QStringLiteral("counts")].toObject()[QStringLiteral("open")].toInt(), 5);

    const QString csv = dir.path(QStringLiteral("out.csv"));
    const Result exported =
            run({ QStringLiteral("export"), QStringLiteral("--db"), path, QStringLiteral("--what"),
                  QStringLiteral("accounts"), QStringLiteral("--rep"), QStringLiteral("Ben"),
                  QStringLiteral("--csv"), csv });
    ASSERT_EQ(exported.code, cli::Ok) << exported.err.toStdString();
    const QString content = QString::fromUtf8(test::readAll(csv));
    EXPECT_TRUE(content.contains(QStringLiteral("A2,'=Bolt Systems,")));
    EXPECT_FALSE(content.contains(QStringLiteral("Acme")));

    // The work list: Ben's one account, scored on ICP fit only (3·4 / (5·3) = 0.8).
    Book::open(path)->db().exec("INSERT INTO account_scores VALUES (2, 1, 4)");
    const Result workList =
            run({ QStringLiteral("export"), QStringLiteral("--db"), path, QStringLiteral("--what"),
                  QStringLiteral("worklist"), QStringLiteral("--rep"), QStringLiteral("Ben"),
                  QStringLiteral("--csv"), csv });
    ASSERT_EQ(workList.code, cli::Ok) << workList.err.toStdString();
    const QStringList rows =
            QString::fromUtf8(test::readAll(csv)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), 2);
    EXPECT_TRUE(rows[1].startsWith(QStringLiteral("1,A2,'=Bolt Systems,Ben,80.0,")))
            << rows[1].toStdString();
}

TEST(Cli, RunsHeadlessWithoutADisplay)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("d.tpbook"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TP_EXECUTABLE),
                  { QStringLiteral("demo"), QStringLiteral("--db"), path, QStringLiteral("--as-of"),
                    QStringLiteral("2026-11-20") });
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    process.start(
            QStringLiteral(TP_EXECUTABLE),
            { QStringLiteral("summary"), QStringLiteral("--db"), path, QStringLiteral("--json") });
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    // The demo's 1,500 deals, but for those removed from the CRM during its weekly snapshots.
    qint64 removed = 0;
    {
        auto book = Book::open(path);
        auto st = book->db().prepare("SELECT count(*) FROM opportunities WHERE status = 3");
        ASSERT_TRUE(st.step());
        removed = st.int64(0);
    }
    EXPECT_GT(removed, 0);
    EXPECT_EQ(json[QStringLiteral("counts")].toObject()[QStringLiteral("opportunities")].toInt(),
              1500 - removed);
    process.start(QStringLiteral(TP_EXECUTABLE), { QStringLiteral("summary") });
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 2);
}

// Issue 16, item 20: a missing folder is named, for the book an import would create as for the
// file an export would write; the help names --screenshot-size.
TEST(Cli, AMissingFolderIsNamed)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(book);
    const QString missing = dir.path(QStringLiteral("nowhere"));
    const Result exported = run({ QStringLiteral("export"), QStringLiteral("--db"), book,
                                  QStringLiteral("--what"), QStringLiteral("opportunities"),
                                  QStringLiteral("--csv"), missing + QStringLiteral("/out.csv") });
    EXPECT_EQ(exported.code, cli::BadInput);
    EXPECT_EQ(exported.err.trimmed(),
              QStringLiteral("Cannot write out.csv: the folder %1 does not exist.")
                      .arg(QDir::toNativeSeparators(missing)));

    const QString csv = dir.path(QStringLiteral("q.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("Rep,Period,Quota\nAna,2026-Q4,1000\n");
    f.close();
    const Result imported = run({ QStringLiteral("import"), QStringLiteral("--db"),
                                  missing + QStringLiteral("/new.tpbook"), csv });
    EXPECT_EQ(imported.code, cli::BadInput);
    EXPECT_EQ(imported.err.trimmed(),
              QStringLiteral("Cannot create new.tpbook: the folder %1 does not exist.")
                      .arg(QDir::toNativeSeparators(missing)));
    EXPECT_FALSE(QDir(missing).exists());

    EXPECT_TRUE(run({ QStringLiteral("--help") })
                        .out.contains(QStringLiteral("--screenshot-size WxH")));
}
