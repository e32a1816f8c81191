#include "csvexport.h"

#include "csvwriter.h"
#include "domain/dates.h"

#include <algorithm>

namespace tp {

namespace {

QString isoDay(std::int32_t day)
{
    return day ? dayToDate(day).toString(Qt::ISODate) : QString();
}

QString percent(BasisPoints bp)
{
    QString text = QString::number(double(bp) / 100.0, 'f', 2);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString repName(const BookView &view, int index)
{
    return index >= 0 ? view.reps[std::size_t(index)].name : QString();
}

// The columns every deal export starts with: id, name, account, owner, stage.
void writeDealHead(CsvWriter &csv, const BookView &view, std::size_t r)
{
    const auto &o = view.opportunities;
    const int account = o.account[r];
    csv.text(o.crmId.at(r));
    csv.text(o.name.at(r));
    csv.text(account >= 0 ? view.accounts.name.at(std::size_t(account)) : QString());
    csv.text(repName(view, o.owner[r]));
    csv.text(stageKey(Stage(o.stage[r])));
}

} // namespace

bool CsvExport::opportunities(const BookView &view, const RowFilter &filter, QIODevice &out)
{
    const auto &o = view.opportunities;
    CsvWriter csv(out);
    for (const QString &h :
         { tr("Opportunity ID"), tr("Opportunity Name"), tr("Account Name"), tr("Owner"),
           tr("Stage"), tr("Status"), tr("Amount"), tr("Currency"), tr("Probability (%)"),
           tr("Weighted Amount"), tr("Created Date"), tr("Expected Close Date"),
           tr("Last Activity"), tr("Forecast Category") })
        csv.text(h);
    csv.endRow();
    const std::vector<int> order = storageOrder(std::size_t(o.size()));
    for (int row : filterOpportunities(view, order, filter)) {
        const auto r = std::size_t(row);
        writeDealHead(csv, view, r);
        csv.text(statusKey(Status(o.status[r])));
        csv.number(minorToDecimal(o.amount[r]));
        csv.text(o.currencies.value(o.currency[r]));
        csv.number(percent(view.probability(row)));
        csv.number(minorToDecimal(view.weightedAmount(row)));
        csv.text(isoDay(o.created[r]));
        csv.text(isoDay(o.closeDate[r]));
        csv.text(isoDay(o.lastActivity[r]));
        csv.text(forecastCategoryKey(view.forecast(row)));
        csv.endRow();
    }
    return csv.ok();
}

bool CsvExport::accounts(const BookView &view, const RowFilter &filter, QIODevice &out)
{
    const auto &a = view.accounts;
    CsvWriter csv(out);
    for (const QString &h :
         { tr("Account ID"), tr("Account Name"), tr("Industry"), tr("Size Band"), tr("Region"),
           tr("Billing State"), tr("Billing Country"), tr("Territory"), tr("Owner"),
           tr("Revenue Potential"), tr("Potential Derived"), tr("Open Pipeline"),
           tr("Open Opportunities") })
        csv.text(h);
    csv.endRow();
    const std::vector<int> order = storageOrder(std::size_t(a.size()));
    for (int row : filterAccounts(view, order, filter)) {
        const auto r = std::size_t(row);
        bool derived = false;
        const Minor potential = a.revenuePotential(row, &derived);
        csv.text(a.crmId.at(r));
        csv.text(a.name.at(r));
        csv.text(a.industries.value(a.industry[r]));
        csv.text(a.sizeBands.value(a.sizeBand[r]));
        csv.text(a.regions.value(a.region[r]));
        csv.text(a.states.value(a.state[r]));
        csv.text(a.countries.value(a.country[r]));
        csv.text(a.territory[r] >= 0 ? view.territories[std::size_t(a.territory[r])].name
                                     : QString());
        csv.text(repName(view, a.owner[r]));
        csv.number(minorToDecimal(potential));
        csv.text(derived ? QStringLiteral("yes") : QStringLiteral("no"));
        csv.number(minorToDecimal(a.openAmount[r]));
        csv.number(QString::number(a.openCount[r]));
        csv.endRow();
    }
    return csv.ok();
}

bool CsvExport::workList(const BookView &view, const roi::RoiResult &r, QIODevice &out)
{
    const auto &a = view.accounts;
    CsvWriter csv(out);
    for (const QString &h :
         { tr("Rank"), tr("Account ID"), tr("Account Name"), tr("Owner"), tr("Likelihood (%)"),
           tr("Revenue Potential"), tr("Potential Derived"), tr("Expected Value"), tr("Quadrant"),
           tr("Below Floor"), tr("Open Pipeline"), tr("Active Opportunities"), tr("Weight Profile"),
           tr("Within Capacity") })
        csv.text(h);
    for (const EngagementFactor &f : view.scoring.factors)
        csv.text(f.name);
    csv.endRow();
    for (std::size_t i = 0; i < r.workList.size(); ++i) {
        const roi::ScoredAccount &s = r.workList[i];
        const auto row = std::size_t(s.row);
        csv.number(QString::number(i + 1));
        csv.text(a.crmId.at(row));
        csv.text(a.name.at(row));
        csv.text(repName(view, a.owner[row]));
        csv.number(QString::number(s.likelihood * 100.0, 'f', 1));
        csv.number(minorToDecimal(s.potential));
        csv.text(s.potentialDerived ? QStringLiteral("yes") : QStringLiteral("no"));
        csv.number(minorToDecimal(s.ev));
        csv.text(roi::quadrantKey(s.quadrant));
        csv.text(s.belowFloor ? QStringLiteral("yes") : QStringLiteral("no"));
        csv.number(minorToDecimal(a.openAmount[row]));
        csv.number(QString::number(a.openCount[row]));
        csv.text(s.profile >= 0 ? view.scoring.profiles[std::size_t(s.profile)].name : QString());
        csv.text(int(i) < r.withinCapacity ? QStringLiteral("yes") : QStringLiteral("no"));
        for (int f = 0; f < view.scores.factorCount; ++f) {
            // A score is a small number, not a character: -1 (not scored) stays -1.
            const int score = view.scores.at(s.row, f); // NOLINT(bugprone-signed-char-misuse)
            csv.number(score >= 0 ? QString::number(score) : QString());
        }
        csv.endRow();
    }
    return csv.ok();
}

bool CsvExport::stalled(const BookView &view, const health::HealthReport &report, QIODevice &out)
{
    using namespace health;
    const auto &o = view.opportunities;
    std::vector<int> rows;
    for (int row : report.openRows) {
        if (report.assessments[std::size_t(row)].level != Level::Healthy)
            rows.push_back(row);
    }
    sortWorstFirst(rows, view, report);
    CsvWriter csv(out);
    for (const QString &h :
         { tr("Opportunity ID"), tr("Opportunity Name"), tr("Account Name"), tr("Owner"),
           tr("Stage"), tr("Amount"), tr("Currency"), tr("Expected Close Date"), tr("Health"),
           tr("Days Idle"), tr("Days In Stage"), tr("Age (Days)"), tr("Close Date Pushes"),
           tr("Rules"), tr("Reasons") })
        csv.text(h);
    csv.endRow();
    const qint64 day = report.asOf.toJulianDay();
    const auto optionalNumber = [](const std::optional<int> &v) {
        return v ? QString::number(*v) : QString();
    };
    for (int row : rows) {
        const auto r = std::size_t(row);
        const Assessment &a = report.assessments[r];
        const DealFacts facts = factsOf(view, row, day);
        writeDealHead(csv, view, r);
        csv.number(minorToDecimal(o.amount[r]));
        csv.text(o.currencies.value(o.currency[r]));
        csv.text(isoDay(o.closeDate[r]));
        csv.text(levelKey(a.level));
        csv.number(optionalNumber(facts.idle));
        csv.number(optionalNumber(facts.inStage));
        csv.number(optionalNumber(facts.age));
        csv.number(QString::number(facts.pushes));
        QStringList keys;
        for (Rule rule : health::rules) {
            if (fired(a.fired, rule))
                keys.append(ruleKey(rule));
        }
        csv.text(keys.join(QLatin1Char(' ')));
        csv.text(Reasons::describe(facts, a, report.context).join(QStringLiteral("; ")));
        csv.endRow();
    }
    return csv.ok();
}

} // namespace tp
