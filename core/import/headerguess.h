#pragma once

#include "fields.h"

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tp::csv {
struct Record;
}

namespace tp::crm {

// A CSV from a tool no preset knows ("opportunity_id", "salesAgent", "Deal Stage", "Betrag"):
// its headers are read as words, whatever their spelling (snake_case, camelCase, spaces,
// dashes, dots, case), and matched against the usual names of each field in English and
// German (docs/ARCHITECTURE.md, "Importing"). The generic preset proposes these columns; the
// user (the wizard's mapping page, a --mapping file) has the last word.

// "sales_agent", "salesAgent", "Sales-Agent" and " SALES AGENT " all read "sales agent".
QString headerWords(QStringView header);

// The column each field of `kind` most likely is (each column used once), in field order.
std::vector<std::pair<Field, int>> guessColumns(const QStringList &header, Kind kind);

// A deal needs a name a user recognises. When no column holds one, deals are named after their
// account and product ("Acme – GTX Pro"); without a product column, after their account and CRM
// id; a row whose naming cells are all empty takes its CRM id.
struct DealNaming
{
    std::vector<int> columns; // empty: the file has a name column, or nothing to name deals by
    int idColumn = -1; // the CRM id, for rows with nothing else
    bool used() const { return !columns.empty(); }
};
DealNaming dealNamingFor(const QStringList &header,
                         const std::vector<std::pair<Field, int>> &columns);

// The name of the deal in `record`: the naming cells that are not empty, joined by " – ", else
// its CRM id; empty when the row has neither.
std::string dealNameOf(const csv::Record &record, const DealNaming &naming);

} // namespace tp::crm
