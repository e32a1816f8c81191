#include "importcommand.h"

#include "cli.h"
#include "domain/errors.h"
#include "import/filepreview.h"
#include "import/importer.h"
#include "import/mappingfile.h"
#include "import/mappingstore.h"
#include "import/presets.h"
#include "options.h"
#include "report/jsonwriter.h"
#include "storage/book.h"
#include "storage/usermessage.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace tp::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::cli", text);
}

// The keys of the kinds, e.g. "opportunities, accounts, activities, quotas, scores".
QString kindKeys(const QString &separator)
{
    QStringList keys;
    for (crm::Kind kind : crm::allKinds())
        keys.append(crm::kindKey(kind));
    return keys.join(separator);
}

// What blocks the import, told the command line's way.
QStringList problems(const crm::Analysis &a)
{
    return a.problemsWithHints(tr("Map each with --map-stage \"NAME=Stage\"."),
                               tr("Give --encoding utf-8 or --encoding windows-1252."));
}

// Columns given by header name in a mapping file become column numbers for this file; the
// header is found as the import finds it.
void resolveColumns(const QString &file, const crm::MappingFile &mapping,
                    crm::ImportOptions &options)
{
    if (mapping.columns.empty())
        return;
    const crm::FilePreview preview = crm::previewFile(file, options.csv, options.kind, 0);
    options.columns = mapping.resolve(preview.header, preview.file);
}

// Without --mapping, a file whose header the wizard has seen before imports as the user mapped
// it then (the command line's own options still win). Returns the day that mapping was saved.
std::optional<QDate> applyRememberedMapping(Book &book, const QString &file,
                                            crm::ImportOptions &options)
{
    const crm::FilePreview preview = crm::previewFile(file, options.csv, options.kind);
    const auto remembered = crm::MappingStore(book).load(preview.fingerprint);
    if (!remembered)
        return std::nullopt;
    if (!remembered->applyTo(options))
        return std::nullopt; // another preset or kind was asked for: the mapping does not apply
    return remembered->savedOn;
}

void writeJson(JsonWriter &json, const crm::ImportReport &r, const std::optional<QDate> &remembered)
{
    const crm::Analysis &a = r.analysis;
    json.beginObject();
    json.value(QStringLiteral("file"), a.file);
    json.value(QStringLiteral("preset"), a.presetId);
    json.value(QStringLiteral("kind"), crm::kindKey(a.kind));
    json.value(QStringLiteral("encoding"), csv::encodingName(a.dialect.encoding));
    json.value(QStringLiteral("delimiter"), QString(QLatin1Char(a.dialect.delimiter)));
    json.value(QStringLiteral("header_line"), a.headerLine);
    json.optionalText(QStringLiteral("remembered_mapping"),
                      remembered ? std::optional<QString>(remembered->toString(Qt::ISODate))
                                 : std::nullopt);
    json.value(QStringLiteral("rows"), a.rows);
    json.value(QStringLiteral("created"), r.counts.created);
    json.value(QStringLiteral("updated"), r.counts.updated);
    json.value(QStringLiteral("unchanged"), r.counts.unchanged);
    json.value(QStringLiteral("removed"), r.counts.removed);
    json.value(QStringLiteral("rejected"), r.rejectedRows);
    json.value(QStringLiteral("accounts_created"), r.counts.accountsCreated);
    json.value(QStringLiteral("reps_created"), r.counts.repsCreated);
    json.value(QStringLiteral("duplicates"), r.counts.duplicates);
    json.value(QStringLiteral("duplicates_skipped"), r.counts.duplicatesSkipped);
    json.value(QStringLiteral("stage_changes"), r.counts.stageChanges);
    json.value(QStringLiteral("close_date_pushes"), r.counts.closeDatePushes);
    json.boolean(QStringLiteral("committed"), r.committed);
    json.beginArray(QStringLiteral("unmapped_columns"));
    for (const QString &c : a.unmappedColumns)
        json.value(QString(), c);
    json.endArray();
    json.beginArray(QStringLiteral("warnings"));
    for (const QString &w : a.warnings)
        json.value(QString(), w);
    json.endArray();
    json.beginArray(QStringLiteral("problems"));
    for (const QString &p : problems(a))
        json.value(QString(), p);
    json.endArray();
    json.beginArray(QStringLiteral("unconfirmed"));
    for (const crm::Confirmation &c : r.unconfirmed) {
        json.beginObject();
        json.value(QStringLiteral("kind"),
                   c.kind == crm::Confirmation::Kind::MassRemoval ? QStringLiteral("mass_removal")
                                                                  : QStringLiteral("duplicates"));
        json.value(QStringLiteral("message"), c.text);
        json.endObject();
    }
    json.endArray();
    json.beginArray(QStringLiteral("likely_duplicates"));
    for (const crm::LikelyDuplicate &d : r.duplicates) {
        json.beginObject();
        json.value(QStringLiteral("line"), d.line);
        json.value(QStringLiteral("name"), d.name);
        json.value(QStringLiteral("existing_crm_id"), d.existingCrmId);
        json.endObject();
    }
    json.endArray();
    json.beginArray(QStringLiteral("rejections"));
    for (const crm::Rejection &x : r.rejections) {
        json.beginObject();
        json.value(QStringLiteral("line"), x.line);
        json.value(QStringLiteral("column"), x.column);
        json.value(QStringLiteral("field"), x.field);
        json.value(QStringLiteral("value"), x.value);
        json.value(QStringLiteral("reason"), x.reason);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

QString textSummary(const crm::ImportReport &r, bool dryRun, const std::optional<QDate> &remembered)
{
    const crm::Analysis &a = r.analysis;
    // Texts counted with %n call QCoreApplication::translate() themselves, so that lupdate finds
    // them (translations/territory-planner_en.ts has their singular and plural forms).
    QString s = QCoreApplication::translate("tp::cli",
                                            "%1 (%2, %3): %n row(s); %4 created, %5 updated, "
                                            "%6 unchanged, %7 removed, %8 rejected",
                                            nullptr, int(a.rows))
                        .arg(a.file, a.presetId, crm::kindKey(a.kind))
                        .arg(r.counts.created)
                        .arg(r.counts.updated)
                        .arg(r.counts.unchanged)
                        .arg(r.counts.removed)
                        .arg(r.rejectedRows);
    if (r.counts.accountsCreated || r.counts.repsCreated)
        s += QStringLiteral("; ")
                + QCoreApplication::translate("tp::cli", "%n new account(s)", nullptr,
                                              int(r.counts.accountsCreated))
                + QStringLiteral(", ")
                + QCoreApplication::translate("tp::cli", "%n new rep(s)", nullptr,
                                              int(r.counts.repsCreated));
    if (r.counts.stageChanges || r.counts.closeDatePushes)
        s += QStringLiteral("; ")
                + QCoreApplication::translate("tp::cli", "%n stage change(s)", nullptr,
                                              int(r.counts.stageChanges))
                + QStringLiteral(", ")
                + QCoreApplication::translate("tp::cli", "%n close date(s) pushed", nullptr,
                                              int(r.counts.closeDatePushes));
    if (r.counts.duplicates)
        s += QStringLiteral("; ")
                + (r.counts.duplicatesSkipped
                           ? QCoreApplication::translate("tp::cli",
                                                         "%n likely duplicate(s) left out", nullptr,
                                                         int(r.counts.duplicatesSkipped))
                           : QCoreApplication::translate("tp::cli", "%n likely duplicate(s)",
                                                         nullptr, int(r.counts.duplicates)));
    s += dryRun ? tr(" (dry run: nothing written)") : QString();
    s += QLatin1Char('\n');
    if (remembered)
        s += QStringLiteral("  ")
                + tr("note: mapped as remembered on %1").arg(remembered->toString(Qt::ISODate))
                + QLatin1Char('\n');
    for (const QString &w : a.warnings)
        s += QStringLiteral("  ") + tr("note: %1").arg(w) + QLatin1Char('\n');
    if (dryRun) {
        for (const crm::Confirmation &c : r.unconfirmed)
            s += QStringLiteral("  ") + tr("to confirm: %1").arg(c.text) + QLatin1Char('\n');
    }
    return s;
}

} // namespace

int importCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                  const QString &usage)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("db"), tr("The book."), tr("BOOK") });
    parser.addOption({ QStringLiteral("kind"),
                       tr("What the files hold, one of %1.").arg(kindKeys(QStringLiteral(", "))),
                       tr("KIND") });
    parser.addOption({ QStringLiteral("preset"), tr("auto or a preset name."), tr("PRESET") });
    parser.addOption({ QStringLiteral("mapping"),
                       tr("A JSON mapping file (without one: the mapping remembered for the file's "
                          "header, if any)."),
                       tr("MAP") });
    parser.addOption({ QStringLiteral("map-stage"), tr("A CRM stage and ours: \"CRM NAME=Stage\"."),
                       tr("MAP") });
    parser.addOption({ QStringLiteral("date-order"), tr("dmy, mdy or ymd for ambiguous dates."),
                       tr("ORDER") });
    parser.addOption({ QStringLiteral("encoding"),
                       tr("The files' encoding, when detection cannot settle it: utf-8, "
                          "windows-1252, utf-16le or utf-16be."),
                       tr("ENCODING") });
    parser.addOption(
            { QStringLiteral("as-of"), tr("The snapshot's date (default today)."), tr("DATE") });
    parser.addOption(
            { QStringLiteral("complete"), tr("The file is the whole pipeline of its source.") });
    parser.addOption(
            { QStringLiteral("allow-mass-removal"),
              tr("With --complete: remove the deals the file lacks even when they are more "
                 "than half of its source's open deals.") });
    parser.addOption({ QStringLiteral("skip-duplicates"),
                       tr("Leave out new rows that look like deals the book has from another "
                          "source.") });
    parser.addOption({ QStringLiteral("allow-duplicates"), tr("Import such rows anyway.") });
    parser.addOption({ QStringLiteral("dry-run"), tr("Report what would change; write nothing.") });
    parser.addOption(
            { QStringLiteral("skip-invalid"), tr("Import the valid rows, report the rest.") });
    parser.addOption({ QStringLiteral("json"), tr("Print one JSON document.") });
    if (const auto done = parseCommand(parser, arguments, out, err, usage, true,
                                       QLatin1Char('\n') + crm::mappingFileHelp()))
        return *done;
    const QString db = parser.value(QStringLiteral("db"));
    const QStringList files = parser.positionalArguments();
    if (db.isEmpty() || files.isEmpty()) {
        err << tr("import: --db BOOK and at least one FILE are required.") << '\n';
        return Usage;
    }
    crm::ImportOptions options;
    std::optional<crm::MappingFile> mapping;
    if (parser.isSet(QStringLiteral("mapping"))) {
        try {
            mapping = crm::MappingFile::read(parser.value(QStringLiteral("mapping")));
        } catch (const InputError &e) { // the mapping file: the command line was wrong
            err << userMessage(e) << '\n';
            return Usage;
        }
        mapping->applyTo(options);
    }
    if (parser.isSet(QStringLiteral("kind"))) {
        options.kind = crm::kindFromKey(parser.value(QStringLiteral("kind")));
        if (!options.kind) {
            err << tr("--kind: expected one of %1; found \"%2\".")
                            .arg(kindKeys(QStringLiteral(", ")),
                                 parser.value(QStringLiteral("kind")))
                << '\n';
            return Usage;
        }
    }
    if (parser.isSet(QStringLiteral("preset"))) {
        options.preset = parser.value(QStringLiteral("preset"));
        if (options.preset != QLatin1String("auto") && !crm::presetById(options.preset)) {
            err << tr("--preset: unknown preset \"%1\".").arg(options.preset) << '\n';
            return Usage;
        }
    }
    for (const QString &m : parser.values(QStringLiteral("map-stage"))) {
        const auto eq = m.lastIndexOf(QLatin1Char('='));
        const auto stage = eq > 0 ? stageFromKey(m.mid(eq + 1).trimmed()) : std::nullopt;
        if (!stage) {
            err << tr("--map-stage: expected \"CRM NAME=Stage\" with Stage one of Qualify, Prove, "
                      "Propose, Negotiate, Won, Lost; found \"%1\".")
                            .arg(m)
                << '\n';
            return Usage;
        }
        options.stageMap.insert(m.left(eq).trimmed(), *stage);
    }
    if (parser.isSet(QStringLiteral("date-order"))) {
        options.dateOrder = values::dateOrderFromKey(parser.value(QStringLiteral("date-order")));
        if (!options.dateOrder) {
            err << tr("--date-order: expected dmy, mdy or ymd.") << '\n';
            return Usage;
        }
    }
    if (parser.isSet(QStringLiteral("encoding"))) {
        options.csv.encoding = csv::encodingFromKey(parser.value(QStringLiteral("encoding")));
        if (!options.csv.encoding) {
            err << tr("--encoding: expected utf-8, windows-1252, utf-16le or utf-16be; found "
                      "\"%1\".")
                            .arg(parser.value(QStringLiteral("encoding")))
                << '\n';
            return Usage;
        }
    }
    const auto asOf =
            parseDateOption(parser.value(QStringLiteral("as-of")), QStringLiteral("--as-of"), err);
    if (!asOf)
        return Usage;
    options.asOf = *asOf;
    options.complete = parser.isSet(QStringLiteral("complete"));
    options.allowMassRemoval = parser.isSet(QStringLiteral("allow-mass-removal"));
    if (parser.isSet(QStringLiteral("skip-duplicates"))
        && parser.isSet(QStringLiteral("allow-duplicates"))) {
        err << tr("--skip-duplicates and --allow-duplicates: choose one.") << '\n';
        return Usage;
    }
    if (parser.isSet(QStringLiteral("skip-duplicates")))
        options.duplicates = crm::DuplicatePolicy::Skip;
    else if (parser.isSet(QStringLiteral("allow-duplicates")))
        options.duplicates = crm::DuplicatePolicy::Import;
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    const bool asJson = parser.isSet(QStringLiteral("json"));

    std::vector<crm::ImportReport> reports;
    std::vector<std::optional<QDate>> remembered;
    const bool useRemembered = !parser.isSet(QStringLiteral("mapping"));
    bool failed = false;
    // A book that does not exist yet is created (importing is how most books begin). It is
    // written under a temporary name beside it and takes its name only once the import has
    // committed and the book is closed: a failed, cancelled, dry or killed import leaves no empty
    // book behind (a killed one leaves the temporary file, removed by the next import).
    const bool created = !QFileInfo::exists(db);
    if (created) {
        try {
            Book::requireFolder(db); // said of the book, not of its temporary name
        } catch (const BookError &e) {
            err << userMessage(e, db) << '\n';
            return BadInput;
        }
    }
    const QString target = created ? db + QStringLiteral(".importing") : db;
    const auto removeTarget = [&target] {
        for (const char *suffix : { "", "-journal", "-wal", "-shm" })
            QFile::remove(target + QString::fromLatin1(suffix));
    };
    struct RemoveUnlessKept
    {
        std::function<void()> remove;
        bool keep = false;
        ~RemoveUnlessKept()
        {
            if (!keep && remove)
                remove();
        }
    } cleanup{ created ? std::function<void()>(removeTarget) : std::function<void()>() };
    if (created)
        removeTarget(); // left by an import that was killed
    bool committed = false;
    try {
        auto book = created ? Book::create(target) : Book::open(db, Book::commandBusyTimeoutMs);
        // Before the transaction.
        const crm::ImportConnection connection(book->db(),
                                               created ? crm::ImportConnection::Book::PrivateAndNew
                                                       : crm::ImportConnection::Book::Shared);
        sql::Transaction all(book->db());
        for (const QString &file : files) {
            crm::ImportOptions forFile = options;
            if (mapping)
                resolveColumns(file, *mapping, forFile);
            remembered.push_back(useRemembered ? applyRememberedMapping(*book, file, forFile)
                                               : std::nullopt);
            reports.push_back(crm::importFile(*book, file, forFile));
            const crm::ImportReport &r = reports.back();
            if (!r.analysis.problems.isEmpty()) {
                for (const QString &p : problems(r.analysis))
                    err << r.analysis.file << ": " << p << '\n';
                failed = true;
            } else if (!r.unconfirmed.empty() && !options.dryRun) {
                for (const crm::Confirmation &c : r.unconfirmed)
                    err << r.analysis.file << ": " << c.text << '\n';
                err << tr("%1: nothing was imported.").arg(r.analysis.file) << '\n';
                failed = true;
            } else if (r.rejectedRows > 0 && !options.skipInvalid) {
                for (const crm::Rejection &x : r.rejections) {
                    err << tr("%1, line %2%3: %4%5")
                                    .arg(r.analysis.file)
                                    .arg(x.line)
                                    .arg(x.column > 0 ? tr(", column %1").arg(x.column) : QString())
                                    .arg(x.field.isEmpty() ? QString()
                                                           : x.field + QStringLiteral(": "))
                                    .arg(x.reason)
                        << '\n';
                }
                err << QCoreApplication::translate("tp::cli",
                                                   "%1: %n row(s) rejected; nothing was imported "
                                                   "(use --skip-invalid to import the valid rows).",
                                                   nullptr, int(r.rejectedRows))
                                .arg(r.analysis.file)
                    << '\n';
                failed = true;
            }
            if (failed)
                break;
        }
        if (!failed && !options.dryRun) {
            all.commit();
            committed = true;
        }
    } catch (const std::exception &e) {
        err << userMessage(e, db) << '\n';
        return BadInput;
    }
    if (committed && created) { // the book is closed: it takes its name
        if (!QFile::rename(target, db)) {
            err << tr("%1 appeared while the import ran; the import was left in %2.")
                            .arg(db, target)
                << '\n';
            cleanup.keep = true;
            return BadInput;
        }
    }
    cleanup.keep = committed;
    if (asJson) {
        JsonWriter json;
        json.beginObject();
        json.boolean(QStringLiteral("dry_run"), options.dryRun);
        json.boolean(QStringLiteral("committed"), !failed && !options.dryRun);
        json.beginArray(QStringLiteral("files"));
        for (std::size_t i = 0; i < reports.size(); ++i)
            writeJson(json, reports[i], remembered[i]);
        json.endArray();
        json.endObject();
        out << json.toString();
    } else if (!failed) {
        for (std::size_t i = 0; i < reports.size(); ++i)
            out << textSummary(reports[i], options.dryRun, remembered[i]);
    }
    return failed ? BadInput : Ok;
}

} // namespace tp::cli
