// METRICS "Territories": each territory's figures, its share of the average and the balance on a
// hand-made book whose numbers are worked out below; a book without territories shows each
// rep's accounts; `territories --json` with the keys of CLI.md.
#include "clirun.h"
#include "testsupport.h"

#include "analytics/territories.h"
#include "report/territorysummary.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::territories;

namespace {

// Reps Ana (capacity 3), Ben (the default 20) and Cy (no account). Territories East (Ana), West
// (Ben) and North (no rep, no account). Accounts:
// - A1 East, potential 100,000.00, every factor 5: L 1, EV 100,000.00;
// - A2 East, no potential: R is its open deal, 20,000.00; unscored: EV 0;
// - A3 West, potential 50,000.00, the first two factors 5, the others 0: L 30/60, EV 25,000.00;
//   an open deal of 10,000.00 and a won one;
// - A4 West, potential 1.01, L 0.5: EV 0.505 rounds half away from zero to 0.51;
// - A5 in no territory (Ben's).
constexpr const char *bookSql = R"SQL(
    INSERT INTO reps (id, name, capacity) VALUES (1, 'Ana', 3), (2, 'Ben', NULL), (3, 'Cy', NULL);
    INSERT INTO territories (id, name, owner_id) VALUES (1, 'West', 2), (2, 'East', 1),
        (3, 'North', NULL);
    INSERT INTO accounts (id, crm_id, name, territory_id, owner_id, potential) VALUES
        (1, 'A1', 'Acme', 2, 1, 10000000),
        (2, 'A2', 'Bolt', 2, 1, NULL),
        (3, 'A3', 'Crane', 1, 2, 5000000),
        (4, 'A4', 'Delta', 1, 2, 101),
        (5, 'A5', 'Echo', NULL, 2, 700000);
    INSERT INTO account_scores VALUES
        (1, 1, 5), (1, 2, 5), (1, 3, 5), (1, 4, 5), (1, 5, 5), (1, 6, 5),
        (3, 1, 5), (3, 2, 5), (3, 3, 0), (3, 4, 0), (3, 5, 0), (3, 6, 0),
        (4, 1, 5), (4, 2, 5), (4, 3, 0), (4, 4, 0), (4, 5, 0), (4, 6, 0);
    INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, stage, status,
                               created_date) VALUES
        ('O1', 2, 1, 'Bolt one', 2000000, 1, 0, '2026-01-01'),
        ('O2', 3, 2, 'Crane one', 1000000, 2, 0, '2026-01-01'),
        ('O3', 3, 2, 'Crane won', 9000000, 5, 1, '2026-01-01');
)SQL";

class TerritoryBook : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.path(QStringLiteral("t.tpbook"));
        Book::create(path)->db().exec(bookSql);
        view = loadBookView(path);
    }

    test::TempDir dir;
    QString path;
    std::unique_ptr<BookView> view;
};

} // namespace

TEST_F(TerritoryBook, EachTerritoryAddsUpItsAccountsAndDealsWhoeverOwnsThem)
{
    const Layout layout = layoutOf(*view);
    EXPECT_FALSE(layout.byRep);
    ASSERT_EQ(layout.entries.size(), 3u); // by name
    EXPECT_EQ(layout.entries[0].name, QStringLiteral("East"));
    EXPECT_EQ(layout.entries[1].name, QStringLiteral("North"));
    EXPECT_EQ(layout.entries[2].name, QStringLiteral("West"));
    EXPECT_EQ(layout.entries[1].rep, -1);
    EXPECT_EQ(layout.unassigned, 1);

    const Report r = evaluate(*view, layout, Metric::Ev, QStringLiteral("2026-Q4"));
    const Figures &east = r.territories[0], &north = r.territories[1], &west = r.territories[2];
    EXPECT_EQ(east.accounts, 2);
    EXPECT_EQ(east.potential, 12'000'000);
    EXPECT_EQ(east.ev, 10'000'000);
    EXPECT_EQ(east.openPipeline, 2'000'000);
    EXPECT_EQ(east.active, 1);
    EXPECT_EQ(east.capacity, 3);
    EXPECT_EQ(west.accounts, 2);
    EXPECT_EQ(west.potential, 5'000'101);
    EXPECT_EQ(west.ev, 2'500'051); // 25,000.00 + 0.51
    EXPECT_EQ(west.openPipeline, 1'000'000);
    EXPECT_EQ(west.active, 1);
    EXPECT_EQ(west.capacity, 20);
    EXPECT_EQ(north.accounts, 0);
    EXPECT_EQ(north.capacity, 20);

    // EV: 100,000.00, 0 and 25,000.51; the mean 41,666.836...
    const double mean = (100'000.0 + 25'000.51) / 3.0;
    EXPECT_NEAR(r.mean, mean, 1e-9);
    EXPECT_NEAR(*east.shareOfAverage, 100'000.0 / mean, 1e-12);
    EXPECT_DOUBLE_EQ(*north.shareOfAverage, 0.0);
    EXPECT_NEAR(*west.shareOfAverage, 25'000.51 / mean, 1e-12);
    EXPECT_DOUBLE_EQ(*r.balance, 0.0); // North has nothing
    EXPECT_NEAR(*r.maxDeviation, 100'000.0 / mean - 1.0, 1e-12);
}

TEST_F(TerritoryBook, TheMetricChangesTheValuesAndAMixWeighsEachFigureByItsMean)
{
    const Layout layout = layoutOf(*view);
    const Report accounts = evaluate(*view, layout, Metric::Accounts, QString());
    EXPECT_DOUBLE_EQ(accounts.territories[0].value, 2.0);
    EXPECT_NEAR(*accounts.balance, 0.0, 1e-12);
    const Report potential = evaluate(*view, layout, Metric::Potential, QString());
    EXPECT_DOUBLE_EQ(potential.territories[2].value, 50'001.01);
    const Report active = evaluate(*view, layout, Metric::Active, QString());
    EXPECT_NEAR(*active.territories[0].shareOfAverage, 1.5, 1e-12); // 1 of a mean of 2/3

    MixWeights weights;
    weights.ev = 1;
    weights.accounts = 1;
    const Report mix = evaluate(*view, layout, Metric::Mix, QString(), weights);
    // East: 100,000 / 41,666.84 + 2 / (4/3).
    const double mean = (100'000.0 + 25'000.51) / 3.0;
    EXPECT_NEAR(mix.territories[0].value, 100'000.0 / mean + 1.5, 1e-9);
    // An account's value is its share of the territory's: they add up.
    for (std::size_t t = 0; t < layout.entries.size(); ++t) {
        double sum = 0;
        for (std::size_t a = 0; a < layout.accountEntry.size(); ++a)
            if (layout.accountEntry[a] == int(t))
                sum += mix.accountValue[a];
        EXPECT_NEAR(sum, mix.territories[t].value, 1e-9) << t;
    }
}

TEST(Territories, ABookWithoutTerritoriesShowsEachRepsAccountsAsTheirs)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("reps.tpbook"));
    Book::create(path)->db().exec(R"SQL(
        INSERT INTO reps (id, name) VALUES (1, 'Zoe'), (2, 'Ana'), (3, 'Cy');
        INSERT INTO accounts (id, name, owner_id, potential) VALUES
            (1, 'One', 1, 100), (2, 'Two', 2, 300), (3, 'Three', 2, 100), (4, 'Four', NULL, 5);
    )SQL");
    const auto view = loadBookView(path);
    const Layout layout = layoutOf(*view);
    EXPECT_TRUE(layout.byRep);
    ASSERT_EQ(layout.entries.size(), 2u); // Cy owns nothing
    EXPECT_EQ(layout.entries[0].name, QStringLiteral("Ana"));
    EXPECT_EQ(layout.entries[1].name, QStringLiteral("Zoe"));
    EXPECT_EQ(layout.unassigned, 1);
    const Report r = evaluate(*view, layout, Metric::Potential, QString());
    EXPECT_EQ(r.territories[0].potential, 400);
    EXPECT_EQ(r.territories[1].potential, 100);
    EXPECT_DOUBLE_EQ(*r.balance, 0.25);
    EXPECT_DOUBLE_EQ(*r.maxDeviation, 0.6); // 4.00 / 2.50 − 1
}

TEST(Territories, BalanceIsUndefinedWhenNothingWeighs)
{
    const Balance none = balanceOf({ 0.0, 0.0 });
    EXPECT_FALSE(none.balance);
    EXPECT_FALSE(none.maxDeviation);
    EXPECT_FALSE(none.shares[0]);
    const Balance empty = balanceOf({});
    EXPECT_FALSE(empty.balance);
    const Balance even = balanceOf({ 2.0, 2.0 });
    EXPECT_DOUBLE_EQ(*even.balance, 1.0);
    EXPECT_DOUBLE_EQ(*even.maxDeviation, 0.0);
}

TEST_F(TerritoryBook, TheCommandLinePrintsTheContractsKeys)
{
    const test::CliResult result = test::runCli(
            { QStringLiteral("territories"), QStringLiteral("--db"), path,
              QStringLiteral("--metric"), QStringLiteral("potential"), QStringLiteral("--json") });
    ASSERT_EQ(result.code, 0) << qPrintable(result.err);
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    EXPECT_EQ(json.value(QStringLiteral("metric")).toString(), QStringLiteral("potential"));
    EXPECT_DOUBLE_EQ(json.value(QStringLiteral("balance")).toDouble(), 0.0);
    const QJsonArray list = json.value(QStringLiteral("territories")).toArray();
    ASSERT_EQ(list.size(), 3);
    const QJsonObject east = list[0].toObject();
    const QStringList keys{
        QStringLiteral("territory"), QStringLiteral("rep"),      QStringLiteral("accounts"),
        QStringLiteral("potential"), QStringLiteral("ev"),       QStringLiteral("open_pipeline"),
        QStringLiteral("active"),    QStringLiteral("capacity"), QStringLiteral("share_of_average")
    };
    for (const QString &key : keys)
        EXPECT_TRUE(east.contains(key)) << qPrintable(key);
    EXPECT_EQ(east.value(QStringLiteral("territory")).toString(), QStringLiteral("East"));
    EXPECT_EQ(east.value(QStringLiteral("rep")).toString(), QStringLiteral("Ana"));
    EXPECT_EQ(east.value(QStringLiteral("accounts")).toInt(), 2);
    EXPECT_DOUBLE_EQ(east.value(QStringLiteral("potential")).toDouble(), 120'000.0);
    EXPECT_DOUBLE_EQ(east.value(QStringLiteral("ev")).toDouble(), 100'000.0);
    EXPECT_DOUBLE_EQ(east.value(QStringLiteral("open_pipeline")).toDouble(), 20'000.0);
    EXPECT_EQ(east.value(QStringLiteral("capacity")).toInt(), 3);
    EXPECT_TRUE(list[1].toObject().value(QStringLiteral("rep")).isNull()); // North
    EXPECT_DOUBLE_EQ(list[2].toObject().value(QStringLiteral("ev")).toDouble(), 25'000.51);

    const test::CliResult bad =
            test::runCli({ QStringLiteral("territories"), QStringLiteral("--db"), path,
                           QStringLiteral("--metric"), QStringLiteral("size") });
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("\"size\""))) << qPrintable(bad.err);
    const test::CliResult text =
            test::runCli({ QStringLiteral("territories"), QStringLiteral("--db"), path });
    EXPECT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("East"))) << qPrintable(text.out);
}
