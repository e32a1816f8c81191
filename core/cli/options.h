#pragma once

#include <QCommandLineParser>
#include <QDate>
#include <QTextStream>

#include <optional>

namespace tp::cli {

// Parses a subcommand's options; on failure writes the reason (and `usage`) and returns false.
// `positionals`: whether arguments other than options are allowed (import's FILE...).
bool parseOptions(QCommandLineParser &parser, const QStringList &arguments, QTextStream &err,
                  const QString &usage, bool positionals = false);

// An ISO date option; an empty text is an invalid QDate ("not given"), a bad one nullopt.
std::optional<QDate> parseDateOption(const QString &text, const QString &option, QTextStream &err);

} // namespace tp::cli
