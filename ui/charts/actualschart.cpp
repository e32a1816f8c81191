#include "actualschart.h"

#include "style/theme.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace tp::ui {

ActualsChart::ActualsChart(QWidget *parent)
    : BarChartView(parent),
      m_meetings(new QBarSet(QString())),
      m_activities(new QBarSet(QString())),
      m_meetingsPlan(new QLineSeries),
      m_activitiesPlan(new QLineSeries),
      m_categories(new QBarCategoryAxis),
      m_counts(new QValueAxis),
      m_planX(new QValueAxis)
{
    setAccessibleName(tr("Meetings and activities against the plan, per week"));
    QChart *chart = this->chart();
    auto *bars = new QBarSeries;
    bars->append({ m_meetings, m_activities });
    bars->setBarWidth(0.7);
    // The legend tells done from planned: bars are squares, the plan's lines short dashes,
    // and named so.
    chart->addSeries(bars);
    chart->addSeries(m_meetingsPlan);
    chart->addSeries(m_activitiesPlan);
    chart->addAxis(m_categories, Qt::AlignBottom);
    chart->addAxis(m_counts, Qt::AlignLeft);
    chart->addAxis(m_planX, Qt::AlignTop);
    bars->attachAxis(m_categories);
    bars->attachAxis(m_counts);
    for (QLineSeries *line : { m_meetingsPlan, m_activitiesPlan }) {
        line->attachAxis(m_planX);
        line->attachAxis(m_counts);
    }
    m_planX->setVisible(false);
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    m_counts->setTitleText(tr("Per week"));
    // Numbers under a title rather than "W1".."W13": at 1024×640 the last of 13 such labels
    // did not fit and was left out.
    m_categories->setTitleText(tr("Week"));
    fitLegend();
    updateTheme();
}

void ActualsChart::setData(const ActualsChartData &data)
{
    m_data = data;
    m_categories->setCategories(data.weeks);
    qint64 highest = std::max(data.meetingsPlanned.value_or(0), data.activitiesPlanned.value_or(0));
    for (QBarSet *set : { m_meetings, m_activities })
        set->remove(0, set->count());
    for (std::size_t w = 0; w < data.meetings.size(); ++w) {
        // A week not begun has no bar (0 would read as "nothing done").
        m_meetings->append(data.begun[w] ? qreal(data.meetings[w]) : 0.0);
        m_activities->append(data.begun[w] ? qreal(data.activities[w]) : 0.0);
        highest = std::max({ highest, data.meetings[w], data.activities[w] });
    }
    m_counts->setRange(0, std::max<qreal>(qreal(highest) * 1.1, 5));
    m_counts->applyNiceNumbers();
    const qreal n = qreal(data.weeks.size());
    m_planX->setRange(-0.5, n - 0.5);
    const auto planLine = [n](QLineSeries *line, const std::optional<qint64> &perWeek) {
        line->clear();
        if (perWeek)
            line->append({ QPointF(-0.5, qreal(*perWeek)), QPointF(n - 0.5, qreal(*perWeek)) });
        line->setVisible(perWeek.has_value());
    };
    planLine(m_meetingsPlan, data.meetingsPlanned);
    planLine(m_activitiesPlan, data.activitiesPlanned);
    shapeLegendMarkers();
}

void ActualsChart::shapeLegendMarkers()
{
    // Each time: a line shown again after it was hidden gets a new marker, a square again.
    // (The whole legend shaped from its series would draw the bars' markers hollow.)
    for (QLineSeries *line : { m_meetingsPlan, m_activitiesPlan })
        for (QLegendMarker *marker : chart()->legend()->markers(line))
            marker->setShape(QLegend::MarkerShapeFromSeries);
}

void ActualsChart::resizeEvent(QResizeEvent *event)
{
    BarChartView::resizeEvent(event);
    fitLegend();
}

void ActualsChart::fitLegend()
{
    const QStringList full{ tr("Meetings held"), tr("Activities done"), tr("Meetings (plan)"),
                            tr("Activities (plan)") };
    const QFontMetrics metrics(chart()->legend()->font());
    int needed = 0;
    for (const QString &name : full)
        needed += metrics.horizontalAdvance(name) + 3 * metrics.height(); // marker and gaps
    const QStringList names = needed <= width()
            ? full
            : QStringList{ tr("Meetings"), tr("Activities"), tr("plan"), tr("plan") };
    m_meetings->setLabel(names[0]);
    m_activities->setLabel(names[1]);
    m_meetingsPlan->setName(names[2]);
    m_activitiesPlan->setName(names[3]);
    shapeLegendMarkers();
}

QList<QPair<QString, bool>> ActualsChart::legendEntries() const
{
    QList<QPair<QString, bool>> entries;
    const QLegend *legend = chart()->legend();
    for (QLegendMarker *marker : legend->markers()) {
        if (!marker->isVisible())
            continue;
        // Shaped from its series, a line's marker is a short stroke of the line's own pen.
        const auto *line = qobject_cast<const QLineSeries *>(marker->series());
        const bool shapedAsLine = line && marker->shape() == QLegend::MarkerShapeFromSeries;
        entries.append({ marker->label(), shapedAsLine && line->pen().style() == Qt::DashLine });
    }
    return entries;
}

void ActualsChart::updateTheme()
{
    BarChartView::updateTheme();
    const bool dark = theme::isDark();
    const QColor meetings = theme::quadrantColor(0, dark); // green
    const QColor activities = theme::quadrantColor(1, dark); // blue
    m_meetings->setColor(meetings);
    m_meetings->setBorderColor(meetings);
    m_activities->setColor(activities);
    m_activities->setBorderColor(activities);
    for (auto [line, color] :
         { std::pair{ m_meetingsPlan, meetings }, std::pair{ m_activitiesPlan, activities } }) {
        QPen pen(color);
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(2);
        line->setPen(pen);
    }
}

} // namespace tp::ui
