#pragma once

#include "accounts.h"
#include "opportunities.h"

#include <optional>
#include <vector>

namespace tp {

// The open deals of an account as a reassignment sees them: those that follow the account's
// owner (owned by that rep, or by nobody when the account has none) and those another rep owns,
// which stay theirs.
struct AccountOpenDeals
{
    std::vector<Id> following;
    int ownedByOthers = 0;
};

class AccountReassigner
{
    Q_DECLARE_TR_FUNCTIONS(tp::AccountReassigner)

public:
    explicit AccountReassigner(Book &book) : m_book(book) { }

    AccountOpenDeals openDeals(Id account);

private:
    Book &m_book;
};

} // namespace tp
