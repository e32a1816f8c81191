#include "riskspanel.h"

#include "models/formatter.h"
#include "pages/funnel/funnelstate.h"
#include "pages/health/coveragestrip.h"
#include "pages/health/healthdealsmodel.h"
#include "pages/health/healthstate.h"
#include "session/booksession.h"
#include "views/bookview.h"
#include "widgets/tablekeys.h"

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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_strip);
    layout->addWidget(m_gap);
    auto *title = new QLabel(tr("<b>Stalled and at-risk deals</b>"), this);
    title->setBuddy(m_table);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
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
}

} // namespace tp::ui
