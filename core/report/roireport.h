#pragma once

#include "analytics/roi.h"
#include "storage/book.h"
#include "views/bookview.h"
#include "views/tablequery.h"

namespace tp {

// The ROI figures of a scope (RowFilter::scopeRep / scopeTerritory), as `summary` and
// `export --what worklist` report them and the ROI page shows them.
struct RoiReport
{
    ScoringModel model;
    ScoreMatrix scores;
    roi::RoiResult result;
};

RoiReport buildRoiReport(Book &book, const BookView &view, const RowFilter &scope);

} // namespace tp
