#pragma once

#include "analysis.h"
#include "bookdirectory.h"
#include "domain/entities.h"
#include "duplicatefinder.h"
#include "importjournal.h"
#include "keyindex.h"
#include "storage/sqlite.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace tp::crm {

// One opportunity as a file row says it, values already parsed and stages resolved. Text is
// UTF-8 and trimmed (std::string, so that a reused input allocates nothing per row).
struct OpportunityInput
{
    qint64 line = 0;
    std::string crmId; // empty: matched by name and account instead
    std::string name;
    std::string accountName;
    std::string accountCrmId;
    std::string owner;
    std::string ownerCrmId, ownerEmail; // the owner's user id and email in the CRM
    Stage stage = Stage::Qualify; // Won/Lost when the status says so
    // The open stage the file names beside a Won or Lost status (Pipedrive, Dynamics): where the
    // deal was when it closed.
    std::optional<Stage> closedFrom;
    std::optional<Minor> amount;
    std::string currency; // empty: the book's currency
    std::optional<BasisPoints> probability;
    QDate closeDate, created, lastActivity, stageChanged, closedDate;
    std::string nextStep;
    // METRICS "Forecast categories": whether the file has a forecast category column, and the
    // category of the row (none for an empty cell). Without the column the book's category and
    // the rep's call stay as they are.
    bool hasForecastCategory = false;
    std::optional<ForecastCategory> forecastCategory;
};

struct UpsertCounts
{
    qint64 created = 0, updated = 0, unchanged = 0, removed = 0;
    qint64 accountsCreated = 0, repsCreated = 0;
    qint64 stageChanges = 0, closeDatePushes = 0;
    // With `complete`: the open deals of the source's earlier snapshots, of which `removed` are
    // missing from the file.
    qint64 sourceOpen = 0;
    // New rows that look like deals the book has from another source, and how many of them were
    // left out (DuplicatePolicy::Skip).
    qint64 duplicates = 0, duplicatesSkipped = 0;
};

// A new row that looks like a deal the book already has (DuplicateFinder).
struct LikelyDuplicate
{
    qint64 line = 0;
    QString name; // as the file writes it
    QString existingCrmId; // of the deal the book has
};

// Writes opportunities into the book inside the caller's transaction: finds each by CRM id
// (else by name and account), creates missing accounts and reps, records stage changes and
// close-date moves in history dated as the file dates them or at the import's as-of date,
// journals everything for undo, and takes the import's snapshot of the pipeline.
class OpportunityUpserter
{
public:
    struct Context
    {
        Id importId = 0;
        QDate asOf;
        QString source; // the preset: snapshots of the same source are compared
        QString bookCurrency;
        int recentlyClosedDays = 365; // closed deals this recent are part of the snapshot (the
                                      // book's metrics window)
        qint64 expectedRows = 0; // the file's rows, as the analysis counted them
        // The file is the whole pipeline of its source: finish() marks removed the open
        // opportunities of the source's earlier snapshots that the file lacks.
        bool complete = false;
        DuplicatePolicy duplicates = DuplicatePolicy::Ask;
    };
    // From this many rows on, an import into a book holding fewer deals than the file builds the
    // opportunities' indexes once at the end rather than row by row.
    static constexpr qint64 deferIndexesFromRows = 20000;

    OpportunityUpserter(sql::Database &db, ImportJournal &journal, const Context &context);
    ~OpportunityUpserter();

    void upsert(const OpportunityInput &row);
    // After the last row (required): completes the snapshot with the opportunities the import
    // created, and marks removed what a complete file lacks (Context::complete).
    void finish();
    const UpsertCounts &counts() const { return m_counts; }
    // The first likely duplicates, in file order.
    const std::vector<LikelyDuplicate> &duplicates() const { return m_duplicateRows; }
    static constexpr std::size_t maxDuplicatesListed = 100;

    // The imported fields of one opportunity as the book holds them.
    struct Stored
    {
        Id id = 0;
        std::string name, currency, nextStep;
        std::optional<Id> accountId, ownerId;
        Minor amount = 0;
        Stage stage = Stage::Qualify;
        Status status = Status::Open;
        std::optional<BasisPoints> probability;
        QDate created, closeDate, closedDate, lastActivity, stageEntered;
        std::optional<Stage> closedStage;
        std::optional<ForecastCategory> forecastCategory, forecastCall, forecastCallCrm;
        bool sameFields(const Stored &other) const;
    };

private:
    struct Statements;
    std::optional<Id> repFor(const std::string &name);
    void noteOwnerIdentity(Id owner, const OpportunityInput &row);
    std::optional<Id> findAccount(const OpportunityInput &row);
    bool findExisting(const OpportunityInput &row, std::optional<Id> account);
    bool load(Id id, const OpportunityInput &row, std::optional<Id> account);
    void loadKeyless();
    // Open, or closed within recentlyClosedDays of the as-of date: in the snapshot.
    bool isRecent(const Stored &o) const;
    void snapshot(const Stored &o, bool heldBefore);
    std::optional<Id> territoryOf(std::optional<Id> account) const;
    void removeMissing();

    sql::Database &m_db;
    ImportJournal &m_journal;
    std::unordered_map<Id, std::string> m_identitySeen; // owner → "crm id\nemail" last heard
    Context m_context;
    std::unique_ptr<Statements> m_st;
    TextIds m_repsByText; // as files spell them → id
    KeyIndex m_byCrmId; // opportunities by CRM id
    KeyIndex m_keyless; // without CRM id: by name and account
    bool m_keylessLoaded = false;
    Stored m_existing, m_next; // reused: no allocation per row
    std::optional<Id> m_previousSnapshot; // of the same source
    Id m_snapshot = 0;
    Id m_firstNew = 1; // opportunities from this id on are new in this import
    std::vector<Id> m_seen; // with `complete`: opportunities of the book the file has
    std::vector<bool> m_snapshotted; // by opportunity id: in this import's snapshot
    std::vector<Id> m_territoryOfAccount; // by account id; 0: none
    bool m_indexesDeferred = false; // dropped for a large import; finish() builds them
    UpsertCounts m_counts;
    BookDirectory m_directory; // after m_counts, which it counts new reps and accounts in
    std::optional<DuplicateFinder> m_duplicateFinder;
    std::vector<LikelyDuplicate> m_duplicateRows;
};

} // namespace tp::crm
