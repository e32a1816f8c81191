#pragma once

#include "domain/entities.h"
#include "importjournal.h"
#include "storage/sqlite.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace tp::crm {

// One opportunity as a file row says it, values already parsed and stages resolved.
struct OpportunityInput
{
    qint64 line = 0;
    QString crmId; // empty: matched by name and account instead
    QString name;
    QString accountName;
    QString accountCrmId;
    QString owner;
    Stage stage = Stage::Qualify; // Won/Lost when the status says so
    std::optional<Minor> amount;
    QString currency; // empty: the book's currency
    std::optional<BasisPoints> probability;
    QDate closeDate, created, lastActivity, stageChanged, closedDate;
    QString nextStep;
};

struct UpsertCounts
{
    qint64 created = 0, updated = 0, unchanged = 0, removed = 0;
    qint64 accountsCreated = 0, repsCreated = 0;
    qint64 stageChanges = 0, closeDatePushes = 0;
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
        QString source;          // the preset: snapshots of the same source are compared
        QString bookCurrency;
        int recentlyClosedDays = 365; // closed deals this recent are part of the snapshot
    };
    OpportunityUpserter(sql::Database &db, ImportJournal &journal, const Context &context);
    ~OpportunityUpserter();

    void upsert(const OpportunityInput &row);
    // After the last row. `complete`: the file is the whole pipeline of its source, so open
    // opportunities of its previous snapshot that the file lacks are marked removed.
    void finish(bool complete);
    const UpsertCounts &counts() const { return m_counts; }

private:
    struct Statements;
    Id repFor(const QString &name);
    std::optional<Id> accountFor(const OpportunityInput &row, std::optional<Id> owner);
    void snapshot(Id opportunity, const Opportunity &o);

    sql::Database &m_db;
    ImportJournal &m_journal;
    Context m_context;
    std::unique_ptr<Statements> m_st;
    QHash<QString, Id> m_reps;             // folded name → id
    QHash<QString, Id> m_accountsByCrmId;
    QHash<QString, Id> m_accountsByName;   // folded name → id
    std::optional<Id> m_previousSnapshot;  // of the same source
    Id m_snapshot = 0;
    std::vector<Id> m_seen;                // opportunities in this file (for --complete)
    UpsertCounts m_counts;
};

} // namespace tp::crm
