#include "territoriescommand.h"

#include "cli/cli.h"
#include "cli/options.h"
#include "domain/dates.h"
#include "report/territorysummary.h"
#include "storage/bookviewloader.h"
#include "storage/usermessage.h"

#include <QCoreApplication>

namespace tp::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::cli", text);
}

} // namespace

int territoriesCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const QString &usage)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("db"), tr("The book."), tr("BOOK") });
    parser.addOption({ QStringLiteral("metric"),
                       tr("ev (default), potential, pipeline, accounts or active."), tr("METRIC"),
                       QStringLiteral("ev") });
    parser.addOption({ QStringLiteral("as-of"),
                       tr("As-of date, for the quotas of its period (default today)."),
                       tr("DATE") });
    parser.addOption({ QStringLiteral("json"), tr("Print JSON.") });
    if (!parseOptions(parser, arguments, err, usage))
        return Usage;
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    const QString db = parser.value(QStringLiteral("db"));
    if (db.isEmpty()) {
        err << tr("territories: --db BOOK is required.") << '\n';
        return Usage;
    }
    const QString metricText = parser.value(QStringLiteral("metric"));
    const auto metric = territories::metricFromKey(metricText);
    if (!metric || *metric == territories::Metric::Mix) {
        err << tr("territories: --metric takes ev, potential, pipeline, accounts or active, "
                  "found \"%1\".")
                        .arg(metricText)
            << '\n';
        return Usage;
    }
    const auto asOf =
            parseDateOption(parser.value(QStringLiteral("as-of")), QStringLiteral("--as-of"), err);
    if (!asOf)
        return Usage;
    try {
        const auto view = loadBookView(db, {}, OpportunityText::Skip);
        const QDate day = asOf->isValid() ? *asOf : QDate::currentDate();
        const Period period = Period::containing(day, view->settings.fiscalStartMonth);
        const TerritorySummary s = TerritorySummary::build(*view, *metric, period.label());
        out << (parser.isSet(QStringLiteral("json")) ? s.toJson() : s.toText());
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Read) << '\n';
        return BadInput;
    }
    return Ok;
}

} // namespace tp::cli
