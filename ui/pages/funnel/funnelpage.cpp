#include "funnelpage.h"

#include "assumptionspanel.h"
#include "charts/actualschart.h"
#include "charts/funnelwidget.h"
#include "funnelstate.h"
#include "models/formatter.h"
#include "session/booksession.h"
#include "style/icons.h"

#include <QDataStream>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

constexpr quint32 stateVersion = 1;

} // namespace

FunnelPage::FunnelPage(BookSession *session, ScopeState *scope, HealthState *health,
                       QWidget *parent)
    : Page(parent),
      m_session(session),
      m_state(new FunnelState(session, scope, health, this)),
      m_assumptions(new AssumptionsPanel(m_state, this)),
      m_funnel(new FunnelWidget(this)),
      m_gap(new QTableWidget(4, 2, this)),
      m_actuals(new ActualsChart(this)),
      m_header(new QLabel(this)),
      m_gapSummary(new QLabel(this)),
      m_warning(new QLabel(this)),
      m_vertical(new QSplitter(Qt::Vertical, this))
{
    QFont big = m_header->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_header->setFont(big);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setAutoFillBackground(true);
    m_warning->setContentsMargins(8, 4, 8, 4);
    m_warning->hide();

    auto *plan = new QGroupBox(tr("Plan for the period"), this);
    auto *planLayout = new QVBoxLayout(plan);
    planLayout->addWidget(m_assumptions);
    planLayout->addStretch();

    auto *gap = new QGroupBox(tr("Gap to plan"), this);
    auto *gapLayout = new QVBoxLayout(gap);
    m_gapSummary->setWordWrap(true);
    m_gapSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    gapLayout->addWidget(m_gapSummary);
    m_gap->setHorizontalHeaderLabels({tr("Needed"), tr("A week")});
    m_gap->setToolTip(tr("What the rest of the period asks for, in total and in each week left"));
    m_gap->setVerticalHeaderLabels({tr("Deals"), tr("Opportunities"), tr("Meetings"), tr("Activities")});
    m_gap->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gap->setSelectionMode(QAbstractItemView::NoSelection);
    m_gap->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_gap->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_gap->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_gap->setFixedHeight(m_gap->horizontalHeader()->sizeHint().height()
                          + 4 * m_gap->verticalHeader()->defaultSectionSize() + 2 * m_gap->frameWidth() + 2);
    m_gap->setAccessibleName(tr("Gap to plan"));
    gapLayout->addWidget(m_gap);
    gapLayout->addStretch();

    auto *top = new QWidget(this);
    auto *row = new QHBoxLayout(top);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(plan, 3);
    row->addWidget(m_funnel, 4);
    row->addWidget(gap, 3);
    m_actuals->setMinimumHeight(220);
    m_vertical->addWidget(top);
    m_vertical->addWidget(m_actuals);
    m_vertical->setStretchFactor(0, 3);
    m_vertical->setStretchFactor(1, 2);
    m_vertical->setCollapsible(0, false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_header);
    layout->addWidget(m_warning);
    layout->addWidget(m_vertical, 1);

    connect(m_state, &FunnelState::evaluated, this, &FunnelPage::onEvaluated);
    onEvaluated();
}

QIcon FunnelPage::icon() const
{
    return pageIcon(QStringLiteral("funnel"));
}

void FunnelPage::focusSearch()
{
    m_assumptions->spinBox(AssumptionsPanel::Target)->setFocus(Qt::ShortcutFocusReason);
}

QString FunnelPage::gapText() const
{
    return m_gapSummary->text();
}

void FunnelPage::onEvaluated()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    const funnel::Plan &p = m_state->plan();
    const Formatter format;
    const QString currency = view->settings.currency;
    m_header->setText(tr("%1: %2 to win in %3 weeks, %4 days left")
                              .arg(m_state->periodLabel(), format.money(p.target, currency),
                                   format.number(p.weeks), format.number(p.daysLeft)));

    const QStringList names{tr("Activities"), tr("Meetings"), tr("Opportunities"), tr("Deals")};
    m_funnel->setSteps({{names[0], p.total.activities, p.weekly.activities},
                        {names[1], p.total.meetings, p.weekly.meetings},
                        {names[2], p.total.opportunities, p.weekly.opportunities},
                        {names[3], p.total.deals, p.weekly.deals}});

    m_gapSummary->setText(tr("Remaining %1 − expected from the deals that are not stalled %2 "
                             "(weighted) = still needed %3.")
                                  .arg(format.money(p.remaining, currency),
                                       format.money(p.expected, currency),
                                       format.money(p.needed, currency)));
    const std::array<std::optional<qint64>, 4> gap{p.gap.deals, p.gap.opportunities,
                                                   p.gap.meetings, p.gap.activities};
    const std::array<std::optional<qint64>, 4> gapWeek{p.gapWeekly.deals, p.gapWeekly.opportunities,
                                                       p.gapWeekly.meetings, p.gapWeekly.activities};
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 2; ++c) {
            const auto &value = c == 0 ? gap[std::size_t(r)] : gapWeek[std::size_t(r)];
            auto *item = new QTableWidgetItem(value ? format.number(*value) : QStringLiteral("—"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_gap->setItem(r, c, item);
        }
    }

    QStringList warnings;
    const QString missing = funnel::Explain::missing(p.rates);
    if (!missing.isEmpty())
        warnings.append(missing);
    if (p.cycleOutrunsPeriod && p.needed > 0)
        warnings.append(tr("%1 days are left in %2 and the average sales cycle is %3 days: new "
                           "opportunities are unlikely to close in this period.")
                                .arg(format.number(p.daysLeft), m_state->periodLabel(),
                                     format.locale().toString(p.averageCycleDays.value_or(0), 'f', 0)));
    if (!p.hasTarget)
        warnings.append(tr("No quota for %1 in this scope: enter a target to work the funnel back.")
                                .arg(m_state->periodLabel()));
    for (QString &w : warnings)
        w.prepend(QStringLiteral("⚠ "));
    m_warning->setText(warnings.join(QLatin1Char('\n')));
    m_warning->setVisible(!warnings.isEmpty());
    // As the ROI page's warning.
    QPalette palette = m_warning->palette();
    palette.setColor(QPalette::Window, palette.color(QPalette::AlternateBase));
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Text));
    m_warning->setPalette(palette);

    ActualsChartData actuals;
    int w = 0;
    for (const FunnelState::Week &week : m_state->weeks()) {
        actuals.weeks.append(tr("W%1").arg(++w));
        actuals.meetings.push_back(week.meetings);
        actuals.activities.push_back(week.activities);
        actuals.begun.push_back(week.elapsed);
    }
    actuals.meetingsPlanned = p.weekly.meetings;
    actuals.activitiesPlanned = p.weekly.activities;
    m_actuals->setData(actuals);
    m_actuals->setChartTitle(tr("%1 so far: meetings and activities against the plan, per week")
                                     .arg(m_state->periodLabel()));
}

QByteArray FunnelPage::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << stateVersion << m_vertical->saveState();
    return data;
}

void FunnelPage::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    quint32 version = 0;
    QByteArray vertical;
    in >> version >> vertical;
    if (in.status() != QDataStream::Ok || version != stateVersion)
        return;
    m_vertical->restoreState(vertical);
}

} // namespace tp::ui
