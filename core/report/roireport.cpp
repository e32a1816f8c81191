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
    const std::vector<int> rows = filterAccounts(view, storageOrder(std::size_t(view.accounts.size())),
                                                 accountsOnly);
    const int capacity = capacityOf(view, rows, scope.scopeRep, settings.defaultCapacity);
    report.result = roi::evaluate(view, rows, report.model, report.scores, settings.roi, capacity);
    return report;
}

} // namespace tp
