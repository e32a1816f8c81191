#include "stalledchart.h"

#include "charttheme.h"
#include "models/formatter.h"
#include "style/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

namespace tp::ui {

StalledChartData StalledChartData::from(const health::HealthReport &report, Grouping grouping,
                                        const QString &currency)
{
    StalledChartData d;
    d.grouping = grouping;
    d.currency = currency;
    const auto add = [&](const std::array<health::Tally, 3> &byLevel) {
        for (std::size_t level = 0; level < 3; ++level) {
            d.amounts[level].push_back(byLevel[level].amount);
            d.counts[level].push_back(byLevel[level].count);
        }
    };
    if (grouping == Grouping::ByStage) {
        for (Stage stage : openStages) {
            d.categories.append(stageName(stage));
            add(report.byStage[std::size_t(stageIndex(stage))].byLevel);
        }
    } else {
        for (int b = 0; b < health::ageBucketCount; ++b) {
            d.categories.append(health::ageBucketName(health::AgeBucket(b)));
            add(report.byAge[std::size_t(b)]);
        }
    }
    return d;
}

StalledChart::StalledChart(QWidget *parent)
    : BarChartView(parent),
      m_series(new QStackedBarSeries),
      m_categories(new QBarCategoryAxis),
      m_amounts(new QValueAxis)
{
    QChart *chart = this->chart();
    setAccessibleName(tr("Open pipeline by health"));
    for (health::Level level : health::levels) {
        auto *set = new QBarSet(health::levelName(level));
        m_sets[std::size_t(level)] = set;
        m_series->append(set);
        connect(set, &QBarSet::clicked, this,
                [this, level](int index) { emit segmentClicked(index, level); });
        connect(set, &QBarSet::hovered, this, [this, level](bool on, int index) {
            if (!on || index < 0 || index >= m_data.categories.size()) {
                QToolTip::hideText();
                return;
            }
            const Formatter format;
            const auto l = std::size_t(level);
            QToolTip::showText(
                    QCursor::pos(),
                    tr("%1, %2: %Ln deals, %3", nullptr, int(m_data.counts[l][std::size_t(index)]))
                            .arg(m_data.categories.at(index), health::levelName(level),
                                 format.money(m_data.amounts[l][std::size_t(index)],
                                              m_data.currency)),
                    this);
        });
    }
    m_series->setBarWidth(0.6);
    chart->addSeries(m_series);
    chart->addAxis(m_categories, Qt::AlignBottom);
    chart->addAxis(m_amounts, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_amounts);
    setCursor(Qt::PointingHandCursor);
    updateTheme();
}

void StalledChart::setData(const StalledChartData &data)
{
    m_data = data;
    m_categories->setCategories(data.categories);
    Minor highest = 0;
    for (qsizetype c = 0; c < data.categories.size(); ++c) {
        Minor sum = 0;
        for (const auto &level : data.amounts)
            sum += level[std::size_t(c)];
        highest = std::max(highest, sum);
    }
    m_divisor = setMoneyAxis(m_amounts, highest, data.currency);
    for (std::size_t level = 0; level < 3; ++level) {
        QList<qreal> values;
        for (const Minor amount : data.amounts[level])
            values.append(toMajor(amount) / m_divisor);
        m_sets[level]->remove(0, m_sets[level]->count());
        m_sets[level]->append(values);
    }
}

void StalledChart::updateTheme()
{
    BarChartView::updateTheme();
    const bool dark = theme::isDark();
    for (health::Level level : health::levels) {
        QBarSet *set = m_sets[std::size_t(level)];
        const QColor color = theme::healthColor(int(level), dark);
        set->setColor(color);
        set->setBorderColor(color);
    }
}

} // namespace tp::ui
