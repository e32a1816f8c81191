#pragma once

#include "bookview.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace tp {

// Sorting and filtering of the columnar views by row permutations over typed columns: fast at a
// million rows, where QSortFilterProxyModel takes seconds.

enum class OpportunityColumn {
    Name,
    Account,
    Owner,
    Stage,
    Status,
    Amount,
    Probability,
    Weighted,
    Forecast, // the category the deal counts in (BookView::forecast)
    Created,
    CloseDate,
    LastActivity,
    CrmId,
    Count
};
enum class AccountColumn {
    Name,
    Industry,
    SizeBand,
    Region,
    Territory,
    Owner,
    Potential,
    OpenPipeline,
    OpenOpportunities,
    CrmId,
    Count
};

// What limits the rows of a table: the scope bar and the page's own filters.
struct RowFilter
{
    QString text; // case-insensitive substring of the row's names and ids
    int scopeRep = -1; // rep index: rows the rep owns
    int scopeTerritory = -1; // territory index: its accounts and their opportunities
    int owner = -1; // owner filter (rep index)
    std::optional<Stage> stage; // opportunities only
    std::optional<Status> status; // opportunities only; Removed rows show only when asked
    // Opportunities only: an expected close on or before it (the pipeline of a period, as
    // coverage counts it); invalid: no such filter.
    QDate closingBy;
};

// Rows 0 .. rows - 1 in storage order, for filtering a table without sorting it.
std::vector<int> storageOrder(std::size_t rows);

std::vector<int> sortedOpportunities(const BookView &view, OpportunityColumn column,
                                     bool descending);
std::vector<int> sortedAccounts(const BookView &view, AccountColumn column, bool descending);

// Keeps the rows of `order` (a sorted permutation) that pass the filter, in that order.
std::vector<int> filterOpportunities(const BookView &view, const std::vector<int> &order,
                                     const RowFilter &filter);
std::vector<int> filterAccounts(const BookView &view, const std::vector<int> &order,
                                const RowFilter &filter);

} // namespace tp
