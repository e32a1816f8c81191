#pragma once

#include <Qt>

namespace tp::ui {

// Roles the table models answer beyond Qt's own.
enum ModelRole {
    // The raw typed value of a cell for delegates and tests: money as qlonglong minor units,
    // dates as QDate, stages as int(tp::Stage), probabilities as basis points, ids as qlonglong.
    RawValueRole = Qt::UserRole,
    // The stable id (qlonglong) of the row's entity.
    IdRole,
    // The ROI work list: each factor's share of the likelihood (QVariantList of double, -1 for
    // a factor not scored), and whether the row is the last one within the rep's capacity.
    ContributionsRole,
    CapacityLineRole,
    // What applies when the cell's own value is cleared, as display text (the forecast
    // category the CRM or the stage gives when the rep's call is cleared).
    FallbackRole,
};

} // namespace tp::ui
