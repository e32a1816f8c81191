#pragma once

#include "analytics/territoryproposal.h"
#include "models/formatter.h"

#include <QAbstractTableModel>
#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace tp::ui {

class BookSession;
class TerritoryState;

// The kept rebalancing scenarios side by side (docs/METRICS.md "Territories"): a column for the
// book as it is and one per scenario, each placed on the book as it is now (moves whose account
// or territory is gone left out) and evaluated on the page's metric: the accounts it still
// moves, the balance, the largest deviation, and each territory's share of the average.
class ScenarioCompareModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    struct Column
    {
        Scenario scenario; // id 0: the book as it is
        territories::ScenarioPlacement placement;
        territories::Report report;
    };
    enum Row { Moves, Balance, Deviation, FirstTerritory };

    explicit ScenarioCompareModel(QObject *parent = nullptr);
    void setColumns(const territories::Layout &layout, std::vector<Column> columns);
    const std::vector<Column> &columns() const { return m_columns; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString cell(int row, const Column &column) const;
    QString requestText(const Scenario &scenario) const;

    territories::Layout m_layout;
    std::vector<Column> m_columns;
    Formatter m_format;
};

class ScenariosDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ScenariosDialog(TerritoryState *state, QWidget *parent = nullptr);

    ScenarioCompareModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The scenario of model column `column` (1 is the book as it is).
    void selectScenario(int column);
    bool applySelected();
    bool renameSelected(const QString &name);
    bool deleteSelected();

private:
    void refresh();
    int selectedColumn() const; // a scenario's model column, -1 for none
    void updateButtons();
    void askRename();

    TerritoryState *m_state;
    BookSession *m_session;
    ScenarioCompareModel *m_model;
    QTableView *m_table;
    QLabel *m_note;
    QPushButton *m_apply;
    QPushButton *m_rename;
    QPushButton *m_delete;
};

} // namespace tp::ui
