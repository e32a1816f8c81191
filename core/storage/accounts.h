#pragma once

#include "book.h"
#include "domain/entities.h"

#include <optional>
#include <span>
#include <vector>

namespace tp {

class AccountRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::AccountRepository)

public:
    explicit AccountRepository(Book &book) : m_db(book.db()) { }

    Id insert(const Account &account);
    std::optional<Account> byId(Id id);
    int count();

    // Rows by id, in the order given, read with one statement; a missing one is an InputError.
    std::vector<Account> byIds(std::span<const Id> ids);
    // Writes the editable fields of the rows (owner, potential, territory).
    void write(std::span<const Account> rows);

private:
    sql::Database &m_db;
};

} // namespace tp
