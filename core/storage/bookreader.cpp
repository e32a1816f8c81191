#include "bookreader.h"

#include "book.h"
#include "funnelassumptions.h"
#include "reps.h"
#include "reviews.h"
#include "scenarios.h"
#include "scoring.h"
#include "stageflowloader.h"

namespace tp {

namespace {

// A read that fails gives what `fallback` holds.
template<typename T, typename Read>
T readOr(T fallback, Read read)
{
    try {
        return read();
    } catch (const std::exception &) {
        return fallback;
    }
}

} // namespace

std::optional<Minor> BookReader::quota(Id rep, const QString &period) const
{
    return readOr<std::optional<Minor>>(std::nullopt,
                                        [&] { return RepRepository(m_book).quota(rep, period); });
}

AccountOpenDeals BookReader::accountOpenDeals(Id account) const
{
    return readOr<AccountOpenDeals>({},
                                    [&] { return AccountReassigner(m_book).openDeals(account); });
}

funnel::Assumptions BookReader::funnelAssumptions(const QString &scope, const QString &period) const
{
    return readOr<funnel::Assumptions>(
            {}, [&] { return FunnelAssumptionRepository(m_book).load(scope, period); });
}

std::vector<Review> BookReader::reviews(std::optional<Id> rep) const
{
    return readOr<std::vector<Review>>({}, [&] { return ReviewRepository(m_book).reviews(rep); });
}

BookReader::ReviewItems BookReader::reviewItems(const Review &review) const
{
    return readOr<ReviewItems>({}, [&] {
        ReviewRepository reviews(m_book);
        return ReviewItems{ reviews.carriedInto(review), reviews.madeIn(review.id),
                            reviews.record(review.rep) };
    });
}

std::vector<StageCriterion> BookReader::stageCriteria() const
{
    return readOr<std::vector<StageCriterion>>({},
                                               [&] { return ReviewRepository(m_book).criteria(); });
}

std::vector<Scenario> BookReader::scenarios() const
{
    return readOr<std::vector<Scenario>>({}, [&] { return ScenarioRepository(m_book).all(); });
}

std::vector<CriterionTick> BookReader::criterionTicks() const
{
    return readOr<std::vector<CriterionTick>>({},
                                              [&] { return ReviewRepository(m_book).allTicks(); });
}

QString BookReader::scoringNote(Id account) const
{
    return readOr<QString>({}, [&] { return ScoringRepository(m_book).note(account); });
}

territories::RepActivity BookReader::repActivity(const BookView &view, int repIndex,
                                                 const QString &period, const QDate &from,
                                                 const QDate &to) const
{
    territories::RepActivity a;
    const ActivityScope scope = activityScopeOf(view, repIndex, -1);
    a.assumptions = funnelAssumptions(FunnelAssumptionRepository::scopeKey(scope.rep, std::nullopt),
                                      period);
    const ActivityCounts counts = activities(scope, from, to);
    a.meetings = counts.meetings;
    a.activities = counts.worked();
    return a;
}

ActivityCounts BookReader::activities(const ActivityScope &scope, const QDate &from,
                                      const QDate &to) const
{
    return readOr<ActivityCounts>({}, [&] { return countActivities(m_book, scope, from, to); });
}

std::vector<ActivityCounts> BookReader::activitiesByWeek(const ActivityScope &scope,
                                                         const QDate &start, const QDate &to,
                                                         int weeks) const
{
    return readOr<std::vector<ActivityCounts>>(
            {}, [&] { return tp::activitiesByWeek(m_book, scope, start, to, weeks); });
}

void BookReader::refreshStageFlows(const std::vector<std::pair<Id, int>> &deals,
                                   health::StageFlow &flow) const
{
    readOr<bool>(false, [&] {
        reloadStageFlows(m_book, deals, flow);
        return true;
    });
}

} // namespace tp
