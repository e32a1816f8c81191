#pragma once

#include "analytics/snapshotdiff.h"
#include "report/reviewchanges.h"
#include "snapshotsdialog.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

#include <map>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace tp::ui {

template<typename Result>
class BackgroundJob;
class BookSession;
class FlowWaterfall;

// What changed between two snapshots for the review's scope and period (docs/METRICS.md,
// "Changes between two snapshots", "Pipeline flow"): the snapshots compared (since the last
// review by default, any two on request), the flow as a waterfall whose bars list their deals,
// the change counts, and per deal its changes with old → new values and its path through every
// snapshot in between.
//
// The two states are read on a background job ("Comparing…" meanwhile; the page stays
// responsive, the newest pair wins) and kept: another rep, territory or period, or an edit that
// leaves the stalled rules as they were, compares the kept states again without reading them.
// prefetch() reads them ahead, while the page is hidden, so that opening it finds them kept.
// Snapshots… lists the book's snapshots to label or delete them.
class ChangesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChangesPanel(BookSession *session, QWidget *parent = nullptr);
    ~ChangesPanel() override; // stops a read still going and waits for it

    // The review's scope and period; `lastReview` the date "since the last review" starts from.
    void show(const changes::Scope &scope, const Period &period,
              const std::optional<QDate> &lastReview, const QDate &today);
    // What show() would compare, read ahead on the background job without comparing or showing
    // anything (the page is hidden): the next show() of the same pair finds the states kept, or
    // being read. Nothing is read again when they are.
    void prefetch(const changes::Scope &scope, const Period &period,
                  const std::optional<QDate> &lastReview, const QDate &today);

    const changes::Comparison &comparison() const { return m_compared.comparison; }
    FlowWaterfall *waterfall() const { return m_waterfall; }
    QTreeWidget *dealList() const { return m_deals; }
    QComboBox *fromBox() const { return m_from; }
    QComboBox *toBox() const { return m_to; }
    QCheckBox *changedOnly() const { return m_changedOnly; }
    QLabel *countsLabel() const { return m_counts; }
    QLabel *pathLabel() const { return m_path; }
    // The "n deals" line under the waterfall, e.g. for a test.
    QString dealsTitle() const;
    // The two states compared and their comparison (empty when nothing is compared). While a
    // read runs (isComparing()) it keeps the comparison before.
    const ReviewChanges::Compared &compared() const { return m_compared; }
    // The states of the pair chosen are being read; comparedChanged() follows.
    bool isComparing() const;
    QLabel *comparingLabel() const { return m_comparing; }
    QPushButton *snapshotsButton() const { return m_snapshotsButton; }
    // The Snapshots dialog while it is open (null otherwise).
    SnapshotsDialog *snapshotsDialog() const { return m_dialog; }
    void openSnapshots();

signals:
    // A comparison was made (another pair, scope or period, or the book changed): compared()
    // holds it.
    void comparedChanged();

private:
    // Which states are kept (or being read): the book and its load, the pair, and the stalled
    // rules at each of the two dates (a settings edit or a deal won changes them).
    struct StatesKey
    {
        QString path;
        quint64 generation = 0;
        Id from = 0, to = 0;
        QDate fromDate, toDate;
        health::RuleContext fromRules, toRules;
        bool operator==(const StatesKey &other) const;
    };
    struct StatesRead;

    void setRequest(const changes::Scope &scope, const Period &period,
                    const std::optional<QDate> &lastReview, const QDate &today);
    void listSnapshots();
    void compare();
    StatesKey keyFor(const BookView &view, Id from, Id to);
    // The stalled rules as of `day`, worked out once per day until the deals or the settings
    // change (each is a pass over every deal).
    const health::RuleContext &rulesAt(const BookView &view, const QDate &day);
    void setComparing(bool comparing);
    // Shows m_compared and says so (comparedChanged()).
    void showComparison();
    void fillDeals();
    void showPath();
    QString changesText(const changes::DealDifference &d) const;
    QString valuesText(const changes::DealDifference &d) const;

    BookSession *m_session;
    changes::Scope m_scope;
    Period m_period;
    std::optional<QDate> m_lastReview;
    QDate m_today;
    BackgroundJob<StatesRead> *m_read;
    std::optional<StatesKey> m_statesKey; // of m_compared's states
    std::optional<StatesKey> m_readingKey; // of the read running
    quint64 m_generation = 0; // counts the books loaded
    bool m_showing = false; // show() rather than prefetch() was called last
    std::map<QDate, health::RuleContext> m_rules;
    QPointer<SnapshotsDialog> m_dialog;
    std::vector<snapshots::SnapshotInfo> m_snapshots;
    ReviewChanges::Compared m_compared;
    QComboBox *m_from;
    QComboBox *m_to;
    QPushButton *m_snapshotsButton;
    QCheckBox *m_changedOnly;
    QLabel *m_comparing;
    QLabel *m_counts;
    FlowWaterfall *m_waterfall;
    QLabel *m_dealsTitle;
    QTreeWidget *m_deals;
    QLabel *m_path;
    QLabel *m_empty;
    bool m_filling = false;
};

} // namespace tp::ui
