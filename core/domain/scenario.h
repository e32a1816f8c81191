#pragma once

#include "entities.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace tp {

// A rebalancing proposal kept by name to be compared with others and applied later
// (docs/METRICS.md "Territories"; tables scenarios and scenario_moves): the request it was made
// with and the moves it makes, each account to a territory, or to a rep in a book without
// territories.
struct ScenarioMove
{
    Id account = 0;
    Id to = 0; // a territory id, or a rep id when the scenario's toReps
    bool operator==(const ScenarioMove &) const = default;
};

struct Scenario
{
    Id id = 0;
    QString name;
    QDate createdOn;
    QString metric; // territories::metricKey
    double tolerance = 0.10;
    std::optional<int> maxMoves;
    std::optional<double> maxShare;
    bool unlockOpen = false;
    bool toReps = false;
    std::vector<ScenarioMove> moves; // by ascending account id
    bool operator==(const Scenario &) const = default;
};

} // namespace tp
