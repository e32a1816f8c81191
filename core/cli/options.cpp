#include "options.h"

#include "cli.h"

#include <QCoreApplication>

namespace tp::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::cli", text);
}

bool parseOptions(QCommandLineParser &parser, const QStringList &arguments, QTextStream &err,
                  const QString &usage, bool positionals)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    if (!parser.parse(QStringList{ QStringLiteral("territory-planner") } + arguments)) {
        err << parser.errorText() << '\n' << usage;
        return false;
    }
    if (!positionals && !parser.positionalArguments().isEmpty()) {
        err << tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()) << '\n';
        return false;
    }
    return true;
}

} // namespace

std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                QTextStream &out, QTextStream &err, const QString &usage,
                                bool positionals, const QString &helpSuffix)
{
    if (!parseOptions(parser, arguments, err, usage, positionals))
        return Usage;
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText() << helpSuffix;
        return Ok;
    }
    return std::nullopt;
}

std::optional<QDate> parseDateOption(const QString &text, const QString &option, QTextStream &err)
{
    if (text.isEmpty())
        return QDate();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid()) {
        err << tr("%1: expected a date as YYYY-MM-DD, found \"%2\".").arg(option, text) << '\n';
        return std::nullopt;
    }
    return date;
}

} // namespace tp::cli
