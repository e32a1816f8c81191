#pragma once

#include "analytics/snapshotdiff.h"
#include "domain/dates.h"
#include "jsonwriter.h"
#include "storage/book.h"
#include "views/bookview.h"

#include <QCoreApplication>
#include <QDate>

#include <functional>
#include <optional>

namespace tp {

// `summary --since`: what changed between the latest snapshot at or before the --since date
// and the latest at or before the as-of date, for the summary's scope and period (CLI.md, the
// `changes` section; docs/METRICS.md, "Changes between two snapshots" and "Pipeline flow").
struct ChangesSection
{
    std::optional<QDate> from; // none: no snapshot at or before --since, compared with nothing
    QDate to;
    changes::Comparison comparison;
};

class ChangesSectionBuilder
{
    Q_DECLARE_TR_FUNCTIONS(tp::ChangesSectionBuilder)

public:
    // Throws tp::InputError when no snapshot is at or before `asOf`. `view` is the loaded book,
    // for the stalled rules as of each snapshot's date.
    static ChangesSection build(Book &book, const BookView &view, const QDate &since,
                                const QDate &asOf, const changes::Scope &scope,
                                const Period &period);
    static void writeJson(JsonWriter &json, const ChangesSection &section);
    // "Changes since …": a few lines for the text summary; `money` formats an amount.
    static QString toText(const ChangesSection &section,
                          const std::function<QString(Minor)> &money);
};

} // namespace tp
