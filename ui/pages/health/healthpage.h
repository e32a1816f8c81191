#pragma once

#include "domain/entities.h"
#include "pages/page.h"

#include <QDate>

#include <functional>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;

namespace tp {
class BookEditor;
struct BookChange;
} // namespace tp

namespace tp::ui {

class BookSession;
class CoverageChart;
class CoverageStrip;
class HealthDealsModel;
class HealthState;
class KeyMetricsPanel;
class ScopeState;
class StalledChart;

// Pipeline health (METRICS "Stalled deals", "Coverage", "Key metrics"): the scope's open deals
// with their health and reasons, the stalled-deals chart (by stage or by days since progress;
// a click filters the table), raw against honest coverage with what each rule removes, the key
// metrics per rep, and clean-up of a selection (mark lost, push the close date, next step and
// next activity), each one undo step.
class HealthPage : public Page
{
    Q_OBJECT

public:
    // `state` is the window's, shared with the Funnel page.
    HealthPage(BookSession *session, HealthState *state, QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("health"); }
    QString title() const override { return tr("Pipeline Health"); }
    QIcon icon() const override;
    void focusSearch() override;
    void setCurrent(bool current) override;
    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

    HealthState *state() const { return m_state; }
    HealthDealsModel *dealsModel() const { return m_model; }
    QTableView *dealsTable() const { return m_table; }
    StalledChart *stalledChart() const { return m_stalled; }
    CoverageChart *coverageChart() const { return m_coverage; }
    CoverageStrip *coverageStrip() const { return m_strip; }
    KeyMetricsPanel *keyMetrics() const { return m_metrics; }
    QComboBox *groupingBox() const { return m_grouping; }
    QComboBox *levelBox() const { return m_level; }
    QTabWidget *tabs() const { return m_tabs; }
    QString countText() const;

    // The opportunity ids of the selected table rows.
    QStringList dealNames(const std::vector<Id> &deals) const;
    std::vector<Id> selectedDeals() const;
    // Clean-up with the answers given (the actions ask first): each is one undo step.
    void markLost(const std::vector<Id> &deals, const QString &reason);
    void pushCloseDates(const std::vector<Id> &deals, const QDate &date);
    void setNextSteps(const std::vector<Id> &deals, const QString &step);
    void setNextActivities(const std::vector<Id> &deals, const QDate &date);
    // A click on the stalled chart's segment: the table shows that stage or age and level.
    void filterBySegment(int category, int level);

protected:
    // The stage history behind stage conversion is read once the page is first shown.
    void showEvent(QShowEvent *event) override;

private:
    void buildToolbar(QWidget *bar);
    void buildActions();
    void onEvaluated();
    void applyLevelBox();
    void updateFilterLabel();
    void editSelection(const QString &text, const std::vector<Id> &deals,
                       const std::function<BookChange(BookEditor &)> &edit);
    void editRules();
    void exportStalled();

    BookSession *m_session;
    HealthState *m_state;
    HealthDealsModel *m_model;
    QTableView *m_table;
    StalledChart *m_stalled;
    CoverageChart *m_coverage;
    CoverageStrip *m_strip;
    KeyMetricsPanel *m_metrics;
    QTabWidget *m_tabs;
    QSplitter *m_vertical;
    QSplitter *m_charts;
    QComboBox *m_grouping;
    QComboBox *m_level;
    QLineEdit *m_search;
    QLabel *m_filterLabel;
    QToolButton *m_clearFilter;
    QLabel *m_count;
    QList<QAction *> m_cleanupActions;
};

} // namespace tp::ui
