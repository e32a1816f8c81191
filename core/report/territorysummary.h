#pragma once

#include "analytics/territories.h"

#include <QString>

namespace tp {

// `territories` on the command line (docs/CLI.md "territories --json"): the territories of a
// book with their figures on a metric, as JSON with the contract's keys, or as text.
struct TerritorySummary
{
    QString currency;
    territories::Layout layout;
    territories::Report report;
    QStringList repNames; // per Layout entry: its rep's name (empty: none)

    static TerritorySummary build(const BookView &view, territories::Metric metric,
                                  const QString &period);
    QString toJson() const;
    QString toText() const;
};

} // namespace tp
