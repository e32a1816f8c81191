// BookEditor: one-on-one reviews, their commitments and the gateway criteria of deals
// (docs/METRICS.md, "One-on-one reviews" and "Stages").
#include "bookeditor.h"

#include "domain/errors.h"
#include "storage/book.h"
#include "storage/reviews.h"

#include <QLocale>

namespace tp {

namespace {

QString shortDate(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

// The text of a commitment for an undo text, cut short.
QString quoted(const QString &text)
{
    constexpr int most = 40;
    const QString simple = text.simplified();
    return simple.size() <= most ? simple : simple.left(most - 1) + QChar(0x2026);
}

} // namespace

BookChange BookEditor::startReview(std::optional<Id> rep, const QDate &on)
{
    ReviewRepository reviews(m_book);
    const Review review{ reviews.nextReviewId(), rep, on, {} };
    BookChange change;
    change.reviews.push_back({ review.id, std::nullopt, review });
    change.text =
            rep ? tr("Start the review of %1").arg(repName(rep)) : tr("Start the team review");
    return written(std::move(change));
}

BookChange BookEditor::setReviewNotes(Id review, const QString &notes)
{
    const auto before = ReviewRepository(m_book).review(review);
    if (!before)
        throw InputError(tr("The review no longer exists."));
    Review after = *before;
    after.notes = notes;
    BookChange change;
    change.reviews.push_back({ review, before, after });
    change.text = tr("Edit the review notes");
    change.mergeKey = QStringLiteral("review-notes/%1").arg(review);
    return written(std::move(change));
}

BookChange BookEditor::removeReview(Id review)
{
    ReviewRepository reviews(m_book);
    const auto before = reviews.review(review);
    if (!before)
        throw InputError(tr("The review no longer exists."));
    BookChange change;
    for (const Commitment &c : reviews.tiedTo(review)) {
        if (c.review == review) {
            change.commitments.push_back({ c.id, c, std::nullopt });
        } else { // made earlier, settled in this one: open again
            Commitment open = c;
            open.status = CommitmentStatus::Open;
            open.settledIn.reset();
            change.commitments.push_back({ c.id, c, open });
        }
    }
    change.reviews.push_back({ review, before, std::nullopt });
    change.text = before->rep ? tr("Delete the review of %1 on %2")
                                        .arg(repName(before->rep), shortDate(before->heldOn))
                              : tr("Delete the team review on %1").arg(shortDate(before->heldOn));
    return written(std::move(change));
}

BookChange BookEditor::addCommitment(Id review, const QString &text, std::optional<Id> opportunity,
                                     std::optional<Id> account, const QDate &due)
{
    ReviewRepository reviews(m_book);
    Commitment c;
    c.id = reviews.nextCommitmentId();
    c.review = review;
    c.text = text.trimmed();
    c.opportunity = opportunity;
    c.account = account;
    c.due = due;
    BookChange change;
    change.commitments.push_back({ c.id, std::nullopt, c });
    change.text = tr("Add the commitment “%1”").arg(quoted(c.text));
    return written(std::move(change));
}

BookChange BookEditor::editCommitment(const Commitment &edited)
{
    const auto before = ReviewRepository(m_book).commitment(edited.id);
    if (!before)
        throw InputError(tr("The commitment no longer exists."));
    Commitment after = *before;
    after.text = edited.text.trimmed();
    after.opportunity = edited.opportunity;
    after.account = edited.account;
    after.due = edited.due;
    BookChange change;
    change.commitments.push_back({ after.id, before, after });
    change.text = tr("Edit the commitment “%1”").arg(quoted(after.text));
    return written(std::move(change));
}

BookChange BookEditor::settleCommitment(Id commitment, CommitmentStatus status, Id in)
{
    ReviewRepository reviews(m_book);
    const auto before = reviews.commitment(commitment);
    if (!before)
        throw InputError(tr("The commitment no longer exists."));
    Commitment after = *before;
    after.status = status;
    after.settledIn = status == CommitmentStatus::Open ? std::nullopt : std::optional<Id>(in);
    BookChange change;
    change.commitments.push_back({ commitment, before, after });
    const QString what = quoted(after.text);
    switch (status) {
    case CommitmentStatus::Open:
        change.text = tr("Mark “%1” open").arg(what);
        break;
    case CommitmentStatus::Done:
        change.text = tr("Mark “%1” done").arg(what);
        break;
    case CommitmentStatus::NotDone:
        change.text = tr("Mark “%1” not done").arg(what);
        break;
    case CommitmentStatus::Dropped:
        change.text = tr("Drop “%1”").arg(what);
        break;
    }
    return written(std::move(change));
}

BookChange BookEditor::removeCommitment(Id commitment)
{
    const auto before = ReviewRepository(m_book).commitment(commitment);
    if (!before)
        throw InputError(tr("The commitment no longer exists."));
    BookChange change;
    change.commitments.push_back({ commitment, before, std::nullopt });
    change.text = tr("Delete the commitment “%1”").arg(quoted(before->text));
    return written(std::move(change));
}

BookChange BookEditor::setCriterion(Id deal, Id criterion, bool met, const QDate &on)
{
    const CriterionTick before = ReviewRepository(m_book).tick(deal, criterion);
    CriterionTick after = before;
    if (met != before.checkedOn.isValid())
        after.checkedOn = met ? on : QDate();
    BookChange change;
    change.gateways.push_back({ before, after });
    change.text = met ? tr("Tick a gateway criterion") : tr("Untick a gateway criterion");
    return written(std::move(change));
}

} // namespace tp
