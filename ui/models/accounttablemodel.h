#pragma once

#include "booktablemodel.h"

namespace tp::ui {

// The accounts of the book. Revenue potential and owner are editable; a potential derived from
// the open pipeline (none set) shows in italics.
class AccountTableModel : public BookTableModel
{
    Q_OBJECT

public:
    using Column = AccountColumn;

    explicit AccountTableModel(BookSession *session, QObject *parent = nullptr);

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
    QVariant rawValue(int row, Column column) const;
    bool isDerived(int row) const;
};

} // namespace tp::ui
