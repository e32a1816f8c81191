#include "roireport.h"

#include "storage/scoring.h"

namespace tp {

std::vector<int> scopeAccounts(const BookView &view, const RowFilter &scope)
{
    RowFilter accountsOnly;
    accountsOnly.scopeRep = scope.scopeRep;
    accountsOnly.scopeTerritory = scope.scopeTerritory;
    return filterAccounts(view, storageOrder(std::size_t(view.accounts.size())), accountsOnly);
}

roi::RoiResult buildRoiReport(const BookView &view, const RowFilter &scope)
{
    const std::vector<int> rows = scopeAccounts(view, scope);
    const int capacity = capacityOf(view, rows, scope.scopeRep, view.settings.defaultCapacity);
    return roi::evaluate(view, rows, view.scoring, view.scores, view.settings.roi, capacity);
}

std::vector<roi::RepLoad> scopeOverCapacity(const BookView &view, const RowFilter &scope)
{
    if (scope.scopeRep < 0 && scope.scopeTerritory < 0)
        return roi::repsOverCapacity(view, storageOrder(view.reps.size()));
    return roi::repsOverCapacity(view, scopeReps(view, scopeAccounts(view, scope), scope.scopeRep));
}

} // namespace tp
