// `summary --since`: the changes section (CLI.md), from small CSV exports imported week by week
// into a temporary book with `import --as-of` (tests/data/snapshots).

#include "clirun.h"
#include "testsupport.h"

#include "cli/cli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <map>

using namespace tp;

namespace {

QString week(const char *name)
{
    return test::dataFile(QStringLiteral("snapshots/") + QString::fromUtf8(name));
}

class CliChanges : public ::testing::Test
{
protected:
    void import(const char *file, const char *asOf, bool complete = false)
    {
        QStringList args{ QStringLiteral("import"),
                          QStringLiteral("--db"),
                          m_book,
                          QStringLiteral("--preset"),
                          QStringLiteral("territory-planner"),
                          QStringLiteral("--as-of"),
                          QString::fromLatin1(asOf) };
        if (complete)
            args << QStringLiteral("--complete");
        args << week(file);
        const test::CliResult r = test::runCli(args);
        ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString() << r.out.toStdString();
    }
    // The four weeks: a first export, a partial one of what moved, the whole pipeline declared
    // complete (one deal gone), and a partial one of a single deal.
    void importAllWeeks()
    {
        import("week1.csv", "2026-11-13");
        import("week2.csv", "2026-11-20");
        import("week3-complete.csv", "2026-11-27", true);
        import("week4.csv", "2026-12-04");
    }
    test::CliResult summary(const QStringList &more)
    {
        return test::runCli(QStringList{ QStringLiteral("summary"), QStringLiteral("--db"), m_book }
                            + more);
    }
    QJsonObject changes(const QStringList &more)
    {
        const test::CliResult r = summary(more + QStringList{ QStringLiteral("--json") });
        EXPECT_EQ(r.code, cli::Ok) << r.err.toStdString();
        const QJsonObject all = QJsonDocument::fromJson(r.out.toUtf8()).object();
        EXPECT_TRUE(all.contains(QStringLiteral("changes"))) << r.out.toStdString();
        return all.value(QStringLiteral("changes")).toObject();
    }
    static std::map<QString, int> counts(const QJsonObject &changes)
    {
        std::map<QString, int> out;
        const QJsonObject c = changes.value(QStringLiteral("counts")).toObject();
        for (auto it = c.begin(); it != c.end(); ++it)
            out[it.key()] = it.value().toInt();
        return out;
    }
    static double flow(const QJsonObject &changes, const char *key)
    {
        return changes.value(QStringLiteral("flow"))
                .toObject()
                .value(QString::fromLatin1(key))
                .toDouble(-1);
    }
    // start + new + moved in + amount up − amount down − won − lost − removed − moved out = end.
    static void expectBalanced(const QJsonObject &c)
    {
        const double sum = flow(c, "start") + flow(c, "new") + flow(c, "moved_in")
                + flow(c, "amount_up") - flow(c, "amount_down") - flow(c, "won") - flow(c, "lost")
                - flow(c, "removed") - flow(c, "moved_out");
        EXPECT_NEAR(sum, flow(c, "end"), 0.001);
    }
    static std::map<QString, int> zeroCounts()
    {
        std::map<QString, int> out;
        for (const char *key :
             { "new", "removed", "won", "lost", "advanced", "regressed", "pushed", "pulled_in",
               "amount_up", "amount_down", "owner_changed", "newly_stalled" })
            out[QString::fromLatin1(key)] = 0;
        return out;
    }

    test::TempDir m_dir;
    QString m_book = m_dir.path(QStringLiteral("weeks.tpbook"));
};

} // namespace

// Week 1 to week 2 for the team: every category but removed once, each flow bucket but removed
// once; Theta, which week 2 does not list, keeps its row and is newly stalled as of week 2's
// date (its close date passed), Iota, not listed either, changes nothing.
TEST_F(CliChanges, EveryCategoryBetweenTwoWeeks)
{
    importAllWeeks();
    const QJsonObject c = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                    QStringLiteral("--as-of"), QStringLiteral("2026-11-20") });
    EXPECT_EQ(c.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-13"));
    EXPECT_EQ(c.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-20"));
    auto expected = zeroCounts();
    for (const char *key : { "new", "won", "lost", "advanced", "regressed", "pushed", "pulled_in",
                             "amount_up", "amount_down", "owner_changed", "newly_stalled" })
        expected[QString::fromLatin1(key)] = 1;
    EXPECT_EQ(counts(c), expected);
    EXPECT_DOUBLE_EQ(flow(c, "start"), 295000.0);
    EXPECT_DOUBLE_EQ(flow(c, "new"), 9000.0); // Kappa
    EXPECT_DOUBLE_EQ(flow(c, "moved_in"), 70000.0); // Eta, pulled into the quarter
    EXPECT_DOUBLE_EQ(flow(c, "amount_up"), 2000.0); // Alpha
    EXPECT_DOUBLE_EQ(flow(c, "amount_down"), 5000.0); // Beta
    EXPECT_DOUBLE_EQ(flow(c, "won"), 30000.0); // Gamma
    EXPECT_DOUBLE_EQ(flow(c, "lost"), 40000.0); // Delta
    EXPECT_DOUBLE_EQ(flow(c, "removed"), 0.0);
    EXPECT_DOUBLE_EQ(flow(c, "moved_out"), 50000.0); // Epsilon, pushed into next year
    EXPECT_DOUBLE_EQ(flow(c, "end"), 251000.0);
    expectBalanced(c);
}

// The JSON keys and their order are the contract's (CLI.md); money has two decimals.
TEST_F(CliChanges, KeysAndMoneyAsTheContractWrites)
{
    importAllWeeks();
    const test::CliResult r = summary({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                        QStringLiteral("--as-of"), QStringLiteral("2026-11-20"),
                                        QStringLiteral("--json") });
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString();
    // The document without its layout: keys in the contract's order, money with two decimals.
    QString compact = r.out;
    compact.remove(QRegularExpression(QStringLiteral("\\s")));
    EXPECT_TRUE(compact.contains(QStringLiteral(
            "\"changes\":{\"from\":\"2026-11-13\",\"to\":\"2026-11-20\","
            "\"counts\":{\"new\":1,\"removed\":0,\"won\":1,\"lost\":1,\"advanced\":1,"
            "\"regressed\":1,\"pushed\":1,\"pulled_in\":1,\"amount_up\":1,"
            "\"amount_down\":1,\"owner_changed\":1,\"newly_stalled\":1},"
            "\"flow\":{\"start\":295000.00,\"new\":9000.00,\"moved_in\":70000.00,"
            "\"amount_up\":2000.00,\"amount_down\":5000.00,\"won\":30000.00,"
            "\"lost\":40000.00,\"removed\":0.00,\"moved_out\":50000.00,"
            "\"end\":251000.00}}")))
            << r.out.toStdString();
    // Without --since there is no changes section.
    const test::CliResult plain = summary(
            { QStringLiteral("--as-of"), QStringLiteral("2026-11-20"), QStringLiteral("--json") });
    EXPECT_FALSE(plain.out.contains(QStringLiteral("\"changes\"")));
}

// Ana's view of the same week: Zeta went to Ben (owner changed, moved out by owner), Epsilon
// moved out of the quarter; Gamma, Delta and Eta are Ben's and count nowhere.
TEST_F(CliChanges, RepScopeWithAnOwnerChange)
{
    importAllWeeks();
    const QJsonObject c = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                    QStringLiteral("--as-of"), QStringLiteral("2026-11-20"),
                                    QStringLiteral("--rep"), QStringLiteral("Ana Silva") });
    auto expected = zeroCounts();
    for (const char *key : { "new", "advanced", "regressed", "pushed", "amount_up", "amount_down",
                             "owner_changed", "newly_stalled" })
        expected[QString::fromLatin1(key)] = 1;
    EXPECT_EQ(counts(c), expected);
    EXPECT_DOUBLE_EQ(flow(c, "start"), 220000.0);
    EXPECT_DOUBLE_EQ(flow(c, "moved_out"), 110000.0); // Epsilon 50,000 and Zeta 60,000
    EXPECT_DOUBLE_EQ(flow(c, "moved_in"), 0.0);
    EXPECT_DOUBLE_EQ(flow(c, "end"), 116000.0);
    expectBalanced(c);

    // Ben's: Zeta came to him.
    const QJsonObject ben = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                      QStringLiteral("--as-of"), QStringLiteral("2026-11-20"),
                                      QStringLiteral("--rep"), QStringLiteral("Ben Okafor") });
    EXPECT_EQ(counts(ben)[QStringLiteral("owner_changed")], 1);
    EXPECT_DOUBLE_EQ(flow(ben, "moved_in"), 130000.0); // Zeta 60,000 and Eta 70,000
    expectBalanced(ben);
}

// The complete week 3 removes Iota; week 4, a partial export of Alpha alone, keeps Iota removed
// (carried forward) and changes nothing else it does not list: only the date moved on.
TEST_F(CliChanges, RemovedByACompleteImportAndCarriedForward)
{
    importAllWeeks();
    const QJsonObject w3 = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-20"),
                                     QStringLiteral("--as-of"), QStringLiteral("2026-11-27") });
    auto expected = zeroCounts();
    expected[QStringLiteral("removed")] = 1;
    EXPECT_EQ(counts(w3), expected);
    EXPECT_DOUBLE_EQ(flow(w3, "removed"), 5000.0);
    expectBalanced(w3);

    const QJsonObject w4 = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-27"),
                                     QStringLiteral("--as-of"), QStringLiteral("2026-12-04") });
    expected = zeroCounts();
    expected[QStringLiteral("amount_down")] = 1; // Alpha back to 10,000
    // Zeta's row is week 3's, unchanged; as of week 4's date its close date (Dec 1) has passed.
    expected[QStringLiteral("newly_stalled")] = 1;
    EXPECT_EQ(counts(w4), expected);
    EXPECT_DOUBLE_EQ(flow(w4, "amount_down"), 2000.0);
    expectBalanced(w4);

    // Over the three weeks, Iota is removed once and stays out of the pipeline.
    const QJsonObject all = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                      QStringLiteral("--as-of"), QStringLiteral("2026-12-04") });
    EXPECT_EQ(counts(all)[QStringLiteral("removed")], 1);
    EXPECT_DOUBLE_EQ(flow(all, "removed"), 5000.0);
    EXPECT_DOUBLE_EQ(flow(all, "amount_up"), 0.0); // Alpha ends where it started
    expectBalanced(all);
}

// --since before the first snapshot: compared with the empty book, everything is new and
// "from" is null; --as-of before the first snapshot: nothing to compare, exit 1.
TEST_F(CliChanges, BeforeTheFirstSnapshot)
{
    importAllWeeks();
    const QJsonObject c = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-01"),
                                    QStringLiteral("--as-of"), QStringLiteral("2026-11-13") });
    EXPECT_TRUE(c.value(QStringLiteral("from")).isNull());
    EXPECT_EQ(c.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-13"));
    EXPECT_EQ(counts(c)[QStringLiteral("new")], 9);
    EXPECT_DOUBLE_EQ(flow(c, "start"), 0.0);
    EXPECT_DOUBLE_EQ(flow(c, "new"), 295000.0);
    EXPECT_DOUBLE_EQ(flow(c, "end"), 295000.0);
    expectBalanced(c);

    const test::CliResult none =
            summary({ QStringLiteral("--since"), QStringLiteral("2026-10-01"),
                      QStringLiteral("--as-of"), QStringLiteral("2026-11-01") });
    EXPECT_EQ(none.code, cli::BadInput);
    EXPECT_TRUE(none.err.contains(QStringLiteral("no snapshot at or before 2026-11-01")))
            << none.err.toStdString();

    const test::CliResult later =
            summary({ QStringLiteral("--since"), QStringLiteral("2026-11-27"),
                      QStringLiteral("--as-of"), QStringLiteral("2026-11-20") });
    EXPECT_EQ(later.code, cli::BadInput);
    EXPECT_TRUE(later.err.contains(QStringLiteral("later than the as-of date")))
            << later.err.toStdString();

    const test::CliResult bad = summary({ QStringLiteral("--since"), QStringLiteral("last week") });
    EXPECT_EQ(bad.code, cli::Usage);
}

// The text summary says it in a short block.
TEST_F(CliChanges, TextSummaryHasAChangesBlock)
{
    importAllWeeks();
    const test::CliResult r = summary({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                        QStringLiteral("--as-of"), QStringLiteral("2026-11-20") });
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Changes since"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("owner changed 1, newly stalled 1")))
            << r.out.toStdString();
}

// A deal the book held open that a later export lists as closed long ago (beyond the metrics
// window) is in that snapshot as closed: its open row does not carry forward.
TEST_F(CliChanges, AnOldCloseReplacesTheOpenRow)
{
    import("week1.csv", "2026-11-13");
    const QByteArray header = "Opportunity ID,Opportunity Name,Account Name,Owner,Stage,Amount,"
                              "Currency,Created Date,Expected Close Date,Last Activity\n";
    const QString late = test::writeFile(
            m_dir, "late.csv",
            QByteArray(header).append("S-09,Iota add-on,Iota AB,Ben Okafor,Lost,5000.00,USD,"
                                      "2024-10-01,2025-01-10,2025-01-10\n"));
    const test::CliResult r =
            test::runCli({ QStringLiteral("import"), QStringLiteral("--db"), m_book,
                           QStringLiteral("--preset"), QStringLiteral("territory-planner"),
                           QStringLiteral("--as-of"), QStringLiteral("2026-11-20"), late });
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString();
    const QJsonObject c = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                    QStringLiteral("--as-of"), QStringLiteral("2026-11-20") });
    auto expected = zeroCounts();
    expected[QStringLiteral("lost")] = 1;
    expected[QStringLiteral("newly_stalled")] = 1; // Theta, carried, past its close date
    EXPECT_EQ(counts(c), expected);
    EXPECT_DOUBLE_EQ(flow(c, "lost"), 5000.0);
    expectBalanced(c);
}

// A territory's view: its accounts' deals, placed by the territory their account had when each
// snapshot was taken.
TEST_F(CliChanges, TerritoryScope)
{
    const test::CliResult accounts = test::runCli(
            { QStringLiteral("import"), QStringLiteral("--db"), m_book, QStringLiteral("--kind"),
              QStringLiteral("accounts"), QStringLiteral("--preset"), QStringLiteral("generic"),
              week("territories.csv") });
    ASSERT_EQ(accounts.code, cli::Ok) << accounts.err.toStdString() << accounts.out.toStdString();
    importAllWeeks();
    const QJsonObject c = changes({ QStringLiteral("--since"), QStringLiteral("2026-11-13"),
                                    QStringLiteral("--as-of"), QStringLiteral("2026-11-20"),
                                    QStringLiteral("--territory"), QStringLiteral("North") });
    auto expected = zeroCounts();
    for (const char *key :
         { "won", "lost", "advanced", "regressed", "pushed", "amount_up", "amount_down" })
        expected[QString::fromLatin1(key)] = 1;
    EXPECT_EQ(counts(c), expected);
    EXPECT_DOUBLE_EQ(flow(c, "start"), 150000.0);
    EXPECT_DOUBLE_EQ(flow(c, "moved_out"), 50000.0); // Epsilon, out of the quarter
    EXPECT_DOUBLE_EQ(flow(c, "end"), 27000.0);
    expectBalanced(c);
}
