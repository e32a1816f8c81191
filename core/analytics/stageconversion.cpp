#include "stageconversion.h"

#include <algorithm>

namespace tp::health {

void StageFlow::describe(std::span<std::pair<int, qint64>> entries, std::uint8_t &highest,
                         std::array<std::int32_t, 4> &days)
{
    highest = 0;
    days.fill(-1);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto &a, const auto &b) { return a.second < b.second; });
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const int stage = entries[i].first;
        if (stage >= 1 && stage <= 4)
            highest = std::max(highest, std::uint8_t(stage));
        if (i + 1 == entries.size() || stage < 1 || stage > 4 || entries[i].second == 0
            || entries[i + 1].second == 0)
            continue;
        std::int32_t &d = days[std::size_t(stage - 1)];
        d = std::max(d, 0) + std::int32_t(entries[i + 1].second - entries[i].second);
    }
}

StageConversion stageConversion(const BookView &view, const StageFlow &flow,
                                const HealthReport &report)
{
    StageConversion result;
    const auto &o = view.opportunities;
    std::array<qint64, 4> stayDays{};
    const auto count = [&](int r) {
        const auto i = std::size_t(r);
        const auto status = Status(o.status[i]);
        const auto stage = Stage(o.stage[i]);
        // Reached: every stage up to the highest seen, or the one it closed from; a deal seen
        // only as won reached them all; a lost one that nothing places is left out.
        int highest = i < flow.highest.size() ? flow.highest[i] : 0;
        if (isOpenStage(stage))
            highest = std::max(highest, int(stage));
        if (i < o.closedStage.size())
            highest = std::max(highest, int(o.closedStage[i]));
        if (status == Status::Won)
            highest = 5;
        if (highest == 0) {
            ++result.lostAtUnknownStage;
            return;
        }
        for (int s = 1; s <= 4; ++s) {
            StageConversion::Row &row = result.stages[std::size_t(s - 1)];
            if (highest < s)
                break;
            ++row.reached;
            if (status == Status::Open && int(stage) == s)
                continue; // still in it
            ++row.left;
            if (highest > s)
                ++row.converted;
            if (i < flow.days.size() && flow.days[i][std::size_t(s - 1)] >= 0) {
                ++row.stays;
                stayDays[std::size_t(s - 1)] += flow.days[i][std::size_t(s - 1)];
            }
        }
    };
    for (const int r : report.openRows)
        count(r);
    for (const int r : report.closedInWindowRows)
        count(r);
    for (std::size_t s = 0; s < 4; ++s) {
        StageConversion::Row &row = result.stages[s];
        if (row.left > 0)
            row.rate = double(row.converted) / double(row.left);
        if (row.stays > 0)
            row.averageDays = double(stayDays[s]) / double(row.stays);
    }
    return result;
}

} // namespace tp::health
