#include "reptable.h"

namespace tp::health {

RepTable repTable(const BookView &view, const HealthReport &team)
{
    RepTable table;
    const QString label = team.period.label();
    table.reps.resize(view.reps.size());
    for (std::size_t i = 0; i < view.reps.size(); ++i) {
        // A rep without a deal is not in the report: nothing won, nothing open.
        RepFigures &f = table.reps[i];
        f.rep = int(i);
        f.capacity = view.reps[i].capacity.value_or(view.settings.defaultCapacity);
        f.quota = view.quota(int(i), label);
        if (f.quota)
            f.attainment = ratio(0, *f.quota);
    }
    for (const RepFigures &f : team.reps) {
        if (f.rep >= 0 && std::size_t(f.rep) < table.reps.size())
            table.reps[std::size_t(f.rep)] = f;
    }

    TeamLine &line = table.team;
    if (team.coverage.hasTarget)
        line.quota = team.coverage.target;
    line.wonInPeriod = team.coverage.won;
    line.attainment = team.metrics.attainment;
    line.openAmount = team.openAmount;
    Minor ownedOpenAmount = 0;
    Minor ownedWon = 0;
    qint64 ownedOpen = 0;
    for (const RepFigures &f : table.reps) {
        line.active += f.active;
        line.capacity += f.capacity;
        ownedOpen += f.open;
        ownedOpenAmount += f.openAmount;
        ownedWon += f.wonInPeriod;
    }
    line.unassignedOpen = team.open - ownedOpen;
    line.unassignedOpenAmount = team.openAmount - ownedOpenAmount;
    line.unassignedWonInPeriod = team.coverage.won - ownedWon;
    return table;
}

} // namespace tp::health
