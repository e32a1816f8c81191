#include "reps.h"

#include "domain/errors.h"

namespace tp {

namespace {

Rep readRep(const sql::Statement &st)
{
    Rep r;
    r.id = st.int64(0);
    r.name = st.text(1);
    r.email = st.text(2);
    r.crmUserId = st.text(4);
    if (!st.isNull(3))
        r.capacity = st.integer(3);
    return r;
}

constexpr const char *repColumns =
        "SELECT id, name, email, capacity, coalesce(crm_user_id, '') FROM reps ";

} // namespace

QList<Rep> RepRepository::all()
{
    QList<Rep> reps;
    auto st = m_db.prepare(std::string(repColumns) + "ORDER BY name COLLATE NOCASE");
    while (st.step())
        reps.append(readRep(st));
    return reps;
}

std::optional<Rep> RepRepository::byName(const QString &name)
{
    auto st = m_db.prepare(std::string(repColumns) + "WHERE name = ?");
    st.bind(1, name.trimmed());
    if (st.step())
        return readRep(st);
    return std::nullopt;
}

std::optional<Rep> RepRepository::byId(Id id)
{
    auto st = m_db.prepare(std::string(repColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (st.step())
        return readRep(st);
    return std::nullopt;
}

Id RepRepository::insert(const Rep &rep)
{
    if (rep.name.trimmed().isEmpty())
        throw InputError(tr("A rep needs a name."));
    auto st = m_db.prepare(
            "INSERT INTO reps (name, email, capacity, crm_user_id) VALUES (?, ?, ?, ?)");
    st.bind(1, rep.name.trimmed())
            .bind(2, rep.email)
            .bind(3, rep.capacity)
            .bind(4, rep.crmUserId.isEmpty() ? QString() : rep.crmUserId)
            .run();
    return m_db.lastInsertId();
}

Id RepRepository::ensure(const QString &name)
{
    if (auto rep = byName(name))
        return rep->id;
    Rep rep;
    rep.name = name;
    return insert(rep);
}

void RepRepository::setCapacity(Id rep, std::optional<int> capacity)
{
    if (capacity && *capacity < 0)
        throw InputError(tr("Capacity cannot be negative."));
    auto st = m_db.prepare("UPDATE reps SET capacity = ? WHERE id = ?");
    st.bind(1, capacity).bind(2, rep).run();
}

void RepRepository::setIdentity(Id rep, const QString &crmUserId, const QString &email)
{
    // Empty is stored as NULL (none).
    m_db.prepare("UPDATE reps SET crm_user_id = ?, email = ? WHERE id = ?")
            .bind(1, crmUserId.isEmpty() ? QString() : crmUserId)
            .bind(2, email.isEmpty() ? QString() : email)
            .bind(3, rep)
            .run();
}

std::optional<Minor> RepRepository::quota(Id rep, const QString &period)
{
    auto st = m_db.prepare("SELECT amount FROM quotas WHERE rep_id = ? AND period = ?");
    st.bind(1, rep).bind(2, period);
    if (st.step())
        return st.int64(0);
    return std::nullopt;
}

void RepRepository::setQuota(Id rep, const QString &period, std::optional<Minor> amount)
{
    if (amount && *amount < 0)
        throw InputError(tr("A quota cannot be negative."));
    if (!amount) {
        auto st = m_db.prepare("DELETE FROM quotas WHERE rep_id = ? AND period = ?");
        st.bind(1, rep).bind(2, period).run();
        return;
    }
    auto st = m_db.prepare("INSERT INTO quotas (rep_id, period, amount) VALUES (?, ?, ?) "
                           "ON CONFLICT (rep_id, period) DO UPDATE SET amount = excluded.amount");
    st.bind(1, rep).bind(2, period).bind(3, *amount).run();
}

namespace {

constexpr const char *territoryColumns = "SELECT id, name, owner_id, locked FROM territories ";

Territory readTerritory(const sql::Statement &st)
{
    return Territory{ st.int64(0), st.text(1), st.optionalInt64(2), st.integer(3) != 0 };
}

} // namespace

QList<Territory> RepRepository::territories()
{
    QList<Territory> list;
    auto st = m_db.prepare(std::string(territoryColumns) + "ORDER BY name COLLATE NOCASE");
    while (st.step())
        list.append(readTerritory(st));
    return list;
}

std::optional<Territory> RepRepository::territoryByName(const QString &name)
{
    auto st = m_db.prepare(std::string(territoryColumns) + "WHERE name = ?");
    st.bind(1, name.trimmed());
    if (st.step())
        return readTerritory(st);
    return std::nullopt;
}

std::optional<Territory> RepRepository::territoryById(Id id)
{
    auto st = m_db.prepare(std::string(territoryColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (st.step())
        return readTerritory(st);
    return std::nullopt;
}

void RepRepository::writeTerritory(Id id, const std::optional<Territory> &territory)
{
    if (!territory) {
        m_db.prepare("DELETE FROM territories WHERE id = ?").bind(1, id).run();
        return;
    }
    m_db.prepare("INSERT INTO territories (id, name, owner_id, locked) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                 "owner_id = excluded.owner_id, locked = excluded.locked")
            .bind(1, id)
            .bind(2, territory->name)
            .bind(3, territory->ownerId)
            .bind(4, territory->locked ? 1 : 0)
            .run();
}

Id RepRepository::nextTerritoryId()
{
    auto st = m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM territories");
    return st.step() ? st.int64(0) : 1;
}

Id RepRepository::insertTerritory(const Territory &territory)
{
    if (territory.name.trimmed().isEmpty())
        throw InputError(tr("A territory needs a name."));
    auto st = m_db.prepare("INSERT INTO territories (name, owner_id) VALUES (?, ?)");
    st.bind(1, territory.name.trimmed()).bind(2, territory.ownerId).run();
    return m_db.lastInsertId();
}

} // namespace tp
