#pragma once

#include "dealhealth.h"
#include "domain/dates.h"

#include <QStringList>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace tp::health {

// METRICS "Scope": rep and territory as indexes into the view (-1: not limited).
struct HealthScope
{
    int rep = -1;
    int territory = -1;
};

// Whether opportunity `row` counts in the scope (removed ones count nowhere).
bool inScope(const BookView &view, int row, const HealthScope &scope);
bool accountInScope(const BookView &view, int row, const HealthScope &scope);

struct Tally
{
    qint64 count = 0;
    Minor amount = 0;

    void add(Minor value)
    {
        ++count;
        amount += value;
    }
};

// Open pipeline of one open stage, split by health.
struct StageHealth
{
    Tally all;
    Minor weighted = 0;
    std::array<Tally, 3> byLevel{}; // by Level
};

// Days since the deal entered its current stage (its last progress).
enum class AgeBucket : std::uint8_t { Upto30, Upto60, Upto90, Upto180, Over180, Unknown };
inline constexpr int ageBucketCount = 6;
AgeBucket ageBucketOf(const std::optional<int> &daysInStage);
QString ageBucketName(AgeBucket bucket); // translated: "0–30 days", ..., "Stage entry unknown"

// METRICS "Coverage" for the period.
struct CoverageFigures
{
    bool hasTarget = false; // a quota was entered for the scope and period
    Minor target = 0;
    Minor won = 0;
    Minor remaining = 0;
    Minor open = 0; // open deals closing by the end of the period
    Minor honest = 0; // those of them not stalled
    Minor weighted = 0; // weighted amount of those not stalled
    // The amount of the stalled deals among `open`, by the first stalled rule each fired (in
    // rule order), so that the steps lead from raw to honest.
    std::array<Minor, ruleCount> removedBy{};
    std::optional<double> raw, honestRatio, weightedRatio; // undefined when nothing remains
    std::optional<double> required; // 1 / win rate

    bool targetReached() const { return hasTarget && remaining == 0; }
};

// METRICS "Forecast categories" for the period, each sum including the one before: won in the
// period; and Commit, Best Case and Pipeline deals closing by the period's end (as coverage
// counts them). Honest commit leaves out the stalled Commit deals.
struct ForecastFigures
{
    Minor closed = 0;
    Minor commit = 0;
    Minor bestCase = 0;
    Minor pipeline = 0;
    Minor commitHonest = 0;
};

// METRICS "Key metrics" over the window.
struct WindowMetrics
{
    int windowDays = 365;
    QDate windowStart; // D − (windowDays − 1)
    qint64 won = 0;
    qint64 lost = 0;
    qint64 created = 0; // opportunities created in the window (funnel math)
    Minor wonAmount = 0; // of the won deals whose amount converts to the book's currency
    std::optional<double> winRate;
    std::optional<Minor> averageDealSize;
    std::optional<double> averageCycleDays;
    std::optional<double> attainment; // won in the period / target
    std::optional<double> repSpread;
};

struct RepFigures
{
    int rep = -1; // index into BookView::reps
    qint64 open = 0; // open deals of the rep within the scope
    Minor openAmount = 0; // their amount in the book's currency (deals without a rate left out)
    qint64 active = 0; // every open deal the rep owns, against capacity
    int capacity = 0;
    qint64 stalled = 0;
    qint64 atRisk = 0;
    qint64 won = 0; // in the window
    qint64 lost = 0;
    Minor wonAmount = 0; // in the window
    std::optional<double> winRate;
    std::optional<Minor> averageDealSize;
    std::optional<double> averageCycleDays;
    std::optional<Minor> quota;
    Minor wonInPeriod = 0;
    std::optional<double> attainment;
    std::optional<double> coverageRaw, coverageHonest;
    qint64 created = 0; // opportunities the rep owns created in the window (funnel math)
};

struct HealthReport
{
    QDate asOf;
    Period period;
    RuleContext context; // with the team's average cycle, which the aged rule uses
    // METRICS counts of the scope.
    qint64 accounts = 0;
    qint64 opportunities = 0;
    qint64 open = 0;
    qint64 won = 0;
    qint64 lost = 0;
    Minor openAmount = 0;
    Minor weightedAmount = 0;
    std::array<StageHealth, 4> byStage{};
    std::array<std::array<Tally, 3>, ageBucketCount> byAge{}; // by AgeBucket, then Level
    Tally stalled;
    Tally atRisk;
    std::array<qint64, ruleCount> byRule{}; // open deals per rule that fired
    CoverageFigures coverage;
    ForecastFigures forecast;
    WindowMetrics metrics;
    std::vector<RepFigures> reps; // reps owning a deal in the scope (or the scope's rep), by name
    // Open deals of the scope whose currency has no rate: counted, left out of the money.
    qint64 unconverted = 0;
    QStringList unconvertedCurrencies;
    std::vector<int> openRows; // the scope's open opportunities, in storage order
    std::vector<int> closedInWindowRows; // its won and lost ones closed in the window
    // Per opportunity row of the view; filled for openRows, Healthy elsewhere.
    std::vector<Assessment> assessments;
};

// Everything the Pipeline health page and `summary` show for a scope, as of `asOf`, for
// `period`. One pass over the opportunities for the team's average cycle (unless `context`,
// from ruleContext() for the same view and date, is given), one for the scope.
HealthReport evaluate(const BookView &view, const HealthScope &scope, const QDate &asOf,
                      const Period &period, const RuleContext *context = nullptr);

// The rule context the view's settings give, with the team's average sales cycle over the
// window ending on `asOf` (the aged rule compares against it whatever the scope, so that a
// deal's status does not change with the view).
RuleContext ruleContext(const BookView &view, const QDate &asOf);

// Orders opportunity rows the way the page and the stalled export list them: stalled first,
// then at risk, then healthy, larger amounts first within each (stable).
void sortWorstFirst(std::vector<int> &rows, const BookView &view, const HealthReport &report);

// A/B as a ratio (of amounts or of counts), undefined when B is 0.
std::optional<double> ratio(Minor a, Minor b);

} // namespace tp::health
