#include "pipelinehealth.h"

#include "domain/forecast.h"

#include <QCoreApplication>

#include <algorithm>

namespace tp::health {

namespace {

// When a closed deal closed: the day it was won or lost, else its (last) close date.
qint64 closedOn(const OpportunityColumns &o, std::size_t r)
{
    const qint64 closed = r < o.closedDate.size() ? o.closedDate[r] : 0;
    return closed != 0 ? closed : o.closeDate[r];
}

qint64 windowStartDay(const BookView &view, qint64 asOfDay)
{
    return asOfDay - (std::max(view.settings.metricsWindowDays, 1) - 1);
}

// Σ / n rounded half away from zero (METRICS "Rounding"), n > 0.
Minor meanRounded(Minor sum, qint64 n)
{
    return sum >= 0 ? (sum + n / 2) / n : -((-sum + n / 2) / n);
}

// What one rep adds up to while the opportunities are walked.
struct RepTotals
{
    bool ownsInScope = false;
    qint64 open = 0;
    Minor openAmount = 0;
    qint64 active = 0;
    qint64 stalled = 0;
    qint64 atRisk = 0;
    qint64 won = 0;
    qint64 lost = 0;
    Minor wonAmount = 0;
    qint64 wonConverted = 0;
    qint64 cycleDays = 0;
    qint64 cycleCount = 0;
    Minor wonInPeriod = 0;
    Minor closingInPeriod = 0;
    Minor closingHealthy = 0;
    qint64 created = 0;
};

Rule firstStalledRule(RuleSet set)
{
    for (Rule rule : rules) {
        if (fired(set, rule) && levelOf(rule) == Level::Stalled)
            return rule;
    }
    return Rule::Idle90;
}

} // namespace

bool inScope(const BookView &view, int row, const HealthScope &scope)
{
    const auto &o = view.opportunities;
    const auto r = std::size_t(row);
    if (o.status[r] == std::uint8_t(Status::Removed))
        return false;
    if (scope.rep >= 0 && o.owner[r] != scope.rep)
        return false;
    if (scope.territory >= 0) {
        const int account = o.account[r];
        if (account < 0 || view.accounts.territory[std::size_t(account)] != scope.territory)
            return false;
    }
    return true;
}

bool accountInScope(const BookView &view, int row, const HealthScope &scope)
{
    const auto r = std::size_t(row);
    return (scope.rep < 0 || view.accounts.owner[r] == scope.rep)
            && (scope.territory < 0 || view.accounts.territory[r] == scope.territory);
}

AgeBucket ageBucketOf(const std::optional<int> &days)
{
    if (!days)
        return AgeBucket::Unknown;
    if (*days <= 30)
        return AgeBucket::Upto30;
    if (*days <= 60)
        return AgeBucket::Upto60;
    if (*days <= 90)
        return AgeBucket::Upto90;
    if (*days <= 180)
        return AgeBucket::Upto180;
    return AgeBucket::Over180;
}

QString ageBucketName(AgeBucket bucket)
{
    switch (bucket) {
    case AgeBucket::Upto30:
        return QCoreApplication::translate("tp::health::Age", "0–30 days");
    case AgeBucket::Upto60:
        return QCoreApplication::translate("tp::health::Age", "31–60 days");
    case AgeBucket::Upto90:
        return QCoreApplication::translate("tp::health::Age", "61–90 days");
    case AgeBucket::Upto180:
        return QCoreApplication::translate("tp::health::Age", "91–180 days");
    case AgeBucket::Over180:
        return QCoreApplication::translate("tp::health::Age", "Over 180 days");
    case AgeBucket::Unknown:
        return QCoreApplication::translate("tp::health::Age", "Entry unknown");
    }
    return {};
}

void sortWorstFirst(std::vector<int> &rows, const BookView &view, const HealthReport &report)
{
    const auto &amount = view.opportunities.amount;
    std::stable_sort(rows.begin(), rows.end(), [&](int x, int y) {
        const Level lx = report.assessments[std::size_t(x)].level;
        const Level ly = report.assessments[std::size_t(y)].level;
        if (lx != ly)
            return lx > ly;
        return amount[std::size_t(x)] > amount[std::size_t(y)];
    });
}

std::optional<double> ratio(Minor a, Minor b)
{
    return b != 0 ? std::optional<double>(double(a) / double(b)) : std::nullopt;
}

RuleContext ruleContext(const BookView &view, const QDate &asOf)
{
    RuleContext c;
    c.rules = view.settings.stall;
    c.stageLimitDays = view.settings.stageLimitDays;
    const qint64 day = asOf.toJulianDay();
    const qint64 start = windowStartDay(view, day);
    const auto &o = view.opportunities;
    qint64 cycles = 0;
    qint64 count = 0;
    for (std::size_t r = 0; r < o.status.size(); ++r) {
        if (o.status[r] != std::uint8_t(Status::Won) || o.created[r] == 0)
            continue;
        const qint64 closed = closedOn(o, r);
        if (closed < start || closed > day)
            continue;
        cycles += closed - o.created[r];
        ++count;
    }
    if (count > 0)
        c.averageCycleDays = double(cycles) / double(count);
    return c;
}

HealthReport evaluate(const BookView &view, const HealthScope &scope, const QDate &asOf,
                      const Period &period, const RuleContext *context)
{
    HealthReport report;
    report.asOf = asOf;
    report.period = period;
    report.context = context ? *context : ruleContext(view, asOf);
    const qint64 day = asOf.toJulianDay();
    const qint64 windowStart = windowStartDay(view, day);
    const qint64 periodStart = period.start.toJulianDay();
    const qint64 periodEnd = period.end.toJulianDay();
    WindowMetrics &m = report.metrics;
    m.windowDays = std::max(view.settings.metricsWindowDays, 1);
    m.windowStart = QDate::fromJulianDay(windowStart);
    CoverageFigures &c = report.coverage;

    const auto &o = view.opportunities;
    const auto n = std::size_t(o.size());
    report.assessments.assign(n, Assessment{});
    std::vector<RepTotals> reps(view.reps.size());
    qint64 cycleDays = 0;
    qint64 cycleCount = 0;
    std::array<Minor, forecastCategoryCount>
            forecastOpen{}; // open deals closing in the period, by category
    Minor commitNotStalled = 0;
    qint64 wonConverted = 0;

    for (std::size_t r = 0; r < n; ++r) {
        const auto status = Status(o.status[r]);
        if (status == Status::Removed)
            continue;
        const int owner = o.owner[r];
        RepTotals *rep = owner >= 0 && std::size_t(owner) < reps.size() ? &reps[std::size_t(owner)]
                                                                        : nullptr;
        if (status == Status::Open && rep)
            ++rep->active;
        if (!inScope(view, int(r), scope))
            continue;
        ++report.opportunities;
        if (rep)
            rep->ownsInScope = true;
        if (o.created[r] >= windowStart && o.created[r] <= day) {
            ++m.created;
            if (rep)
                ++rep->created;
        }
        const std::optional<Minor> amount = view.reportingAmount(int(r));

        if (status == Status::Won || status == Status::Lost) {
            const qint64 closed = closedOn(o, r);
            const bool inWindow = closed >= windowStart && closed <= day;
            if (inWindow)
                report.closedInWindowRows.push_back(int(r));
            if (status == Status::Lost) {
                ++report.lost;
                if (inWindow) {
                    ++m.lost;
                    if (rep)
                        ++rep->lost;
                }
                continue;
            }
            ++report.won;
            if (inWindow) {
                ++m.won;
                if (rep)
                    ++rep->won;
                if (amount) {
                    m.wonAmount += *amount;
                    ++wonConverted;
                    if (rep) {
                        rep->wonAmount += *amount;
                        ++rep->wonConverted;
                    }
                }
                if (o.created[r] != 0) {
                    cycleDays += closed - o.created[r];
                    ++cycleCount;
                    if (rep) {
                        rep->cycleDays += closed - o.created[r];
                        ++rep->cycleCount;
                    }
                }
            }
            if (amount && closed >= periodStart && closed <= periodEnd) {
                c.won += *amount;
                if (rep)
                    rep->wonInPeriod += *amount;
            }
            continue;
        }

        // Open.
        ++report.open;
        report.openRows.push_back(int(r));
        const DealFacts facts = factsOf(view, int(r), day);
        const Assessment a = assess(facts, report.context);
        report.assessments[r] = a;
        for (Rule rule : rules) {
            if (fired(a.fired, rule))
                ++report.byRule[std::size_t(rule)];
        }
        if (rep) {
            ++rep->open;
            rep->stalled += a.level == Level::Stalled ? 1 : 0;
            rep->atRisk += a.level == Level::AtRisk ? 1 : 0;
        }
        Tally *levelTally = a.level == Level::Stalled ? &report.stalled
                : a.level == Level::AtRisk            ? &report.atRisk
                                                      : nullptr;
        if (!amount) {
            ++report.unconverted;
            const QString &currency = o.currencies.at(o.currency[r]);
            if (!report.unconvertedCurrencies.contains(currency))
                report.unconvertedCurrencies.append(currency);
            if (levelTally)
                ++levelTally->count;
            continue;
        }
        if (levelTally)
            levelTally->add(*amount);
        if (rep)
            rep->openAmount += *amount;
        const Minor weightedAmount = weighted(*amount, view.probability(int(r)));
        report.openAmount += *amount;
        report.weightedAmount += weightedAmount;
        const int stage = stageIndex(facts.stage);
        const auto level = std::size_t(a.level);
        if (stage >= 0 && stage < 4) {
            StageHealth &s = report.byStage[std::size_t(stage)];
            s.all.add(*amount);
            s.weighted += weightedAmount;
            s.byLevel[level].add(*amount);
        }
        report.byAge[std::size_t(ageBucketOf(facts.inStage))][level].add(*amount);
        if (o.closeDate[r] != 0 && o.closeDate[r] <= periodEnd) {
            c.open += *amount;
            // The rep's call, else the CRM's category, else the stage's; an open deal called
            // Closed or Omitted counts in no open sum (forecastOpen's last two are not summed).
            const ForecastCategory category = view.forecast(int(r));
            forecastOpen[std::size_t(category)] += *amount;
            if (category == ForecastCategory::Commit && a.level != Level::Stalled)
                commitNotStalled += *amount;
            if (rep)
                rep->closingInPeriod += *amount;
            if (a.level == Level::Stalled) {
                c.removedBy[std::size_t(firstStalledRule(a.fired))] += *amount;
            } else {
                c.honest += *amount;
                c.weighted += weightedAmount;
                if (rep)
                    rep->closingHealthy += *amount;
            }
        }
    }
    report.unconvertedCurrencies.sort();

    for (int a = 0; a < view.accounts.size(); ++a)
        report.accounts += accountInScope(view, a, scope) ? 1 : 0;

    // The target: the scope rep's quota, else the territory owner's, else every rep's.
    const QString label = period.label();
    const auto quotaOf = [&](int rep) { return rep >= 0 ? view.quota(rep, label) : std::nullopt; };
    std::optional<Minor> target;
    if (scope.rep >= 0) {
        target = quotaOf(scope.rep);
    } else if (scope.territory >= 0) {
        target = quotaOf(view.territories[std::size_t(scope.territory)].owner);
    } else {
        for (const QuotaRow &q : view.quotas) {
            if (q.period == label)
                target = target.value_or(0) + q.amount;
        }
    }
    c.hasTarget = target.has_value();
    c.target = target.value_or(0);
    c.remaining = std::max<Minor>(c.target - c.won, 0);
    ForecastFigures &f = report.forecast;
    f.closed = c.won;
    f.commit = f.closed + forecastOpen[std::size_t(ForecastCategory::Commit)];
    f.bestCase = f.commit + forecastOpen[std::size_t(ForecastCategory::BestCase)];
    f.pipeline = f.bestCase + forecastOpen[std::size_t(ForecastCategory::Pipeline)];
    f.commitHonest = f.closed + commitNotStalled;
    c.raw = ratio(c.open, c.remaining);
    c.honestRatio = ratio(c.honest, c.remaining);
    c.weightedRatio = ratio(c.weighted, c.remaining);

    m.winRate = ratio(m.won, m.won + m.lost);
    if (wonConverted > 0)
        m.averageDealSize = meanRounded(m.wonAmount, wonConverted);
    if (cycleCount > 0)
        m.averageCycleDays = double(cycleDays) / double(cycleCount);
    if (c.hasTarget)
        m.attainment = ratio(c.won, c.target);
    if (m.winRate && *m.winRate > 0)
        c.required = 1.0 / *m.winRate;

    std::optional<Minor> lowest;
    Minor highest = 0;
    for (std::size_t i = 0; i < reps.size(); ++i) {
        const RepTotals &t = reps[i];
        if (!t.ownsInScope && int(i) != scope.rep)
            continue;
        RepFigures f;
        f.rep = int(i);
        f.open = t.open;
        f.openAmount = t.openAmount;
        f.active = t.active;
        f.capacity = view.reps[i].capacity.value_or(view.settings.defaultCapacity);
        f.stalled = t.stalled;
        f.atRisk = t.atRisk;
        f.won = t.won;
        f.lost = t.lost;
        f.wonAmount = t.wonAmount;
        f.winRate = ratio(t.won, t.won + t.lost);
        if (t.wonConverted > 0)
            f.averageDealSize = meanRounded(t.wonAmount, t.wonConverted);
        if (t.cycleCount > 0)
            f.averageCycleDays = double(t.cycleDays) / double(t.cycleCount);
        f.quota = quotaOf(int(i));
        f.wonInPeriod = t.wonInPeriod;
        f.created = t.created;
        if (f.quota) {
            f.attainment = ratio(t.wonInPeriod, *f.quota);
            const Minor remaining = std::max<Minor>(*f.quota - t.wonInPeriod, 0);
            f.coverageRaw = ratio(t.closingInPeriod, remaining);
            f.coverageHonest = ratio(t.closingHealthy, remaining);
        }
        report.reps.push_back(f);
        if (t.ownsInScope) {
            lowest = std::min(lowest.value_or(t.wonAmount), t.wonAmount);
            highest = std::max(highest, t.wonAmount);
        }
    }
    if (lowest && highest > 0)
        m.repSpread = double(*lowest) / double(highest);
    return report;
}

} // namespace tp::health
