#include "roireport.h"

#include "storage/scoring.h"
#include "storage/settings.h"

namespace tp {

RoiReport buildRoiReport(Book &book, const BookView &view, const RowFilter &scope)
{
    RoiReport report;
    ScoringRepository scoring(book);
    report.model = scoring.model();
    report.scores = scoring.scores(view, report.model);
    const BookSettings settings = SettingsRepository(book).load();
    RowFilter accountsOnly;
    accountsOnly.scopeRep = scope.scopeRep;
    accountsOnly.scopeTerritory = scope.scopeTerritory;
    std::vector<int> all(std::size_t(view.accounts.size()));
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = int(i);
    const std::vector<int> rows = filterAccounts(view, all, accountsOnly);
    const int capacity = capacityOf(view, rows, scope.scopeRep, settings.defaultCapacity);
    report.result = roi::evaluate(view, rows, report.model, report.scores, settings.roi, capacity);
    return report;
}

} // namespace tp
