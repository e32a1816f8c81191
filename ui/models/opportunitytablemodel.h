#pragma once

#include "booktablemodel.h"

#include <optional>

namespace tp::ui {

// The opportunities of the book, one row each. Stage, amount, expected close, probability
// override, owner and the rep's forecast call are editable; setData() hands the value to the
// session, which writes it and pushes an undo command.
class OpportunityTableModel : public BookTableModel
{
    Q_OBJECT

public:
    using Column = OpportunityColumn;

    explicit OpportunityTableModel(BookSession *session, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    int totalCount() const override;
    Id idAt(int row) const;
    int rowOfId(Id id) const;
    static bool isNumeric(Column column);

protected:
    std::vector<int> sortedRows(int column, bool descending) const override;
    std::vector<int> filteredRows(const std::vector<int> &sorted,
                                  const RowFilter &filter) const override;

private:
    QVariant display(int row, Column column) const;
    QVariant editValue(int row, Column column) const;
    QVariant rawValue(int row, Column column) const;
    QVariant toolTip(int row, Column column) const;
    QVariant foreground(int row, Column column) const;
    QVariant font(int row, Column column) const;
    std::optional<ForecastCategory> forecastCall(int row) const;
    // The category the CRM or the stage gives (what applies without the rep's call).
    QString forecastFallback(int row) const;
    QString forecastToolTip(int row) const;
    bool apply(Id id, Column column, const QVariant &value);
};

} // namespace tp::ui
