#pragma once

#include "models/accounttablemodel.h"

#include <optional>
#include <vector>

namespace tp::ui {

// The accounts table of the Territories page: the book's accounts within the scope it is given
// (a territory, a rep), and, when it is given some, only the accounts named (the accounts of
// regions chosen on the map, or those the map cannot place), whatever territory they are in.
// The accounts are named by id, so that they stay the same when the book is loaded again.
class TerritoryAccountModel : public AccountTableModel
{
    Q_OBJECT

public:
    explicit TerritoryAccountModel(BookSession *session, QObject *parent = nullptr);

    // Only these accounts (ids, any order); nullopt: every account of the scope.
    void setAccounts(std::optional<std::vector<Id>> accounts);
    const std::optional<std::vector<Id>> &accounts() const { return m_only; }

protected:
    std::vector<int> filteredRows(const std::vector<int> &sorted,
                                  const RowFilter &filter) const override;

private:
    std::optional<std::vector<Id>> m_only; // ascending
    bool m_switching = false; // between aboutToSwitchBook and loaded
};

} // namespace tp::ui
