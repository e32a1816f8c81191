#pragma once

#include <QStringList>
#include <QTextStream>

namespace tp::cli {

// `territory-planner import`: CLI.md. All files in one transaction: a failure in any of them
// leaves the book as it was.
int importCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                  const QString &usage);

} // namespace tp::cli
