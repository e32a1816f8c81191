#include "reportcommand.h"

#include "cli/cli.h"
#include "cli/options.h"
#include "report/reviewpack.h"
#include "storage/book.h"
#include "storage/usermessage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>

namespace tp::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::cli", text);
}

} // namespace

int reportCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                  const QString &usage)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("db"), tr("The book."), tr("BOOK") });
    parser.addOption(
            { QStringLiteral("rep"), tr("The rep (default: the team pack)."), tr("NAME") });
    parser.addOption({ QStringLiteral("since"), tr("Changes since (default: the last review)."),
                       tr("DATE") });
    parser.addOption({ QStringLiteral("as-of"), tr("As-of date (default today)."), tr("DATE") });
    parser.addOption({ QStringLiteral("pdf"), tr("The PDF file to write."), tr("OUT") });
    if (const auto done = parseCommand(parser, arguments, out, err, usage))
        return *done;
    const QString db = parser.value(QStringLiteral("db"));
    const QString pdf = parser.value(QStringLiteral("pdf"));
    if (db.isEmpty() || pdf.isEmpty()) {
        err << tr("report: --db BOOK and --pdf OUT are required.") << '\n';
        return Usage;
    }
    const auto asOf =
            parseDateOption(parser.value(QStringLiteral("as-of")), QStringLiteral("--as-of"), err);
    const auto since =
            parseDateOption(parser.value(QStringLiteral("since")), QStringLiteral("--since"), err);
    if (!asOf || !since)
        return Usage;
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        err << tr("report: painting the PDF needs a QGuiApplication (run territory-planner "
                  "report from the command line).")
            << '\n';
        return BadInput;
    }
    try {
        auto book = Book::openForReading(db, Book::commandBusyTimeoutMs);
        QSaveFile file(pdf);
        if (!file.open(QIODevice::WriteOnly)) {
            const QFileInfo info(pdf);
            err << (QFileInfo(info.absolutePath()).isDir()
                            ? tr("%1: cannot write: %2").arg(pdf, file.errorString())
                            : tr("Cannot write %1: the folder %2 does not exist.")
                                      .arg(info.fileName(),
                                           QDir::toNativeSeparators(info.absolutePath())))
                << '\n';
            return BadInput;
        }
        const int pages = ReviewPack::write(
                *book, { parser.value(QStringLiteral("rep")), *asOf, *since }, file);
        if (!file.commit()) {
            err << tr("%1: cannot write: %2").arg(pdf, file.errorString()) << '\n';
            return BadInput;
        }
        out << QCoreApplication::translate("tp::cli", "Wrote %1 (%n page(s)).", nullptr, pages)
                        .arg(QDir::toNativeSeparators(pdf))
            << '\n';
    } catch (const std::exception &e) {
        err << userMessage(e, db, BookTask::Read) << '\n';
        return BadInput;
    }
    return Ok;
}

} // namespace tp::cli
