#include "coveragechart.h"

#include "charttheme.h"
#include "models/formatter.h"
#include "style/theme.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

namespace tp::ui {

CoverageChartData CoverageChartData::from(const health::CoverageFigures &c, const QString &currency)
{
    CoverageChartData d;
    d.currency = currency;
    d.remaining = c.remaining;
    d.hasTarget = c.hasTarget;
    const auto add = [&](const QString &name, Minor base, Minor removed, Minor kept) {
        d.categories.append(name);
        d.base.push_back(base);
        d.removed.push_back(removed);
        d.kept.push_back(kept);
    };
    add(QCoreApplication::translate("tp::ui::CoverageChart", "Open"), 0, 0, c.open);
    Minor running = c.open;
    for (health::Rule rule : health::rules) {
        if (health::levelOf(rule) != health::Level::Stalled)
            continue;
        const Minor removed = c.removedBy[std::size_t(rule)];
        running -= removed;
        add(health::ruleShortName(rule), running, removed, 0);
    }
    add(QCoreApplication::translate("tp::ui::CoverageChart", "Honest"), 0, 0, c.honest);
    add(QCoreApplication::translate("tp::ui::CoverageChart", "Weighted"), 0, 0, c.weighted);
    return d;
}

CoverageChart::CoverageChart(QWidget *parent)
    : BarChartView(parent),
      m_series(new QStackedBarSeries),
      m_base(new QBarSet(QString())),
      m_removed(new QBarSet(tr("Removed as stalled"))),
      m_kept(new QBarSet(tr("Pipeline"))),
      m_target(new QLineSeries),
      m_categories(new QBarCategoryAxis),
      m_amounts(new QValueAxis),
      m_targetX(new QValueAxis)
{
    QChart *chart = this->chart();
    setAccessibleName(tr("Coverage waterfall"));
    m_series->append({ m_base, m_kept, m_removed });
    m_series->setBarWidth(0.6);
    m_target->setName(tr("Remaining target"));
    chart->addSeries(m_series);
    chart->addSeries(m_target);
    chart->addAxis(m_categories, Qt::AlignBottom);
    chart->addAxis(m_amounts, Qt::AlignLeft);
    chart->addAxis(m_targetX, Qt::AlignTop);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_amounts);
    m_target->attachAxis(m_targetX);
    m_target->attachAxis(m_amounts);
    m_targetX->setVisible(false);
    chart->legend()->markers(m_series).constFirst()->setVisible(false); // the invisible base
    for (QBarSet *set : { m_kept, m_removed }) {
        connect(set, &QBarSet::hovered, this, [this, set](bool on, int index) {
            if (!on || index < 0 || index >= m_data.categories.size()) {
                QToolTip::hideText();
                return;
            }
            const Formatter format;
            const Minor value = set == m_kept ? m_data.kept[std::size_t(index)]
                                              : m_data.removed[std::size_t(index)];
            QToolTip::showText(QCursor::pos(),
                               QStringLiteral("%1: %2").arg(m_data.categories.at(index),
                                                            format.money(value, m_data.currency)),
                               this);
        });
    }
    updateTheme();
}

void CoverageChart::setData(const CoverageChartData &data)
{
    m_data = data;
    // Two words on two lines: "Stage limit" and "Past close" run into each other on a small
    // screen otherwise (the axis draws its labels as rich text).
    QStringList labels;
    for (const QString &category : data.categories)
        labels.append(category.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("<br>")));
    m_categories->setCategories(labels);
    Minor highest = data.hasTarget ? data.remaining : 0;
    for (std::size_t i = 0; i < data.kept.size(); ++i)
        highest = std::max(highest, data.base[i] + data.removed[i] + data.kept[i]);
    const double divisor = setMoneyAxis(m_amounts, highest, data.currency);
    const auto values = [divisor](const std::vector<Minor> &amounts) {
        QList<qreal> out;
        for (const Minor a : amounts)
            out.append(toMajor(a) / divisor);
        return out;
    };
    for (auto [set, amounts] :
         { std::pair{ m_base, &data.base }, std::pair{ m_removed, &data.removed },
           std::pair{ m_kept, &data.kept } }) {
        set->remove(0, set->count());
        set->append(values(*amounts));
    }
    const qreal n = qreal(data.categories.size());
    m_targetX->setRange(-0.5, n - 0.5);
    m_target->clear();
    if (data.hasTarget && data.remaining > 0) {
        const qreal y = toMajor(data.remaining) / divisor;
        m_target->append({ QPointF(-0.5, y), QPointF(n - 0.5, y) });
    }
    m_target->setVisible(data.hasTarget && data.remaining > 0);
}

void CoverageChart::updateTheme()
{
    BarChartView::updateTheme();
    const bool dark = theme::isDark();
    m_base->setColor(Qt::transparent);
    m_base->setBorderColor(Qt::transparent);
    const QColor removed = theme::healthColor(int(health::Level::Stalled), dark);
    m_removed->setColor(removed);
    m_removed->setBorderColor(removed);
    const QColor kept = theme::quadrantColor(1, dark); // the blue of "develop access"
    m_kept->setColor(kept);
    m_kept->setBorderColor(kept);
    QPen pen(QApplication::palette().color(QPalette::Text));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    m_target->setPen(pen);
}

} // namespace tp::ui
