#include "summary.h"

#include "domain/errors.h"
#include "jsonwriter.h"
#include "roireport.h"
#include "storage/activitystats.h"
#include "storage/bookviewloader.h"
#include "storage/funnelassumptions.h"
#include "storage/reps.h"
#include "storage/settings.h"

#include <QLocale>

#include <cmath>

namespace tp {

namespace {

JsonWriter &optionalMoney(JsonWriter &json, const QString &key, const std::optional<Minor> &amount)
{
    return amount ? json.money(key, *amount) : json.null(key);
}

void writeStalled(JsonWriter &json, const health::HealthReport &h)
{
    json.beginObject(QStringLiteral("stalled"))
            .value(QStringLiteral("stalled_count"), h.stalled.count)
            .money(QStringLiteral("stalled_amount"), h.stalled.amount)
            .value(QStringLiteral("at_risk_count"), h.atRisk.count)
            .money(QStringLiteral("at_risk_amount"), h.atRisk.amount);
    json.beginObject(QStringLiteral("by_reason"));
    for (health::Rule rule : health::rules)
        json.value(health::ruleKey(rule), h.byRule[std::size_t(rule)]);
    json.endObject();
    json.endObject();
}

void writeCoverage(JsonWriter &json, const health::CoverageFigures &c)
{
    json.beginObject(QStringLiteral("coverage"))
            .money(QStringLiteral("target"), c.target)
            .money(QStringLiteral("won"), c.won)
            .money(QStringLiteral("remaining"), c.remaining)
            .money(QStringLiteral("open"), c.open)
            .ratio(QStringLiteral("raw"), c.raw)
            .ratio(QStringLiteral("honest"), c.honestRatio)
            .ratio(QStringLiteral("weighted"), c.weightedRatio)
            .ratio(QStringLiteral("required"), c.required)
            .boolean(QStringLiteral("has_target"), c.hasTarget)
            .boolean(QStringLiteral("target_reached"), c.targetReached())
            .money(QStringLiteral("honest_amount"), c.honest)
            .money(QStringLiteral("weighted_amount"), c.weighted);
    json.beginObject(QStringLiteral("removed_by"));
    for (health::Rule rule : health::rules) {
        if (health::levelOf(rule) == health::Level::Stalled)
            json.money(health::ruleKey(rule), c.removedBy[std::size_t(rule)]);
    }
    json.endObject();
    json.endObject();
}

void writeMetrics(JsonWriter &json, const Summary &s)
{
    const health::WindowMetrics &m = s.health.metrics;
    json.beginObject(QStringLiteral("metrics"))
            .value(QStringLiteral("window_days"), m.windowDays)
            .value(QStringLiteral("won"), m.won)
            .value(QStringLiteral("lost"), m.lost)
            .ratio(QStringLiteral("win_rate"), m.winRate);
    optionalMoney(json, QStringLiteral("avg_deal_size"), m.averageDealSize)
            .ratio(QStringLiteral("avg_cycle_days"), m.averageCycleDays)
            .ratio(QStringLiteral("attainment"), m.attainment)
            .ratio(QStringLiteral("rep_spread"), m.repSpread)
            .value(QStringLiteral("window_start"), m.windowStart.toString(Qt::ISODate))
            .money(QStringLiteral("won_amount"), m.wonAmount)
            .value(QStringLiteral("attainment_bar"), s.attainmentBar)
            .value(QStringLiteral("spread_bar"), s.spreadBar)
            .endObject();
}

void writeReps(JsonWriter &json, const Summary &s)
{
    json.beginArray(QStringLiteral("reps"));
    for (std::size_t i = 0; i < s.health.reps.size(); ++i) {
        const health::RepFigures &r = s.health.reps[i];
        json.beginObject()
                .value(QStringLiteral("rep"), s.repNames[i])
                .value(QStringLiteral("open"), r.open)
                .value(QStringLiteral("active"), r.active)
                .value(QStringLiteral("capacity"), r.capacity)
                .ratio(QStringLiteral("win_rate"), r.winRate)
                .money(QStringLiteral("won_amount"), r.wonAmount)
                .ratio(QStringLiteral("attainment"), r.attainment)
                .ratio(QStringLiteral("coverage_raw"), r.coverageRaw)
                .ratio(QStringLiteral("coverage_honest"), r.coverageHonest)
                .value(QStringLiteral("stalled"), r.stalled)
                .value(QStringLiteral("at_risk"), r.atRisk);
        optionalMoney(json, QStringLiteral("avg_deal_size"), r.averageDealSize)
                .ratio(QStringLiteral("avg_cycle_days"), r.averageCycleDays);
        optionalMoney(json, QStringLiteral("quota"), r.quota)
                .money(QStringLiteral("won_in_period"), r.wonInPeriod)
                .endObject();
    }
    json.endArray();
}

JsonWriter &optionalCount(JsonWriter &json, const QString &key, const std::optional<qint64> &n)
{
    return n ? json.value(key, *n) : json.null(key);
}

void writeChain(JsonWriter &json, const funnel::Chain &c)
{
    optionalCount(json, QStringLiteral("deals"), c.deals);
    optionalCount(json, QStringLiteral("opportunities"), c.opportunities);
    optionalCount(json, QStringLiteral("meetings"), c.meetings);
    optionalCount(json, QStringLiteral("activities"), c.activities);
}

void writeFunnel(JsonWriter &json, const funnel::Plan &p)
{
    json.beginObject(QStringLiteral("funnel"))
            .money(QStringLiteral("target"), p.target)
            .value(QStringLiteral("weeks"), p.weeks);
    json.beginObject(QStringLiteral("rates"));
    for (funnel::Rate rate : funnel::rates) {
        const funnel::RateValue &r = p.rates[std::size_t(rate)];
        json.beginObject(funnel::rateKey(rate));
        if (!r.value)
            json.null(QStringLiteral("value"));
        else if (rate == funnel::Rate::AverageDealSize)
            json.money(QStringLiteral("value"), Minor(std::llround(*r.value)));
        else
            json.value(QStringLiteral("value"), *r.value);
        json.value(QStringLiteral("source"), funnel::sourceKey(r.source))
                .boolean(QStringLiteral("entered"), r.entered)
                .value(QStringLiteral("basis"), r.basis)
                .endObject();
    }
    json.endObject();
    writeChain(json, p.total);
    json.beginObject(QStringLiteral("per_week"));
    writeChain(json, p.weekly);
    json.endObject();
    json.beginObject(QStringLiteral("gap")).money(QStringLiteral("needed"), p.needed);
    writeChain(json, p.gap);
    json.money(QStringLiteral("remaining"), p.remaining)
            .money(QStringLiteral("expected"), p.expected)
            .value(QStringLiteral("days_left"), p.daysLeft)
            .value(QStringLiteral("weeks_left"), p.weeksLeft);
    json.beginObject(QStringLiteral("per_week"));
    writeChain(json, p.gapWeekly);
    json.endObject();
    json.boolean(QStringLiteral("cycle_outruns_period"), p.cycleOutrunsPeriod).endObject();
    json.boolean(QStringLiteral("has_target"), p.hasTarget).endObject();
}

} // namespace

Summary SummaryBuilder::build(Book &book, const SummaryRequest &request)
{
    Summary s;
    SettingsRepository settings(book);
    const BookSettings bookSettings = settings.load();
    s.asOf = request.asOf.isValid() ? request.asOf : QDate::currentDate();
    s.currency = bookSettings.currency;
    if (request.period.isEmpty()) {
        s.period = Period::containing(s.asOf, bookSettings.fiscalStartMonth);
    } else {
        const auto period = Period::parse(request.period, bookSettings.fiscalStartMonth);
        if (!period)
            throw InputError(tr("--period: expected a quarter such as 2026-Q4, found \"%1\".")
                                     .arg(request.period));
        s.period = *period;
    }
    const auto view = loadBookView(book.path(), {}, OpportunityText::Skip);
    health::HealthScope scope;
    RepRepository reps(book);
    if (!request.rep.isEmpty()) {
        const auto rep = reps.byName(request.rep);
        if (!rep)
            throw InputError(tr("--rep: no rep named \"%1\" in this book.").arg(request.rep));
        scope.rep = view->repIndex(rep->id);
        s.rep = rep->name;
    }
    if (!request.territory.isEmpty()) {
        const auto territory = reps.territoryByName(request.territory);
        if (!territory)
            throw InputError(tr("--territory: no territory named \"%1\" in this book.")
                                     .arg(request.territory));
        scope.territory = view->territoryIndex(territory->id);
        s.territory = territory->name;
    }
    s.health = health::evaluate(*view, scope, s.asOf, s.period);
    const ActivityScope activities = activityScopeOf(*view, scope.rep, scope.territory);
    const ActivityCounts counts =
            countActivities(book, activities, s.health.metrics.windowStart, s.asOf);
    const funnel::Assumptions assumptions = FunnelAssumptionRepository(book).load(
            FunnelAssumptionRepository::scopeKey(activities.rep, activities.territory),
            s.period.label());
    s.funnel = funnel::plan(s.health, funnel::historyOf(s.health, counts.meetings, counts.worked()),
                            assumptions, bookSettings.funnel);
    for (const health::RepFigures &r : s.health.reps)
        s.repNames.push_back(view->reps[std::size_t(r.rep)].name);
    s.attainmentBar = bookSettings.attainmentBar;
    s.spreadBar = bookSettings.spreadBar;

    RowFilter accounts;
    accounts.scopeRep = scope.rep;
    accounts.scopeTerritory = scope.territory;
    s.roi = buildRoiReport(*view, accounts);
    for (std::size_t i = 0; i < std::min<std::size_t>(s.roi.workList.size(), workListLength); ++i)
        s.workListNames.push_back(view->accounts.name.at(std::size_t(s.roi.workList[i].row)));
    if (request.since.isValid()) {
        changes::Scope changesScope;
        if (scope.rep >= 0)
            changesScope.rep = view->reps[std::size_t(scope.rep)].id;
        if (scope.territory >= 0)
            changesScope.territory = view->territories[std::size_t(scope.territory)].id;
        s.changes = ChangesSectionBuilder::build(book, *view, request.since, s.asOf, changesScope,
                                                 s.period);
    }
    return s;
}

QString SummaryBuilder::toJson(const Summary &s)
{
    JsonWriter json;
    json.beginObject();
    json.value(QStringLiteral("as_of"), s.asOf.toString(Qt::ISODate));
    json.value(QStringLiteral("period"), s.period.label());
    json.value(QStringLiteral("currency"), s.currency);
    json.beginObject(QStringLiteral("scope"))
            .optionalText(QStringLiteral("rep"), s.rep)
            .optionalText(QStringLiteral("territory"), s.territory)
            .endObject();
    const health::HealthReport &h = s.health;
    json.beginObject(QStringLiteral("counts"))
            .value(QStringLiteral("accounts"), h.accounts)
            .value(QStringLiteral("opportunities"), h.opportunities)
            .value(QStringLiteral("open"), h.open)
            .value(QStringLiteral("won"), h.won)
            .value(QStringLiteral("lost"), h.lost)
            .endObject();
    json.beginObject(QStringLiteral("pipeline"))
            .money(QStringLiteral("open_amount"), h.openAmount)
            .money(QStringLiteral("weighted_amount"), h.weightedAmount);
    json.beginObject(QStringLiteral("by_stage"));
    for (Stage stage : openStages) {
        const health::StageHealth &t = h.byStage[std::size_t(stageIndex(stage))];
        json.beginObject(stageKey(stage))
                .value(QStringLiteral("count"), t.all.count)
                .money(QStringLiteral("amount"), t.all.amount)
                .money(QStringLiteral("weighted"), t.weighted)
                .endObject();
    }
    json.endObject();
    json.endObject();
    writeStalled(json, h);
    writeCoverage(json, h.coverage);
    json.beginObject(QStringLiteral("forecast"))
            .money(QStringLiteral("closed"), h.forecast.closed)
            .money(QStringLiteral("commit"), h.forecast.commit)
            .money(QStringLiteral("best_case"), h.forecast.bestCase)
            .money(QStringLiteral("pipeline"), h.forecast.pipeline)
            .money(QStringLiteral("commit_honest"), h.forecast.commitHonest)
            .endObject();
    writeMetrics(json, s);
    writeReps(json, s);
    const roi::RoiResult &r = s.roi;
    json.beginObject(QStringLiteral("roi"))
            .value(QStringLiteral("scored"), qint64(r.workList.size()))
            .value(QStringLiteral("unscored"), qint64(r.unscored.size()))
            .value(QStringLiteral("below_floor"), r.belowFloor)
            .value(QStringLiteral("likelihood_threshold"), r.likelihoodThreshold)
            .money(QStringLiteral("potential_threshold"), r.potentialThreshold)
            .value(QStringLiteral("capacity"), r.capacity)
            .value(QStringLiteral("within_capacity"), r.withinCapacity);
    json.beginObject(QStringLiteral("quadrants"));
    for (roi::Quadrant q : roi::quadrants)
        json.value(roi::quadrantKey(q), r.quadrantCounts[std::size_t(q)]);
    json.endObject();
    json.beginArray(QStringLiteral("work_list"));
    for (std::size_t i = 0; i < s.workListNames.size(); ++i) {
        const roi::ScoredAccount &a = r.workList[i];
        json.beginObject()
                .value(QStringLiteral("account"), s.workListNames[i])
                .value(QStringLiteral("likelihood"), a.likelihood)
                .money(QStringLiteral("potential"), a.potential)
                .money(QStringLiteral("ev"), a.ev)
                .value(QStringLiteral("quadrant"), roi::quadrantKey(a.quadrant))
                .boolean(QStringLiteral("below_floor"), a.belowFloor)
                .endObject();
    }
    json.endArray();
    json.endObject();
    writeFunnel(json, s.funnel);
    if (s.changes)
        ChangesSectionBuilder::writeJson(json, *s.changes);
    json.beginArray(QStringLiteral("warnings"));
    if (h.unconverted > 0)
        json.value(QString(),
                   tr("%n open opportunities in %1 left out of the totals: no exchange "
                      "rate to %2.",
                      nullptr, int(h.unconverted))
                           .arg(h.unconvertedCurrencies.join(QStringLiteral(", ")), s.currency));
    json.endArray();
    json.endObject();
    return json.toString();
}

QString SummaryBuilder::toText(const Summary &s)
{
    const QLocale locale;
    // "USD 1,234.50": the code as its own word, digits grouped as the locale does. A QString,
    // not the QStringBuilder the sum would deduce to: that would refer to dead temporaries.
    const auto money = [&](Minor m) -> QString {
        return s.currency + QChar(0x00A0) + locale.toString(toMajor(m), 'f', 2);
    };
    const health::HealthReport &p = s.health;
    QString scope = tr("team");
    if (s.rep)
        scope = tr("rep %1").arg(*s.rep);
    if (s.territory)
        scope += QLatin1String(", ") + tr("territory %1").arg(*s.territory);
    QString out;
    out += tr("Summary as of %1, period %2, %3\n")
                   .arg(locale.toString(s.asOf, QLocale::ShortFormat), s.period.label(), scope);
    out += tr("Accounts: %1   Opportunities: %2 (open %3, won %4, lost %5)\n")
                   .arg(locale.toString(p.accounts), locale.toString(p.opportunities),
                        locale.toString(p.open), locale.toString(p.won), locale.toString(p.lost));
    out += tr("Open pipeline: %1   Weighted: %2\n")
                   .arg(money(p.openAmount), money(p.weightedAmount));
    for (Stage stage : openStages) {
        const health::StageHealth &t = p.byStage[std::size_t(stageIndex(stage))];
        out += QStringLiteral("  %1 %2  %3  %4\n")
                       .arg(stageKey(stage), -10)
                       .arg(locale.toString(t.all.count), 7)
                       .arg(money(t.all.amount), 18)
                       .arg(money(t.weighted), 18);
    }
    const auto percent = [&](const std::optional<double> &r) -> QString {
        return r ? locale.toString(*r * 100.0, 'f', 1) + QLatin1Char('%') : tr("undefined");
    };
    out += tr("Stalled: %1 (%2)   At risk: %3 (%4)\n")
                   .arg(locale.toString(p.stalled.count), money(p.stalled.amount),
                        locale.toString(p.atRisk.count), money(p.atRisk.amount));
    const health::CoverageFigures &c = p.coverage;
    if (!c.hasTarget)
        out += tr("Coverage: no quota for %1\n").arg(s.period.label());
    else if (c.targetReached())
        out += tr("Coverage: target %1 reached (won %2)\n").arg(money(c.target), money(c.won));
    else
        out += tr("Coverage: target %1, won %2, remaining %3; raw %4, honest %5, weighted %6, "
                  "required %7\n")
                       .arg(money(c.target), money(c.won), money(c.remaining), percent(c.raw),
                            percent(c.honestRatio), percent(c.weightedRatio), percent(c.required));
    const health::ForecastFigures &f = p.forecast;
    out += tr("Forecast: closed %1, commit %2 (honest %3), best case %4, pipeline %5\n")
                   .arg(money(f.closed), money(f.commit), money(f.commitHonest), money(f.bestCase),
                        money(f.pipeline));
    const health::WindowMetrics &m = p.metrics;
    out += tr("Last %1 days: won %2, lost %3, win rate %4, average deal %5, average cycle %6, "
              "attainment %7, rep spread %8\n")
                   .arg(locale.toString(m.windowDays), locale.toString(m.won),
                        locale.toString(m.lost), percent(m.winRate),
                        m.averageDealSize ? money(*m.averageDealSize) : tr("undefined"),
                        m.averageCycleDays
                                ? tr("%1 days").arg(locale.toString(*m.averageCycleDays, 'f', 1))
                                : tr("undefined"),
                        percent(m.attainment), percent(m.repSpread));
    const roi::RoiResult &r = s.roi;
    out += tr("Accounts scored: %1, needing scoring: %2, below floor: %3\n")
                   .arg(locale.toString(qint64(r.workList.size())),
                        locale.toString(qint64(r.unscored.size())), locale.toString(r.belowFloor));
    QStringList quadrantCounts;
    for (roi::Quadrant q : roi::quadrants)
        quadrantCounts.append(QStringLiteral("%1 %2").arg(
                roi::quadrantName(q), locale.toString(r.quadrantCounts[std::size_t(q)])));
    out += QStringLiteral("  ") + quadrantCounts.join(QStringLiteral(", ")) + QLatin1Char('\n');
    if (s.changes)
        out += ChangesSectionBuilder::toText(*s.changes, money);
    if (p.unconverted > 0)
        out += tr("Warning: %1 open opportunities in %2 left out (no exchange rate).\n")
                       .arg(p.unconverted)
                       .arg(p.unconvertedCurrencies.join(QStringLiteral(", ")));
    return out;
}

} // namespace tp
