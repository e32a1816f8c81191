// BookEditor: territories made, renamed, given a rep, locked, merged and deleted, and the
// user's lock on accounts (docs/METRICS.md "Territories"). Each is one change, however many
// accounts it moves.
#include "bookeditor.h"

#include "domain/errors.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/reps.h"

#include <QHash>

namespace tp {

namespace {

// All the accounts of the territories `ids`, by ascending id.
std::vector<Id> accountsIn(Book &book, std::span<const Id> ids)
{
    std::vector<Id> accounts;
    auto st = book.db().prepare("SELECT id FROM accounts WHERE territory_id = ? ORDER BY id");
    for (const Id territory : ids) {
        st.bind(1, territory);
        while (st.step())
            accounts.push_back(st.int64(0));
        st.reset();
    }
    std::sort(accounts.begin(), accounts.end());
    return accounts;
}

} // namespace

Territory BookEditor::territoryRow(Id territory)
{
    const auto row = RepRepository(m_book).territoryById(territory);
    if (!row)
        throw InputError(tr("That territory does not exist."));
    return *row;
}

QString BookEditor::checkedTerritoryName(const QString &name, Id except)
{
    QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw InputError(tr("A territory needs a name."));
    const auto same = RepRepository(m_book).territoryByName(trimmed);
    if (same && same->id != except)
        throw InputError(tr("There is a territory named “%1” already.").arg(trimmed));
    return trimmed;
}

BookChange BookEditor::createTerritory(const QString &name, std::optional<Id> rep)
{
    sql::Transaction tx(m_book.db());
    if (rep && repName(rep) == tr("Unknown rep"))
        throw InputError(tr("That rep does not exist."));
    RepRepository reps(m_book);
    Territory made{ reps.nextTerritoryId(), checkedTerritoryName(name, 0), rep, false };
    BookChange change;
    change.territories.push_back({ made.id, std::nullopt, made });
    change.text = tr("New territory %1").arg(made.name);
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::renameTerritory(Id territory, const QString &name)
{
    sql::Transaction tx(m_book.db());
    const Territory before = territoryRow(territory);
    Territory after = before;
    after.name = checkedTerritoryName(name, territory);
    BookChange change;
    change.territories.push_back({ territory, before, after });
    change.text = tr("Rename territory %1 to %2").arg(before.name, after.name);
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::setTerritoryRep(Id territory, std::optional<Id> rep)
{
    sql::Transaction tx(m_book.db());
    const Territory before = territoryRow(territory);
    const QString name = repName(rep);
    if (rep && name == tr("Unknown rep"))
        throw InputError(tr("That rep does not exist."));
    Territory after = before;
    after.ownerId = rep;
    BookChange change;
    change.territories.push_back({ territory, before, after });
    // Its accounts become the rep's (their open deals stay with whoever works them).
    if (rep) {
        const std::vector<Id> accounts = accountsIn(m_book, std::span(&territory, 1));
        change.accounts = editAccounts(accounts, [&](Account &a) { a.ownerId = rep; }).accounts;
    }
    change.text = rep ? tr("Give territory %1 to %2").arg(before.name, name)
                      : tr("Take territory %1 from %2").arg(before.name, repName(before.ownerId));
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::setTerritoryLocked(Id territory, bool locked)
{
    sql::Transaction tx(m_book.db());
    const Territory before = territoryRow(territory);
    Territory after = before;
    after.locked = locked;
    BookChange change;
    change.territories.push_back({ territory, before, after });
    change.text = locked ? tr("Lock territory %1").arg(before.name)
                         : tr("Unlock territory %1").arg(before.name);
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::mergeTerritories(std::span<const Id> from, Id into)
{
    sql::Transaction tx(m_book.db());
    const Territory target = territoryRow(into);
    std::vector<Id> merged;
    for (const Id id : from)
        if (id != into && std::find(merged.begin(), merged.end(), id) == merged.end())
            merged.push_back(id);
    if (merged.empty())
        throw InputError(tr("Choose the territories to merge into %1.").arg(target.name));
    BookChange change;
    for (const Id id : merged)
        change.territories.push_back({ id, territoryRow(id), std::nullopt });
    change.accounts = editAccounts(accountsIn(m_book, merged), [&](Account &a) {
                          a.territoryId = into;
                          if (target.ownerId)
                              a.ownerId = target.ownerId;
                      }).accounts;
    change.text =
            tr("Merge %n territory(ies) into %1", nullptr, int(merged.size())).arg(target.name);
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::deleteTerritory(Id territory)
{
    sql::Transaction tx(m_book.db());
    const Territory before = territoryRow(territory);
    BookChange change;
    change.territories.push_back({ territory, before, std::nullopt });
    change.accounts = editAccounts(accountsIn(m_book, std::span(&territory, 1)), [](Account &a) {
                          a.territoryId.reset();
                      }).accounts;
    change.text = tr("Delete territory %1").arg(before.name);
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::setAccountLock(std::span<const Id> accounts, std::optional<bool> lock)
{
    BookChange change = editAccounts(accounts, [&](Account &a) { a.lock = lock; });
    const int count = int(change.accounts.size());
    if (!lock)
        change.text = tr("Clear the lock of %n account(s)", nullptr, count);
    else if (*lock)
        change.text = tr("Lock %n account(s)", nullptr, count);
    else
        change.text = tr("Unlock %n account(s)", nullptr, count);
    return written(std::move(change));
}

BookChange BookEditor::moveAccounts(std::span<const std::pair<Id, Id>> moves, bool toReps,
                                    const QString &text)
{
    sql::Transaction tx(m_book.db());
    QHash<Id, Id> destination;
    QHash<Id, std::optional<Id>> ownerOf; // per territory: its rep
    std::vector<Id> accounts;
    accounts.reserve(moves.size());
    for (const auto &[account, to] : moves) {
        accounts.push_back(account);
        destination.insert(account, to);
        if (toReps) {
            if (!ownerOf.contains(to)) {
                if (repName(to) == tr("Unknown rep"))
                    throw InputError(tr("That rep does not exist."));
                ownerOf.insert(to, to);
            }
        } else if (!ownerOf.contains(to)) {
            ownerOf.insert(to, territoryRow(to).ownerId);
        }
    }
    BookChange change = editAccounts(accounts, [&](Account &a) {
        const Id to = destination.value(a.id);
        if (!toReps)
            a.territoryId = to;
        if (const std::optional<Id> owner = ownerOf.value(to))
            a.ownerId = owner;
    });
    change.text = text;
    change = written(std::move(change));
    tx.commit();
    return change;
}

} // namespace tp
