#include "reviews.h"

#include "domain/errors.h"

namespace tp {

namespace {

constexpr const char *reviewColumns = "id, rep_id, held_on, notes";
constexpr const char *commitmentColumns =
        "c.id, c.review_id, c.text, c.opportunity_id, c.account_id, c.due_on, c.status, "
        "c.settled_in";

Review readReview(const sql::Statement &st)
{
    Review r;
    r.id = st.int64(0);
    r.rep = st.optionalInt64(1);
    r.heldOn = st.date(2);
    r.notes = st.text(3);
    return r;
}

Commitment readCommitment(const sql::Statement &st)
{
    Commitment c;
    c.id = st.int64(0);
    c.review = st.int64(1);
    c.text = st.text(2);
    c.opportunity = st.optionalInt64(3);
    c.account = st.optionalInt64(4);
    c.due = st.date(5);
    c.status = CommitmentStatus(std::clamp(st.integer(6), 0, commitmentStatusCount - 1));
    c.settledIn = st.optionalInt64(7);
    return c;
}

std::vector<Commitment> readCommitments(sql::Statement &st)
{
    std::vector<Commitment> all;
    while (st.step())
        all.push_back(readCommitment(st));
    return all;
}

std::string select(const char *columns, const char *rest)
{
    return std::string("SELECT ") + columns + " " + rest;
}

bool exists(sql::Database &db, const char *table, Id id)
{
    auto st = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
    st.bind(1, id);
    return st.step();
}

} // namespace

std::vector<Review> ReviewRepository::reviews(std::optional<Id> rep)
{
    auto st = m_db.prepare(
            select(reviewColumns, "FROM reviews WHERE rep_id IS ? ORDER BY held_on, id"));
    st.bind(1, rep);
    std::vector<Review> all;
    while (st.step())
        all.push_back(readReview(st));
    return all;
}

std::optional<Review> ReviewRepository::review(Id id)
{
    auto st = m_db.prepare(select(reviewColumns, "FROM reviews WHERE id = ?"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readReview(st);
}

std::optional<Review> ReviewRepository::lastBefore(std::optional<Id> rep, const QDate &date)
{
    auto st = m_db.prepare(select(reviewColumns,
                                  "FROM reviews WHERE rep_id IS ? AND held_on < ? "
                                  "ORDER BY held_on DESC, id DESC LIMIT 1"));
    st.bind(1, rep).bind(2, date);
    if (!st.step())
        return std::nullopt;
    return readReview(st);
}

std::vector<Commitment> ReviewRepository::madeIn(Id review)
{
    auto st = m_db.prepare(select(commitmentColumns,
                                  "FROM commitments c WHERE c.review_id = ? "
                                  "ORDER BY c.id"));
    st.bind(1, review);
    return readCommitments(st);
}

std::vector<Commitment> ReviewRepository::carriedInto(const Review &review)
{
    // Reviews of the same rep ordered by (date, id): made in an earlier one; open, or settled in
    // this one or a later one.
    auto st = m_db.prepare(select(commitmentColumns,
                                  "FROM commitments c JOIN reviews made ON made.id = c.review_id "
                                  "LEFT JOIN reviews settled ON settled.id = c.settled_in "
                                  "WHERE made.rep_id IS ?1 AND (made.held_on < ?2 OR (made.held_on "
                                  "= ?2 AND made.id < ?3)) "
                                  "AND (c.settled_in IS NULL OR settled.held_on > ?2 "
                                  "     OR (settled.held_on = ?2 AND settled.id >= ?3)) "
                                  "ORDER BY made.held_on, made.id, c.id"));
    st.bind(1, review.rep).bind(2, review.heldOn).bind(3, review.id);
    return readCommitments(st);
}

std::optional<Commitment> ReviewRepository::commitment(Id id)
{
    auto st = m_db.prepare(select(commitmentColumns, "FROM commitments c WHERE c.id = ?"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readCommitment(st);
}

std::vector<Commitment> ReviewRepository::tiedTo(Id review)
{
    auto st = m_db.prepare(select(commitmentColumns,
                                  "FROM commitments c "
                                  "WHERE c.review_id = ?1 OR c.settled_in = ?1 "
                                  "ORDER BY c.id"));
    st.bind(1, review);
    return readCommitments(st);
}

CommitmentRecord ReviewRepository::record(std::optional<Id> rep)
{
    auto st = m_db.prepare("SELECT count(*) FILTER (WHERE c.status = 1), "
                           "count(*) FILTER (WHERE c.status IN (1, 2)) "
                           "FROM commitments c JOIN reviews r ON r.id = c.review_id "
                           "WHERE r.rep_id IS ?");
    st.bind(1, rep);
    st.step();
    return { st.integer(0), st.integer(1) };
}

std::vector<ReviewRepository::ReviewListing> ReviewRepository::listReviews(std::optional<Id> rep)
{
    auto st = m_db.prepare("SELECT r.id, r.rep_id, r.held_on, r.notes, coalesce(p.name, ''), "
                           "(SELECT count(*) FROM commitments c WHERE c.review_id = r.id), "
                           "(SELECT count(*) FROM commitments c WHERE c.settled_in = r.id) "
                           "FROM reviews r LEFT JOIN reps p ON p.id = r.rep_id "
                           "WHERE ?1 IS NULL OR r.rep_id = ?1 ORDER BY r.held_on, r.id");
    st.bind(1, rep);
    std::vector<ReviewListing> all;
    while (st.step())
        all.push_back({ readReview(st), st.text(4), st.integer(5), st.integer(6) });
    return all;
}

std::vector<ReviewRepository::CommitmentListing>
ReviewRepository::listCommitments(std::optional<Id> rep)
{
    auto st = m_db.prepare(
            select(commitmentColumns,
                   ", coalesce(p.name, ''), r.held_on, s.held_on, o.crm_id, o.name, "
                   "coalesce(a.name, oa.name) "
                   "FROM commitments c JOIN reviews r ON r.id = c.review_id "
                   "LEFT JOIN reps p ON p.id = r.rep_id LEFT JOIN reviews s ON s.id = c.settled_in "
                   "LEFT JOIN opportunities o ON o.id = c.opportunity_id "
                   "LEFT JOIN accounts a ON a.id = c.account_id "
                   "LEFT JOIN accounts oa ON oa.id = o.account_id "
                   "WHERE ?1 IS NULL OR r.rep_id = ?1 ORDER BY r.held_on, r.id, c.id"));
    st.bind(1, rep);
    std::vector<CommitmentListing> all;
    while (st.step())
        all.push_back({ readCommitment(st), st.text(8), st.date(9), st.date(10), st.text(11),
                        st.text(12), st.text(13) });
    return all;
}

Id ReviewRepository::nextReviewId()
{
    auto st = m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM reviews");
    st.step();
    return st.int64(0);
}

Id ReviewRepository::nextCommitmentId()
{
    auto st = m_db.prepare("SELECT coalesce(max(id), 0) + 1 FROM commitments");
    st.step();
    return st.int64(0);
}

void ReviewRepository::writeReview(Id id, const std::optional<Review> &after)
{
    if (!after) {
        m_db.prepare("DELETE FROM reviews WHERE id = ?").bind(1, id).run();
        return;
    }
    if (!after->heldOn.isValid())
        throw InputError(tr("A review needs a date."));
    if (after->rep && !exists(m_db, "reps", *after->rep))
        throw InputError(tr("The rep of the review no longer exists."));
    m_db.prepare("INSERT INTO reviews (id, rep_id, held_on, notes) VALUES (?1, ?2, ?3, ?4) "
                 "ON CONFLICT (id) DO UPDATE SET rep_id = ?2, held_on = ?3, notes = ?4")
            .bind(1, id)
            .bind(2, after->rep)
            .bind(3, after->heldOn)
            .bind(4, after->notes.isNull() ? QStringLiteral("") : after->notes)
            .run();
}

void ReviewRepository::writeCommitment(Id id, const std::optional<Commitment> &after)
{
    if (!after) {
        m_db.prepare("DELETE FROM commitments WHERE id = ?").bind(1, id).run();
        return;
    }
    if (after->text.trimmed().isEmpty())
        throw InputError(tr("A commitment needs a text."));
    if (!exists(m_db, "reviews", after->review))
        throw InputError(tr("The review of the commitment no longer exists."));
    if (after->opportunity && !exists(m_db, "opportunities", *after->opportunity))
        throw InputError(tr("The deal of the commitment no longer exists."));
    if (after->account && !exists(m_db, "accounts", *after->account))
        throw InputError(tr("The account of the commitment no longer exists."));
    if (after->settledIn && !exists(m_db, "reviews", *after->settledIn))
        throw InputError(tr("The review that settled the commitment no longer exists."));
    m_db.prepare("INSERT INTO commitments (id, review_id, text, opportunity_id, account_id, "
                 "due_on, status, settled_in) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                 "ON CONFLICT (id) DO UPDATE SET review_id = ?2, text = ?3, opportunity_id = ?4, "
                 "account_id = ?5, due_on = ?6, status = ?7, settled_in = ?8")
            .bind(1, id)
            .bind(2, after->review)
            .bind(3, after->text.trimmed())
            .bind(4, after->opportunity)
            .bind(5, after->account)
            .bind(6, after->due)
            .bind(7, int(after->status))
            .bind(8, after->settledIn)
            .run();
}

std::vector<StageCriterion> ReviewRepository::criteria()
{
    auto st = m_db.prepare("SELECT id, stage, position, text FROM stage_criteria "
                           "ORDER BY stage, position, id");
    std::vector<StageCriterion> all;
    while (st.step())
        all.push_back(
                { st.int64(0), Stage(std::clamp(st.integer(1), 1, 4)), st.integer(2), st.text(3) });
    return all;
}

std::vector<CriterionTick> ReviewRepository::allTicks()
{
    auto st = m_db.prepare("SELECT opportunity_id, criterion_id, checked_on "
                           "FROM opportunity_criteria ORDER BY opportunity_id, criterion_id");
    std::vector<CriterionTick> all;
    while (st.step())
        all.push_back({ st.int64(0), st.int64(1), st.date(2) });
    return all;
}

CriterionTick ReviewRepository::tick(Id deal, Id criterion)
{
    auto st = m_db.prepare("SELECT checked_on FROM opportunity_criteria "
                           "WHERE opportunity_id = ? AND criterion_id = ?");
    st.bind(1, deal).bind(2, criterion);
    return { deal, criterion, st.step() ? st.date(0) : QDate() };
}

void ReviewRepository::writeTick(const CriterionTick &tick)
{
    if (!tick.checkedOn.isValid()) {
        m_db.prepare("DELETE FROM opportunity_criteria WHERE opportunity_id = ? "
                     "AND criterion_id = ?")
                .bind(1, tick.opportunity)
                .bind(2, tick.criterion)
                .run();
        return;
    }
    if (!exists(m_db, "opportunities", tick.opportunity))
        throw InputError(tr("The deal no longer exists."));
    if (!exists(m_db, "stage_criteria", tick.criterion))
        throw InputError(tr("The gateway criterion no longer exists."));
    m_db.prepare("INSERT OR REPLACE INTO opportunity_criteria (opportunity_id, criterion_id, "
                 "checked_on) VALUES (?, ?, ?)")
            .bind(1, tick.opportunity)
            .bind(2, tick.criterion)
            .bind(3, tick.checkedOn)
            .run();
}

} // namespace tp
