#include "territorysummary.h"

#include "jsonwriter.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace tp {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("tp::TerritorySummary", text, disambiguation, n);
}

} // namespace

TerritorySummary TerritorySummary::build(const BookView &view, territories::Metric metric,
                                         const QString &period)
{
    TerritorySummary s;
    s.currency = view.settings.currency;
    s.layout = territories::layoutOf(view);
    s.report = territories::evaluate(view, s.layout, metric, period);
    for (const territories::Layout::Entry &e : s.layout.entries)
        s.repNames.append(e.rep >= 0 ? view.reps[std::size_t(e.rep)].name : QString());
    return s;
}

TerritorySummary TerritorySummary::build(const BookView &view, territories::Metric metric,
                                         const QString &period,
                                         const territories::ProposalRequest &request)
{
    TerritorySummary s = build(view, metric, period);
    s.proposal = territories::propose(view, s.layout, s.report, period, request);
    const AccountColumns &a = view.accounts;
    for (const rebalance::Move &m : s.proposal->plan.moves) {
        s.movedNames.append(a.name.at(std::size_t(m.account)));
        s.movedCrmIds.append(a.crmId.at(std::size_t(m.account)));
        if (const auto money = territories::moneyValue(view, s.report, m.account))
            s.movedMoney.push_back(*money);
    }
    return s;
}

QString TerritorySummary::toJson() const
{
    JsonWriter json;
    json.beginObject()
            .value(QStringLiteral("metric"), territories::metricKey(report.metric))
            .ratio(QStringLiteral("balance"), report.balance)
            .ratio(QStringLiteral("max_deviation"), report.maxDeviation)
            .beginArray(QStringLiteral("territories"));
    for (std::size_t t = 0; t < report.territories.size(); ++t) {
        const territories::Figures &f = report.territories[t];
        json.beginObject()
                .value(QStringLiteral("territory"), layout.entries[t].name)
                .optionalText(QStringLiteral("rep"),
                              repNames[qsizetype(t)].isEmpty()
                                      ? std::nullopt
                                      : std::optional<QString>(repNames[qsizetype(t)]))
                .value(QStringLiteral("accounts"), f.accounts)
                .money(QStringLiteral("potential"), f.potential)
                .money(QStringLiteral("ev"), f.ev)
                .money(QStringLiteral("open_pipeline"), f.openPipeline)
                .value(QStringLiteral("active"), f.active)
                .value(QStringLiteral("capacity"), f.capacity)
                .ratio(QStringLiteral("share_of_average"), f.shareOfAverage)
                .endObject();
    }
    json.endArray();
    if (proposal)
        writeProposal(json);
    json.endObject();
    return json.toString();
}

void TerritorySummary::writeProposal(JsonWriter &json) const
{
    const territories::TerritoryProposal &p = *proposal;
    const territories::Report &after = p.after;
    json.beginObject(QStringLiteral("proposal"))
            .value(QStringLiteral("tolerance"), p.request.tolerance)
            .value(QStringLiteral("moved_accounts"), qint64(p.plan.moves.size()))
            .value(QStringLiteral("moved_share"), p.movedShare)
            .boolean(QStringLiteral("within_tolerance"), p.plan.withinTolerance)
            .value(QStringLiteral("locked_accounts"), p.locks.locked)
            .ratio(QStringLiteral("balance_after"), after.balance)
            .ratio(QStringLiteral("max_deviation_after"), after.maxDeviation)
            .beginArray(QStringLiteral("moves"));
    for (std::size_t i = 0; i < p.plan.moves.size(); ++i) {
        const rebalance::Move &m = p.plan.moves[i];
        json.beginObject()
                .value(QStringLiteral("account"), movedNames[qsizetype(i)])
                .optionalText(QStringLiteral("crm_id"),
                              movedCrmIds[qsizetype(i)].isEmpty()
                                      ? std::nullopt
                                      : std::optional<QString>(movedCrmIds[qsizetype(i)]))
                .value(QStringLiteral("from"), layout.entries[std::size_t(m.from)].name)
                .value(QStringLiteral("to"), layout.entries[std::size_t(m.to)].name);
        const double value = moveValue(i);
        if (!movedMoney.empty())
            json.money(QStringLiteral("value"), movedMoney[i]);
        else if (report.metric == territories::Metric::Mix)
            json.value(QStringLiteral("value"), value);
        else
            json.value(QStringLiteral("value"), qint64(std::llround(value)));
        json.endObject();
    }
    json.endArray().beginArray(QStringLiteral("territories_after"));
    for (std::size_t t = 0; t < after.territories.size(); ++t)
        json.beginObject()
                .value(QStringLiteral("territory"), layout.entries[t].name)
                .ratio(QStringLiteral("share_of_average"), after.territories[t].shareOfAverage)
                .endObject();
    json.endArray().endObject();
}

double TerritorySummary::moveValue(std::size_t move) const
{
    return report.accountValue[std::size_t(proposal->plan.moves[move].account)];
}

QString TerritorySummary::toText() const
{
    const QLocale locale;
    const auto money = [&](Minor m) -> QString {
        return currency + QChar(0x00A0) + locale.toString(toMajor(m), 'f', 2);
    };
    const auto ratio = [&](const std::optional<double> &r) -> QString {
        return r ? locale.toString(*r, 'f', 2) : tr("n/a");
    };
    QString out = tr("Territories on %1: balance %2, largest deviation %3\n")
                          .arg(territories::metricName(report.metric), ratio(report.balance),
                               ratio(report.maxDeviation));
    if (layout.byRep)
        out += tr("The book has no territories: each rep's accounts are that rep's.\n");
    for (std::size_t t = 0; t < report.territories.size(); ++t) {
        const territories::Figures &f = report.territories[t];
        out += tr("  %1 (%2): %3 accounts, potential %4, EV %5, open %6, active %7 of %8, "
                  "share %9\n")
                       .arg(layout.entries[t].name,
                            repNames[qsizetype(t)].isEmpty() ? tr("no rep")
                                                             : repNames[qsizetype(t)],
                            locale.toString(f.accounts), money(f.potential), money(f.ev),
                            money(f.openPipeline), locale.toString(f.active),
                            locale.toString(f.capacity), ratio(f.shareOfAverage));
    }
    if (layout.unassigned > 0)
        out += tr("Accounts in no territory: %1\n").arg(locale.toString(layout.unassigned));
    if (proposal)
        out += proposalText();
    return out;
}

QString TerritorySummary::proposalText() const
{
    const QLocale locale;
    const territories::TerritoryProposal &p = *proposal;
    const auto ratio = [&](const std::optional<double> &r) -> QString {
        return r ? locale.toString(*r, 'f', 2) : tr("n/a");
    };
    const auto moved = int(p.plan.moves.size());
    QString out = moved == 0 && p.plan.withinTolerance
            ? tr("Proposal (tolerance %1): no account needs to move.\n")
                      .arg(locale.toString(p.request.tolerance, 'f', 2))
            : moved == 0
            ? tr("Proposal (tolerance %1): no move brings the territories nearer the average; "
                 "%2 accounts are locked (%3 of them by you, the others by an open deal: "
                 "--unlock-open frees those).\n")
                      .arg(locale.toString(p.request.tolerance, 'f', 2),
                           locale.toString(p.locks.locked), locale.toString(p.locks.byUser))
            : tr("Proposal (tolerance %1): move %n account(s), %2 of the total, balance %3, "
                 "largest deviation %4\n",
                 nullptr, moved)
                      .arg(locale.toString(p.request.tolerance, 'f', 2),
                           locale.toString(p.movedShare * 100, 'f', 1) + QLatin1Char('%'),
                           ratio(p.after.balance), ratio(p.after.maxDeviation));
    if (moved > 0 && !p.plan.withinTolerance)
        out += tr("  Not every territory can be brought within the tolerance: this is the smallest "
                  "largest deviation found.\n");
    const int decimals = movedMoney.empty() && report.metric != territories::Metric::Mix ? 0 : 2;
    for (std::size_t i = 0; i < p.plan.moves.size(); ++i) {
        const rebalance::Move &m = p.plan.moves[i];
        out += tr("  %1: %2 → %3 (%4)\n")
                       .arg(movedNames[qsizetype(i)], layout.entries[std::size_t(m.from)].name,
                            layout.entries[std::size_t(m.to)].name,
                            locale.toString(moveValue(i), 'f', decimals));
    }
    for (std::size_t t = 0; t < p.after.territories.size(); ++t)
        out += tr("  %1: share %2 → %3\n")
                       .arg(layout.entries[t].name, ratio(report.territories[t].shareOfAverage),
                            ratio(p.after.territories[t].shareOfAverage));
    return out;
}

} // namespace tp
