#pragma once

#include "barchartview.h"

#include <QStringList>

#include <optional>
#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QValueAxis;

namespace tp::ui {

// Meetings and activities done in each week of the period so far, as bars, against the plan's
// per-week figures, as dashed lines (the pro-rata plan), which the legend shows as dashes named
// "… (plan)".
struct ActualsChartData
{
    QStringList weeks; // "1".."13", under the axis title "Week"
    std::vector<qint64> meetings; // done, per week; weeks not begun are left empty
    std::vector<qint64> activities;
    std::vector<bool> begun;
    std::optional<qint64> meetingsPlanned; // per week
    std::optional<qint64> activitiesPlanned;
};

class ActualsChart : public BarChartView
{
    Q_OBJECT

public:
    explicit ActualsChart(QWidget *parent = nullptr);

    void setData(const ActualsChartData &data);
    const ActualsChartData &data() const { return m_data; }
    // The legend's entries: name, and whether it is drawn as a dashed line (a planned figure).
    QList<QPair<QString, bool>> legendEntries() const;

protected:
    void updateTheme() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // The legend's full names where they fit on one row, else short ones: "Meetings",
    // "Activities" and "plan" twice, the colour and the dash telling the plans apart.
    void fitLegend();
    void shapeLegendMarkers();

    ActualsChartData m_data;
    QBarSet *m_meetings;
    QBarSet *m_activities;
    QLineSeries *m_meetingsPlan;
    QLineSeries *m_activitiesPlan;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_counts;
    QValueAxis *m_planX; // hidden: lays the plan lines across the weeks
};

} // namespace tp::ui
