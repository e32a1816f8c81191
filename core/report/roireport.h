#pragma once

#include "analytics/roi.h"
#include "views/bookview.h"
#include "views/tablequery.h"

namespace tp {

// The account rows of a scope (RowFilter::scopeRep / scopeTerritory; other filters ignored).
std::vector<int> scopeAccounts(const BookView &view, const RowFilter &scope);

// The ROI figures of a scope, from the view's scores and settings, as `summary` and
// `export --what worklist` report them and the ROI page shows them.
roi::RoiResult buildRoiReport(const BookView &view, const RowFilter &scope);

// The reps of a scope who carry more active opportunities than their capacity: for the team
// every rep, else the scope's rep or the reps who own accounts in the territory.
std::vector<roi::RepLoad> scopeOverCapacity(const BookView &view, const RowFilter &scope);

} // namespace tp
