#pragma once

#include "models/formatter.h"

#include <QAbstractTableModel>

namespace tp::ui {

class TerritoryState;

// The territories with their figures (docs/METRICS.md "Territories"): rep, accounts, Σ
// potential, Σ EV, open pipeline, active deals against capacity, quota, and the share of the
// average on the chosen metric (RawValueRole: the share as a double, for the bar), the name with
// a swatch of the territory's colour on the map. The rows are
// TerritoryState's layout entries, in its order; a view sorts them through a proxy.
class TerritoryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Territory,
        Rep,
        Accounts,
        Potential,
        Ev,
        OpenPipeline,
        Active,
        Quota,
        Share,
        Count
    };

    explicit TerritoryTableModel(TerritoryState *state, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    TerritoryState *state() const { return m_state; }
    // The BookView territory of a row (-1: a rep's accounts in a book without territories).
    int territoryIndex(int row) const;

private:
    QString currency() const;
    QVariant display(int row, Column column) const;
    QVariant raw(int row, Column column) const;
    // The territory's colour on the map (territorycolors.h), as a swatch.
    QVariant swatch(int row) const;

    TerritoryState *m_state;
    Formatter m_format;
    mutable int m_rows = -1; // -1: not counted since the territories changed
};

} // namespace tp::ui
