#include "accounts.h"

#include "domain/errors.h"

namespace tp {

namespace {

std::optional<qint64> lockValue(const std::optional<bool> &lock)
{
    return lock ? std::optional<qint64>(*lock ? 1 : 0) : std::nullopt;
}

} // namespace

Id AccountRepository::insert(const Account &a)
{
    if (a.name.trimmed().isEmpty())
        throw InputError(tr("An account needs a name."));
    auto st = m_db.prepare(
            "INSERT INTO accounts (crm_id, name, industry, size_band, region, territory_id, "
            "owner_id, potential, billing_state, billing_country, crm_owner_id, lock_state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, a.crmId.isEmpty() ? QString() : a.crmId)
            .bind(2, a.name.trimmed())
            .bind(3, a.industry)
            .bind(4, a.sizeBand)
            .bind(5, a.region)
            .bind(6, a.territoryId)
            .bind(7, a.ownerId)
            .bind(8, a.potential)
            .bind(9, a.billingState)
            .bind(10, a.billingCountry)
            .bind(11, a.crmOwnerId ? a.crmOwnerId : a.ownerId)
            .bind(12, lockValue(a.lock))
            .run();
    return m_db.lastInsertId();
}

namespace {

constexpr const char *selectAccount =
        "SELECT id, crm_id, name, industry, size_band, region, territory_id, owner_id, potential, "
        "coalesce(billing_state, ''), coalesce(billing_country, ''), crm_owner_id, lock_state "
        "FROM accounts WHERE id = ?";

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
    a.billingState = st.text(9);
    a.billingCountry = st.text(10);
    a.crmOwnerId = st.optionalInt64(11);
    if (!st.isNull(12))
        a.lock = st.int64(12) != 0;
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
    auto st = m_db.prepare("UPDATE accounts SET owner_id = ?, potential = ?, territory_id = ?, "
                           "lock_state = ? WHERE id = ?");
    for (const Account &a : rows)
        st.bind(1, a.ownerId)
                .bind(2, a.potential)
                .bind(3, a.territoryId)
                .bind(4, lockValue(a.lock))
                .bind(5, a.id)
                .run();
}

} // namespace tp
