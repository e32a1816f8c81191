#pragma once

#include "models/formatter.h"

#include <QAbstractTableModel>

#include <vector>

namespace tp::ui {

class RoiState;

// The ROI work list: the scored accounts of the scope ranked by EV (METRICS tie rules), with a
// text filter on the name. The order is the ranking; it does not sort by column.
class WorkListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Rank,
        Account,
        Owner,
        Likelihood,
        Potential,
        ExpectedValue,
        Quadrant,
        Contributions,
        OpenPipeline,
        ActiveDeals,
        ColumnCount
    };

    explicit WorkListModel(RoiState *state, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTextFilter(const QString &text);
    // The account row of a table row, and the table row of an account (-1 if not shown).
    int accountAt(int row) const;
    int rowOfAccount(int account) const;
    // Scored accounts in the scope (before the text filter).
    int totalCount() const;

private:
    void rebuild();

    RoiState *m_state;
    Formatter m_format;
    QString m_text;
    std::vector<int> m_positions; // positions in the work list shown, in rank order
    std::vector<int> m_rowOfPosition;
};

} // namespace tp::ui
