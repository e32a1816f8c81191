#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace tp::ui {

class CoverageStrip;
class FunnelState;
class HealthDealsModel;
class HealthState;

// The risks of the review's scope, from the figures Pipeline Health and Funnel already hold
// (HealthState, FunnelState; nothing is worked out again): raw against honest coverage, the
// funnel's gap, and the stalled and at-risk deals with their reasons.
class RisksPanel : public QWidget
{
    Q_OBJECT

public:
    RisksPanel(HealthState *health, FunnelState *funnel, QWidget *parent = nullptr);

    void update();

    QLabel *funnelLabel() const { return m_gap; }
    QTableView *dealsTable() const { return m_table; }
    HealthDealsModel *dealsModel() const { return m_model; }

private:
    HealthState *m_health;
    FunnelState *m_funnel;
    CoverageStrip *m_strip;
    QLabel *m_gap;
    HealthDealsModel *m_model;
    QTableView *m_table;
};

} // namespace tp::ui
