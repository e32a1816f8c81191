#pragma once

#include <QCommandLineParser>
#include <QDate>
#include <QTextStream>

#include <optional>

namespace tp::cli {

// Parses a subcommand's options and answers --help (its options' help, then `helpSuffix`).
// Returns the exit code when the command ends here: Usage after a parse error (the reason and
// `usage` written to `err`), Ok after --help; nullopt when the command goes on.
// `positionals`: whether arguments other than options are allowed (import's FILE...).
std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                QTextStream &out, QTextStream &err, const QString &usage,
                                bool positionals = false, const QString &helpSuffix = {});

// An ISO date option; an empty text is an invalid QDate ("not given"), a bad one nullopt.
std::optional<QDate> parseDateOption(const QString &text, const QString &option, QTextStream &err);

} // namespace tp::cli
