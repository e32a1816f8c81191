#include "fixtures.h"
#include "testsupport.h"

#include "analytics/funnel.h"
#include "domain/errors.h"
#include "report/summary.h"
#include "storage/funnelassumptions.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::funnel;

namespace {

Assumptions entered(Minor dealSize, double winRate, double meetingToOpportunity,
                    double activityToMeeting)
{
    Assumptions a;
    a.averageDealSize = dealSize;
    a.winRate = winRate;
    a.meetingToOpportunity = meetingToOpportunity;
    a.activityToMeeting = activityToMeeting;
    return a;
}

Rates ratesOf(const Assumptions &a)
{
    return resolveRates({}, a, FunnelSettings{});
}

} // namespace

// METRICS "Funnel math", the fixture every implementation must reproduce.
TEST(Funnel, TheWorkedExample)
{
    const Rates rates = ratesOf(entered(1'000'000, 0.5, 0.2, 0.1));
    const Chain total = chain(10'000'000, rates);
    EXPECT_EQ(total.deals, 10);
    EXPECT_EQ(total.opportunities, 20);
    EXPECT_EQ(total.meetings, 100);
    EXPECT_EQ(total.activities, 1000);
    const Chain week = perWeek(total, 13);
    EXPECT_EQ(week.deals, 1);
    EXPECT_EQ(week.opportunities, 2);
    EXPECT_EQ(week.meetings, 8);
    EXPECT_EQ(week.activities, 77);
    EXPECT_TRUE(Explain::missing(rates).isEmpty());
}

TEST(Funnel, EveryStepRoundsUp)
{
    // A cent over ten deals is eleven deals; each step after it rounds up again.
    const Chain over = chain(10'000'001, ratesOf(entered(1'000'000, 0.5, 0.2, 0.1)));
    EXPECT_EQ(over.deals, 11);
    EXPECT_EQ(over.opportunities, 22);
    const Chain thirds = chain(10'000'000, ratesOf(entered(1'000'000, 0.3, 0.3, 0.3)));
    EXPECT_EQ(thirds.opportunities, 34); // 33.3
    EXPECT_EQ(thirds.meetings, 114); // 113.3
    EXPECT_EQ(thirds.activities, 380); // 380.0: a whole number stays whole
    EXPECT_EQ(ceilCount(24, 1.0 / 3.0), 72);
    EXPECT_EQ(ceilCount(100, 0.1), 1000);
    EXPECT_EQ(ceilCount(1000.5, 10), 101);
    EXPECT_EQ(perWeek(Chain{ 0, 0, 0, 0 }, 13).activities, 0);
    EXPECT_EQ(perWeek(Chain{ 14, 14, 14, 14 }, 13).deals, 2);
}

TEST(Funnel, RatesFromHistoryOnlyWithEnoughOfIt)
{
    History h;
    h.averageDealSize = 2'000'000;
    h.won = 4;
    h.lost = 5; // nine closed deals: fewer than ten
    h.created = 30;
    h.meetings = 9;
    h.activities = 9;
    Rates r = resolveRates(h, {}, FunnelSettings{});
    EXPECT_EQ(r[0].source, Source::History);
    EXPECT_EQ(r[0].value, 2'000'000.0);
    EXPECT_EQ(r[0].basis, 4);
    EXPECT_EQ(r[1].source, Source::Assumption);
    EXPECT_EQ(r[1].value, 0.25);
    EXPECT_FALSE(r[1].entered) << "the book's default";
    EXPECT_EQ(r[2].value, 0.2);
    EXPECT_EQ(r[3].value, 0.1);

    h.lost = 6;
    h.meetings = 10;
    h.activities = 40;
    r = resolveRates(h, {}, FunnelSettings{});
    EXPECT_EQ(r[1].source, Source::History);
    EXPECT_DOUBLE_EQ(*r[1].value, 0.4);
    EXPECT_EQ(r[1].basis, 10);
    EXPECT_EQ(r[2].source, Source::History);
    EXPECT_DOUBLE_EQ(*r[2].value, 3.0); // 30 opportunities created from 10 meetings
    EXPECT_DOUBLE_EQ(*r[3].value, 0.25);

    // An assumption the user entered wins over any history.
    Assumptions a;
    a.winRate = 0.6;
    r = resolveRates(h, a, FunnelSettings{});
    EXPECT_EQ(r[1].source, Source::Assumption);
    EXPECT_TRUE(r[1].entered);
    EXPECT_EQ(r[1].value, 0.6);

    // Thresholds and defaults are the book's.
    FunnelSettings strict;
    strict.minClosedDeals = 11;
    strict.winRate = 0.1;
    EXPECT_EQ(resolveRates(h, {}, strict)[1].value, 0.1);
}

TEST(Funnel, UndefinedAndZeroRatesSayWhyInsteadOfDividing)
{
    History none; // no win in the window: no average deal size, and no default for it
    Rates r = resolveRates(none, {}, FunnelSettings{});
    EXPECT_FALSE(r[0].value);
    const Chain c = chain(10'000'000, r);
    EXPECT_FALSE(c.deals);
    EXPECT_FALSE(c.activities);
    EXPECT_TRUE(Explain::missing(r).contains(QStringLiteral("average deal size")));

    r = ratesOf(entered(1'000'000, 0.0, 0.2, 0.1));
    const Chain zero = chain(10'000'000, r);
    EXPECT_EQ(zero.deals, 10);
    EXPECT_FALSE(zero.opportunities);
    EXPECT_FALSE(zero.meetings);
    EXPECT_TRUE(Explain::missing(r).contains(QStringLiteral("win rate")));
    EXPECT_FALSE(chain(10'000'000, ratesOf(entered(0, 0.5, 0.2, 0.1))).deals);
}

TEST(Funnel, GapToPlanRunsTheChainOnWhatIsStillNeeded)
{
    health::HealthReport report;
    report.asOf = QDate(2026, 11, 20);
    report.period = *Period::parse(QStringLiteral("2026-Q4"));
    report.coverage.hasTarget = true;
    report.coverage.target = 10'000'000;
    report.coverage.won = 2'000'000;
    report.coverage.weighted = 3'000'000;
    report.metrics.averageCycleDays = 30.0;
    const Plan p = plan(report, {}, entered(1'000'000, 0.5, 0.2, 0.1), FunnelSettings{});
    EXPECT_EQ(p.total.deals, 10);
    EXPECT_EQ(p.remaining, 8'000'000);
    EXPECT_EQ(p.needed, 5'000'000);
    EXPECT_EQ(p.gap.deals, 5);
    EXPECT_EQ(p.gap.activities, 500);
    EXPECT_EQ(p.daysLeft, 41); // to 2026-12-31
    EXPECT_EQ(p.weeksLeft, 6);
    EXPECT_EQ(p.gapWeekly.activities, 84); // 500 / 6, rounded up
    EXPECT_FALSE(p.cycleOutrunsPeriod);

    report.metrics.averageCycleDays = 41.5;
    report.coverage.weighted = 9'000'000; // the healthy pipeline covers what remains
    const Plan covered = plan(report, {}, entered(1'000'000, 0.5, 0.2, 0.1), FunnelSettings{});
    EXPECT_EQ(covered.needed, 0);
    EXPECT_EQ(covered.gap.deals, 0);
    EXPECT_TRUE(covered.cycleOutrunsPeriod);

    Assumptions whatIf = entered(1'000'000, 0.5, 0.2, 0.1);
    whatIf.target = 20'000'000;
    const Plan bigger = plan(report, {}, whatIf, FunnelSettings{});
    EXPECT_TRUE(bigger.targetEntered);
    EXPECT_EQ(bigger.total.deals, 20);
}

// The funnel section of summary --json on the health fixture book (test_health.cpp works out
// its key metrics): average deal 15,000.00 from two wins, four closed deals (too few: 25%), no
// activities (20% and 10%); target 80,000.00, 60,000.00 remaining, 3,499.92 expected.
TEST(Funnel, SummaryJsonSection)
{
    test::TempDir dir;
    auto book = test::makeHealthFixtureBook(dir.path(QStringLiteral("f.tpbook")));
    const auto section = [&] {
        const QString json = SummaryBuilder::toJson(SummaryBuilder::build(
                *book, { QDate(2026, 11, 20), QStringLiteral("2026-Q4"), {}, {} }));
        return QJsonDocument::fromJson(json.toUtf8()).object()[QStringLiteral("funnel")].toObject();
    };
    QJsonObject f = section();
    EXPECT_DOUBLE_EQ(f[QStringLiteral("target")].toDouble(), 80000.00);
    EXPECT_EQ(f[QStringLiteral("weeks")].toInt(), 13);
    const QJsonObject rates = f[QStringLiteral("rates")].toObject();
    const auto rate = [&](const char *key) { return rates[QLatin1String(key)].toObject(); };
    EXPECT_DOUBLE_EQ(rate("avg_deal_size")[QStringLiteral("value")].toDouble(), 15000.00);
    EXPECT_EQ(rate("avg_deal_size")[QStringLiteral("source")].toString(),
              QStringLiteral("history"));
    EXPECT_DOUBLE_EQ(rate("win_rate")[QStringLiteral("value")].toDouble(), 0.25);
    EXPECT_EQ(rate("win_rate")[QStringLiteral("source")].toString(), QStringLiteral("assumption"));
    EXPECT_DOUBLE_EQ(rate("meeting_to_opportunity")[QStringLiteral("value")].toDouble(), 0.2);
    EXPECT_DOUBLE_EQ(rate("activity_to_meeting")[QStringLiteral("value")].toDouble(), 0.1);
    EXPECT_EQ(f[QStringLiteral("deals")].toInt(), 6); // 5.33
    EXPECT_EQ(f[QStringLiteral("opportunities")].toInt(), 24);
    EXPECT_EQ(f[QStringLiteral("meetings")].toInt(), 120);
    EXPECT_EQ(f[QStringLiteral("activities")].toInt(), 1200);
    const QJsonObject week = f[QStringLiteral("per_week")].toObject();
    EXPECT_EQ(week[QStringLiteral("deals")].toInt(), 1);
    EXPECT_EQ(week[QStringLiteral("opportunities")].toInt(), 2);
    EXPECT_EQ(week[QStringLiteral("meetings")].toInt(), 10);
    EXPECT_EQ(week[QStringLiteral("activities")].toInt(), 93);
    const QJsonObject gap = f[QStringLiteral("gap")].toObject();
    EXPECT_DOUBLE_EQ(gap[QStringLiteral("needed")].toDouble(), 56500.08);
    EXPECT_EQ(gap[QStringLiteral("deals")].toInt(), 4);
    EXPECT_EQ(gap[QStringLiteral("opportunities")].toInt(), 16);
    EXPECT_EQ(gap[QStringLiteral("meetings")].toInt(), 80);
    EXPECT_EQ(gap[QStringLiteral("activities")].toInt(), 800);
    EXPECT_TRUE(gap[QStringLiteral("cycle_outruns_period")].toBool())
            << "41 days left, 144-day cycle";

    // Ten meetings and twenty calls in the window: both activity rates from history. Ten deals
    // were created in the window, one per meeting; a third of the activities are meetings.
    QString values;
    for (int i = 0; i < 30; ++i)
        values += QStringLiteral("%1('%2', '2026-10-%3', 1)")
                          .arg(i ? QStringLiteral(", ") : QString(),
                               i < 10 ? QStringLiteral("meeting") : QStringLiteral("call"))
                          .arg(i % 28 + 1, 2, 10, QLatin1Char('0'));
    const QString insert =
            QStringLiteral("INSERT INTO activities (type, activity_date, rep_id) VALUES ") + values;
    book->db().exec(insert.toStdString());
    f = section();
    const QJsonObject fromHistory = f[QStringLiteral("rates")].toObject();
    EXPECT_EQ(fromHistory[QStringLiteral("meeting_to_opportunity")]
                      .toObject()[QStringLiteral("source")]
                      .toString(),
              QStringLiteral("history"));
    EXPECT_DOUBLE_EQ(fromHistory[QStringLiteral("meeting_to_opportunity")]
                             .toObject()[QStringLiteral("value")]
                             .toDouble(),
                     1.0);
    EXPECT_NEAR(fromHistory[QStringLiteral("activity_to_meeting")]
                        .toObject()[QStringLiteral("value")]
                        .toDouble(),
                1.0 / 3.0, 1e-6);
    EXPECT_EQ(f[QStringLiteral("meetings")].toInt(), 24);
    EXPECT_EQ(f[QStringLiteral("activities")].toInt(), 72);
}

TEST(FunnelAssumptions, SavedPerScopeWithTheTargetPerPeriod)
{
    test::TempDir dir;
    auto book = test::makeHealthFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    FunnelAssumptionRepository repo(*book);
    EXPECT_EQ(FunnelAssumptionRepository::scopeKey(std::nullopt, std::nullopt),
              QStringLiteral("team"));
    EXPECT_EQ(FunnelAssumptionRepository::scopeKey(3, 2), QStringLiteral("rep:3;territory:2"));

    Assumptions a;
    a.winRate = 0.5;
    a.averageDealSize = 1'000'000;
    a.target = 10'000'000;
    repo.save(QStringLiteral("rep:2"), QStringLiteral("2026-Q4"), a);
    const Assumptions back = repo.load(QStringLiteral("rep:2"), QStringLiteral("2026-Q4"));
    EXPECT_EQ(back.winRate, 0.5);
    EXPECT_EQ(back.averageDealSize, 1'000'000);
    EXPECT_EQ(back.target, 10'000'000);
    EXPECT_FALSE(back.meetingToOpportunity);
    // The rates hold in every period; the target only in its own; other scopes have none.
    const Assumptions nextQuarter = repo.load(QStringLiteral("rep:2"), QStringLiteral("2027-Q1"));
    EXPECT_EQ(nextQuarter.winRate, 0.5);
    EXPECT_FALSE(nextQuarter.target);
    EXPECT_FALSE(repo.load(QStringLiteral("team"), QStringLiteral("2026-Q4")).winRate);

    // Saving the set before puts it back (what undo does); bad values change nothing.
    repo.save(QStringLiteral("rep:2"), QStringLiteral("2026-Q4"), {});
    EXPECT_FALSE(repo.load(QStringLiteral("rep:2"), QStringLiteral("2026-Q4")).winRate);
    Assumptions bad;
    bad.winRate = 1.5;
    EXPECT_THROW(repo.save(QStringLiteral("team"), QStringLiteral("2026-Q4"), bad), InputError);
    bad.winRate.reset();
    bad.averageDealSize = -1;
    EXPECT_THROW(repo.save(QStringLiteral("team"), QStringLiteral("2026-Q4"), bad), InputError);

    // summary --rep Ben uses Ben's: an entered win rate is an assumption that wins.
    Assumptions ben;
    ben.winRate = 0.8;
    repo.save(FunnelAssumptionRepository::scopeKey(2, std::nullopt), QString(), ben);
    const QString json = SummaryBuilder::toJson(SummaryBuilder::build(
            *book, { QDate(2026, 11, 20), QStringLiteral("2026-Q4"), QStringLiteral("Ben"), {} }));
    const QJsonObject win = QJsonDocument::fromJson(json.toUtf8())
                                    .object()[QStringLiteral("funnel")]
                                    .toObject()[QStringLiteral("rates")]
                                    .toObject()[QStringLiteral("win_rate")]
                                    .toObject();
    EXPECT_DOUBLE_EQ(win[QStringLiteral("value")].toDouble(), 0.8);
    EXPECT_TRUE(win[QStringLiteral("entered")].toBool());
}
