#include "cli.h"

#include "cli/importcommand.h"
#include "cli/options.h"
#include "cli/reportcommand.h"
#include "cli/territoriescommand.h"
#include "cli/undoimportcommand.h"

#include "demo/demobook.h"
#include "domain/errors.h"
#include "import/fields.h"
#include "report/csvexport.h"
#include "report/movesexport.h"
#include "report/reviewcsv.h"
#include "report/summary.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/reps.h"
#include "storage/reviews.h"
#include "storage/usermessage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <functional>

namespace tp::cli {

namespace {

const char *const context = "tp::cli";

QString tr(const char *text)
{
    return QCoreApplication::translate(context, text);
}

const QStringList commands{ QStringLiteral("demo"),        QStringLiteral("import"),
                            QStringLiteral("undo-import"), QStringLiteral("summary"),
                            QStringLiteral("export"),      QStringLiteral("report"),
                            QStringLiteral("territories") };

// "opportunities|accounts|...": the kinds `import --kind` accepts.
QString kindKeys()
{
    QStringList keys;
    for (crm::Kind kind : crm::allKinds())
        keys.append(crm::kindKey(kind));
    return keys.join(QLatin1Char('|'));
}

// Why a file cannot be written: a missing folder is named.
QString cannotWrite(const QString &path, const QString &reason)
{
    const QFileInfo info(path);
    if (!QFileInfo(info.absolutePath()).isDir())
        return tr("Cannot write %1: the folder %2 does not exist.")
                .arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath()));
    return tr("%1: cannot write: %2").arg(path, reason);
}

QString usage()
{
    return tr("Usage: territory-planner [BOOK] [--screenshot DIR [--screenshot-size WxH]]\n"
              "       territory-planner COMMAND [OPTIONS]\n\n"
              "Commands (headless, no display needed):\n"
              "  demo     --db BOOK [--seed N] [--size small|large]\n"
              "  import   --db BOOK [--kind %1] [--preset auto|NAME]\n"
              "           [--mapping MAP.json] [--map-stage \"CRM NAME=Stage\"]... [--date-order "
              "dmy|mdy|ymd]\n"
              "           [--encoding utf-8|windows-1252|utf-16le|utf-16be] [--as-of DATE]\n"
              "           [--complete [--allow-mass-removal]] "
              "[--skip-duplicates|--allow-duplicates]\n"
              "           [--dry-run] [--skip-invalid] [--json] FILE...\n"
              "  undo-import --db BOOK [--dry-run] [--force] [--json]\n"
              "  summary  --db BOOK [--as-of DATE] [--period 2026-Q4] [--rep NAME] [--territory "
              "NAME]\n"
              "           [--since DATE] [--json]\n"
              "  export   --db BOOK --what "
              "opportunities|accounts|stalled|worklist|reviews|commitments [--rep NAME] "
              "[--territory NAME] [--as-of DATE] --csv OUT\n"
              "  export   --db BOOK --what moves --format salesforce|hubspot|generic --csv OUT\n"
              "  report   --db BOOK [--rep NAME] [--since DATE] [--as-of DATE] --pdf OUT\n"
              "  territories --db BOOK [--metric ev|potential|pipeline|accounts|active] "
              "[--as-of DATE]\n"
              "              [--propose [--tolerance 0.1] [--max-moves N] [--max-share S] "
              "[--unlock-open]] [--json]\n\n"
              "Options:\n"
              "  -h, --help     Show this help\n"
              "  -v, --version  Show the version\n\n"
              "Exit codes: 0 success, 1 bad input (the book is left unchanged), 2 usage error.\n")
            .arg(kindKeys());
}

int demo(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("db"), tr("The book file to write."), tr("BOOK") });
    parser.addOption({ QStringLiteral("seed"), tr("Random seed (default 42)."), tr("N"),
                       QStringLiteral("42") });
    parser.addOption({ QStringLiteral("size"), tr("small (default) or large."), tr("SIZE"),
                       QStringLiteral("small") });
    parser.addOption(
            { QStringLiteral("as-of"), tr("The demo's today (default: today)."), tr("DATE") });
    if (const auto done = parseCommand(parser, arguments, out, err, usage()))
        return *done;
    const QString db = parser.value(QStringLiteral("db"));
    if (db.isEmpty()) {
        err << tr("demo: --db BOOK is required.") << '\n';
        return Usage;
    }
    bool seedOk = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    const QString size = parser.value(QStringLiteral("size"));
    if (!seedOk || (size != QLatin1String("small") && size != QLatin1String("large"))) {
        err << tr("demo: --seed takes a whole number and --size small or large.") << '\n';
        return Usage;
    }
    const auto asOf =
            parseDateOption(parser.value(QStringLiteral("as-of")), QStringLiteral("--as-of"), err);
    if (!asOf)
        return Usage;
    demo::Options options;
    options.seed = seed;
    options.size = size == QLatin1String("large") ? demo::Size::Large : demo::Size::Small;
    options.today = *asOf;
    try {
        demo::writeDemoBook(db, options);
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Create) << '\n';
        return BadInput;
    }
    out << tr("Wrote the demo book %1.").arg(QFileInfo(db).absoluteFilePath()) << '\n';
    return Ok;
}

int summary(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("db"), tr("The book."), tr("BOOK") });
    parser.addOption({ QStringLiteral("as-of"), tr("As-of date (default today)."), tr("DATE") });
    parser.addOption({ QStringLiteral("period"), tr("Period such as 2026-Q4."), tr("PERIOD") });
    parser.addOption({ QStringLiteral("rep"), tr("Only this rep."), tr("NAME") });
    parser.addOption({ QStringLiteral("territory"), tr("Only this territory."), tr("NAME") });
    parser.addOption({ QStringLiteral("since"),
                       tr("Add the changes since the latest snapshot at or before DATE."),
                       tr("DATE") });
    parser.addOption({ QStringLiteral("json"), tr("Print one JSON document.") });
    if (const auto done = parseCommand(parser, arguments, out, err, usage()))
        return *done;
    const QString db = parser.value(QStringLiteral("db"));
    if (db.isEmpty()) {
        err << tr("summary: --db BOOK is required.") << '\n';
        return Usage;
    }
    const auto asOf =
            parseDateOption(parser.value(QStringLiteral("as-of")), QStringLiteral("--as-of"), err);
    if (!asOf)
        return Usage;
    const auto since =
            parseDateOption(parser.value(QStringLiteral("since")), QStringLiteral("--since"), err);
    if (!since)
        return Usage;
    if (parser.isSet(QStringLiteral("since")) && !since->isValid()) {
        err << tr("summary: --since takes a date such as 2026-11-20.") << '\n';
        return Usage;
    }
    try {
        auto book = Book::openForReading(db, Book::commandBusyTimeoutMs);
        SummaryRequest request{ *asOf, parser.value(QStringLiteral("period")),
                                parser.value(QStringLiteral("rep")),
                                parser.value(QStringLiteral("territory")), *since };
        const Summary s = SummaryBuilder::build(*book, request);
        out << (parser.isSet(QStringLiteral("json")) ? SummaryBuilder::toJson(s)
                                                     : SummaryBuilder::toText(s));
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Read) << '\n';
        return BadInput;
    }
    return Ok;
}

// Writes `csvPath` whole through `write`, or not at all: false after saying why on `err`.
bool writeCsv(const QString &csvPath, QTextStream &err,
              const std::function<bool(QIODevice &)> &write)
{
    QSaveFile file(csvPath);
    if (file.open(QIODevice::WriteOnly) && write(file) && file.commit())
        return true;
    err << cannotWrite(csvPath, file.errorString()) << '\n';
    return false;
}

// `export --what reviews|commitments`: a rep's reviews or commitments, or everyone's.
int exportReviews(const QString &db, const QString &what, const QString &rep,
                  const QString &csvPath, QTextStream &err)
{
    try {
        auto book = Book::openForReading(db, Book::commandBusyTimeoutMs);
        std::optional<Id> repId;
        if (!rep.isEmpty()) {
            const auto row = RepRepository(*book).byName(rep);
            if (!row)
                throw InputError(tr("--rep: no rep named \"%1\" in this book.").arg(rep));
            repId = row->id;
        }
        ReviewRepository reviews(*book);
        const bool written = writeCsv(csvPath, err, [&](QIODevice &file) {
            return what == QLatin1String("reviews") ? ReviewCsv::reviews(reviews, repId, file)
                                                    : ReviewCsv::commitments(reviews, repId, file);
        });
        if (!written)
            return BadInput;
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Read) << '\n';
        return BadInput;
    }
    return Ok;
}

// `export --what moves`: the owner changes for the CRM's import, and the open deals that stay
// with their reps beside it (MovesExport). Each account that cannot be published is said on
// `err` with the reason; the file holds the rest.
int exportMoves(const QString &db, MovesFormat format, const QString &csvPath, QTextStream &out,
                QTextStream &err)
{
    try {
        const auto view = loadBookView(db);
        const MovesPlan plan = MovesExport::plan(*view, format);
        const QString dealsPath = MovesExport::stayingDealsPath(csvPath);
        if (!writeCsv(csvPath, err,
                      [&](QIODevice &file) { return MovesExport::write(*view, plan, file); }))
            return BadInput;
        if (!writeCsv(dealsPath, err, [&](QIODevice &file) {
                return MovesExport::writeStayingDeals(*view, plan, file);
            }))
            return BadInput;
        for (const UnpublishedMove &u : plan.unpublished) {
            const auto r = std::size_t(u.move.account);
            const QString crmId = view->accounts.crmId.at(r);
            err << tr("Not published: %1%2: %3.")
                            .arg(view->accounts.name.at(r),
                                 crmId.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(crmId),
                                 u.reason)
                << '\n';
        }
        out << QCoreApplication::translate("tp::cli", "Wrote %n account move(s) to %1 (%2).",
                                           nullptr, int(plan.published.size()))
                        .arg(QDir::toNativeSeparators(csvPath), MovesExport::formatKey(format))
            << '\n';
        if (!plan.unpublished.empty())
            out << QCoreApplication::translate(
                    "tp::cli", "%n move(s) could not be published (listed on stderr).", nullptr,
                    int(plan.unpublished.size()))
                << '\n';
        out << QCoreApplication::translate("tp::cli",
                                           "Wrote %n open deal(s) that stay with their reps to %1.",
                                           nullptr, int(plan.stayingDeals.size()))
                        .arg(QDir::toNativeSeparators(dealsPath))
            << '\n';
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Read) << '\n';
        return BadInput;
    }
    return Ok;
}

int exportTable(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("db"), tr("The book."), tr("BOOK") });
    parser.addOption(
            { QStringLiteral("what"),
              tr("opportunities, accounts, stalled, worklist, reviews, commitments or moves."),
              tr("TABLE") });
    parser.addOption({ QStringLiteral("format"),
                       tr("For --what moves: salesforce, hubspot or generic."), tr("FORMAT") });
    parser.addOption({ QStringLiteral("rep"), tr("Only this rep."), tr("NAME") });
    parser.addOption({ QStringLiteral("territory"), tr("Only this territory."), tr("NAME") });
    parser.addOption({ QStringLiteral("as-of"), tr("As-of date (default today)."), tr("DATE") });
    parser.addOption({ QStringLiteral("csv"), tr("The CSV file to write."), tr("OUT") });
    if (const auto done = parseCommand(parser, arguments, out, err, usage()))
        return *done;
    const QString db = parser.value(QStringLiteral("db"));
    const QString what = parser.value(QStringLiteral("what"));
    const QString csvPath = parser.value(QStringLiteral("csv"));
    if (db.isEmpty() || csvPath.isEmpty()) {
        err << tr("export: --db BOOK and --csv OUT are required.") << '\n';
        return Usage;
    }
    const QStringList tables{ QStringLiteral("opportunities"), QStringLiteral("accounts"),
                              QStringLiteral("stalled"),       QStringLiteral("worklist"),
                              QStringLiteral("reviews"),       QStringLiteral("commitments"),
                              QStringLiteral("moves") };
    if (!tables.contains(what)) {
        err << tr("export: --what takes opportunities, accounts, stalled, worklist, reviews, "
                  "commitments or moves, found \"%1\".")
                        .arg(what)
            << '\n';
        return Usage;
    }
    if (what == QLatin1String("moves")) {
        for (const char *option : { "rep", "territory", "as-of" }) {
            if (parser.isSet(QString::fromLatin1(option))) {
                err << tr("export: --%1 does not apply to --what moves, which writes every "
                          "move of the book.")
                                .arg(QString::fromLatin1(option))
                    << '\n';
                return Usage;
            }
        }
        const QString format = parser.value(QStringLiteral("format"));
        const std::optional<MovesFormat> chosen = MovesExport::formatFromKey(format);
        if (!chosen) {
            err << (format.isEmpty()
                            ? tr("export: --what moves needs --format %1.")
                                      .arg(MovesExport::formatKeys().join(QLatin1Char('|')))
                            : tr("export: --format takes salesforce, hubspot or generic, found "
                                 "\"%1\".")
                                      .arg(format))
                << '\n';
            return Usage;
        }
        return exportMoves(db, *chosen, csvPath, out, err);
    }
    if (parser.isSet(QStringLiteral("format"))) {
        err << tr("export: --format applies to --what moves only.") << '\n';
        return Usage;
    }
    if (what == QLatin1String("reviews") || what == QLatin1String("commitments"))
        return exportReviews(db, what, parser.value(QStringLiteral("rep")), csvPath, err);
    const auto asOf =
            parseDateOption(parser.value(QStringLiteral("as-of")), QStringLiteral("--as-of"), err);
    if (!asOf)
        return Usage;
    try {
        const auto view = loadBookView(db);
        RowFilter filter;
        const QString rep = parser.value(QStringLiteral("rep"));
        const QString territory = parser.value(QStringLiteral("territory"));
        if (!rep.isEmpty()) {
            for (std::size_t i = 0; i < view->reps.size(); ++i) {
                if (view->reps[i].name == rep)
                    filter.scopeRep = int(i);
            }
            if (filter.scopeRep < 0)
                throw InputError(tr("--rep: no rep named \"%1\" in this book.").arg(rep));
        }
        if (!territory.isEmpty()) {
            for (std::size_t i = 0; i < view->territories.size(); ++i) {
                if (view->territories[i].name == territory)
                    filter.scopeTerritory = int(i);
            }
            if (filter.scopeTerritory < 0)
                throw InputError(
                        tr("--territory: no territory named \"%1\" in this book.").arg(territory));
        }
        const bool written = writeCsv(csvPath, err, [&](QIODevice &file) {
            if (what == QLatin1String("opportunities"))
                return CsvExport::opportunities(*view, filter, file);
            if (what == QLatin1String("accounts"))
                return CsvExport::accounts(*view, filter, file);
            if (what == QLatin1String("stalled")) {
                const QDate day = asOf->isValid() ? *asOf : QDate::currentDate();
                const auto report =
                        health::evaluate(*view, { filter.scopeRep, filter.scopeTerritory }, day,
                                         Period::containing(day, view->settings.fiscalStartMonth));
                return CsvExport::stalled(*view, report, file);
            }
            return CsvExport::workList(*view, buildRoiReport(*view, filter), file);
        });
        if (!written)
            return BadInput;
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Read) << '\n';
        return BadInput;
    }
    return Ok;
}

} // namespace

bool isCommand(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    const QString &first = arguments.constFirst();
    return commands.contains(first) || first == QLatin1String("--help")
            || first == QLatin1String("-h") || first == QLatin1String("--version")
            || first == QLatin1String("-v") || first == QLatin1String("help");
}

bool needsPainting(const QStringList &arguments)
{
    return !arguments.isEmpty() && arguments.constFirst() == QLatin1String("report");
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << usage();
        return Usage;
    }
    const QString &command = arguments.constFirst();
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        out << usage();
        return Ok;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out << QStringLiteral("territory-planner %1\n").arg(QStringLiteral(TP_VERSION));
        return Ok;
    }
    if (command == QLatin1String("demo"))
        return demo(rest, out, err);
    if (command == QLatin1String("import"))
        return importCommand(arguments.mid(1), out, err, usage());
    if (command == QLatin1String("undo-import"))
        return undoImportCommand(rest, out, err, usage());
    if (command == QLatin1String("summary"))
        return summary(rest, out, err);
    if (command == QLatin1String("export"))
        return exportTable(rest, out, err);
    if (command == QLatin1String("report"))
        return reportCommand(rest, out, err, usage());
    if (command == QLatin1String("territories"))
        return territoriesCommand(rest, out, err, usage());
    err << tr("Unknown command \"%1\".").arg(command) << '\n' << usage();
    return Usage;
}

} // namespace tp::cli
