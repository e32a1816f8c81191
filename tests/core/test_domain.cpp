#include "domain/dates.h"
#include "domain/forecast.h"
#include "domain/money.h"
#include "domain/scoring.h"

#include <gtest/gtest.h>

using namespace tp;

TEST(Money, WeightedRoundsHalfAwayFromZeroPerDeal)
{
    EXPECT_EQ(weighted(200'010, 2500), 50'003); // 500.025 -> 500.03
    EXPECT_EQ(weighted(10, 2500), 3); // 0.025 -> 0.03
    EXPECT_EQ(weighted(-10, 2500), -3);
    EXPECT_EQ(weighted(333'333, 3333), 111'100);
    EXPECT_EQ(weighted(1'000'000, 0), 0);
    EXPECT_EQ(weighted(1'000'000, 10000), 1'000'000);
}

TEST(Money, DecimalRoundTrip)
{
    EXPECT_EQ(minorToDecimal(123450), QStringLiteral("1234.50"));
    EXPECT_EQ(minorToDecimal(5), QStringLiteral("0.05"));
    EXPECT_EQ(minorToDecimal(-5), QStringLiteral("-0.05"));
    EXPECT_EQ(minorToDecimal(0), QStringLiteral("0.00"));
    EXPECT_EQ(decimalToMinor(QStringLiteral("1234.5")), 123450);
    EXPECT_EQ(decimalToMinor(QStringLiteral("-3")), -300);
    EXPECT_EQ(decimalToMinor(QStringLiteral("0.125")), 13);
    EXPECT_FALSE(decimalToMinor(QStringLiteral("12a")));
    EXPECT_FALSE(decimalToMinor(QStringLiteral("")));
    EXPECT_FALSE(decimalToMinor(QStringLiteral(".")));
}

TEST(Dates, IsoParsing)
{
    EXPECT_EQ(parseIsoDate("2026-11-20"), QDate(2026, 11, 20));
    EXPECT_FALSE(parseIsoDate("2026-13-01").isValid());
    EXPECT_FALSE(parseIsoDate("20261120").isValid());
    EXPECT_FALSE(parseIsoDate("").isValid());
    EXPECT_EQ(parseIsoDay("2026-11-20"), QDate(2026, 11, 20).toJulianDay());
    EXPECT_EQ(parseIsoDay("garbage!!!"), 0);
    EXPECT_EQ(parseIsoDay("2026-02-29"), 0);
    EXPECT_EQ(parseIsoDay("2026-04-31"), 0);
    EXPECT_EQ(parseIsoDay("2026-00-10"), 0);
    EXPECT_EQ(parseIsoDay("2024-02-29"), QDate(2024, 2, 29).toJulianDay());
    EXPECT_EQ(parseIsoDay("2000-02-29"), QDate(2000, 2, 29).toJulianDay());
    EXPECT_EQ(parseIsoDay("1900-02-29"), 0);
    EXPECT_EQ(parseIsoDay("2026-11-20T10:00:00Z"), QDate(2026, 11, 20).toJulianDay());
    // Every day of a few centuries agrees with QDate.
    for (QDate day(1899, 1, 1); day.year() < 2201; day = day.addDays(1)) {
        const QByteArray iso = day.toString(Qt::ISODate).toLatin1();
        ASSERT_EQ(parseIsoDay(std::string_view(iso.constData(), std::size_t(iso.size()))),
                  day.toJulianDay())
                << iso.constData();
    }
}

TEST(Dates, CalendarQuarters)
{
    const Period q4 = Period::containing(QDate(2026, 11, 20));
    EXPECT_EQ(q4.label(), QStringLiteral("2026-Q4"));
    EXPECT_EQ(q4.start, QDate(2026, 10, 1));
    EXPECT_EQ(q4.end, QDate(2026, 12, 31));
    EXPECT_EQ(q4.days(), 92);
    const auto parsed = Period::parse(QStringLiteral("2026-Q1"));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->start, QDate(2026, 1, 1));
    EXPECT_EQ(parsed->end, QDate(2026, 3, 31));
    EXPECT_FALSE(Period::parse(QStringLiteral("2026-Q5")));
    EXPECT_FALSE(Period::parse(QStringLiteral("Q4")));
}

TEST(Dates, FiscalYearStartingInApril)
{
    // FY2027 runs April 2026 .. March 2027; November is in its Q3.
    const Period p = Period::containing(QDate(2026, 11, 20), 4);
    EXPECT_EQ(p.label(), QStringLiteral("2027-Q3"));
    EXPECT_EQ(p.start, QDate(2026, 10, 1));
    EXPECT_EQ(p.end, QDate(2026, 12, 31));
    const Period q1 = Period::containing(QDate(2026, 4, 1), 4);
    EXPECT_EQ(q1.label(), QStringLiteral("2027-Q1"));
    EXPECT_EQ(Period::parse(QStringLiteral("2027-Q1"), 4)->start, QDate(2026, 4, 1));
}

TEST(Scoring, RemappedScoresFollowTheirFactorsById)
{
    ScoringModel from, to;
    from.factors = { { 1, QStringLiteral("A"), {} },
                     { 2, QStringLiteral("B"), {} },
                     { 3, QStringLiteral("C"), {} } };
    // B removed, C moved first, D added.
    to.factors = { { 3, QStringLiteral("C"), {} },
                   { 1, QStringLiteral("A"), {} },
                   { 4, QStringLiteral("D"), {} } };
    ScoreMatrix scores;
    scores.factorCount = 3;
    scores.values = { 5, 4, -1, /* row 1 */ 0, -1, 2 };
    const ScoreMatrix out = remapScores(scores, 2, from, to);
    EXPECT_EQ(out.factorCount, 3);
    EXPECT_EQ(out.values, (std::vector<std::int8_t>{ -1, 5, -1, /* row 1 */ 2, 0, -1 }));
    // From no factors at all: every account unscored.
    EXPECT_EQ(remapScores(ScoreMatrix{}, 2, ScoringModel{}, to).values,
              std::vector<std::int8_t>(6, -1));
}

// METRICS "Forecast categories": won is Closed, lost and removed Omitted whatever was said; an
// open deal takes the rep's call, else the CRM's category, else its stage's.
TEST(Forecast, TheRepsCallThenTheImportThenTheStage)
{
    using F = ForecastCategory;
    constexpr auto none = std::optional<F>();
    EXPECT_EQ(effectiveForecastCategory(Status::Open, Stage::Qualify, none, none), F::Pipeline);
    EXPECT_EQ(effectiveForecastCategory(Status::Open, Stage::Propose, none, none), F::BestCase);
    EXPECT_EQ(effectiveForecastCategory(Status::Open, Stage::Negotiate, none, none), F::Commit);
    EXPECT_EQ(effectiveForecastCategory(Status::Open, Stage::Qualify, F::Commit, none), F::Commit);
    EXPECT_EQ(effectiveForecastCategory(Status::Open, Stage::Qualify, F::Commit, F::BestCase),
              F::BestCase);
    EXPECT_EQ(effectiveForecastCategory(Status::Open, Stage::Negotiate, none, F::Omitted),
              F::Omitted);
    EXPECT_EQ(effectiveForecastCategory(Status::Won, Stage::Won, F::Omitted, F::Pipeline),
              F::Closed);
    EXPECT_EQ(effectiveForecastCategory(Status::Lost, Stage::Lost, F::Commit, F::Commit),
              F::Omitted);
    EXPECT_EQ(effectiveForecastCategory(Status::Removed, Stage::Negotiate, F::Commit, F::Commit),
              F::Omitted);
}

TEST(Forecast, CrmWordsMatchIgnoringCaseAndSpaces)
{
    using F = ForecastCategory;
    const auto read = [](const char *word) {
        return forecastCategoryFromCrm(QString::fromUtf8(word));
    };
    EXPECT_EQ(read("Pipeline"), F::Pipeline);
    EXPECT_EQ(read(" best case "), F::BestCase);
    EXPECT_EQ(read("Most Likely"), F::BestCase) << "Salesforce's older name";
    EXPECT_EQ(read("COMMIT"), F::Commit);
    EXPECT_EQ(read("Committed"), F::Commit) << "Dynamics";
    EXPECT_EQ(read("Closed won"), F::Closed) << "HubSpot";
    EXPECT_EQ(read("Won"), F::Closed) << "Dynamics";
    EXPECT_EQ(read("Not forecasted"), F::Omitted) << "HubSpot";
    EXPECT_EQ(read("NOT_FORECASTED"), F::Omitted) << "HubSpot's internal value";
    EXPECT_EQ(read("BEST_CASE"), F::BestCase);
    EXPECT_EQ(read("OMIT"), F::Omitted);
    EXPECT_EQ(read("Lost"), F::Omitted) << "Dynamics";
    EXPECT_EQ(read("best_case"), F::BestCase) << "the app's own key";
    EXPECT_FALSE(read("Upside"));
    EXPECT_FALSE(read(""));
    for (F category : allForecastCategories)
        EXPECT_EQ(forecastCategoryFromCrm(forecastCategoryKey(category)), category);
}
