#pragma once

#include "book.h"
#include "domain/review.h"

#include <QCoreApplication>

#include <optional>
#include <vector>

namespace tp {

// The one-on-one reviews a book keeps (docs/METRICS.md, "One-on-one reviews"), their
// commitments, and the gateway criteria ticked per deal (METRICS "Stages"). Reads for the Review
// page, the pack and the export; writes for BookEditor, which records them as changes.
class ReviewRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::ReviewRepository)

public:
    explicit ReviewRepository(Book &book) : m_db(book.db()) { }

    // The reviews of a rep (none: the team's), oldest first (by date, then as they were made).
    std::vector<Review> reviews(std::optional<Id> rep);
    std::optional<Review> review(Id id);
    // The rep's latest review held before `date` (strictly).
    std::optional<Review> lastBefore(std::optional<Id> rep, const QDate &date);
    // The commitments made in a review, as they were made.
    std::vector<Commitment> madeIn(Id review);
    // The commitments an earlier review of the same rep left open as of this one: made before
    // it and open, settled in it, or settled in a later review.
    std::vector<Commitment> carriedInto(const Review &review);
    std::optional<Commitment> commitment(Id id);
    // The commitments tied to a review in any way: made in it or settled in it.
    std::vector<Commitment> tiedTo(Id review);
    // Kept (done) of made (done or not done) over all the rep's reviews.
    CommitmentRecord record(std::optional<Id> rep);

    // Every review and commitment with the names they refer to, for the export: a rep's (none:
    // everyone's, team reviews included), oldest review first.
    struct ReviewListing
    {
        Review review;
        QString rep; // empty: the team
        int made = 0, settled = 0; // commitments made in it, settled in it
    };
    struct CommitmentListing
    {
        Commitment commitment;
        QString rep; // of the review it was made in; empty: the team
        QDate madeOn, settledOn;
        QString opportunityCrmId, opportunity, account;
    };
    std::vector<ReviewListing> listReviews(std::optional<Id> rep);
    std::vector<CommitmentListing> listCommitments(std::optional<Id> rep);

    // Ids a new review or commitment gets, so that its record redoes with the same one.
    Id nextReviewId();
    Id nextCommitmentId();

    // Each writes `after` over the row of the same id (inserts it), or deletes the row when
    // `after` is none. A blank text, a date missing or a reference to nothing throws InputError.
    void writeReview(Id id, const std::optional<Review> &after);
    void writeCommitment(Id id, const std::optional<Commitment> &after);

    // The gateway criteria of every open stage, by stage and position.
    std::vector<StageCriterion> criteria();
    // Every criterion ticked, by deal then criterion.
    std::vector<CriterionTick> allTicks();
    CriterionTick tick(Id deal, Id criterion);
    void writeTick(const CriterionTick &tick);

private:
    sql::Database &m_db;
};

} // namespace tp
