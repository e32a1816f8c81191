#include "accounts.h"

#include "domain/errors.h"

namespace tp {

Id AccountRepository::insert(const Account &a)
{
    if (a.name.trimmed().isEmpty())
        throw InputError(tr("An account needs a name."));
    auto st = m_db.prepare(
            "INSERT INTO accounts (crm_id, name, industry, size_band, region, territory_id, "
            "owner_id, potential) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, a.crmId.isEmpty() ? QString() : a.crmId)
            .bind(2, a.name.trimmed())
            .bind(3, a.industry)
            .bind(4, a.sizeBand)
            .bind(5, a.region)
            .bind(6, a.territoryId)
            .bind(7, a.ownerId)
            .bind(8, a.potential)
            .run();
    return m_db.lastInsertId();
}

namespace {

constexpr const char *selectAccount =
        "SELECT id, crm_id, name, industry, size_band, region, "
        "territory_id, owner_id, potential FROM accounts WHERE id = ?";

Account readAccount(const sql::Statement &st)
{
    Account a;
    a.id = st.int64(0);
    a.crmId = st.text(1);
    a.name = st.text(2);
    a.industry = st.text(3);
    a.sizeBand = st.text(4);
    a.region = st.text(5);
    a.territoryId = st.optionalInt64(6);
    a.ownerId = st.optionalInt64(7);
    a.potential = st.optionalInt64(8);
    return a;
}

} // namespace

std::optional<Account> AccountRepository::byId(Id id)
{
    auto st = m_db.prepare(selectAccount);
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readAccount(st);
}

std::vector<Account> AccountRepository::byIds(std::span<const Id> ids)
{
    std::vector<Account> rows;
    rows.reserve(ids.size());
    auto st = m_db.prepare(selectAccount);
    for (Id id : ids) {
        st.bind(1, id);
        if (!st.step())
            throw InputError(tr("The account no longer exists."));
        rows.push_back(readAccount(st));
        st.reset();
    }
    return rows;
}

int AccountRepository::count()
{
    auto st = m_db.prepare("SELECT count(*) FROM accounts");
    return st.step() ? st.integer(0) : 0;
}

void AccountRepository::write(std::span<const Account> rows)
{
    auto st = m_db.prepare("UPDATE accounts SET owner_id = ?, potential = ?, territory_id = ? "
                           "WHERE id = ?");
    for (const Account &a : rows)
        st.bind(1, a.ownerId).bind(2, a.potential).bind(3, a.territoryId).bind(4, a.id).run();
}

} // namespace tp
