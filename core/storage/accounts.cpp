#include "accounts.h"

#include "errors.h"

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

std::optional<Account> AccountRepository::byId(Id id)
{
    auto st = m_db.prepare("SELECT id, crm_id, name, industry, size_band, region, territory_id, "
                           "owner_id, potential FROM accounts WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
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

int AccountRepository::count()
{
    auto st = m_db.prepare("SELECT count(*) FROM accounts");
    return st.step() ? st.integer(0) : 0;
}

void AccountRepository::write(const Account &a)
{
    auto st = m_db.prepare("UPDATE accounts SET owner_id = ?, potential = ?, territory_id = ? "
                           "WHERE id = ?");
    st.bind(1, a.ownerId).bind(2, a.potential).bind(3, a.territoryId).bind(4, a.id).run();
}

AccountChange AccountRepository::change(Id id, const std::function<void(Account &)> &mutate)
{
    auto before = byId(id);
    if (!before)
        throw InputError(tr("The account no longer exists."));
    AccountChange c{ *before, *before };
    mutate(c.after);
    sql::Transaction tx(m_db);
    write(c.after);
    tx.commit();
    return c;
}

AccountChange AccountRepository::setPotential(Id id, std::optional<Minor> potential)
{
    if (potential && *potential < 0)
        throw InputError(tr("Revenue potential cannot be negative."));
    return change(id, [&](Account &a) { a.potential = potential; });
}

AccountChange AccountRepository::setOwner(Id id, std::optional<Id> owner)
{
    if (owner) {
        auto st = m_db.prepare("SELECT 1 FROM reps WHERE id = ?");
        st.bind(1, *owner);
        if (!st.step())
            throw InputError(tr("That rep does not exist."));
    }
    return change(id, [&](Account &a) { a.ownerId = owner; });
}

AccountChange AccountRepository::setTerritory(Id id, std::optional<Id> territory)
{
    std::optional<Id> territoryOwner;
    if (territory) {
        auto st = m_db.prepare("SELECT owner_id FROM territories WHERE id = ?");
        st.bind(1, *territory);
        if (!st.step())
            throw InputError(tr("That territory does not exist."));
        territoryOwner = st.optionalInt64(0);
    }
    return change(id, [&](Account &a) {
        a.territoryId = territory;
        if (territoryOwner)
            a.ownerId = territoryOwner;
    });
}

} // namespace tp
