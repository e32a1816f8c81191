#pragma once

#include "analytics/pipelinehealth.h"

#include "barchartview.h"
#include <QStringList>

#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace tp::ui {

// The coverage waterfall: the open pipeline closing by the end of the period, what each
// stalled-level rule removes from it (each stalled deal under the first rule it broke), the
// honest and the weighted amounts left, against the remaining target.
struct CoverageChartData
{
    QStringList categories;
    std::vector<Minor> base; // invisible: where a removed step floats
    std::vector<Minor> removed; // what a rule removes
    std::vector<Minor> kept; // open, honest, weighted
    Minor remaining = 0;
    bool hasTarget = false;
    QString currency;

    static CoverageChartData from(const health::CoverageFigures &coverage, const QString &currency);
};

class CoverageChart : public BarChartView
{
    Q_OBJECT

public:
    explicit CoverageChart(QWidget *parent = nullptr);

    void setData(const CoverageChartData &data);
    const CoverageChartData &data() const { return m_data; }

protected:
    void updateTheme() override;

private:
    CoverageChartData m_data;
    QStackedBarSeries *m_series;
    QBarSet *m_base;
    QBarSet *m_removed;
    QBarSet *m_kept;
    QLineSeries *m_target;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_amounts;
    QValueAxis *m_targetX; // hidden: places the target line across the bars
};

} // namespace tp::ui
