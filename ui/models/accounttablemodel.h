#pragma once

#include "booktablemodel.h"
#include "storage/accountreassignment.h"

#include <functional>
#include <optional>

namespace tp::ui {

// The accounts of the book. Revenue potential and owner are editable; a potential derived from
// the open pipeline (none set) shows in italics. An owner edit gives the account to the rep
// with its open deals, or without them, as the owner question answers.
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

    // Asked before an account goes to another rep while open deals follow its owner: true to
    // move them too, false to keep them with the owner before, nullopt to leave it all as it
    // is. Without a question (or without such deals) they move: the usual wish.
    using OwnerQuestion = std::function<std::optional<bool>(Id account, std::optional<Id> owner,
                                                            const AccountOpenDeals &deals)>;
    void setOwnerQuestion(OwnerQuestion question) { m_ownerQuestion = std::move(question); }

protected:
    std::vector<int> sortedRows(int column, bool descending) const override;
    std::vector<int> filteredRows(const std::vector<int> &sorted,
                                  const RowFilter &filter) const override;

private:
    QVariant display(int row, Column column) const;
    QVariant rawValue(int row, Column column) const;
    bool isDerived(int row) const;
    bool setTerritory(Id account, const QVariant &value);
    bool reassign(Id account, std::optional<Id> owner);

    OwnerQuestion m_ownerQuestion;
};

} // namespace tp::ui
