#pragma once

#include "accountreassignment.h"
#include "activitystats.h"
#include "analytics/stageconversion.h"
#include "analytics/territoryfunnel.h"
#include "domain/review.h"
#include "domain/scenario.h"
#include "domain/settings.h"

#include <QString>

#include <optional>
#include <vector>

namespace tp {

class Book;

// What the app reads from a book besides its BookView (docs/ARCHITECTURE.md, "Reads"): the
// values pages show that the view does not hold. Pages get one from the session
// (BookSession::reader()) and never touch the book or its SQL. A book that cannot be read answers
// "nothing" (no quota, no note...): the next edit reports why.
class BookReader
{
public:
    explicit BookReader(Book &book) : m_book(book) { }

    std::optional<Minor> quota(Id rep, const QString &period) const;
    AccountOpenDeals accountOpenDeals(Id account) const;
    funnel::Assumptions funnelAssumptions(const QString &scope, const QString &period) const;
    QString scoringNote(Id account) const;
    // METRICS "Funnel math": a scope's activities from `from` to `to`, and per week of a period.
    ActivityCounts activities(const ActivityScope &scope, const QDate &from, const QDate &to) const;
    std::vector<ActivityCounts> activitiesByWeek(const ActivityScope &scope, const QDate &start,
                                                 const QDate &to, int weeks) const;
    // What a proposal's funnel check reads of rep `repIndex` of `view` (territories::
    // FunnelChecker's ReadRep): the rep's assumptions for `period` and activities from `from`
    // to `to`.
    territories::RepActivity repActivity(const BookView &view, int repIndex, const QString &period,
                                         const QDate &from, const QDate &to) const;

    // One-on-one reviews (METRICS "One-on-one reviews"): a rep's (none: the team's), oldest
    // first; what one review shows of commitments; the gateway criteria and deals' ticks.
    std::vector<Review> reviews(std::optional<Id> rep) const;
    struct ReviewItems
    {
        std::vector<Commitment> carried; // from earlier reviews, open as of this one
        std::vector<Commitment> made; // in this one
        CommitmentRecord record; // the rep's, over all reviews
    };
    ReviewItems reviewItems(const Review &review) const;
    std::vector<StageCriterion> stageCriteria() const;
    // Every tick of the book (they are made by hand, so few), by deal then criterion.
    std::vector<CriterionTick> criterionTicks() const;

    // Rebalancing scenarios with their moves, oldest first (none when the book cannot be read).
    std::vector<Scenario> scenarios() const;

    // The stage flows of deals (id, row of `flow`), read again after an edit changed their
    // stage history; left as they were when the book cannot be read.
    void refreshStageFlows(const std::vector<std::pair<Id, int>> &deals,
                           health::StageFlow &flow) const;

private:
    Book &m_book;
};

} // namespace tp
