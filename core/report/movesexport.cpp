#include "movesexport.h"

#include "csvwriter.h"
#include "domain/dates.h"
#include "values/identifiers.h"

#include <algorithm>

namespace tp {

namespace {

const RepRow *repAt(const BookView &view, int index)
{
    return index >= 0 ? &view.reps[std::size_t(index)] : nullptr;
}

QString repName(const BookView &view, int index)
{
    const RepRow *rep = repAt(view, index);
    return rep ? rep->name : QString();
}

// Account rows by name (case-insensitive), then id: the order of every list here.
bool accountBefore(const BookView &view, int a, int b)
{
    const auto &accounts = view.accounts;
    const int c = QString::compare(accounts.name.at(std::size_t(a)),
                                   accounts.name.at(std::size_t(b)), Qt::CaseInsensitive);
    return c != 0 ? c < 0 : accounts.id[std::size_t(a)] < accounts.id[std::size_t(b)];
}

bool isDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

std::optional<QString> salesforce18(const QString &id)
{
    const auto converted = values::salesforceId18(id.toStdString());
    if (!converted)
        return std::nullopt;
    return QString::fromStdString(*converted);
}

} // namespace

QString MovesExport::formatKey(MovesFormat format)
{
    switch (format) {
    case MovesFormat::Salesforce:
        return QStringLiteral("salesforce");
    case MovesFormat::HubSpot:
        return QStringLiteral("hubspot");
    case MovesFormat::Generic:
        break;
    }
    return QStringLiteral("generic");
}

std::optional<MovesFormat> MovesExport::formatFromKey(const QString &key)
{
    for (MovesFormat f : { MovesFormat::Salesforce, MovesFormat::HubSpot, MovesFormat::Generic })
        if (formatKey(f) == key)
            return f;
    return std::nullopt;
}

QStringList MovesExport::formatKeys()
{
    return { formatKey(MovesFormat::Salesforce), formatKey(MovesFormat::HubSpot),
             formatKey(MovesFormat::Generic) };
}

QString MovesExport::formatName(MovesFormat format)
{
    switch (format) {
    case MovesFormat::Salesforce:
        return tr("Salesforce (Data Loader: Id, OwnerId)");
    case MovesFormat::HubSpot:
        return tr("HubSpot (Record ID, Company owner)");
    case MovesFormat::Generic:
        break;
    }
    return tr("Generic CSV (account, from, to)");
}

std::vector<AccountMove> MovesExport::moves(const BookView &view)
{
    const auto &a = view.accounts;
    std::vector<AccountMove> moves;
    for (int row = 0; row < a.size(); ++row) {
        const auto r = std::size_t(row);
        if (a.owner[r] != a.crmOwner[r])
            moves.push_back({ row, a.crmOwner[r], a.owner[r] });
    }
    std::sort(moves.begin(), moves.end(), [&view](const AccountMove &x, const AccountMove &y) {
        return accountBefore(view, x.account, y.account);
    });
    return moves;
}

MovesPlan MovesExport::plan(const BookView &view, MovesFormat format)
{
    MovesPlan plan;
    plan.format = format;
    plan.moves = moves(view);
    const auto &a = view.accounts;
    for (const AccountMove &move : plan.moves) {
        QStringList reasons;
        if (format != MovesFormat::Generic) {
            const QString crmId = a.crmId.at(std::size_t(move.account));
            if (crmId.isEmpty())
                reasons.append(tr("it has no CRM id (it was not imported from the CRM)"));
            else if (format == MovesFormat::Salesforce && !salesforce18(crmId))
                reasons.append(tr("its CRM id \"%1\" is not a Salesforce id").arg(crmId));
            else if (format == MovesFormat::HubSpot && !isDigits(crmId))
                reasons.append(tr("its CRM id \"%1\" is not a HubSpot record id").arg(crmId));
            const RepRow *to = repAt(view, move.to);
            if (!to) {
                reasons.append(tr("it has no owner in the book, and the CRM needs one"));
            } else if (format == MovesFormat::Salesforce) {
                if (to->crmUserId.isEmpty())
                    reasons.append(tr("its new owner, %1, has no CRM user id").arg(to->name));
                else if (!salesforce18(to->crmUserId))
                    reasons.append(tr("the CRM user id of its new owner, %1, \"%2\", is not a "
                                      "Salesforce id")
                                           .arg(to->name, to->crmUserId));
            } else if (to->email.isEmpty()) {
                reasons.append(tr("its new owner, %1, has no email").arg(to->name));
            }
        }
        if (reasons.isEmpty())
            plan.published.push_back(move);
        else
            plan.unpublished.push_back({ move, reasons.join(QStringLiteral("; ")) });
    }

    // The open deals of the moved accounts that the new owner does not hold.
    std::vector<int> newOwner(std::size_t(a.size()), -2); // -2: not moved
    for (const AccountMove &move : plan.moves)
        newOwner[std::size_t(move.account)] = move.to;
    const auto &o = view.opportunities;
    for (int row = 0; row < o.size(); ++row) {
        const auto r = std::size_t(row);
        const int account = o.account[r];
        if (account < 0 || Status(o.status[r]) != Status::Open)
            continue;
        const int to = newOwner[std::size_t(account)];
        if (to != -2 && o.owner[r] != to)
            plan.stayingDeals.push_back(row);
    }
    std::sort(plan.stayingDeals.begin(), plan.stayingDeals.end(), [&view](int x, int y) {
        const auto &o = view.opportunities;
        const int ax = o.account[std::size_t(x)], ay = o.account[std::size_t(y)];
        if (ax != ay)
            return accountBefore(view, ax, ay);
        const int c = QString::compare(o.name.at(std::size_t(x)), o.name.at(std::size_t(y)),
                                       Qt::CaseInsensitive);
        return c != 0 ? c < 0 : o.id[std::size_t(x)] < o.id[std::size_t(y)];
    });
    return plan;
}

bool MovesExport::write(const BookView &view, const MovesPlan &plan, QIODevice &out)
{
    const auto &a = view.accounts;
    if (plan.format == MovesFormat::Generic) {
        CsvWriter csv(out);
        for (const QString &h :
             { tr("Account ID"), tr("Account Name"), tr("Territory"), tr("From"), tr("From Email"),
               tr("From CRM User ID"), tr("To"), tr("To Email"), tr("To CRM User ID") })
            csv.text(h);
        csv.endRow();
        for (const AccountMove &move : plan.published) {
            const auto r = std::size_t(move.account);
            const RepRow *from = repAt(view, move.from);
            const RepRow *to = repAt(view, move.to);
            csv.text(a.crmId.at(r));
            csv.text(a.name.at(r));
            csv.text(a.territory[r] >= 0 ? view.territories[std::size_t(a.territory[r])].name
                                         : QString());
            csv.text(from ? from->name : QString());
            csv.text(from ? from->email : QString());
            csv.text(from ? from->crmUserId : QString());
            csv.text(to ? to->name : QString());
            csv.text(to ? to->email : QString());
            csv.text(to ? to->crmUserId : QString());
            csv.endRow();
        }
        return csv.ok();
    }
    // The CRMs' own column names, not translated.
    CsvWriter csv(out, CsvWriter::ByteOrderMark::Omit);
    const bool salesforce = plan.format == MovesFormat::Salesforce;
    csv.text(salesforce ? QStringLiteral("Id") : QStringLiteral("Record ID"));
    csv.text(salesforce ? QStringLiteral("OwnerId") : QStringLiteral("Company owner"));
    csv.endRow();
    for (const AccountMove &move : plan.published) {
        const QString crmId = a.crmId.at(std::size_t(move.account));
        const RepRow &to = view.reps[std::size_t(move.to)]; // plan() published only these
        if (salesforce) {
            csv.text(salesforce18(crmId).value_or(QString()));
            csv.text(salesforce18(to.crmUserId).value_or(QString()));
        } else {
            csv.text(crmId);
            csv.text(to.email);
        }
        csv.endRow();
    }
    return csv.ok();
}

bool MovesExport::writeStayingDeals(const BookView &view, const MovesPlan &plan, QIODevice &out)
{
    const auto &o = view.opportunities;
    const auto &a = view.accounts;
    CsvWriter csv(out);
    for (const QString &h :
         { tr("Opportunity ID"), tr("Opportunity Name"), tr("Account ID"), tr("Account Name"),
           tr("Owner"), tr("Owner Email"), tr("New Account Owner"), tr("Stage"), tr("Amount"),
           tr("Currency"), tr("Expected Close Date") })
        csv.text(h);
    csv.endRow();
    for (const int row : plan.stayingDeals) {
        const auto r = std::size_t(row);
        const auto account = std::size_t(o.account[r]);
        const RepRow *owner = repAt(view, o.owner[r]);
        csv.text(o.crmId.at(r));
        csv.text(o.name.at(r));
        csv.text(a.crmId.at(account));
        csv.text(a.name.at(account));
        csv.text(owner ? owner->name : QString());
        csv.text(owner ? owner->email : QString());
        csv.text(repName(view, a.owner[account]));
        csv.text(stageKey(Stage(o.stage[r])));
        csv.number(minorToDecimal(o.amount[r]));
        csv.text(o.currencies.value(o.currency[r]));
        csv.text(o.closeDate[r] ? dayToDate(o.closeDate[r]).toString(Qt::ISODate) : QString());
        csv.endRow();
    }
    return csv.ok();
}

QString MovesExport::stayingDealsPath(const QString &movesPath)
{
    QString base = movesPath;
    if (base.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        base.chop(4);
    return base + QStringLiteral("-open-deals.csv");
}

} // namespace tp
