// A killed import leaves the book as it was: the import runs in a real process, which is killed
// (SIGKILL, no clean-up of any kind) while it writes rows; the book opened afterwards is the
// book from before, and takes the same file.
#include "bookdump.h"
#include "testsupport.h"

#include "import/importer.h"
#include "storage/book.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <gtest/gtest.h>

using namespace tp;

namespace {

// A Salesforce report of `rows` deals (the preset is detected; ISO dates settle themselves).
QByteArray report(int rows, int firstId)
{
    QByteArray out =
            "\"Opportunity Owner\",\"Account Name\",\"Opportunity Name\",\"Stage\",\"Amount\","
            "\"Close Date\",\"Opportunity ID\"\n";
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(firstId + i);
        out += "\"Mia Rossi\",\"Acme " + QByteArray::number(i % 1000) + "\",\"Deal " + n
                + "\",\"Prospecting\",\"" + QByteArray::number(1000 + i)
                + ".00\",\"2026-12-01\",\"006K" + n.rightJustified(11, '0') + "\"\n";
    }
    return out;
}

QString write(test::TempDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.path(QString::fromUtf8(name));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

// Bytes the process has read through read(2) so far (its CSV passes), from /proc.
qint64 bytesRead(qint64 pid)
{
    QFile io(QStringLiteral("/proc/%1/io").arg(pid));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("rchar: "))
            return line.mid(7).toLongLong();
    }
    return -1;
}

QString dump(const QString &path)
{
    auto book = Book::open(path);
    return test::dumpBook(book->db());
}

} // namespace

TEST(ImportKill, AnImportKilledWhileWritingLeavesTheBookAsItWas)
{
    if (!QFile::exists(QStringLiteral("/proc/self/io")))
        GTEST_SKIP() << "needs Linux /proc/<pid>/io to tell when the import is writing";
    test::TempDir dir;
    const QString bookPath = dir.path(QStringLiteral("a.tpbook"));
    {
        auto book = Book::create(bookPath);
        crm::ImportOptions options;
        options.asOf = QDate(2026, 11, 13);
        ASSERT_TRUE(
                crm::importFile(*book, write(dir, "first.csv", report(50, 0)), options).committed);
    }
    const QString before = dump(bookPath);
    const QByteArray big = report(200000, 1000000);
    const QString file = write(dir, "big.csv", big);

    QProcess import;
    import.start(QStringLiteral(TP_EXECUTABLE),
                 { QStringLiteral("import"), QStringLiteral("--db"), bookPath,
                   QStringLiteral("--as-of"), QStringLiteral("2026-11-20"), file });
    ASSERT_TRUE(import.waitForStarted());
    // The analysis reads the file twice (the check that it is UTF-8, then its pass); a fifth
    // into the third pass, rows are being written inside the import's transaction, which the
    // book's write-ahead log holds then (pages spill into it as the cache fills); it must still
    // hold them when the process is gone, and SQLite must ignore them, uncommitted.
    const QString wal = bookPath + QStringLiteral("-wal");
    const qint64 threshold = 2 * big.size() + big.size() / 5;
    QElapsedTimer timer;
    timer.start();
    bool killed = false;
    while (import.state() == QProcess::Running && timer.elapsed() < 60000) {
        if (bytesRead(import.processId()) > threshold && QFileInfo(wal).size() > 0) {
            import.kill();
            killed = true;
            break;
        }
        import.waitForFinished(2);
    }
    ASSERT_TRUE(killed) << "the import ended before it could be killed: "
                        << import.readAllStandardError().toStdString();
    ASSERT_TRUE(import.waitForFinished());
    EXPECT_EQ(import.exitStatus(), QProcess::CrashExit);
    EXPECT_GT(QFileInfo(wal).size(), 0) << "killed outside the import's transaction";

    EXPECT_EQ(dump(bookPath), before);
    auto book = Book::open(bookPath);
    crm::ImportOptions options;
    options.asOf = QDate(2026, 11, 20);
    const auto again = crm::importFile(*book, file, options);
    EXPECT_TRUE(again.committed);
    EXPECT_EQ(again.counts.created, 200000);
}

// Issue 16, item 20: the first import into a new book, killed, left an empty book behind. The
// book takes its name only once its import has committed; what the killed one left is removed
// by the next import.
TEST(ImportKill, AKilledFirstImportLeavesNoBook)
{
    if (!QFile::exists(QStringLiteral("/proc/self/io")))
        GTEST_SKIP() << "needs Linux /proc/<pid>/io to tell when the import is writing";
    test::TempDir dir;
    const QString bookPath = dir.path(QStringLiteral("new.tpbook"));
    const QByteArray big = report(200000, 1000000);
    const QString file = write(dir, "big.csv", big);
    QProcess import;
    import.start(QStringLiteral(TP_EXECUTABLE),
                 { QStringLiteral("import"), QStringLiteral("--db"), bookPath, file });
    ASSERT_TRUE(import.waitForStarted());
    const qint64 threshold = 2 * big.size() + big.size() / 5;
    QElapsedTimer timer;
    timer.start();
    bool killed = false;
    while (import.state() == QProcess::Running && timer.elapsed() < 60000) {
        if (bytesRead(import.processId()) > threshold) {
            import.kill();
            killed = true;
            break;
        }
        import.waitForFinished(2);
    }
    ASSERT_TRUE(killed) << "the import ended before it could be killed";
    ASSERT_TRUE(import.waitForFinished());
    EXPECT_FALSE(QFile::exists(bookPath)) << "an empty book was left behind";

    QProcess again;
    again.start(QStringLiteral(TP_EXECUTABLE),
                { QStringLiteral("import"), QStringLiteral("--db"), bookPath,
                  write(dir, "small.csv", report(10, 0)) });
    ASSERT_TRUE(again.waitForFinished(60000));
    EXPECT_EQ(again.exitCode(), 0) << again.readAllStandardError().toStdString();
    EXPECT_TRUE(QFile::exists(bookPath));
    EXPECT_FALSE(QFile::exists(bookPath + QStringLiteral(".importing")));
    EXPECT_EQ(QDir(dir.root()).entryList({ QStringLiteral("new.tpbook*") }, QDir::Files),
              QStringList{ QStringLiteral("new.tpbook") });
}
