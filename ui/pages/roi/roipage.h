#pragma once

#include "pages/page.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QScrollArea;
class QSplitter;
class QStringListModel;
class QTabWidget;
class QTableView;
class QToolButton;

namespace tp::ui {

class BookSession;
class QuadrantChart;
class RoiState;
class ScopeState;
class ScoringPanel;
class AccountSelection;
class ElidedLabel;
class FactorsPanel;
class WorkListModel;

// ROI planning (METRICS "Accounts"): the quadrant of the scope's scored accounts, the ranked
// work list with its capacity line, the scoring panel, the weights and the accounts that still
// need scoring. One selection runs through all of them.
class RoiPage : public Page
{
    Q_OBJECT

public:
    RoiPage(BookSession *session, ScopeState *scope, AccountSelection *selection,
            QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("roi"); }
    QString title() const override { return tr("ROI Planning"); }
    QIcon icon() const override;
    void focusSearch() override;
    void setCurrent(bool current) override;
    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

    RoiState *state() const { return m_state; }
    QuadrantChart *chart() const { return m_chart; }
    QTableView *workList() const { return m_table; }
    WorkListModel *workListModel() const { return m_model; }
    QListView *needsScoringList() const { return m_unscored; }
    ScoringPanel *scoringPanel() const { return m_scoring; }
    FactorsPanel *factorsPanel() const { return m_factors; }
    QDoubleSpinBox *likelihoodThresholdBox() const { return m_likelihoodBox; }
    QDoubleSpinBox *potentialThresholdBox() const { return m_potentialBox; }
    QCheckBox *medianCheck() const { return m_median; }
    QCheckBox *logScaleCheck() const { return m_logScale; }
    QLabel *warningLabel() const { return m_warning; }
    QString countText() const;

    // Writes the chart under its caption; false with the reason in *error.
    bool exportChart(const QString &path, QString *error = nullptr);
    // What an exported chart says about itself: the title with the scope, then the book, the
    // as-of date, the period, the thresholds and what is drawn.
    QStringList exportCaption() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildToolbar(QWidget *bar);
    void onEvaluated(bool scopeChanged);
    void showSelection();
    void selectFromWorkList();
    void selectFromNeedsScoring();
    void stepAccount(int delta);
    void commitThresholds();
    void copyRows();
    void exportDialog(const QString &suffix);
    void updateWarning();

    BookSession *m_session;
    ScopeState *m_scope;
    RoiState *m_state;
    QuadrantChart *m_chart;
    WorkListModel *m_model;
    QTableView *m_table;
    QStringListModel *m_unscoredModel;
    QListView *m_unscored;
    ScoringPanel *m_scoring;
    QScrollArea *m_scoringArea = nullptr;
    FactorsPanel *m_factors;
    QTabWidget *m_tabs;
    QSplitter *m_vertical;
    QSplitter *m_horizontal;
    QSplitter *m_side;
    QLabel *m_unscoredTitle;
    QLineEdit *m_search;
    QDoubleSpinBox *m_likelihoodBox;
    QDoubleSpinBox *m_potentialBox;
    QCheckBox *m_median;
    QCheckBox *m_logScale;
    ElidedLabel *m_count;
    QLabel *m_warning;
    QToolButton *m_resetZoom;
    bool m_syncing = false; // selection being shown: not a user selection
};

} // namespace tp::ui
