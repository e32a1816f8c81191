#include "accountreassignment.h"

#include "errors.h"

namespace tp {

AccountOpenDeals AccountReassigner::openDeals(Id account)
{
    AccountOpenDeals deals;
    const auto row = AccountRepository(m_book).byId(account);
    if (!row)
        throw InputError(tr("The account no longer exists."));
    auto st = m_book.db().prepare("SELECT id, owner_id FROM opportunities "
                                  "WHERE account_id = ? AND status = ? ORDER BY id");
    st.bind(1, account).bind(2, int(Status::Open));
    while (st.step()) {
        if (st.optionalInt64(1) == row->ownerId)
            deals.following.push_back(st.int64(0));
        else
            ++deals.ownedByOthers;
    }
    return deals;
}

AccountReassignment AccountReassigner::reassign(Id account, std::optional<Id> owner,
                                                bool moveOpenDeals)
{
    sql::Transaction tx(m_book.db());
    const std::vector<Id> deals = moveOpenDeals ? openDeals(account).following : std::vector<Id>();
    AccountReassignment change;
    change.account = AccountRepository(m_book).setOwner(account, owner);
    OpportunityRepository opportunities(m_book);
    for (const Id deal : deals)
        change.deals.push_back(opportunities.setOwner(deal, owner));
    tx.commit();
    return change;
}

void AccountReassigner::undo(const AccountReassignment &change)
{
    sql::Transaction tx(m_book.db());
    OpportunityRepository opportunities(m_book);
    for (auto it = change.deals.rbegin(); it != change.deals.rend(); ++it)
        opportunities.undo(*it);
    AccountRepository(m_book).write(change.account.before);
    tx.commit();
}

void AccountReassigner::redo(const AccountReassignment &change)
{
    sql::Transaction tx(m_book.db());
    AccountRepository(m_book).write(change.account.after);
    OpportunityRepository opportunities(m_book);
    for (const OpportunityChange &deal : change.deals)
        opportunities.redo(deal);
    tx.commit();
}

} // namespace tp
