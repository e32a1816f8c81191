#include "territorysummary.h"

#include "jsonwriter.h"

#include <QCoreApplication>
#include <QLocale>

namespace tp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::TerritorySummary", text);
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
    json.endArray().endObject();
    return json.toString();
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
    return out;
}

} // namespace tp
