#include "territoryaccountmodel.h"

#include "session/booksession.h"
#include "views/bookview.h"

#include <algorithm>

namespace tp::ui {

TerritoryAccountModel::TerritoryAccountModel(BookSession *session, QObject *parent)
    : AccountTableModel(session, parent)
{
    connect(session, &BookSession::aboutToSwitchBook, this, [this] { m_switching = true; });
    connect(session, &BookSession::loaded, this, [this] { m_switching = false; });
}

void TerritoryAccountModel::setAccounts(std::optional<std::vector<Id>> accounts)
{
    if (accounts) {
        std::sort(accounts->begin(), accounts->end());
        accounts->erase(std::unique(accounts->begin(), accounts->end()), accounts->end());
    }
    if (accounts == m_only)
        return;
    m_only = std::move(accounts);
    // While a book is being switched the rows are built when it is in place.
    if (!m_switching)
        refresh();
}

std::vector<int> TerritoryAccountModel::filteredRows(const std::vector<int> &sorted,
                                                     const RowFilter &filter) const
{
    std::vector<int> rows = AccountTableModel::filteredRows(sorted, filter);
    if (!m_only)
        return rows;
    const std::vector<Id> &ids = m_session->view()->accounts.id;
    std::erase_if(rows, [&](int row) {
        return row < 0 || std::size_t(row) >= ids.size()
                || !std::binary_search(m_only->begin(), m_only->end(), ids[std::size_t(row)]);
    });
    return rows;
}

} // namespace tp::ui
