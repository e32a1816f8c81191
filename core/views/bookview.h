#pragma once

#include "domain/bookchange.h"
#include "domain/entities.h"
#include "domain/settings.h"
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
    QString email; // the rep's email in the CRM (HubSpot owner), empty when unknown
    QString crmUserId; // the rep's user id in the CRM (Salesforce OwnerId), empty when unknown
};

struct TerritoryRow
{
    Id id = 0;
    QString name;
    int owner = -1;
    bool locked = false;
};

struct AccountColumns
{
    std::vector<Id> id; // ascending: rows are found by binary search
    TextColumn name;
    TextColumn crmId;
    std::vector<int> industry, sizeBand, region; // indexes into the dictionaries below
    std::vector<int> state, country; // billing state and country: indexes into the dictionaries
    std::vector<int> territory; // index into BookView::territories
    std::vector<int> owner; // index into BookView::reps
    std::vector<int> crmOwner; // the owner the CRM gave it (index into reps, -1 none)
    std::vector<std::int8_t> lock; // the user's lock: -1 the default rule, 1 locked, 0 unlocked
    std::vector<Minor> potential; // -1: not set (derived)
    std::vector<Minor> openAmount; // open pipeline in the book currency
    std::vector<int> openCount;
    QStringList industries, sizeBands, regions, states, countries;

    int size() const { return int(id.size()); }
    int indexOf(Id accountId) const;
    // METRICS: the set potential, else the open pipeline; `derived` tells which.
    Minor revenuePotential(int row, bool *derived = nullptr) const;
    // METRICS "Territories": the user's lock, else locked when it has an open opportunity.
    bool isLocked(int row) const
    {
        const auto i = std::size_t(row);
        return lock[i] >= 0 ? lock[i] == 1 : openCount[i] > 0;
    }
};

struct OpportunityColumns
{
    std::vector<Id> id; // ascending
    TextColumn name;
    TextColumn crmId;
    std::vector<int> account; // index into BookView::accounts
    std::vector<int> owner; // index into BookView::reps
    std::vector<Minor> amount;
    std::vector<std::uint8_t> currency; // index into currencies
    std::vector<std::uint8_t> stage; // tp::Stage
    std::vector<std::uint8_t> status; // tp::Status
    std::vector<std::int16_t> probability; // from the import, -1 none
    std::vector<std::int16_t> override; // manual edit, -1 none
    std::vector<std::int32_t> created, closeDate, lastActivity;
    std::vector<std::int32_t> closedDate; // when it was won or lost
    std::vector<std::int32_t> stageEntered; // 0: unknown
    std::vector<std::uint8_t> pushes; // times the close date moved later (at most 255)
    std::vector<std::uint8_t> closedStage; // the open stage it closed from, 0: unknown or open
    // METRICS "Forecast categories", each as tp::ForecastCategory + 1, 0 for none: the category
    // the CRM file gave, and the rep's call made in the app.
    std::vector<std::uint8_t> forecastCategory, forecastCall;
    QStringList currencies;

    int size() const { return int(id.size()); }
    int indexOf(Id opportunityId) const;
};

// A rep's quota for one period (METRICS "Coverage": the target).
struct QuotaRow
{
    int rep = -1; // index into BookView::reps
    QString period;
    Minor amount = 0;
};

struct BookView
{
    BookSettings settings;
    std::vector<RepRow> reps;
    std::vector<TerritoryRow> territories;
    AccountColumns accounts;
    OpportunityColumns opportunities;
    ScoringModel scoring; // engagement factors and weight profiles
    ScoreMatrix scores; // by account row, for scoring's factors
    std::vector<QuotaRow> quotas;
    // Per index of opportunities.currencies: what one unit is in the book's currency; 0 when
    // the book has no rate for it (its deals are left out of money totals).
    std::vector<double> rates;

    int repIndex(Id repId) const;
    int territoryIndex(Id territoryId) const;
    BasisPoints probability(int opportunity) const;
    Minor weightedAmount(int opportunity) const;
    // The category the opportunity counts in (effectiveForecastCategory()).
    ForecastCategory forecast(int opportunity) const;
    // The amount in the book's currency, converted per deal and rounded half away from zero;
    // nullopt when its currency has no rate.
    std::optional<Minor> reportingAmount(int opportunity) const;
    // The quota of rep `rep` (an index) for a period label; nullopt when none was entered.
    std::optional<Minor> quota(int rep, const QString &period) const;
    void setQuota(int rep, const QString &period, std::optional<Minor> amount);
    // Looks the rates up again for the currencies of the opportunities (after one was added).
    void setRates(const std::vector<std::pair<QString, double>> &bookRates);
    // Sums open amounts per account again (after an edit of amount, stage or account).
    void recomputeAccountTotals();

    // Brings the view in line with a change core wrote to its book (bookviewapply.cpp): the only
    // code that updates a loaded view, for an edit, its undo (change.inverse()) and its redo.
    // Afterwards the view equals a fresh load of the book (tests/core/test_editoracle.cpp).
    void apply(const BookChange &change);
    // What differs from `other`, the first few differences in words; empty when they are equal
    // (bookviewdifference.cpp; the edit oracle compares an edited view with a fresh load).
    QString differenceFrom(const BookView &other) const;

private:
    // Adds (+1) or removes (-1) an opportunity row's share of its account's open totals.
    void contributeToAccount(int row, int sign);
    void applyOpportunity(const Opportunity &row, int pushDelta);
    // Territories made, changed or deleted, kept in the loader's order (name as SQLite's NOCASE
    // folds it, then id), with the accounts' territory indexes following them.
    void applyTerritories(const std::vector<RowDelta<Territory>> &deltas);
    void applyScoringModel(const ScoringModelDelta &delta);
};

} // namespace tp
