#pragma once

#include "views/bookview.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>

namespace tp::health {

// METRICS "Stalled deals": the rules, in the order of that table, which is the order reasons
// are given in.
enum class Rule : std::uint8_t { Idle30, Idle90, StageLimit, ClosePassed, Pushed, Aged };
inline constexpr std::array<Rule, 6> rules{ Rule::Idle30,      Rule::Idle90, Rule::StageLimit,
                                            Rule::ClosePassed, Rule::Pushed, Rule::Aged };
inline constexpr int ruleCount = int(rules.size());

enum class Level : std::uint8_t { Healthy, AtRisk, Stalled };
inline constexpr std::array<Level, 3> levels{ Level::Healthy, Level::AtRisk, Level::Stalled };

QString ruleKey(Rule rule); // "idle_30", "idle_90", "stage_limit", "close_passed", "pushed", "aged"
// Translated, a word or two for a chart axis: "Idle", "Stage limit", "Past close", "Too old".
QString ruleShortName(Rule rule);
QString levelKey(Level level); // "healthy", "at_risk", "stalled"
QString levelName(Level level); // translated
Level levelOf(Rule rule);

// The rules that fired for a deal, as bits (1 << Rule).
using RuleSet = std::uint8_t;
constexpr RuleSet bit(Rule rule)
{
    return RuleSet(1u << unsigned(rule));
}
constexpr bool fired(RuleSet set, Rule rule)
{
    return (set & bit(rule)) != 0;
}

// What the rules look at for one open deal as of a day D; day counts are whole days.
struct DealFacts
{
    std::optional<int> idle; // D − last activity (created date without one); unknown without either
    std::optional<int> inStage; // D − stage entry; unknown without stage history
    std::optional<int> age; // D − created
    std::optional<int> closePassed; // D − expected close date, when that date is before D
    int pushes = 0;
    Stage stage = Stage::Qualify;
};

// What the rules need besides the deal: the thresholds, the stage limits, and the team's
// average sales cycle (the aged rule fires only when it is defined).
struct RuleContext
{
    StallRules rules;
    std::array<int, 4> stageLimitDays{ 30, 45, 30, 30 };
    std::optional<double> averageCycleDays;
};

struct Assessment
{
    Level level = Level::Healthy;
    RuleSet fired = 0;
};

// The facts of open opportunity `row` of `view` as of Julian day `asOfDay`.
DealFacts factsOf(const BookView &view, int row, qint64 asOfDay);
Assessment assess(const DealFacts &facts, const RuleContext &context);

// The reasons of an assessment in words with their numbers, in rule order ("No activity for
// 95 days", "In Propose for 52 days, limit 30", ...); a deal whose stage entry is unknown also
// says so, since the stage-limit rule could not look at it.
class Reasons
{
    Q_DECLARE_TR_FUNCTIONS(tp::health::Reasons)

public:
    static QStringList describe(const DealFacts &facts, const Assessment &assessment,
                                const RuleContext &context);
    // The reason a deal shows when the day it entered its stage is not known (the stage-limit
    // rule then never fires for it).
    static QString stageEntryUnknown();
};

} // namespace tp::health
