// BookSession: giving an account to another rep with its open deals (METRICS "Scope": a rep's
// accounts and the opportunities the rep owns). One write, one undo step.
#include "booksession.h"

#include "commands/accountcommand.h"

#include <QUndoStack>

namespace tp::ui {

AccountOpenDeals BookSession::accountOpenDeals(Id account) const
{
    if (!m_book)
        return {};
    try {
        return AccountReassigner(*m_book).openDeals(account);
    } catch (const std::exception &) {
        return {}; // a broken book reports itself on the edit that follows
    }
}

bool BookSession::reassignAccount(Id account, std::optional<Id> owner, bool moveOpenDeals)
{
    AccountReassignment change;
    if (!runGuarded([&](Book &book) {
            change = AccountReassigner(book).reassign(account, owner, moveOpenDeals);
        }))
        return false;
    if (change.account.before.ownerId == change.account.after.ownerId && change.deals.empty())
        return true;
    const int deals = int(change.deals.size());
    const QString text = deals > 0
            ? tr("Assign account “%1” and its %n open deal(s) to %2", nullptr, deals)
                      .arg(change.account.after.name, repName(owner))
            : tr("Assign account “%1” to %2").arg(change.account.after.name, repName(owner));
    m_undoStack->push(new AccountReassignCommand(this, std::move(change), text));
    return true;
}

} // namespace tp::ui
