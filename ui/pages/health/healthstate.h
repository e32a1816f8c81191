#pragma once

#include "analytics/pipelinehealth.h"
#include "analytics/stageconversion.h"

#include <QObject>

#include <array>
#include <optional>

namespace tp::ui {

template<typename Result>
class BackgroundJob;
class BookSession;
class EvaluationSchedule;
class ScopeState;

// The pipeline-health figures of the scope bar's scope (rep, territory, period, as-of date),
// one for the window, shared by the pages that show them (Pipeline Health, Funnel),
// evaluated again when a deal, a quota, a rep or the rules change. Row changes are evaluated
// once, on the event loop's next turn, or at once when the figures are read first (as RoiState
// does); while neither page is the window's current one, only when one is shown again or the
// figures are read (EvaluationSchedule).
class HealthState : public QObject
{
    Q_OBJECT

public:
    HealthState(BookSession *session, ScopeState *scope, QObject *parent = nullptr);

    ~HealthState() override;

    BookSession *session() const { return m_session; }
    const health::HealthReport &report();
    // Stage conversion needs the stage history, read on a background job once a page asks for
    // it (and again for each view loaded after that): nullopt until it is in.
    const std::optional<health::StageConversion> &conversion();
    void requestStageHistory();
    // Asks for the stage history and blocks until it is read (tests, benchmarks).
    void waitForStageHistory();

    // The whole team's key metrics and coverage for the scope bar's period and as-of date, beside
    // a rep's own (the Review page's Risks tab): the scope's figures when it is the team, else
    // the team's report, evaluated once for every rep until a deal, a quota, a rep, the rules,
    // the period, the as-of date or the book change.
    struct TeamFigures
    {
        health::WindowMetrics metrics;
        health::CoverageFigures coverage;
    };
    const TeamFigures &team();

    // `page`, which shows the figures, is (or is no longer) the window's current page.
    void setShownBy(const QObject *page, bool shown);

signals:
    // New figures; `scopeChanged`: another scope or book, so filters start over.
    void evaluated(bool scopeChanged);

private:
    struct FlowRead;

    void evaluate(bool scopeChanged);
    void loadStageHistory();
    void dropStageHistory();

    BookSession *m_session;
    ScopeState *m_scope;
    health::HealthReport m_report;
    // The rules with the team's average cycle: the same for every scope, so kept until a deal,
    // the rules, the as-of date or the book change.
    std::optional<health::RuleContext> m_context;
    QDate m_contextDate;
    TeamFigures m_team;
    // As of and period start and end when m_team holds the team's report.
    std::optional<std::array<QDate, 3>> m_teamFor;
    std::optional<health::StageConversion> m_conversion;
    health::StageFlow m_flow;
    BackgroundJob<FlowRead> *m_flowJob;
    bool m_flowRequested = false; // a page showed conversion: read it for every view
    bool m_flowReady = false; // m_flow is the current view's
    EvaluationSchedule *m_schedule;
};

} // namespace tp::ui
