#pragma once

#include "analytics/pipelinehealth.h"

#include "barchartview.h"
#include <QStringList>

#include <array>
#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QStackedBarSeries;
class QValueAxis;

namespace tp::ui {

// What the stalled-deals chart draws: open pipeline per category (a stage, or an age bucket
// of days since the last progress), split into healthy, at risk and stalled amounts.
struct StalledChartData
{
    enum class Grouping { ByStage, ByAge };
    Grouping grouping = Grouping::ByStage;
    QStringList categories;
    std::array<std::vector<Minor>, 3> amounts; // by health::Level, then category
    std::array<std::vector<qint64>, 3> counts;
    QString currency;

    static StalledChartData from(const health::HealthReport &report, Grouping grouping,
                                 const QString &currency);
};

// Stacked bars of StalledChartData. Hovering a segment tells its count and amount; clicking it
// reports the category and the level, which the page turns into a table filter.
class StalledChart : public BarChartView
{
    Q_OBJECT

public:
    explicit StalledChart(QWidget *parent = nullptr);

    void setData(const StalledChartData &data);
    const StalledChartData &data() const { return m_data; }

signals:
    void segmentClicked(int category, health::Level level);

protected:
    void updateTheme() override;

private:
    StalledChartData m_data;
    QStackedBarSeries *m_series;
    std::array<QBarSet *, 3> m_sets{};
    QBarCategoryAxis *m_categories;
    QValueAxis *m_amounts;
    double m_divisor = 1.0;
};

} // namespace tp::ui
