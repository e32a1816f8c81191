#include "activitystats.h"

#include <algorithm>

namespace tp {

namespace {

// Parameters: ?1 from, ?2 to, ?3 rep id, ?4 territory id (NULL: not limited).
constexpr const char *scoped =
        " FROM activities WHERE activity_date BETWEEN ?1 AND ?2"
        " AND (?3 IS NULL OR rep_id = ?3)"
        " AND (?4 IS NULL OR account_id IN (SELECT id FROM accounts WHERE territory_id = ?4))";

void add(ActivityCounts &counts, const QString &type, qint64 n)
{
    if (type == QLatin1String("call"))
        counts.calls += n;
    else if (type == QLatin1String("email"))
        counts.emails += n;
    else if (type == QLatin1String("meeting"))
        counts.meetings += n;
    else
        counts.other += n;
}

} // namespace

ActivityScope activityScopeOf(const BookView &view, int repIndex, int territoryIndex)
{
    ActivityScope ids;
    if (repIndex >= 0 && repIndex < int(view.reps.size()))
        ids.rep = view.reps[std::size_t(repIndex)].id;
    if (territoryIndex >= 0 && territoryIndex < int(view.territories.size()))
        ids.territory = view.territories[std::size_t(territoryIndex)].id;
    return ids;
}

ActivityCounts countActivities(Book &book, const ActivityScope &scope, const QDate &from,
                               const QDate &to)
{
    ActivityCounts counts;
    auto st = book.db().prepare(std::string("SELECT type, count(*)") + scoped + " GROUP BY type");
    st.bind(1, from).bind(2, to).bind(3, scope.rep).bind(4, scope.territory);
    while (st.step())
        add(counts, st.text(0), st.int64(1));
    return counts;
}

std::vector<ActivityCounts> activitiesByWeek(Book &book, const ActivityScope &scope,
                                             const QDate &start, const QDate &to, int weeks)
{
    std::vector<ActivityCounts> byWeek(std::size_t(std::max(weeks, 0)));
    auto st = book.db().prepare(
            std::string("SELECT CAST(julianday(activity_date) - julianday(?1) AS INTEGER) / 7, "
                        "type, count(*)")
            + scoped + " GROUP BY 1, 2");
    st.bind(1, start).bind(2, to).bind(3, scope.rep).bind(4, scope.territory);
    while (st.step()) {
        const qint64 week = std::min(st.int64(0), qint64(byWeek.size()) - 1);
        if (week >= 0)
            add(byWeek[std::size_t(week)], st.text(1), st.int64(2));
    }
    return byWeek;
}

} // namespace tp
