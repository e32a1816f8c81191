#pragma once

#include "book.h"
#include "domain/dates.h"
#include "domain/entities.h"
#include "views/bookview.h"

#include <optional>
#include <vector>

namespace tp {

// Activities counted for funnel math (METRICS "Funnel math"): a scope's calls, emails and
// meetings over a span of days. A rep's are the ones the rep logged; a territory's, those on its
// accounts.
struct ActivityScope
{
    std::optional<Id> rep;
    std::optional<Id> territory;
};

// The ids behind a rep and a territory index of `view` (-1 or out of range: not limited).
ActivityScope activityScopeOf(const BookView &view, int repIndex, int territoryIndex);

struct ActivityCounts
{
    qint64 calls = 0;
    qint64 emails = 0;
    qint64 meetings = 0;
    qint64 other = 0;

    // What funnel math calls activities: calls, emails and meetings.
    qint64 worked() const { return calls + emails + meetings; }
};

// From `from` to `to`, both included.
ActivityCounts countActivities(Book &book, const ActivityScope &scope, const QDate &from,
                               const QDate &to);

// Per week of a span that starts on `start` (week k holds days start + 7k .. start + 7k + 6),
// up to `to` included: `weeks` entries, the days past the last week counted in it (a quarter's
// 92nd day belongs to its 13th week).
std::vector<ActivityCounts> activitiesByWeek(Book &book, const ActivityScope &scope,
                                             const QDate &start, const QDate &to, int weeks);

} // namespace tp
