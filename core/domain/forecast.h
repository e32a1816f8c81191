#pragma once

#include "stage.h"

#include <QString>

#include <array>
#include <optional>

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
inline constexpr std::array<ForecastCategory, forecastCategoryCount> allForecastCategories{
    ForecastCategory::Pipeline, ForecastCategory::BestCase, ForecastCategory::Commit,
    ForecastCategory::Closed, ForecastCategory::Omitted
};

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

// The category an opportunity counts in (METRICS "Forecast categories"): a won deal is Closed,
// a lost or removed one Omitted; an open one is the rep's call made in the app if any, else the
// category the CRM file gave if any, else the one its stage implies. An open deal called (or
// imported as) Closed or Omitted counts in no open sum of the forecast (docs/METRICS.md,
// "Decisions of this repository").
constexpr ForecastCategory effectiveForecastCategory(Status status, Stage stage,
                                                     std::optional<ForecastCategory> imported,
                                                     std::optional<ForecastCategory> call)
{
    switch (status) {
    case Status::Won:
        return ForecastCategory::Closed;
    case Status::Lost:
    case Status::Removed:
        return ForecastCategory::Omitted;
    case Status::Open:
        break;
    }
    if (call)
        return *call;
    if (imported)
        return *imported;
    return forecastCategoryOf(stage);
}

// Stable English keys, for the CLI, JSON and exports: pipeline, best_case, commit, closed,
// omitted.
QString forecastCategoryKey(ForecastCategory category);
// Translated names for display (context "tp::ui::Forecast"): Pipeline, Best Case, Commit...
QString forecastCategoryName(ForecastCategory category);
// The category a CRM file writes, matched case-insensitively with surrounding spaces ignored:
// Salesforce (Pipeline, Best Case, Commit, Closed, Omitted; Most Likely is Best Case), HubSpot
// (Not forecasted, Pipeline, Best case, Commit, Closed won, and the internal PIPELINE,
// BEST_CASE, COMMIT, CLOSED, OMIT, NOT_FORECASTED), Dynamics (Committed, Won, Lost) and the keys
// above. Nullopt for anything else.
std::optional<ForecastCategory> forecastCategoryFromCrm(QStringView text);
// The same for an integer stored in the book (0..4), nullopt for NULL (negative) or out of range.
constexpr std::optional<ForecastCategory> forecastCategoryFromInt(int value)
{
    if (value < 0 || value >= forecastCategoryCount)
        return std::nullopt;
    return ForecastCategory(value);
}

} // namespace tp
