// BookEditor: edits of accounts, one account or a selection in one change.
#include "bookeditor.h"

#include "domain/errors.h"
#include "storage/accountreassignment.h"
#include "storage/book.h"
#include "storage/opportunities.h"

namespace tp {

namespace {

QString accountText(const BookChange &change)
{
    return change.accounts.size() == 1 ? change.accounts.front().after.name : QString();
}

} // namespace

BookChange BookEditor::setPotential(std::span<const Id> accounts, std::optional<Minor> potential)
{
    if (potential && *potential < 0)
        throw InputError(tr("Revenue potential cannot be negative."));
    BookChange change = editAccounts(accounts, [&](Account &a) { a.potential = potential; });
    const int count = int(change.accounts.size());
    if (count == 1)
        change.text = potential ? tr("Set revenue potential of “%1”").arg(accountText(change))
                                : tr("Clear revenue potential of “%1”").arg(accountText(change));
    else
        change.text = potential ? tr("Set revenue potential of %n account(s)", nullptr, count)
                                : tr("Clear revenue potential of %n account(s)", nullptr, count);
    return written(std::move(change));
}

BookChange BookEditor::setAccountOwner(std::span<const Id> accounts, std::optional<Id> owner,
                                       bool moveOpenDeals)
{
    const QString name = repName(owner);
    if (owner && name == tr("Unknown rep"))
        throw InputError(tr("That rep does not exist."));
    sql::Transaction tx(m_book.db());
    // The deals that follow their account's owner, read before the owners change.
    std::vector<Id> deals;
    if (moveOpenDeals) {
        AccountReassigner reassigner(m_book);
        for (Id account : accounts) {
            const std::vector<Id> following = reassigner.openDeals(account).following;
            deals.insert(deals.end(), following.begin(), following.end());
        }
    }
    BookChange change = editAccounts(accounts, [&](Account &a) { a.ownerId = owner; });
    change.opportunities = editOpportunities(deals, QDate(), [&](Opportunity &o) {
                               o.ownerId = owner;
                           }).opportunities;
    const int dealCount = int(change.opportunities.size());
    const int accountCount = int(change.accounts.size());
    if (accountCount == 1 && dealCount > 0)
        change.text = tr("Assign account “%1” and its %n open deal(s) to %2", nullptr, dealCount)
                              .arg(accountText(change), name);
    else if (accountCount == 1)
        change.text = tr("Assign account “%1” to %2").arg(accountText(change), name);
    else if (dealCount > 0)
        change.text = tr("Assign %n account(s) and their open deals to %1", nullptr, accountCount)
                              .arg(name);
    else
        change.text = tr("Assign %n account(s) to %1", nullptr, accountCount).arg(name);
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::setTerritory(std::span<const Id> accounts, std::optional<Id> territory)
{
    std::optional<Id> territoryOwner;
    QString territoryName;
    if (territory) {
        const Territory row = territoryRow(*territory);
        territoryOwner = row.ownerId;
        territoryName = row.name;
    }
    BookChange change = editAccounts(accounts, [&](Account &a) {
        a.territoryId = territory;
        if (territoryOwner)
            a.ownerId = territoryOwner;
    });
    const int count = int(change.accounts.size());
    if (count == 1)
        change.text = territory
                ? tr("Move account “%1” to territory %2").arg(accountText(change), territoryName)
                : tr("Take account “%1” out of its territory").arg(accountText(change));
    else
        change.text = territory
                ? tr("Move %n account(s) to territory %1", nullptr, count).arg(territoryName)
                : tr("Take %n account(s) out of their territories", nullptr, count);
    return written(std::move(change));
}

} // namespace tp
