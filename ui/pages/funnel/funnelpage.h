#pragma once

#include "pages/page.h"

class QGroupBox;
class QLabel;
class QSplitter;
class QTableWidget;

namespace tp::ui {

class ActualsChart;
class AssumptionsPanel;
class BookSession;
class FunnelState;
class FunnelWidget;
class HealthState;
class ScopeState;

// Funnel math (METRICS "Funnel math"): from the scope's target back to deals, opportunities,
// meetings and activities. First what the rest of the period asks for (the gap to plan: what is
// still needed once the healthy pipeline is counted, in total and per week left), then the plan
// for the whole period (the target over its weeks, the painted funnel), each labelled with its
// amount and weeks; the rates it used and where they come from (editable: a what-if that the
// book keeps per scope, undoable); and this period's meetings and activities against the plan.
// The figures are core's (funnel::Plan); the page only shows them.
class FunnelPage : public Page
{
    Q_OBJECT

public:
    FunnelPage(BookSession *session, ScopeState *scope, HealthState *health,
               QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("funnel"); }
    QString title() const override { return tr("Funnel"); }
    QIcon icon() const override;
    void focusSearch() override;
    void setCurrent(bool current) override;
    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

    FunnelState *state() const { return m_state; }
    AssumptionsPanel *assumptions() const { return m_assumptions; }
    FunnelWidget *funnel() const { return m_funnel; }
    QTableWidget *gapTable() const { return m_gap; }
    ActualsChart *actualsChart() const { return m_actuals; }
    QLabel *warningLabel() const { return m_warning; }
    QString gapText() const;
    QString headerText() const;
    // "The rest of 2026-Q4: 6 weeks left" and "The whole of 2026-Q4: 13 weeks".
    QGroupBox *restGroup() const { return m_rest; }
    QGroupBox *wholeGroup() const { return m_whole; }

private:
    void onEvaluated();

    BookSession *m_session;
    FunnelState *m_state;
    AssumptionsPanel *m_assumptions;
    FunnelWidget *m_funnel;
    QTableWidget *m_gap;
    ActualsChart *m_actuals;
    QLabel *m_header;
    QLabel *m_gapSummary;
    QLabel *m_wholeSummary;
    QLabel *m_warning;
    QGroupBox *m_rest;
    QGroupBox *m_whole;
    QSplitter *m_vertical;
    QSplitter *m_top;
    QSplitter *m_bottom;
};

} // namespace tp::ui
