#include "scenarios.h"

namespace tp {

namespace {

constexpr const char *scenarioColumns =
        "SELECT id, name, created_on, metric, tolerance, max_moves, max_share, unlock_open, "
        "to_reps FROM scenarios ";

} // namespace

std::vector<Scenario> ScenarioRepository::read(const char *where,
                                               const std::function<void(sql::Statement &)> &bind)
{
    std::vector<Scenario> scenarios;
    auto st = m_db.prepare(std::string(scenarioColumns) + where + " ORDER BY id");
    bind(st);
    while (st.step()) {
        Scenario s;
        s.id = st.int64(0);
        s.name = st.text(1);
        s.createdOn = st.date(2);
        s.metric = st.text(3);
        s.tolerance = st.real(4);
        if (!st.isNull(5))
            s.maxMoves = st.integer(5);
        if (!st.isNull(6))
            s.maxShare = st.real(6);
        s.unlockOpen = st.integer(7) != 0;
        s.toReps = st.integer(8) != 0;
        scenarios.push_back(std::move(s));
    }
    auto moves = m_db.prepare(
            "SELECT account_id, to_id FROM scenario_moves WHERE scenario_id = ? ORDER BY "
            "account_id");
    for (Scenario &s : scenarios) {
        moves.bind(1, s.id);
        while (moves.step())
            s.moves.push_back({ moves.int64(0), moves.int64(1) });
        moves.reset();
    }
    return scenarios;
}

std::vector<Scenario> ScenarioRepository::all()
{
    return read("", [](sql::Statement &) {});
}

std::optional<Scenario> ScenarioRepository::byId(Id id)
{
    std::vector<Scenario> found =
            read("WHERE id = ?", [id](sql::Statement &st) { st.bind(1, id); });
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::optional<Scenario> ScenarioRepository::byName(const QString &name)
{
    std::vector<Scenario> found = read("WHERE name = ? COLLATE NOCASE",
                                       [&name](sql::Statement &st) { st.bind(1, name.trimmed()); });
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

Id ScenarioRepository::nextId()
{
    auto st = m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM scenarios");
    return st.step() ? st.int64(0) : 1;
}

void ScenarioRepository::write(Id id, const std::optional<Scenario> &scenario)
{
    // A changed scenario is written again whole, its moves with it.
    m_db.prepare("DELETE FROM scenario_moves WHERE scenario_id = ?").bind(1, id).run();
    m_db.prepare("DELETE FROM scenarios WHERE id = ?").bind(1, id).run();
    if (!scenario)
        return;
    m_db.prepare("INSERT INTO scenarios (id, name, created_on, metric, tolerance, max_moves, "
                 "max_share, unlock_open, to_reps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, id)
            .bind(2, scenario->name)
            .bind(3, scenario->createdOn)
            .bind(4, scenario->metric)
            .bind(5, scenario->tolerance)
            .bind(6, scenario->maxMoves)
            .bind(7, scenario->maxShare)
            .bind(8, scenario->unlockOpen ? 1 : 0)
            .bind(9, scenario->toReps ? 1 : 0)
            .run();
    auto st = m_db.prepare(
            "INSERT INTO scenario_moves (scenario_id, account_id, to_id) VALUES (?, ?, ?)");
    for (const ScenarioMove &m : scenario->moves)
        st.bind(1, id).bind(2, m.account).bind(3, m.to).run();
}

} // namespace tp
