#pragma once

#include "entities.h"
#include "review.h"
#include "scenario.h"
#include "scoring.h"
#include "settings.h"
#include "snapshot.h"

#include <QFlags>
#include <QString>

#include <optional>
#include <vector>

namespace tp {

// One value before and after an edit.
template<typename T>
struct Delta
{
    T before;
    T after;

    bool changed() const { return !(before == after); }
    Delta swapped() const { return { after, before }; }
    bool operator==(const Delta &) const = default;
};

// A row an edit may make or delete: none before (made), none after (deleted).
template<typename T>
struct RowDelta
{
    Id id = 0;
    std::optional<T> before;
    std::optional<T> after;

    bool changed() const { return !(before == after); }
    RowDelta swapped() const { return { id, after, before }; }
    bool operator==(const RowDelta &) const = default;
};

// An opportunity before and after, and the history rows the edit writes: applying the change
// inserts them when `addsHistory`, deletes them otherwise (its inverse), so undo removes exactly
// the rows the edit wrote (METRICS "Stage history", "pushes").
struct OpportunityDelta
{
    Opportunity before;
    Opportunity after;
    std::vector<StageHistoryRow> stageRows;
    std::vector<CloseDateChangeRow> closeDateRows;
    bool addsHistory = true;

    bool changed() const
    {
        return !(before == after) || !stageRows.empty() || !closeDateRows.empty();
    }
    // Pushes this change adds to the deal's count (negative when it takes them back).
    int pushDelta() const;
    bool operator==(const OpportunityDelta &) const = default;
};

struct RepCapacity
{
    Id rep = 0;
    std::optional<int> capacity;
    bool operator==(const RepCapacity &) const = default;
};

// A rep's identity in the CRM (publishing owner changes): user id and email, empty when unknown.
struct RepIdentity
{
    Id rep = 0;
    QString crmUserId;
    QString email;
    bool operator==(const RepIdentity &) const = default;
};

struct QuotaValue
{
    Id rep = 0;
    QString period;
    std::optional<Minor> amount;
    bool operator==(const QuotaValue &) const = default;
};

struct ScoringNote
{
    Id account = 0;
    QString note; // empty: none
    bool operator==(const ScoringNote &) const = default;
};

struct WeightValue
{
    Id profile = 0;
    Id factor = 0;
    double weight = 0;
    bool operator==(const WeightValue &) const = default;
};

// The funnel assumptions of one scope and period (METRICS "Funnel math").
struct FunnelAssumptionsValue
{
    QString scope; // FunnelAssumptionRepository::scopeKey
    QString period;
    funnel::Assumptions assumptions;
    bool operator==(const FunnelAssumptionsValue &) const = default;
};

// The engagement factors and profiles before and after, with what the book keeps of a factor
// or profile that only one side has (its weights and scores), so either side can be written back.
struct ScoringModelDelta
{
    ScoringModel before;
    ScoringModel after;
    std::vector<FactorRecord> factors;
    std::vector<ProfileRecord> profiles;

    bool changed() const { return !(before == after); }
    bool operator==(const ScoringModelDelta &) const = default;
};

// A note the book keeps of an edit made after its newest import (table hand_edits, filled by
// triggers): undoing that import asks before losing such edits.
struct HandEditNote
{
    Id importId = 0;
    QString table; // "opportunities", "accounts", "reps"
    Id row = 0;
    bool operator==(const HandEditNote &) const = default;
};

// What a change touched, for whoever shows it (docs/ARCHITECTURE.md, "The edit path").
enum class ChangeAspect : unsigned {
    Opportunities = 1u << 0,
    Accounts = 1u << 1,
    Reps = 1u << 2,
    Quotas = 1u << 3,
    Scores = 1u << 4,
    ScoringNotes = 1u << 5,
    Weights = 1u << 6,
    ScoringModel = 1u << 7,
    Settings = 1u << 8, // the stalled-deal rules, stage limits, ROI thresholds...
    FunnelAssumptions = 1u << 9,
    Reviews = 1u << 10, // reviews and their commitments
    Gateways = 1u << 11, // the gateway criteria ticked per deal
    Snapshots = 1u << 12, // snapshots labelled, deleted or brought back
    Territories = 1u << 13, // territories made, renamed, given a rep, locked or deleted
    Scenarios = 1u << 14, // rebalancing scenarios kept, renamed or deleted
};
Q_DECLARE_FLAGS(ChangeAspects, ChangeAspect)
Q_DECLARE_OPERATORS_FOR_FLAGS(ChangeAspects)

// The fields of an opportunity or account a change touched (the columns that may show it).
enum class OpportunityField : unsigned {
    Owner = 1u << 0,
    Amount = 1u << 1,
    Stage = 1u << 2, // stage, status, closed date, closed stage, stage entered
    CloseDate = 1u << 3, // and its pushes
    Probability = 1u << 4,
    NextStep = 1u << 5, // next step and next activity
    LostReason = 1u << 6,
    Forecast = 1u << 7, // the imported forecast category and the rep's call
};
Q_DECLARE_FLAGS(OpportunityFields, OpportunityField)
Q_DECLARE_OPERATORS_FOR_FLAGS(OpportunityFields)

enum class AccountField : unsigned {
    Owner = 1u << 0,
    Territory = 1u << 1,
    Potential = 1u << 2,
    Lock = 1u << 3,
};
Q_DECLARE_FLAGS(AccountFields, AccountField)
Q_DECLARE_OPERATORS_FOR_FLAGS(AccountFields)

// The record of one edit of a book, however many rows it touched (one deal, or 30,000 accounts
// moved in one step): every row's values before and after, and the history rows it wrote.
// Core writes a change in one transaction (BookEditor::write) and brings a view in line with it
// (BookView::apply); undo writes and applies inverse(). Nothing else changes either.
struct BookChange
{
    QString text; // what the user did, for Edit ▸ Undo (translated)
    // Consecutive changes with the same non-empty key merge into one undo step (a spin box
    // stepping, a slider moving).
    QString mergeKey;

    std::vector<OpportunityDelta> opportunities; // by ascending id
    std::vector<Delta<Account>> accounts; // by ascending id
    // Territories made, changed or deleted (BookEditor::write makes and changes them before the
    // accounts move, and deletes them after).
    std::vector<RowDelta<Territory>> territories;
    std::vector<Delta<RepCapacity>> capacities;
    std::vector<Delta<RepIdentity>> identities; // a rep's CRM user id and email
    std::vector<Delta<QuotaValue>> quotas;
    std::vector<Delta<ScoreEdit>> scores;
    std::vector<Delta<ScoringNote>> notes;
    std::vector<Delta<WeightValue>> weights;
    std::optional<Delta<BookSettings>> settings;
    std::optional<ScoringModelDelta> scoringModel;
    std::vector<Delta<FunnelAssumptionsValue>> funnel;
    // Reviews and commitments made, changed or deleted (BookEditor::write orders the writes so
    // that references hold), and gateway criteria ticked or unticked.
    std::vector<RowDelta<Review>> reviews;
    std::vector<RowDelta<Commitment>> commitments;
    std::vector<Delta<CriterionTick>> gateways;
    // Snapshots labelled, and deleted or brought back with their rows (not in the view: the
    // Review page reads them from the book).
    std::vector<Delta<SnapshotLabel>> snapshotLabels;
    std::vector<SnapshotDeletion> snapshotDeletions;
    // Rebalancing scenarios kept, renamed or deleted (not in the view: the Territories page
    // reads them from the book).
    std::vector<RowDelta<Scenario>> scenarios;

    // The hand-edit notes writing this change made (rows that had none for the newest import);
    // its inverse takes them away again, so an edit that was undone is no "later edit" for an
    // import's undo. Filled by BookEditor::write.
    std::vector<HandEditNote> handEdits;
    bool addsHandEdits = true;

    // True when applying it would change nothing: such a change is never pushed on the undo stack.
    bool isEmpty() const;
    // The change that takes this one back: before and after swapped, history rows removed.
    BookChange inverse() const;
    // This change followed by `next` (same merge key): the values before this one, after `next`.
    void mergeWith(const BookChange &next);

    ChangeAspects aspects() const;
    OpportunityFields opportunityFields() const;
    AccountFields accountFields() const;
    // The ids of the rows it touched, ascending.
    std::vector<Id> opportunityIds() const;
    std::vector<Id> accountIds() const;
    std::vector<Id> repIds() const;

    bool operator==(const BookChange &) const = default;
};

} // namespace tp
