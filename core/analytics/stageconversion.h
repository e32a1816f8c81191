#pragma once

#include "pipelinehealth.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace tp::health {

// What the stage history says of each opportunity of a view (by row): the highest open stage
// it was ever seen in, and the days it spent in each open stage it left (-1: never left one).
struct StageFlow
{
    std::vector<std::uint8_t> highest; // 1..4; 0 when no history row was seen
    std::vector<std::array<std::int32_t, 4>> days; // by stage index, summed over its stays

    // The flow of one opportunity from its history rows (stage, entered day), in any order:
    // stays run from one entry to the next, by date (then by the order given).
    // (Sorts `entries` in place.)
    static void describe(std::span<std::pair<int, qint64>> entries, std::uint8_t &highest,
                         std::array<std::int32_t, 4> &days);
};

// METRICS "Stage conversion" for a scope: for each open stage, the share of the opportunities
// that reached it and then a later stage or Won, among those that reached it and are no longer
// in it; and the average days spent in it by those that left it. Counted over the scope's
// open deals and those closed in the key-metrics window. A lost deal reached the highest open
// stage its history shows or it closed from (OpportunityColumns::closedStage); one of which
// nothing tells is counted apart, as lost at a stage unknown, never as lost at Qualify: that
// would make every later stage look like it converts all it sees.
struct StageConversion
{
    struct Row
    {
        qint64 reached = 0;
        qint64 left = 0; // reached and no longer in it
        qint64 converted = 0; // of those, reached a later stage or Won
        std::optional<double> rate;
        qint64 stays = 0; // opportunities whose time in it is known
        std::optional<double> averageDays;
    };
    std::array<Row, 4> stages{};
    qint64 lostAtUnknownStage = 0; // in none of the rows above
};

// Over the report's open deals and those closed in its window.
StageConversion stageConversion(const BookView &view, const StageFlow &flow,
                                const HealthReport &report);

} // namespace tp::health
