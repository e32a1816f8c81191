#pragma once

#include "book.h"
#include "domain/scenario.h"

#include <functional>
#include <optional>
#include <vector>

namespace tp {

// Rebalancing scenarios (tables scenarios and scenario_moves, schema version 12).
class ScenarioRepository
{
public:
    explicit ScenarioRepository(Book &book) : m_db(book.db()) { }

    // Every scenario with its moves, oldest first.
    std::vector<Scenario> all();
    std::optional<Scenario> byId(Id id);
    std::optional<Scenario> byName(const QString &name);
    Id nextId();
    // Makes, replaces (none: deletes) the scenario `id` with its moves (an edit's row).
    void write(Id id, const std::optional<Scenario> &scenario);

private:
    std::vector<Scenario> read(const char *where,
                               const std::function<void(sql::Statement &)> &bind);

    sql::Database &m_db;
};

} // namespace tp
