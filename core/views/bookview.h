#pragma once

#include "domain/entities.h"
#include "storage/settings.h"
#include "textcolumn.h"

#include <QHash>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace tp {

// An in-memory, columnar read model of a book for tables at a million rows. Rows refer to each
// other by index (account, owner); -1 is "none". Dates are Julian day numbers, 0 = none.
struct RepRow
{
    Id id = 0;
    QString name;
    std::optional<int> capacity;
};

struct TerritoryRow
{
    Id id = 0;
    QString name;
    int owner = -1;
};

struct AccountColumns
{
    std::vector<Id> id; // ascending: rows are found by binary search
    TextColumn name;
    TextColumn crmId;
    std::vector<int> industry, sizeBand, region; // indexes into the dictionaries below
    std::vector<int> territory;                  // index into BookView::territories
    std::vector<int> owner;                      // index into BookView::reps
    std::vector<Minor> potential;                // -1: not set (derived)
    std::vector<Minor> openAmount;               // open pipeline in the book currency
    std::vector<int> openCount;
    QStringList industries, sizeBands, regions;

    int size() const { return int(id.size()); }
    int indexOf(Id accountId) const;
    // METRICS: the set potential, else the open pipeline; `derived` tells which.
    Minor revenuePotential(int row, bool *derived = nullptr) const;
};

struct OpportunityColumns
{
    std::vector<Id> id; // ascending
    TextColumn name;
    TextColumn crmId;
    std::vector<int> account; // index into BookView::accounts
    std::vector<int> owner;   // index into BookView::reps
    std::vector<Minor> amount;
    std::vector<std::uint8_t> currency; // index into currencies
    std::vector<std::uint8_t> stage;    // tp::Stage
    std::vector<std::uint8_t> status;   // tp::Status
    std::vector<std::int16_t> probability; // from the import, -1 none
    std::vector<std::int16_t> override;    // manual edit, -1 none
    std::vector<std::int32_t> created, closeDate, lastActivity;
    QStringList currencies;

    int size() const { return int(id.size()); }
    int indexOf(Id opportunityId) const;
};

struct BookView
{
    BookSettings settings;
    std::vector<RepRow> reps;
    std::vector<TerritoryRow> territories;
    AccountColumns accounts;
    OpportunityColumns opportunities;
    ScoringModel scoring; // engagement factors and weight profiles
    ScoreMatrix scores;   // by account row, for scoring's factors

    int repIndex(Id repId) const;
    int territoryIndex(Id territoryId) const;
    BasisPoints probability(int opportunity) const;
    Minor weightedAmount(int opportunity) const;
    // Sums open amounts per account again (after an edit of amount, stage or account).
    void recomputeAccountTotals();
};

} // namespace tp
