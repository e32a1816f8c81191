#pragma once

#include "analytics/snapshotdiff.h"

#include <array>

namespace tp::changes {

// docs/METRICS.md, "Decisions of this repository" (forecast category moves): how the deals of
// the pipeline flow (In(A) ∪ In(B), "Pipeline flow") moved between forecast categories from
// snapshot A to snapshot B: how many Best Case became Commit, Closed (won) or Omitted (lost or
// removed), and how many entered or left the period's pipeline.

// A side of the matrix: a forecast category (0..4, ForecastCategory), or `outside`: not in the
// period's pipeline (a row: the deal came in, new or moved in; a column: it moved out, open but
// no longer in the scope or the period).
inline constexpr int categorySides = forecastCategoryCount + 1;
inline constexpr int outside = forecastCategoryCount;

struct CategoryCell
{
    qint64 deals = 0;
    // At B for the deals of In(B), at A for the others (they left the pipeline), as the flow
    // counts them.
    Minor amount = 0;
};

struct CategoryMoves
{
    // [from][to]; from: the category at A, or `outside` for a deal not in In(A); to: the
    // category at B (a won deal Closed, a lost or removed one Omitted), or `outside` for a deal
    // that moved out.
    std::array<std::array<CategoryCell, categorySides>, categorySides> cells{};

    const CategoryCell &at(int from, int to) const
    {
        return cells[std::size_t(from)][std::size_t(to)];
    }
    // The deals that changed category (off the diagonal, entering and leaving included).
    qint64 moved() const;
};

// The moves of the deals `comparison` (compare(a, b, ...)) placed in the flow.
CategoryMoves categoryMoves(const State &a, const State &b, const Comparison &comparison);

} // namespace tp::changes
