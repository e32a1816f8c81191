#include "territoriescommand.h"

#include "cli/cli.h"
#include "cli/options.h"
#include "domain/dates.h"
#include "report/territorysummary.h"
#include "storage/bookviewloader.h"
#include "storage/usermessage.h"

#include <QCoreApplication>

#include <cmath>

namespace tp::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::cli", text);
}

// The proposal's options, checked (a usage error names the option and what it found).
std::optional<territories::ProposalRequest> proposalRequest(const QCommandLineParser &parser,
                                                            QTextStream &err)
{
    territories::ProposalRequest request;
    const auto fraction = [&](const QString &name, bool aboveZero) -> std::optional<double> {
        const QString text = parser.value(name);
        bool ok = false;
        const double x = text.toDouble(&ok);
        if (!ok || !std::isfinite(x) || x < 0 || (aboveZero && x == 0) || x > 1) {
            err << tr("territories: --%1 takes a fraction between 0 and 1 (0.1 for 10%), found "
                      "\"%2\".")
                            .arg(name, text)
                << '\n';
            return std::nullopt;
        }
        return x;
    };
    const auto tolerance = fraction(QStringLiteral("tolerance"), false);
    if (!tolerance)
        return std::nullopt;
    request.tolerance = *tolerance;
    if (parser.isSet(QStringLiteral("max-moves"))) {
        const QString text = parser.value(QStringLiteral("max-moves"));
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < 0) {
            err << tr("territories: --max-moves takes a whole number of accounts, 0 or more, "
                      "found \"%1\".")
                            .arg(text)
                << '\n';
            return std::nullopt;
        }
        request.maxMoves = n;
    }
    if (parser.isSet(QStringLiteral("max-share"))) {
        const auto share = fraction(QStringLiteral("max-share"), false);
        if (!share)
            return std::nullopt;
        request.maxMovedShare = *share;
    }
    request.unlockOpen = parser.isSet(QStringLiteral("unlock-open"));
    return request;
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
    parser.addOption({ QStringLiteral("propose"),
                       tr("Add a rebalancing proposal (the book is not changed).") });
    parser.addOption({ QStringLiteral("tolerance"),
                       tr("With --propose: every territory within 1 ± this of the average "
                          "(default 0.1)."),
                       tr("FRACTION"), QStringLiteral("0.1") });
    parser.addOption({ QStringLiteral("max-moves"), tr("With --propose: move at most N accounts."),
                       tr("N") });
    parser.addOption({ QStringLiteral("max-share"),
                       tr("With --propose: move at most this share of the metric's total."),
                       tr("FRACTION") });
    parser.addOption({ QStringLiteral("unlock-open"),
                       tr("With --propose: accounts with open deals may move too (the accounts "
                          "you locked stay).") });
    if (const auto done = parseCommand(parser, arguments, out, err, usage))
        return *done;
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
    const auto request = proposalRequest(parser, err);
    if (!request)
        return Usage;
    try {
        const auto view = loadBookView(db, {}, OpportunityText::Skip);
        const QDate day = asOf->isValid() ? *asOf : QDate::currentDate();
        const Period period = Period::containing(day, view->settings.fiscalStartMonth);
        const TerritorySummary s = parser.isSet(QStringLiteral("propose"))
                ? TerritorySummary::build(*view, *metric, period.label(), *request)
                : TerritorySummary::build(*view, *metric, period.label());
        out << (parser.isSet(QStringLiteral("json")) ? s.toJson() : s.toText());
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Read) << '\n';
        return BadInput;
    }
    return Ok;
}

} // namespace tp::cli
