#pragma once

#include <QStringList>
#include <QTextStream>

namespace tp::cli {

// `territory-planner territories --db BOOK [--metric ev|potential|pipeline|accounts|active]
// [--as-of DATE] [--json]`: every territory with its figures and its share of the average on
// the metric, and the balance (docs/CLI.md "territories --json", docs/METRICS.md
// "Territories"). The book is only read.
int territoriesCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                       const QString &usage);

} // namespace tp::cli
