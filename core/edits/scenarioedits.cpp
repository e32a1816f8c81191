// BookEditor: rebalancing scenarios kept, renamed and deleted (docs/METRICS.md "Territories").
// Each is one change with the scenario's moves, so that undo brings a deleted one back whole.
#include "bookeditor.h"

#include "domain/errors.h"
#include "storage/book.h"
#include "storage/scenarios.h"

#include <algorithm>

namespace tp {

QString BookEditor::checkedScenarioName(const QString &name, Id except)
{
    QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw InputError(tr("A scenario needs a name."));
    const auto same = ScenarioRepository(m_book).byName(trimmed);
    if (same && same->id != except)
        throw InputError(tr("There is a scenario named “%1” already.").arg(trimmed));
    return trimmed;
}

BookChange BookEditor::keepScenario(Scenario scenario)
{
    sql::Transaction tx(m_book.db());
    ScenarioRepository scenarios(m_book);
    scenario.id = scenarios.nextId();
    scenario.name = checkedScenarioName(scenario.name, 0);
    std::sort(scenario.moves.begin(), scenario.moves.end(),
              [](const ScenarioMove &a, const ScenarioMove &b) { return a.account < b.account; });
    BookChange change;
    change.text = tr("Keep scenario %1").arg(scenario.name);
    change.scenarios.push_back({ scenario.id, std::nullopt, std::move(scenario) });
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::renameScenario(Id id, const QString &name)
{
    sql::Transaction tx(m_book.db());
    const auto before = ScenarioRepository(m_book).byId(id);
    if (!before)
        throw InputError(tr("That scenario does not exist."));
    Scenario after = *before;
    after.name = checkedScenarioName(name, id);
    BookChange change;
    change.text = tr("Rename scenario %1 to %2").arg(before->name, after.name);
    change.scenarios.push_back({ id, before, std::move(after) });
    change = written(std::move(change));
    tx.commit();
    return change;
}

BookChange BookEditor::deleteScenario(Id id)
{
    sql::Transaction tx(m_book.db());
    const auto before = ScenarioRepository(m_book).byId(id);
    if (!before)
        throw InputError(tr("That scenario does not exist."));
    BookChange change;
    change.text = tr("Delete scenario %1").arg(before->name);
    change.scenarios.push_back({ id, before, std::nullopt });
    change = written(std::move(change));
    tx.commit();
    return change;
}

} // namespace tp
