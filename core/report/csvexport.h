#pragma once

#include "analytics/pipelinehealth.h"
#include "report/roireport.h"
#include "views/bookview.h"
#include "views/tablequery.h"

#include <QCoreApplication>
#include <QIODevice>

namespace tp {

// The tables as CSV, in the same rows and values the GUI shows (formula-injection safe).
class CsvExport
{
    Q_DECLARE_TR_FUNCTIONS(tp::CsvExport)

public:
    static bool opportunities(const BookView &view, const RowFilter &filter, QIODevice &out);
    static bool accounts(const BookView &view, const RowFilter &filter, QIODevice &out);
    // The ranked work list of a scope (METRICS "Accounts"), every scored account, with its
    // scores per factor (blank: not scored) and whether it fits in the scope's capacity.
    static bool workList(const BookView &view, const roi::RoiResult &roi, QIODevice &out);
    // The stalled and at-risk open deals of a health report (METRICS "Stalled deals"), stalled
    // first, larger amounts first, with the facts the rules looked at and the reasons in words.
    static bool stalled(const BookView &view, const health::HealthReport &report, QIODevice &out);
};

} // namespace tp
