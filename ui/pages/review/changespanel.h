#pragma once

#include "analytics/snapshotdiff.h"
#include "report/reviewchanges.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QTreeWidget;

namespace tp::ui {

class BookSession;
class FlowWaterfall;

// What changed between two snapshots for the review's scope and period (docs/METRICS.md,
// "Changes between two snapshots", "Pipeline flow"): the snapshots compared (since the last
// review by default, any two on request), the flow as a waterfall whose bars list their deals,
// the change counts, and per deal its changes with old → new values and its path through every
// snapshot in between.
class ChangesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChangesPanel(BookSession *session, QWidget *parent = nullptr);

    // The review's scope and period; `lastReview` the date "since the last review" starts from.
    void show(const changes::Scope &scope, const Period &period,
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
    // The two states compared and their comparison (empty when nothing is compared).
    const ReviewChanges::Compared &compared() const { return m_compared; }

signals:
    // A comparison was made (another pair, scope or period, or the book changed): compared()
    // holds it.
    void comparedChanged();

private:
    void compare();
    void fillDeals();
    void showPath();
    QString changesText(const changes::DealDifference &d) const;
    QString valuesText(const changes::DealDifference &d) const;

    BookSession *m_session;
    changes::Scope m_scope;
    Period m_period;
    std::vector<snapshots::SnapshotInfo> m_snapshots;
    ReviewChanges::Compared m_compared;
    QComboBox *m_from;
    QComboBox *m_to;
    QCheckBox *m_changedOnly;
    QLabel *m_counts;
    FlowWaterfall *m_waterfall;
    QLabel *m_dealsTitle;
    QTreeWidget *m_deals;
    QLabel *m_path;
    QLabel *m_empty;
    bool m_filling = false;
};

} // namespace tp::ui
