#pragma once

#include "domain/money.h"
#include "domain/scoring.h"
#include "domain/stage.h"

#include <QString>

#include <array>
#include <optional>

namespace tp {

// METRICS "Stalled deals": the thresholds of the rules (the stage limits are per stage, in
// BookSettings::stageLimitDays).
struct StallRules
{
    int idleAtRiskDays = 30;
    int idleStalledDays = 90;
    int pushesAtRisk = 2;
    double agedCycleMultiple = 2.0;

    bool operator==(const StallRules &) const = default;
};

// METRICS "Funnel math": the default rates where the history is too thin, the thresholds of
// "enough" history, and the working weeks of a period.
struct FunnelSettings
{
    double winRate = 0.25;
    double meetingToOpportunity = 0.2;
    double activityToMeeting = 0.1;
    qint64 minClosedDeals = 10;
    qint64 minMeetings = 10;
    qint64 minActivities = 10;
    int weeks = 13;

    bool operator==(const FunnelSettings &) const = default;
};

// The book-level settings of docs/METRICS.md, read in one go. Every default lives in the book.
struct BookSettings
{
    QString currency = QStringLiteral("USD");
    int fiscalStartMonth = 1;
    int defaultCapacity = 20;
    // The key metrics' window (docs/METRICS.md); an import's snapshot also keeps the deals closed
    // within it, the "recently closed" pipeline that later snapshots are compared with.
    int metricsWindowDays = 365;
    // Indexed by stageIndex(): Qualify..Lost.
    std::array<BasisPoints, 6> stageProbability{ 1000, 2500, 5000, 7500, 10000, 0 };
    std::array<int, 4> stageLimitDays{ 30, 45, 30, 30 };
    StallRules stall;
    FunnelSettings funnel;
    double attainmentBar = 0.8; // METRICS "Key metrics": a rep's attainment should reach it
    double spreadBar = 0.25; // and the lowest rep's wins this share of the highest's
    RoiSettings roi;

    bool operator==(const BookSettings &) const = default;

    BasisPoints defaultProbability(Stage s) const
    {
        return stageProbability[std::size_t(stageIndex(s))];
    }
};

namespace funnel {

// The assumptions a user entered for a scope; each wins over history.
struct Assumptions
{
    std::optional<Minor> averageDealSize;
    std::optional<double> winRate;
    std::optional<double> meetingToOpportunity;
    std::optional<double> activityToMeeting;
    std::optional<Minor> target; // a what-if target instead of the quotas

    bool operator==(const Assumptions &) const = default;
};

} // namespace funnel

} // namespace tp
