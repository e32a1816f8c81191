#pragma once

#include "analytics/funnel.h"
#include "analytics/pipelinehealth.h"
#include "analytics/roi.h"
#include "changessection.h"
#include "domain/dates.h"
#include "storage/book.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace tp {

// What `summary` was asked for: names as the user typed them.
struct SummaryRequest
{
    QDate asOf; // default today
    QString period; // "2026-Q4"; default the period containing asOf
    QString rep; // empty: no rep filter
    QString territory; // empty: no territory filter
    QDate since; // valid: add the changes since the latest snapshot at or before it
};

// `summary`'s work list: the top of the scope's ranked accounts (CLI.md).
inline constexpr std::size_t workListLength = 20;

// The resolved request and the figures of the summary (CLI.md, docs/METRICS.md).
struct Summary
{
    QDate asOf;
    Period period;
    QString currency;
    std::optional<QString> rep;
    std::optional<QString> territory;
    // METRICS "Stalled deals", "Coverage" and "Key metrics" for the scope; also the counts and
    // the open pipeline by stage.
    health::HealthReport health;
    std::vector<QString> repNames; // of health.reps, in its order
    funnel::Plan funnel; // METRICS "Funnel math" for the scope and period
    double attainmentBar = 0.8;
    double spreadBar = 0.25;
    // METRICS "Accounts" for the scope: the ranked work list holds account names.
    roi::RoiResult roi;
    std::vector<QString> workListNames; // of roi.workList, in its order (the first 20)
    std::optional<ChangesSection> changes; // with SummaryRequest::since
};

class SummaryBuilder
{
    Q_DECLARE_TR_FUNCTIONS(tp::SummaryBuilder)

public:
    // Throws tp::InputError for an unknown rep or territory or a malformed period.
    static Summary build(Book &book, const SummaryRequest &request);
    static QString toJson(const Summary &summary);
    static QString toText(const Summary &summary);
};

} // namespace tp
