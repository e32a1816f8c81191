#include "fixtures.h"
#include "testsupport.h"

#include "domain/errors.h"
#include "report/summary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace tp;

namespace {

QJsonObject summaryOf(Book &book, const SummaryRequest &request)
{
    const QString json = SummaryBuilder::toJson(SummaryBuilder::build(book, request));
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << json.toStdString();
    return doc.object();
}

double money(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toDouble();
}

} // namespace

// The expected figures are worked out by hand from fixtures.cpp.
TEST(Summary, TeamFiguresMatchTheHandWorkedFixture)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    const QJsonObject s = summaryOf(*book, { QDate(2026, 11, 20), {}, {}, {} });
    EXPECT_EQ(s[QStringLiteral("as_of")].toString(), QStringLiteral("2026-11-20"));
    EXPECT_EQ(s[QStringLiteral("period")].toString(), QStringLiteral("2026-Q4"));
    EXPECT_EQ(s[QStringLiteral("currency")].toString(), QStringLiteral("USD"));
    EXPECT_TRUE(s[QStringLiteral("scope")].toObject()[QStringLiteral("rep")].isNull());
    EXPECT_TRUE(s[QStringLiteral("scope")].toObject()[QStringLiteral("territory")].isNull());

    const QJsonObject counts = s[QStringLiteral("counts")].toObject();
    EXPECT_EQ(counts[QStringLiteral("accounts")].toInt(), 3);
    EXPECT_EQ(counts[QStringLiteral("opportunities")].toInt(), 7); // the removed one counts nowhere
    EXPECT_EQ(counts[QStringLiteral("open")].toInt(), 5);
    EXPECT_EQ(counts[QStringLiteral("won")].toInt(), 1);
    EXPECT_EQ(counts[QStringLiteral("lost")].toInt(), 1);

    const QJsonObject pipeline = s[QStringLiteral("pipeline")].toObject();
    // 10,000.00 + 3,333.33 + 7,500.50 + 2,000.10 (the EUR deal has no rate: left out)
    EXPECT_DOUBLE_EQ(money(pipeline, "open_amount"), 22833.93);
    // 1,000.00 + 1,111.00 (33.33% import) + 6,000.40 (80% override) + 500.03 (half cent up)
    EXPECT_DOUBLE_EQ(money(pipeline, "weighted_amount"), 8611.43);
    const QJsonObject stages = pipeline[QStringLiteral("by_stage")].toObject();
    const QJsonObject prove = stages[QStringLiteral("Prove")].toObject();
    EXPECT_EQ(prove[QStringLiteral("count")].toInt(), 1);
    EXPECT_DOUBLE_EQ(money(prove, "amount"), 2000.10);
    EXPECT_DOUBLE_EQ(money(prove, "weighted"), 500.03);
    const QJsonObject negotiate = stages[QStringLiteral("Negotiate")].toObject();
    EXPECT_DOUBLE_EQ(money(negotiate, "weighted"), 6000.40);
    EXPECT_EQ(stages.size(), 4);
    EXPECT_EQ(s[QStringLiteral("warnings")].toArray().size(), 1);
}

TEST(Summary, KeysComeInContractOrderAndMoneyHasTwoDecimals)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    const QString json = SummaryBuilder::toJson(
            SummaryBuilder::build(*book, { QDate(2026, 11, 20), {}, {}, {} }));
    const QStringList keys{ QStringLiteral("\"as_of\""),    QStringLiteral("\"period\""),
                            QStringLiteral("\"currency\""), QStringLiteral("\"scope\""),
                            QStringLiteral("\"counts\""),   QStringLiteral("\"pipeline\"") };
    qsizetype last = -1;
    for (const QString &key : keys) {
        const qsizetype at = json.indexOf(key);
        EXPECT_GT(at, last) << key.toStdString();
        last = at;
    }
    EXPECT_TRUE(json.contains(QStringLiteral("\"open_amount\": 22833.93")));
    EXPECT_TRUE(json.contains(QStringLiteral("\"amount\": 10000.00")));
}

TEST(Summary, TheTextShowsMoneyWithTheCurrencyCode)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QString text = SummaryBuilder::toText(
            SummaryBuilder::build(*book, { QDate(2026, 11, 20), {}, {}, {} }));
    QLocale::setDefault(previous);
    // Each amount is built from temporaries: the text holds them, not what was left of them.
    EXPECT_TRUE(text.contains(QStringLiteral("Open pipeline: USD\u00A022,833.93")))
            << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("USD\u00A010,000.00"))) << text.toStdString();
}

TEST(Summary, RepAndTerritoryScopes)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    const QJsonObject ana =
            summaryOf(*book, { QDate(2026, 11, 20), {}, QStringLiteral("Ana"), {} });
    EXPECT_EQ(ana[QStringLiteral("scope")].toObject()[QStringLiteral("rep")].toString(),
              QStringLiteral("Ana"));
    const QJsonObject anaCounts = ana[QStringLiteral("counts")].toObject();
    EXPECT_EQ(anaCounts[QStringLiteral("accounts")].toInt(), 1);
    EXPECT_EQ(anaCounts[QStringLiteral("opportunities")].toInt(), 3);
    EXPECT_EQ(anaCounts[QStringLiteral("open")].toInt(), 2);
    EXPECT_EQ(anaCounts[QStringLiteral("lost")].toInt(), 1);
    EXPECT_DOUBLE_EQ(money(ana[QStringLiteral("pipeline")].toObject(), "open_amount"), 13333.33);
    EXPECT_DOUBLE_EQ(money(ana[QStringLiteral("pipeline")].toObject(), "weighted_amount"), 2111.00);

    const QJsonObject west = summaryOf(
            *book, { QDate(2026, 11, 20), QStringLiteral("2026-Q3"), {}, QStringLiteral("West") });
    EXPECT_EQ(west[QStringLiteral("period")].toString(), QStringLiteral("2026-Q3"));
    const QJsonObject westCounts = west[QStringLiteral("counts")].toObject();
    EXPECT_EQ(westCounts[QStringLiteral("accounts")].toInt(), 2);
    EXPECT_EQ(westCounts[QStringLiteral("opportunities")].toInt(), 4);
    EXPECT_EQ(westCounts[QStringLiteral("won")].toInt(), 1);
}

TEST(Summary, UnknownNamesAndBadPeriodsAreInputErrors)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    EXPECT_THROW(SummaryBuilder::build(*book, { {}, {}, QStringLiteral("Nobody"), {} }),
                 InputError);
    EXPECT_THROW(SummaryBuilder::build(*book, { {}, {}, {}, QStringLiteral("Mars") }), InputError);
    EXPECT_THROW(SummaryBuilder::build(*book, { {}, QStringLiteral("2026-Q9"), {}, {} }),
                 InputError);
}

TEST(Summary, ExchangeRatesBringForeignDealsIn)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    book->db().exec("INSERT INTO currency_rates (currency, rate) VALUES ('EUR', 1.1)");
    const QJsonObject s = summaryOf(*book, { QDate(2026, 11, 20), {}, {}, {} });
    const QJsonObject pipeline = s[QStringLiteral("pipeline")].toObject();
    // 1,000.05 EUR × 1.1 = 1,100.055 -> 1,100.06 USD; weighted at 25% = 275.015 -> 275.02
    EXPECT_DOUBLE_EQ(money(pipeline, "open_amount"), 22833.93 + 1100.06);
    EXPECT_DOUBLE_EQ(money(pipeline, "weighted_amount"), 8611.43 + 275.02);
    EXPECT_TRUE(s[QStringLiteral("warnings")].toArray().isEmpty());
}
