#pragma once

#include "book.h"
#include "domain/entities.h"

#include <functional>
#include <optional>

namespace tp {

// One edit of an account, with the row before and after: undo writes `before` back.
struct AccountChange
{
    Account before;
    Account after;
};

class AccountRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::AccountRepository)

public:
    explicit AccountRepository(Book &book) : m_db(book.db()) { }

    Id insert(const Account &account);
    std::optional<Account> byId(Id id);
    int count();

    AccountChange setPotential(Id id, std::optional<Minor> potential);
    AccountChange setOwner(Id id, std::optional<Id> owner);
    // Moves the account into a territory (none: out of any). A territory with an owner rep makes
    // that rep the account's owner (docs/METRICS.md, "Territories"); its open deals stay with
    // their reps.
    AccountChange setTerritory(Id id, std::optional<Id> territory);
    // Writes the editable fields of `row` (used by undo and redo).
    void write(const Account &row);

private:
    AccountChange change(Id id, const std::function<void(Account &)> &mutate);
    sql::Database &m_db;
};

} // namespace tp
