#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;

namespace tp::ui {

class CoverageStrip;
class FunnelState;
class HealthDealsModel;
class HealthState;

// The risks of the review's scope, from the figures Pipeline Health and Funnel already hold
// (HealthState, FunnelState; nothing is worked out again): raw against honest coverage, the
// forecast with honest commit (and, when the user says so, without the Commit deals that missed
// a gateway), the funnel's gap, and the stalled and at-risk deals with their reasons.
class RisksPanel : public QWidget
{
    Q_OBJECT

public:
    RisksPanel(HealthState *health, FunnelState *funnel, QWidget *parent = nullptr);

    // Commit deals (open, closing in the period, not stalled) that missed a gateway: their sum,
    // taken out of honest commit while the box is ticked.
    void setMissedGatewayCommit(qint64 amount, int deals);
    void update();

    QCheckBox *gatewayBox() const { return m_gatewayBox; }
    QLabel *forecastLabel() const { return m_forecast; }
    QLabel *funnelLabel() const { return m_gap; }
    QTableView *dealsTable() const { return m_table; }
    HealthDealsModel *dealsModel() const { return m_model; }

private:
    HealthState *m_health;
    FunnelState *m_funnel;
    CoverageStrip *m_strip;
    QLabel *m_forecast;
    QLabel *m_gap;
    QCheckBox *m_gatewayBox;
    HealthDealsModel *m_model;
    QTableView *m_table;
    qint64 m_missedCommit = 0;
    int m_missedDeals = 0;
};

} // namespace tp::ui
