#pragma once

#include "pages/page.h"

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
// meetings and activities, in total and per week, with the rates it used and where they come
// from (editable: a what-if that the book keeps per scope, undoable); the gap between plan and
// pipeline; and this period's meetings and activities against the pro-rata plan.
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
    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

    FunnelState *state() const { return m_state; }
    AssumptionsPanel *assumptions() const { return m_assumptions; }
    FunnelWidget *funnel() const { return m_funnel; }
    QTableWidget *gapTable() const { return m_gap; }
    ActualsChart *actualsChart() const { return m_actuals; }
    QLabel *warningLabel() const { return m_warning; }
    QString gapText() const;

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
    QLabel *m_warning;
    QSplitter *m_vertical;
};

} // namespace tp::ui
