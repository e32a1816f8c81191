#include "accountreassignment.h"

#include "domain/errors.h"

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

} // namespace tp
