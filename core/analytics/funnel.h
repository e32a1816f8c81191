#pragma once

#include "analytics/pipelinehealth.h"
#include "domain/money.h"
#include "domain/settings.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <optional>

namespace tp::funnel {

// METRICS "Funnel math": from a revenue target back to deals, opportunities, meetings and
// activities, in total and per week of the period.

enum class Rate { AverageDealSize, WinRate, MeetingToOpportunity, ActivityToMeeting };
inline constexpr std::array<Rate, 4> rates{ Rate::AverageDealSize, Rate::WinRate,
                                            Rate::MeetingToOpportunity, Rate::ActivityToMeeting };
QString
rateKey(Rate rate); // "avg_deal_size", "win_rate", "meeting_to_opportunity", "activity_to_meeting"

// Where a rate came from: the scope's own history in the window, or an assumption (one the user
// entered, or the book's default when the history is too thin).
enum class Source { History, Assumption };
QString sourceKey(Source source); // "history", "assumption"

struct RateValue
{
    // The average deal size in minor units; the others as fractions (0.25). Undefined when the
    // history is too thin and nobody entered one (only the average deal size has no default).
    std::optional<double> value;
    Source source = Source::Assumption;
    bool entered = false; // an assumption the user entered (not the book's default)
    qint64 basis = 0; // what history it rests on: won deals, closed deals, meetings, activities
};

// What the history of a scope holds over the key-metrics window.
struct History
{
    std::optional<Minor> averageDealSize; // of the won deals (METRICS "Key metrics")
    qint64 won = 0;
    qint64 lost = 0;
    qint64 created = 0; // opportunities created in the window
    qint64 meetings = 0; // activities of type meeting in the window
    qint64 activities = 0; // calls, emails and meetings in the window
};

using Rates = std::array<RateValue, 4>; // by Rate

Rates resolveRates(const History &history, const Assumptions &assumptions,
                   const FunnelSettings &defaults);

// The chain for one amount; a step is undefined (nullopt) when a rate it divides by is
// undefined or not above zero, and so is every step after it.
struct Chain
{
    std::optional<qint64> deals;
    std::optional<qint64> opportunities;
    std::optional<qint64> meetings;
    std::optional<qint64> activities;
};

Chain chain(Minor amount, const Rates &rates);
// Each step of the chain over `weeks` weeks, rounded up.
Chain perWeek(const Chain &total, int weeks);
// ceil(a / b) for a count over a rate, forgiving the last bits of floating-point noise
// (20 / 0.2 can come out a hair above or below 100 in binary, and means 100).
qint64 ceilCount(double a, double b);

// The history of a scope: its key metrics from the health report, and the meetings and the
// calls, emails and meetings its activities hold over the same window.
History historyOf(const health::HealthReport &report, qint64 meetings, qint64 activities);

// The funnel of a scope for its period (METRICS "Funnel math" and "Gap to plan").
struct Plan
{
    bool hasTarget = false; // a quota, or a target the user entered
    bool targetEntered = false;
    Minor target = 0;
    int weeks = 13;
    Rates rates{};
    Chain total, weekly;
    Minor remaining = 0;
    Minor expected = 0; // weighted amounts of the deals closing in the period that are not stalled
    Minor needed = 0; // max(remaining − expected, 0)
    Chain gap, gapWeekly; // the chain on `needed`, and per week left in the period
    int daysLeft = 0; // from the as-of date to the period's last day
    int weeksLeft = 0;
    std::optional<double> averageCycleDays;
    // Fewer days left in the period than the average sales cycle: new opportunities are
    // unlikely to close in it.
    bool cycleOutrunsPeriod = false;
};

// The days and weeks (started weeks count) left in `period` from `asOf` (Gap to plan).
int daysLeft(const QDate &asOf, const Period &period);
int weeksLeft(const QDate &asOf, const Period &period);

Plan plan(const health::HealthReport &report, const History &history,
          const Assumptions &assumptions, const FunnelSettings &settings);

// Why the funnel (or a step) is undefined, in words; empty when it is defined.
class Explain
{
    Q_DECLARE_TR_FUNCTIONS(tp::funnel::Explain)

public:
    static QString missing(const Rates &rates);
};

} // namespace tp::funnel
