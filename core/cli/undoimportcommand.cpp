#include "undoimportcommand.h"

#include "cli.h"
#include "import/importjournal.h"
#include "options.h"
#include "report/jsonwriter.h"
#include "storage/book.h"
#include "storage/usermessage.h"

#include <QCoreApplication>
#include <QLocale>

namespace tp::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::cli", text);
}

QString rowsText(const std::vector<crm::UndoPlan::Rows> &rows)
{
    QStringList parts;
    for (const crm::UndoPlan::Rows &r : rows)
        parts.append(QStringLiteral("%1 %2").arg(QLocale().toString(r.count), r.table));
    return parts.isEmpty() ? tr("nothing") : parts.join(QStringLiteral(", "));
}

QString planText(const crm::UndoPlan &p)
{
    QString s = tr("The newest import: %1 (%2, as of %3).\n")
                        .arg(p.file, p.kind, p.asOf.toString(Qt::ISODate));
    s += tr("Undoing it deletes what it made: %1.\n").arg(rowsText(p.removes));
    s += tr("It puts back what it changed, as it was before: %1.\n").arg(rowsText(p.restores));
    if (p.laterEditCount > 0) {
        s += QCoreApplication::translate("tp::cli",
                                         "%n edit(s) made after the import would be lost:", nullptr,
                                         int(p.laterEditCount))
                + QLatin1Char('\n');
        for (const QString &e : p.laterEdits)
            s += QStringLiteral("  - ") + e + QLatin1Char('\n');
        if (p.laterEditCount > p.laterEdits.size())
            s += QStringLiteral("  - …\n");
    }
    return s;
}

void planJson(JsonWriter &json, const crm::UndoPlan &p, bool undone)
{
    json.beginObject();
    json.value(QStringLiteral("import_id"), qint64(p.importId));
    json.value(QStringLiteral("file"), p.file);
    json.value(QStringLiteral("kind"), p.kind);
    json.value(QStringLiteral("as_of"), p.asOf.toString(Qt::ISODate));
    for (const auto &[key, rows] : { std::pair{ QStringLiteral("removes"), &p.removes },
                                     std::pair{ QStringLiteral("restores"), &p.restores } }) {
        json.beginObject(key);
        for (const crm::UndoPlan::Rows &r : *rows)
            json.value(r.table, r.count);
        json.endObject();
    }
    json.value(QStringLiteral("later_edit_count"), p.laterEditCount);
    json.beginArray(QStringLiteral("later_edits"));
    for (const QString &e : p.laterEdits)
        json.value(QString(), e);
    json.endArray();
    json.boolean(QStringLiteral("undone"), undone);
    json.endObject();
}

} // namespace

int undoImportCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                      const QString &usage)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("db"), tr("The book."), tr("BOOK") });
    parser.addOption({ QStringLiteral("dry-run"), tr("Only list what the undo would do.") });
    parser.addOption({ QStringLiteral("force"),
                       tr("Undo even when edits made after the import would be lost.") });
    parser.addOption({ QStringLiteral("json"), tr("Print one JSON document.") });
    if (const auto done = parseCommand(parser, arguments, out, err, usage))
        return *done;
    const QString db = parser.value(QStringLiteral("db"));
    if (db.isEmpty()) {
        err << tr("undo-import: --db BOOK is required.") << '\n';
        return Usage;
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool force = parser.isSet(QStringLiteral("force"));
    const bool asJson = parser.isSet(QStringLiteral("json"));
    try {
        auto book = Book::open(db, Book::commandBusyTimeoutMs);
        const std::optional<Id> last = crm::lastImport(*book);
        if (!last) {
            err << tr("%1 has no import to undo.").arg(db) << '\n';
            return BadInput;
        }
        const crm::UndoPlan plan = crm::planUndo(*book, *last);
        const bool blocked = plan.laterEditCount > 0 && !force;
        const bool undo = !dryRun && !blocked;
        if (undo)
            crm::undoImport(*book, *last, true);
        if (asJson) {
            JsonWriter json;
            planJson(json, plan, undo);
            out << json.toString();
        } else {
            out << planText(plan);
            out << (undo             ? tr("Undid the import of %1.").arg(plan.file)
                            : dryRun ? tr("(dry run: nothing changed)")
                                     : tr("Nothing was changed; add --force to undo it anyway."))
                << '\n';
        }
        if (blocked && !dryRun) {
            err << tr("%1: the undo would lose edits made after the import; nothing was changed "
                      "(--force undoes it anyway).")
                            .arg(db)
                << '\n';
            return BadInput;
        }
    } catch (const std::exception &e) {
        err << userMessage(e, db) << '\n';
        return BadInput;
    }
    return Ok;
}

} // namespace tp::cli
