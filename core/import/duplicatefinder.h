#pragma once

#include "domain/entities.h"
#include "keyindex.h"
#include "storage/sqlite.h"

#include <QDate>

#include <optional>
#include <string>
#include <string_view>

namespace tp::crm {

// Finds the deal of the book that a new row of an import likely duplicates (issue 16, item 5):
// the same deal exported by another CRM, with other ids. "Likely the same": the same account
// name and deal name (ignoring case and surrounding spaces) and the same amount or the same
// expected close date. Deals of the importing source's previous snapshot are left out: a deal
// of the same CRM with the same name is another deal of that CRM (a clone), not a duplicate;
// so are removed deals. The book's deals are read once, on the first question.
class DuplicateFinder
{
public:
    struct Found
    {
        Id id = 0;
        std::string crmId, name;
    };

    // `firstNew`: deals from this id on are the import's own; `sourceSnapshot`: the previous
    // snapshot of the importing source, if any.
    DuplicateFinder(sql::Database &db, Id firstNew, std::optional<Id> sourceSnapshot);

    std::optional<Found> find(std::string_view accountName, std::string_view name,
                              std::optional<Minor> amount, const QDate &closeDate);

private:
    void load();
    static std::uint64_t keyOf(std::string_view accountName, std::string_view name);

    sql::Database &m_db;
    Id m_firstNew;
    std::optional<Id> m_sourceSnapshot;
    bool m_loaded = false;
    KeyIndex m_index;
    std::optional<sql::Statement> m_byId;
};

} // namespace tp::crm
