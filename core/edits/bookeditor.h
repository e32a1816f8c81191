#pragma once

#include "domain/bookchange.h"

#include <QCoreApplication>
#include <QDate>

#include <array>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace tp {

class Book;

// One id as the span an edit of a selection takes: editor.setStage(only(id), ...).
inline std::span<const Id> only(const Id &id)
{
    return { &id, 1 };
}

// Every edit of a book's data goes through here (docs/ARCHITECTURE.md, "The edit path"): an edit
// of one row or of 30,000 reads the rows, works out their values after, writes them in one
// transaction and returns the change record, with the text Edit ▸ Undo shows. A refused value
// (an InputError) or a failed write leaves the book as it was. A change that changes nothing
// comes back empty (BookChange::isEmpty) and writes nothing.
//
// write() writes a record's `after` values (redo); undo writes its inverse(). The same record
// brings a BookView in line (BookView::apply), so the view never needs another path.
class BookEditor
{
    Q_DECLARE_TR_FUNCTIONS(tp::BookEditor)

public:
    explicit BookEditor(Book &book) : m_book(book) { }

    // Writes the change in one transaction. History rows without an id get one (the record is
    // completed with it, so that redo puts the same rows back).
    void write(BookChange &change);

    // Opportunities (opportunityedits.cpp). Stage and close-date edits are dated `on`, the day
    // the change happens; a stage edit writes a stage history row, a later close date a push.
    BookChange setStage(std::span<const Id> deals, Stage stage, const QDate &on);
    BookChange markLost(std::span<const Id> deals, const QString &reason, const QDate &on);
    BookChange setAmount(Id deal, Minor amount);
    BookChange setCloseDate(std::span<const Id> deals, const QDate &date, const QDate &on);
    // Nullopt clears the override (the stage's or the import's probability applies again).
    BookChange setProbabilityOverride(std::span<const Id> deals,
                                      std::optional<BasisPoints> probability);
    BookChange setOpportunityOwner(std::span<const Id> deals, std::optional<Id> owner);
    BookChange setNextStep(std::span<const Id> deals, const QString &step);
    // An invalid date clears it.
    BookChange setNextActivity(std::span<const Id> deals, const QDate &date);
    // The rep's forecast call (METRICS "Forecast categories"): it wins over the CRM's category
    // until an import brings another one. Nullopt clears it (the CRM's category or the stage's
    // applies again).
    BookChange setForecastCall(std::span<const Id> deals, std::optional<ForecastCategory> category);

    // Accounts (accountedits.cpp).
    BookChange setPotential(std::span<const Id> accounts, std::optional<Minor> potential);
    // Gives accounts to another rep (nullopt: nobody); with `moveOpenDeals`, the open deals that
    // follow each account's owner go too (METRICS "Scope").
    BookChange setAccountOwner(std::span<const Id> accounts, std::optional<Id> owner,
                               bool moveOpenDeals = false);
    // Moves accounts into a territory (none: out of any). A territory with a rep makes that rep
    // the accounts' owner (docs/METRICS.md, "Territories"); their open deals stay with their reps.
    BookChange setTerritory(std::span<const Id> accounts, std::optional<Id> territory);
    // The user's lock on accounts for rebalancing: true locked, false unlocked (even with an
    // open deal), none the default rule (docs/METRICS.md "Territories").
    BookChange setAccountLock(std::span<const Id> accounts, std::optional<bool> lock);

    // Territories (territoryedits.cpp). Names are unique and not blank.
    // A new territory; its id is change.territories.front().id.
    BookChange createTerritory(const QString &name, std::optional<Id> rep);
    BookChange renameTerritory(Id territory, const QString &name);
    // Gives the territory to a rep (none: to nobody); its accounts become the rep's.
    BookChange setTerritoryRep(Id territory, std::optional<Id> rep);
    // A locked territory neither gives nor takes accounts in a rebalancing proposal.
    BookChange setTerritoryLocked(Id territory, bool locked);
    // Moves the accounts of `from` into `into` (its rep becomes their owner) and deletes `from`.
    BookChange mergeTerritories(std::span<const Id> from, Id into);
    // Deletes the territory; its accounts are in none afterwards (their owners stay).
    BookChange deleteTerritory(Id territory);
    // A rebalancing proposal's moves, each account to its own territory (a territory id), or,
    // with `toReps` in a book without territories, to its own rep (a rep id): one change,
    // however many accounts and destinations. Like setTerritory, a territory with a rep makes
    // that rep the owner; the accounts' open deals stay with their reps.
    BookChange moveAccounts(std::span<const std::pair<Id, Id>> moves, bool toReps,
                            const QString &text);

    // Rebalancing scenarios (scenarioedits.cpp): kept under a unique, non-blank name (its id is
    // change.scenarios.front().id), renamed, deleted.
    BookChange keepScenario(Scenario scenario);
    BookChange renameScenario(Id scenario, const QString &name);
    BookChange deleteScenario(Id scenario);

    // Reps and settings (settingsedits.cpp).
    // Nullopt: the book's default capacity; no quota.
    BookChange setRepCapacity(std::span<const Id> reps, std::optional<int> capacity);
    // The rep's user id and email in the CRM, for publishing owner changes (empty: none). Both
    // are trimmed; an email must look like one (one @, no spaces), an id has no spaces, and no
    // other rep may have the same id (Salesforce ids in either form) or email (any case).
    BookChange setRepIdentity(Id rep, const QString &crmUserId, const QString &email);
    BookChange setQuota(std::span<const Id> reps, const QString &period,
                        std::optional<Minor> amount);
    BookChange setPipelineRules(const StallRules &rules, const std::array<int, 4> &stageLimitDays);
    // L* and R* (nullopt: the median of the scope); consecutive moves merge.
    BookChange setRoiThresholds(double likelihood, std::optional<Minor> potential);
    BookChange setFunnelAssumptions(const QString &scope, const QString &period,
                                    const funnel::Assumptions &assumptions);

    // Scoring (scoringedits.cpp): scores of several accounts and factors at once, described by
    // `text`; a note; a weight (consecutive changes of one weight merge).
    BookChange setScores(std::vector<ScoreEdit> edits, const QString &text);
    BookChange setScoringNote(Id account, const QString &note);
    BookChange setWeight(Id profile, Id factor, double weight);
    // The factors and profiles themselves (scoringmodeledits.cpp).
    BookChange addFactor(const QString &name, const QString &description = {});
    BookChange removeFactor(Id factor);
    BookChange renameFactor(Id factor, const QString &name);
    BookChange describeFactor(Id factor, const QString &description);
    BookChange moveFactor(Id factor, int index);
    BookChange addProfile(SegmentKind kind, const QString &segment);
    BookChange removeProfile(Id profile);

    // Reviews (reviewedits.cpp, docs/METRICS.md "One-on-one reviews"). A review of a rep (none:
    // the team) held on a date; its notes (consecutive edits of one review's notes merge).
    BookChange startReview(std::optional<Id> rep, const QDate &on);
    BookChange setReviewNotes(Id review, const QString &notes);
    // Deletes a review with the commitments made in it; those it settled are open again.
    BookChange removeReview(Id review);
    // A commitment made in a review, optionally tied to a deal or an account; an invalid `due`
    // is none.
    BookChange addCommitment(Id review, const QString &text, std::optional<Id> opportunity,
                             std::optional<Id> account, const QDate &due);
    // Its text, deal, account and due date as `after` has them (status stays).
    BookChange editCommitment(const Commitment &after);
    // Its status, given in review `in` (Open takes a status back).
    BookChange settleCommitment(Id commitment, CommitmentStatus status, Id in);
    BookChange removeCommitment(Id commitment);
    // Ticks a gateway criterion of a deal (on `on`) or unticks it.
    BookChange setCriterion(Id deal, Id criterion, bool met, const QDate &on);

    // Snapshots (snapshotedits.cpp, docs/METRICS.md "Changes between two snapshots"): a label
    // (empty clears it); deleting one folds the rows the next one lacks into it, so that every
    // other snapshot's state stays what it was, and its undo brings it back exactly.
    BookChange labelSnapshot(Id snapshot, const QString &label);
    BookChange deleteSnapshot(Id snapshot);

    // The name of a rep for texts ("Unassigned" for nobody).
    QString repName(std::optional<Id> rep);

private:
    void writeRows(BookChange &change);
    void writeOpportunities(std::vector<OpportunityDelta> &deltas);
    void writeReviews(const BookChange &change);
    void writeSnapshots(const BookChange &change);
    // The rows of `table` among `rows` with a hand-edit note for the newest import (its id in
    // *importId, 0 when the book has no import).
    std::vector<Id> notedRows(const char *table, const std::vector<Id> &rows, Id *importId);
    // Before and after the write: which notes the change makes, or takes them away (inverse).
    void trackHandEdits(BookChange &change, const std::function<void()> &write);
    void writeScoringModel(const ScoringModelDelta &delta);
    BookChange editOpportunities(std::span<const Id> deals, const QDate &on,
                                 const std::function<void(Opportunity &)> &mutate);
    BookChange editAccounts(std::span<const Id> accounts,
                            const std::function<void(Account &)> &mutate);
    // Writes `change` and returns it, or returns it unwritten when it changes nothing.
    BookChange written(BookChange change);
    Territory territoryRow(Id territory); // throws when it does not exist
    QString checkedTerritoryName(const QString &name, Id except);
    QString checkedScenarioName(const QString &name, Id except);
    // A scoring model edit: `edit` writes through ScoringModelRepository; the record holds the
    // model before and after and what `edit` returns of a factor or profile that comes or goes.
    BookChange modelEdit(const std::function<void(ScoringModelDelta &)> &edit);

    Book &m_book;
};

} // namespace tp
