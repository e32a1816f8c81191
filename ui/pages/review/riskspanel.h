#pragma once

#include <QWidget>

#include <array>

class QGridLayout;
class QLabel;
class QTableView;

namespace tp::ui {

class CoverageStrip;
class FunnelState;
class HealthDealsModel;
class HealthState;

// The risks of the review's scope, from the figures Pipeline Health and Funnel already hold
// (HealthState, FunnelState; nothing is worked out again): raw against honest coverage, the
// funnel's gap, the key metrics against the team's, and the stalled and at-risk deals with their
// reasons.
class RisksPanel : public QWidget
{
    Q_OBJECT

public:
    RisksPanel(HealthState *health, FunnelState *funnel, QWidget *parent = nullptr);

    // The rep reviewed, whose key metrics stand beside the team's; empty for the team.
    void setScopeName(const QString &name);
    void update();

    enum Metric { WinRate, AverageDealSize, SalesCycle, Attainment, HonestCoverage, MetricCount };
    // A key metric of the scope (`team` false) or of the team, as shown.
    QString metricText(Metric metric, bool team) const;

    QLabel *funnelLabel() const { return m_gap; }
    QTableView *dealsTable() const { return m_table; }
    HealthDealsModel *dealsModel() const { return m_model; }

private:
    HealthState *m_health;
    FunnelState *m_funnel;
    CoverageStrip *m_strip;
    QLabel *m_gap;
    QGridLayout *m_metrics;
    QLabel *m_scopeHeader;
    std::array<std::array<QLabel *, 2>, MetricCount> m_metricValues{};
    QString m_scopeName;
    HealthDealsModel *m_model;
    QTableView *m_table;
};

} // namespace tp::ui
