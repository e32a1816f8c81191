#include "reviewcsv.h"

#include "csvwriter.h"

namespace tp {

namespace {

QString iso(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

bool ReviewCsv::reviews(ReviewRepository &repository, std::optional<Id> rep, QIODevice &out)
{
    CsvWriter csv(out);
    for (const QString &h : { tr("Rep"), tr("Review Date"), tr("Notes"), tr("Commitments Made"),
                              tr("Commitments Settled") })
        csv.text(h);
    csv.endRow();
    for (const auto &row : repository.listReviews(rep)) {
        csv.text(row.review.rep ? row.rep : tr("Team"));
        csv.text(iso(row.review.heldOn));
        csv.text(row.review.notes);
        csv.number(QString::number(row.made));
        csv.number(QString::number(row.settled));
        csv.endRow();
    }
    return csv.ok();
}

bool ReviewCsv::commitments(ReviewRepository &repository, std::optional<Id> rep, QIODevice &out)
{
    CsvWriter csv(out);
    for (const QString &h :
         { tr("Rep"), tr("Made On"), tr("Commitment"), tr("Opportunity ID"), tr("Opportunity Name"),
           tr("Account Name"), tr("Due Date"), tr("Status"), tr("Settled On") })
        csv.text(h);
    csv.endRow();
    for (const auto &row : repository.listCommitments(rep)) {
        const Commitment &c = row.commitment;
        csv.text(row.rep.isEmpty() ? tr("Team") : row.rep);
        csv.text(iso(row.madeOn));
        csv.text(c.text);
        csv.text(row.opportunityCrmId);
        csv.text(row.opportunity);
        csv.text(row.account);
        csv.text(iso(c.due));
        csv.text(commitmentStatusKey(c.status));
        csv.text(iso(row.settledOn));
        csv.endRow();
    }
    return csv.ok();
}

} // namespace tp
