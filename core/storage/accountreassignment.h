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

// Giving an account to another rep, with or without its open deals: the rows before and after.
struct AccountReassignment
{
    AccountChange account;
    std::vector<OpportunityChange> deals; // the open deals moved with it
};

class AccountReassigner
{
    Q_DECLARE_TR_FUNCTIONS(tp::AccountReassigner)

public:
    explicit AccountReassigner(Book &book) : m_book(book) { }

    AccountOpenDeals openDeals(Id account);
    // Sets the account's owner and, when `moveOpenDeals`, the owner of the open deals that
    // follow it, in one transaction: all of it is written or nothing.
    AccountReassignment reassign(Id account, std::optional<Id> owner, bool moveOpenDeals);
    void undo(const AccountReassignment &change);
    void redo(const AccountReassignment &change);

private:
    Book &m_book;
};

} // namespace tp
