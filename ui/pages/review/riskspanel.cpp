#include "riskspanel.h"

#include "models/formatter.h"
#include "pages/funnel/funnelstate.h"
#include "pages/health/coveragestrip.h"
#include "pages/health/healthdealsmodel.h"
#include "pages/health/healthstate.h"
#include "session/booksession.h"
#include "views/bookview.h"
#include "widgets/tablekeys.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace tp::ui {

RisksPanel::RisksPanel(HealthState *health, FunnelState *funnel, QWidget *parent)
    : QWidget(parent),
      m_health(health),
      m_funnel(funnel),
      m_strip(new CoverageStrip(this)),
      m_gap(new QLabel(this)),
      m_metrics(new QGridLayout),
      m_scopeHeader(new QLabel(this)),
      m_model(new HealthDealsModel(health, this)),
      m_table(new QTableView(this))
{
    HealthDealsModel::Filter flagged;
    flagged.levels =
            (1u << unsigned(health::Level::AtRisk)) | (1u << unsigned(health::Level::Stalled));
    m_model->setFilter(flagged);
    // The model starts its filter over for another scope: this table keeps to the flagged deals.
    connect(health, &HealthState::evaluated, this, [this, flagged] {
        if (m_model->filter().levels != flagged.levels)
            m_model->setFilter(flagged);
    });
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnHidden(HealthDealsModel::Owner, true);
    m_table->setAccessibleName(tr("Stalled and at-risk deals"));
    letTabLeave(m_table);
    const int ch = m_table->fontMetrics().averageCharWidth();
    const int widths[] = { 10, 26, 20, 14, 11, 14, 13, 9, 11, 8, 40 };
    for (int c = 0; c < HealthDealsModel::ColumnCount; ++c)
        m_table->horizontalHeader()->resizeSection(c, widths[c] * ch + 24);
    m_gap->setWordWrap(true);
    m_gap->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Key metrics (METRICS "Key metrics") of the scope beside the team's.
    m_metrics->setContentsMargins(0, 0, 0, 0);
    m_metrics->setHorizontalSpacing(18);
    m_metrics->setVerticalSpacing(2);
    auto *metricsTitle = new QLabel(tr("<b>Key metrics</b>"), this);
    auto *teamHeader = new QLabel(tr("<b>Team</b>"), this);
    m_metrics->addWidget(metricsTitle, 0, 0);
    m_metrics->addWidget(m_scopeHeader, 0, 1, Qt::AlignRight);
    m_metrics->addWidget(teamHeader, 0, 2, Qt::AlignRight);
    const QStringList names{ tr("Win rate"), tr("Average deal size"), tr("Sales cycle"),
                             tr("Attainment"), tr("Honest coverage") };
    const QStringList tips{ tr("Won of won and lost in the metrics window"),
                            tr("Average amount of the deals won in the metrics window"),
                            tr("Average days from created to won in the metrics window"),
                            tr("Won in the period over the quota"),
                            tr("Open deals closing in the period without the stalled ones, over "
                               "what remains of the quota") };
    for (int m = 0; m < MetricCount; ++m) {
        auto *name = new QLabel(names.at(m), this);
        name->setToolTip(tips.at(m));
        m_metrics->addWidget(name, m + 1, 0);
        for (int team = 0; team < 2; ++team) {
            auto *value = new QLabel(this);
            value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            value->setToolTip(tips.at(m));
            m_metrics->addWidget(value, m + 1, team + 1);
            m_metricValues[std::size_t(m)][std::size_t(team)] = value;
        }
    }
    m_metrics->setColumnStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_strip);
    layout->addWidget(m_gap);
    layout->addLayout(m_metrics);
    layout->addSpacing(6);
    auto *title = new QLabel(tr("<b>Stalled and at-risk deals</b>"), this);
    title->setBuddy(m_table);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
}

void RisksPanel::setScopeName(const QString &name)
{
    m_scopeName = name;
    update();
}

QString RisksPanel::metricText(Metric metric, bool team) const
{
    return m_metricValues[std::size_t(metric)][team ? 1 : 0]->text();
}

void RisksPanel::update()
{
    const BookView *view = m_health->session()->view();
    if (!view)
        return;
    const health::HealthReport &report = m_health->report();
    const QString currency = view->settings.currency;
    const Formatter format;
    m_strip->setCoverage(report.coverage, currency, report.period.label());
    const funnel::Plan &plan = m_funnel->plan();
    if (!plan.hasTarget) {
        m_gap->setText(tr("<b>Funnel:</b> no quota or target for this period, so no gap."));
    } else if (plan.needed <= 0) {
        m_gap->setText(tr("<b>Funnel:</b> the pipeline that is not stalled covers the "
                          "remaining target."));
    } else {
        const auto count = [&](const std::optional<qint64> &v) {
            return v ? format.number(*v) : tr("—");
        };
        m_gap->setText(tr("<b>Funnel gap:</b> %1 still needed — %2 deals, %3 opportunities, "
                          "%4 meetings, %5 activities (%6 meetings a week)")
                               .arg(format.money(plan.needed, currency), count(plan.gap.deals),
                                    count(plan.gap.opportunities), count(plan.gap.meetings),
                                    count(plan.gap.activities), count(plan.gapWeekly.meetings)));
    }
    // The team's figures are evaluated once for every rep (HealthState::team()).
    const bool ofRep = !m_scopeName.isEmpty();
    const health::WindowMetrics &mine = report.metrics;
    const HealthState::TeamFigures &team = m_health->team();
    const auto ratio = [&](const std::optional<double> &v) {
        return v ? format.ratio(*v) : tr("—");
    };
    const auto fill = [&](int column, const health::WindowMetrics &m,
                          const health::CoverageFigures &c) {
        const auto set = [&](Metric metric, const QString &text) {
            m_metricValues[std::size_t(metric)][std::size_t(column)]->setText(text);
        };
        set(WinRate, ratio(m.winRate));
        set(AverageDealSize,
            m.averageDealSize ? format.money(*m.averageDealSize, currency) : tr("—"));
        set(SalesCycle,
            m.averageCycleDays ? tr("%1 days").arg(format.number(qRound64(*m.averageCycleDays)))
                               : tr("—"));
        set(Attainment, ratio(m.attainment));
        set(HonestCoverage, ratio(c.honestRatio));
    };
    fill(0, mine, report.coverage);
    fill(1, team.metrics, team.coverage);
    m_scopeHeader->setText(QStringLiteral("<b>%1</b>").arg(m_scopeName.toHtmlEscaped()));
    m_scopeHeader->setVisible(ofRep);
    for (const auto &values : m_metricValues)
        values[0]->setVisible(ofRep);
}

} // namespace tp::ui
