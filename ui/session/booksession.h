#pragma once

#include "analytics/funnel.h"
#include "commands/importcommand.h"
#include "domain/entities.h"
#include "storage/accountreassignment.h"
#include "storage/opportunities.h"
#include "storage/scoring.h"
#include "views/bookview.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThread;
class QUndoStack;

namespace tp {
class Book;
}

namespace tp::ui {

// The open book: the one object through which data changes (Tiled's document). It owns the
// book, the in-memory BookView the tables show, and the undo stack. Every edit is one undo
// command; after an edit it patches the view and emits one typed signal for that row.
//
// Opening checks the file on the calling (GUI) thread with Book::open, then loads the view on a
// worker thread; the book shown so far stays until the new one is loaded, so a bad file or a
// cancelled load leaves it as it was.
class BookSession : public QObject
{
    Q_OBJECT

public:
    explicit BookSession(QObject *parent = nullptr);
    ~BookSession() override;

    // Starts opening `path`. False (with the user-facing reason in *error) when the file is not
    // a book, is corrupt, newer, locked or missing: nothing changed then.
    bool openBook(const QString &path, QString *error = nullptr);
    // Creates a new empty book at `path` and opens it.
    bool createBook(const QString &path, QString *error = nullptr);
    // Writes a consistent copy of the open book (Book::saveCopyAs).
    bool saveCopyAs(const QString &path, QString *error = nullptr);
    // Closes the open book (File ▸ Close Book): no book is open afterwards, its undo history is
    // gone and a book still opening is dropped. Every edit is written already: nothing to save.
    // aboutToSwitchBook() and loaded() tell the views, with isOpen() false.
    void closeBook();
    void cancelLoading();
    // Loads the view again from the open book, after an import or its undo wrote to it through
    // another connection. Unlike opening, the undo history stays. The current view stays shown
    // until the new one is in place (aboutToSwitchBook(), loaded()).
    bool reloadView();
    // Whether the last loaded() came from reloadView() rather than opening a book.
    bool wasReloaded() const { return m_reloaded; }
    // Where a rep or territory index of the view shown before the last loaded() is in the view
    // now: a reload may add or drop rows before it. -1 when it is gone, was -1, or when another
    // book was opened (indexes of another book mean nothing here).
    int carriedRepIndex(int previous) const;
    int carriedTerritoryIndex(int previous) const;
    // Spins the event loop until the pending load ends; true when a book is loaded then.
    bool waitUntilLoaded(int timeoutMs = 60000);

    bool isOpen() const { return m_book && m_view; }
    // The book's file or folder cannot be written: it is shown, and every edit is refused with
    // that reason (Book::openForReading).
    bool isReadOnly() const;
    bool isLoading() const { return m_job != nullptr; }
    bool isReloading() const;
    QString path() const { return m_path; }
    QString loadingPath() const;
    // The data the tables show; null until a book is loaded. Changes only through this session.
    const BookView *view() const { return m_view.get(); }
    const BookSettings &settings() const;
    QUndoStack *undoStack() const { return m_undoStack; }
    Book *book() const { return m_book.get(); }

    // Edits. Each writes to the book at once (one transaction) and pushes one undo command.
    // False when the book refuses the value: errorOccurred() carries the reason and nothing
    // changed. Stage and close-date edits are dated today, the day the change happens.
    bool setOpportunityStage(Id opportunity, Stage stage);
    bool setOpportunityAmount(Id opportunity, Minor amount);
    bool setOpportunityCloseDate(Id opportunity, const QDate &date);
    bool setOpportunityProbability(Id opportunity, std::optional<BasisPoints> probability);
    bool setOpportunityOwner(Id opportunity, std::optional<Id> owner);
    bool setAccountPotential(Id account, std::optional<Minor> potential);
    bool setAccountOwner(Id account, std::optional<Id> owner);
    bool setAccountTerritory(Id account, std::optional<Id> territory);
    // Gives an account to another rep (nullopt: nobody) and, when `moveOpenDeals`, the open
    // deals that followed its owner (booksessionowners.cpp): one write, one undo step.
    bool reassignAccount(Id account, std::optional<Id> owner, bool moveOpenDeals);
    // The account's open deals as a reassignment sees them (empty when it cannot be read).
    AccountOpenDeals accountOpenDeals(Id account) const;
    bool setRepCapacity(Id rep, std::optional<int> capacity);
    bool setQuota(Id rep, const QString &period, std::optional<Minor> amount);

    // Clean-up of stalled deals (booksessionhealth.cpp); a selection goes in one edit group.
    // Marking lost is a stage change dated today.
    bool setOpportunityLost(Id opportunity, const QString &reason);
    bool setOpportunityNextStep(Id opportunity, const QString &step);
    bool setOpportunityNextActivity(Id opportunity, const QDate &date);
    // The stalled-deal rules and the stage limits (METRICS "Stalled deals"): one undo step.
    bool setPipelineRules(const StallRules &rules, const std::array<int, 4> &stageLimitDays);

    // Funnel assumptions of a scope (FunnelAssumptionRepository::scopeKey) and period
    // (booksessionfunnel.cpp): the whole set, one undo step; successive edits of the same
    // assumption merge (a spin box stepping).
    funnel::Assumptions funnelAssumptions(const QString &scope, const QString &period) const;
    bool setFunnelAssumptions(const QString &scope, const QString &period,
                              const funnel::Assumptions &assumptions);

    // Scoring edits (METRICS "Accounts"); each is one undo step and saved at once.
    // Scores of several accounts and factors at once (bulk scoring), described by `text`.
    bool setScores(std::vector<ScoreEdit> edits, const QString &text);
    bool setScoringNote(Id account, const QString &note);
    QString scoringNote(Id account) const;
    // Consecutive changes of the same weight merge into one undo step.
    bool setWeight(Id profile, Id factor, double weight);
    // L* and R* (nullopt: the median of the scope). Consecutive changes merge.
    bool setRoiThresholds(double likelihood, std::optional<Minor> potential);

    // The engagement factors and weight profiles themselves; each edit is one undo step.
    bool addFactor(const QString &name, const QString &description = {});
    bool removeFactor(Id factor);
    bool renameFactor(Id factor, const QString &name);
    // Consecutive changes of one factor's description merge.
    bool describeFactor(Id factor, const QString &description);
    bool moveFactor(Id factor, int index);
    bool addProfile(SegmentKind kind, const QString &segment);
    bool removeProfile(Id profile);

    // A committed CSV import becomes one undo step, and the view is reloaded to show it.
    void recordImport(const ImportRecord &record, ImportCommand::Steps steps);

    // Several edits as one undo step (a page's bulk action). Begin only when an edit will follow.
    void beginEditGroup(const QString &text);
    void endEditGroup();

    // Reads that go through core repositories (quotas are not part of the view).
    std::optional<Minor> quota(Id rep, const QString &period) const;
    int opportunityCount() const;
    int accountCount() const;

    // Reports a refused input from a model, delegate or dialog like a refused edit.
    void reportError(const QString &message);

    // For undo commands: run a core call, turning its exceptions into errorOccurred().
    bool runGuarded(const std::function<void(Book &)> &work);
    // For undo commands: bring the view in line with a row the book now holds, then announce it.
    void applyOpportunity(const Opportunity &row);
    void applyAccount(const Account &row);
    // The name of a rep by id ("Unassigned" for nobody), for texts.
    QString repName(std::optional<Id> rep) const;
    void applyRepCapacity(Id rep, std::optional<int> capacity);
    void applyQuota(Id rep, const QString &period);
    void applyScores(const std::vector<ScoreEdit> &edits);
    void applyNote(Id account);
    void applyWeight(Id profile, Id factor, double weight);
    void applyRoiThresholds(const RoiSettings &roi);
    void applyPipelineRules(const StallRules &rules, const std::array<int, 4> &stageLimitDays);
    // Reads the factors and profiles again and lays the view's scores out by them; `restored`:
    // the scores of a factor that came back.
    void applyScoringModel(const std::vector<std::pair<Id, int>> &restoredScores = {},
                           Id restoredFactor = 0);

signals:
    void loadingStarted(const QString &path);
    void loadProgress(qint64 done, qint64 total);
    void loadFailed(const QString &path, const QString &message);
    void loadCancelled(const QString &path);
    // The book and view are about to be replaced: models begin their reset.
    void aboutToSwitchBook();
    // A (new) book and its view are in place, or the book was closed (isOpen() false then):
    // models end their reset.
    void loaded();

    void opportunityChanged(tp::Id opportunity);
    void accountChanged(tp::Id account);
    void repChanged(tp::Id rep);
    void quotaChanged(tp::Id rep, const QString &period);
    // Scores, weights or the ROI thresholds changed: the ROI figures must be evaluated again.
    void scoringChanged();
    void scoringNoteChanged(tp::Id account);
    // Factors or profiles were added, removed, renamed, described or reordered (scoringChanged()
    // follows): what lists them is built again.
    void scoringModelChanged();
    // The stalled-deal rules or stage limits changed: health figures must be evaluated again.
    void pipelineRulesChanged();
    // Funnel assumptions were entered, changed or reset.
    void funnelAssumptionsChanged();
    void errorOccurred(const QString &message);

private:
    struct LoadJob;

    // A null book reloads the view of the open one.
    bool startLoading(std::unique_ptr<Book> book, const QString &path);
    void finishLoading(const std::shared_ptr<LoadJob> &job);
    // Fills the carried indexes from `previous` (null: another book) to `next`.
    void carryIndexes(const BookView *previous, const BookView &next);
    bool editOpportunity(const std::function<OpportunityChange(Book &)> &edit,
                         const std::function<QString(const Opportunity &)> &describe);
    // Adds (+1) or removes (-1) an opportunity row's share of its account's open totals.
    void contributeToAccount(int row, int sign);

    std::unique_ptr<Book> m_book;
    std::unique_ptr<BookView> m_view;
    QString m_path;
    QUndoStack *m_undoStack;
    std::shared_ptr<LoadJob> m_job;
    QList<QThread *> m_threads;
    bool m_reloaded = false;
    std::vector<int> m_repCarry, m_territoryCarry; // old index → new index, after a reload
};

} // namespace tp::ui
