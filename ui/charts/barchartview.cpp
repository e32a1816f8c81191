#include "barchartview.h"

#include "charttheme.h"

#include <QChart>
#include <QEvent>
#include <QLegend>

namespace tp::ui {

BarChartView::BarChartView(QWidget *parent) : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 8, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setLocalizeNumbers(true);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
}

void BarChartView::setChartTitle(const QString &title)
{
    chart()->setTitle(title);
}

void BarChartView::updateTheme()
{
    applyChartTheme(chart());
}

void BarChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateTheme();
}

} // namespace tp::ui
