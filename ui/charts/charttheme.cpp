#include "charttheme.h"

#include "style/theme.h"

#include <QApplication>
#include <QChart>
#include <QValueAxis>

#include <cmath>

namespace tp::ui {

void applyChartTheme(QChart *chart)
{
    const bool dark = theme::isDark();
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const QPalette palette = QApplication::palette();
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setFont(QApplication::font());
    chart->setTitleBrush(palette.color(QPalette::Text));
    QFont titleFont = QApplication::font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        QColor grid = palette.color(QPalette::Text);
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        axis->setLabelsFont(QApplication::font());
        axis->setTitleFont(titleFont);
        if (axis->type() == QAbstractAxis::AxisTypeBarCategory) {
            // Category names are short words: shown whole, a little smaller, rather than cut.
            QFont small = QApplication::font();
            small.setPointSizeF(small.pointSizeF() * 0.9);
            axis->setLabelsFont(small);
            axis->setTruncateLabels(false);
        }
    }
}

double setMoneyAxis(QValueAxis *axis, Minor max, const QString &currency)
{
    const double major = std::max(toMajor(max), 1.0);
    double divisor = 1.0;
    QString title = currency;
    if (major >= 10'000'000.0) {
        divisor = 1'000'000.0;
        title = QCoreApplication::translate("tp::ui::Charts", "%1 millions").arg(currency);
    } else if (major >= 10'000.0) {
        divisor = 1'000.0;
        title = QCoreApplication::translate("tp::ui::Charts", "%1 thousands").arg(currency);
    }
    axis->setRange(0, major / divisor * 1.08);
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setTitleText(title);
    return divisor;
}

} // namespace tp::ui
