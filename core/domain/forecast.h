#pragma once

#include "stage.h"

#include <QString>

namespace tp {

// docs/METRICS.md, "Forecast categories": where an opportunity stands in the forecast. Open
// ones are Pipeline, Best Case or Commit; won ones Closed; lost and removed ones Omitted.
enum class ForecastCategory : int {
    Pipeline = 0,
    BestCase = 1,
    Commit = 2,
    Closed = 3,
    Omitted = 4
};
inline constexpr int forecastCategoryCount = 5;

// The category an open stage implies when neither the import nor the rep gave one: Qualify and
// Prove → Pipeline, Propose → Best Case, Negotiate → Commit; Won → Closed, Lost → Omitted.
constexpr ForecastCategory forecastCategoryOf(Stage stage)
{
    switch (stage) {
    case Stage::Qualify:
    case Stage::Prove:
        return ForecastCategory::Pipeline;
    case Stage::Propose:
        return ForecastCategory::BestCase;
    case Stage::Negotiate:
        return ForecastCategory::Commit;
    case Stage::Won:
        return ForecastCategory::Closed;
    case Stage::Lost:
        break;
    }
    return ForecastCategory::Omitted;
}

} // namespace tp
