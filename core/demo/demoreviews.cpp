#include "demoreviews.h"

#include "storage/book.h"
#include "storage/reviews.h"

namespace tp::demo {

namespace {

// The rep's largest open deals, largest first.
std::vector<Id> largestOpenDeals(Book &book, Id rep, int count)
{
    auto st = book.db().prepare("SELECT id FROM opportunities WHERE owner_id = ? AND status = 0 "
                                "ORDER BY amount DESC, id LIMIT ?");
    st.bind(1, rep).bind(2, count);
    std::vector<Id> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

} // namespace

void addDemoReviews(Book &book, const std::vector<Id> &reps, const QDate &today)
{
    if (reps.empty())
        return;
    sql::Transaction tx(book.db());
    ReviewRepository reviews(book);
    const std::vector<Id> deals = largestOpenDeals(book, reps.front(), 3);
    const auto deal = [&](std::size_t i) {
        return i < deals.size() ? std::optional<Id>(deals[i]) : std::nullopt;
    };
    Id nextReview = reviews.nextReviewId();
    Id nextCommitment = reviews.nextCommitmentId();
    const auto review = [&](std::optional<Id> rep, int daysBack, const char *notes) {
        const Review r{ nextReview++, rep, today.addDays(-daysBack), QString::fromUtf8(notes) };
        reviews.writeReview(r.id, r);
        return r.id;
    };
    const auto commit = [&](Id in, const char *text, std::optional<Id> opportunity, int dueBack,
                            CommitmentStatus status = CommitmentStatus::Open,
                            std::optional<Id> settledIn = std::nullopt) {
        Commitment c;
        c.id = nextCommitment++;
        c.review = in;
        c.text = QString::fromUtf8(text);
        c.opportunity = opportunity;
        c.due = today.addDays(-dueBack);
        c.status = status;
        c.settledIn = settledIn;
        reviews.writeCommitment(c.id, c);
    };

    const Id first = review(reps.front(), 14,
                            "Pipeline looks full but two large deals have had no contact for a "
                            "month. Agreed to re-qualify them before the quarter's last push.");
    const Id second = review(reps.front(), 7,
                             "Re-qualified one of the two; the other moved to next quarter. Proof "
                             "of value for the largest deal is still not agreed with the buyer.");
    commit(first, "Re-qualify the two idle enterprise deals", deal(1), 9, CommitmentStatus::Done,
           second);
    commit(first, "Book a call with the economic buyer", deal(0), 8, CommitmentStatus::NotDone,
           second);
    commit(first, "Clean up deals with close dates in the past", std::nullopt, 7,
           CommitmentStatus::Dropped, second);
    commit(second, "Agree the proof of value with the buyer", deal(0), 2);
    commit(second, "Send the ROI case to the CFO", deal(2), 0);

    const Id team = review(std::nullopt, 7,
                           "Coverage looks like 3x but a third of it is stalled. Each rep brings "
                           "their three largest stalled deals to the one-on-one.");
    commit(team, "Every rep reviews their stalled deals before the one-on-ones", std::nullopt, 2);
    commit(team, "Agree the gateway criteria for Propose with the team", std::nullopt, -7);
    tx.commit();
}

} // namespace tp::demo
