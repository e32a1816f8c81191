#pragma once

#include "book.h"
#include "domain/entities.h"

#include <QList>

#include <optional>

namespace tp {

// Reps, their quotas per period and territories.
class RepRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::RepRepository)

public:
    explicit RepRepository(Book &book) : m_db(book.db()) { }

    QList<Rep> all();
    std::optional<Rep> byName(const QString &name);
    std::optional<Rep> byId(Id id);
    Id insert(const Rep &rep);
    // The id of the rep with this name, created when missing.
    Id ensure(const QString &name);
    void setCapacity(Id rep, std::optional<int> capacity);
    // The rep's user id and email in the CRM (empty: none).
    void setIdentity(Id rep, const QString &crmUserId, const QString &email);

    std::optional<Minor> quota(Id rep, const QString &period);
    void setQuota(Id rep, const QString &period, std::optional<Minor> amount);

    QList<Territory> territories();
    std::optional<Territory> territoryByName(const QString &name);
    std::optional<Territory> territoryById(Id id);
    Id insertTerritory(const Territory &territory);
    // Makes, changes (none: deletes) the territory `id` (an edit's row, its id kept for undo).
    void writeTerritory(Id id, const std::optional<Territory> &territory);
    Id nextTerritoryId();

private:
    sql::Database &m_db;
};

} // namespace tp
