#include "summary.h"

#include "jsonwriter.h"
#include "roireport.h"
#include "storage/bookviewloader.h"
#include "storage/errors.h"
#include "storage/reps.h"
#include "storage/settings.h"

#include <QLocale>

namespace tp {

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
    Scope scope;
    RepRepository reps(book);
    if (!request.rep.isEmpty()) {
        const auto rep = reps.byName(request.rep);
        if (!rep)
            throw InputError(tr("--rep: no rep named \"%1\" in this book.").arg(request.rep));
        scope.rep = rep->id;
        s.rep = rep->name;
    }
    if (!request.territory.isEmpty()) {
        const auto territory = reps.territoryByName(request.territory);
        if (!territory)
            throw InputError(tr("--territory: no territory named \"%1\" in this book.")
                                     .arg(request.territory));
        scope.territory = territory->id;
        s.territory = territory->name;
    }
    s.pipeline = queryPipeline(book, scope);

    const auto view = loadBookView(book.path());
    RowFilter accounts;
    if (scope.rep)
        accounts.scopeRep = view->repIndex(*scope.rep);
    if (scope.territory)
        accounts.scopeTerritory = view->territoryIndex(*scope.territory);
    s.roi = buildRoiReport(*view, accounts);
    for (std::size_t i = 0; i < std::min<std::size_t>(s.roi.workList.size(), workListLength); ++i)
        s.workListNames.push_back(view->accounts.name.at(std::size_t(s.roi.workList[i].row)));
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
    const PipelineTotals &p = s.pipeline;
    json.beginObject(QStringLiteral("counts"))
            .value(QStringLiteral("accounts"), p.accounts)
            .value(QStringLiteral("opportunities"), p.opportunities)
            .value(QStringLiteral("open"), p.open)
            .value(QStringLiteral("won"), p.won)
            .value(QStringLiteral("lost"), p.lost)
            .endObject();
    json.beginObject(QStringLiteral("pipeline"))
            .money(QStringLiteral("open_amount"), p.openAmount)
            .money(QStringLiteral("weighted_amount"), p.weightedAmount);
    json.beginObject(QStringLiteral("by_stage"));
    for (Stage stage : openStages) {
        const StageTotals &t = p.byStage[std::size_t(stageIndex(stage))];
        json.beginObject(stageKey(stage))
                .value(QStringLiteral("count"), t.count)
                .money(QStringLiteral("amount"), t.amount)
                .money(QStringLiteral("weighted"), t.weighted)
                .endObject();
    }
    json.endObject();
    json.endObject();
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
    json.beginArray(QStringLiteral("warnings"));
    if (p.unconvertedCount > 0)
        json.value(QString(), tr("%n open opportunities in %1 left out of the totals: no exchange "
                                 "rate to %2.",
                                 nullptr, int(p.unconvertedCount))
                                      .arg(p.unconvertedCurrencies.join(QStringLiteral(", ")),
                                           s.currency));
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
    const PipelineTotals &p = s.pipeline;
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
        const StageTotals &t = p.byStage[std::size_t(stageIndex(stage))];
        out += QStringLiteral("  %1 %2  %3  %4\n")
                       .arg(stageKey(stage), -10)
                       .arg(locale.toString(t.count), 7)
                       .arg(money(t.amount), 18)
                       .arg(money(t.weighted), 18);
    }
    const roi::RoiResult &r = s.roi;
    out += tr("Accounts scored: %1, needing scoring: %2, below floor: %3\n")
                   .arg(locale.toString(qint64(r.workList.size())),
                        locale.toString(qint64(r.unscored.size())), locale.toString(r.belowFloor));
    QStringList quadrantCounts;
    for (roi::Quadrant q : roi::quadrants)
        quadrantCounts.append(QStringLiteral("%1 %2").arg(roi::quadrantName(q),
                                                          locale.toString(r.quadrantCounts[std::size_t(q)])));
    out += QStringLiteral("  ") + quadrantCounts.join(QStringLiteral(", ")) + QLatin1Char('\n');
    if (p.unconvertedCount > 0)
        out += tr("Warning: %1 open opportunities in %2 left out (no exchange rate).\n")
                       .arg(p.unconvertedCount)
                       .arg(p.unconvertedCurrencies.join(QStringLiteral(", ")));
    return out;
}

} // namespace tp
