#include "accountselection.h"

#include "booksession.h"

#include <algorithm>

namespace tp::ui {

AccountSelection::AccountSelection(BookSession *session, QObject *parent) : QObject(parent)
{
    connect(session, &BookSession::aboutToSwitchBook, this, [this] { select({}, -1, nullptr); });
    connect(session, &BookSession::loaded, this, [this] { select({}, -1, nullptr); });
}

void AccountSelection::select(std::vector<int> accounts, int current, const QObject *from)
{
    if (accounts.size() > carriedLimit)
        accounts = current >= 0 ? std::vector<int>{ current } : std::vector<int>{};
    if (current >= 0 && std::find(accounts.begin(), accounts.end(), current) == accounts.end())
        current = accounts.empty() ? -1 : accounts.front();
    if (accounts == m_accounts && current == m_current)
        return;
    m_accounts = std::move(accounts);
    m_current = current;
    emit changed(from);
}

} // namespace tp::ui
