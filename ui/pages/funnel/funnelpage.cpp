#include "funnelpage.h"

#include "analytics/funnel.h"
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
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

constexpr quint32 stateVersion = 2; // 2: the rest and the whole period side by side

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
      m_wholeSummary(new QLabel(this)),
      m_warning(new QLabel(this)),
      m_rest(new QGroupBox(this)),
      m_whole(new QGroupBox(this)),
      m_vertical(new QSplitter(Qt::Vertical, this)),
      m_top(new QSplitter(Qt::Horizontal, this)),
      m_bottom(new QSplitter(Qt::Horizontal, this))
{
    QFont big = m_header->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_header->setFont(big);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setAutoFillBackground(true);
    m_warning->setContentsMargins(8, 4, 8, 4);
    m_warning->hide();

    // First what the rest of the period asks for: the gap to plan.
    auto *restLayout = new QVBoxLayout(m_rest);
    m_gapSummary->setWordWrap(true);
    m_gapSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    restLayout->addWidget(m_gapSummary);
    m_gap->setToolTip(tr("What the rest of the period asks for, in total and in each week left"));
    m_gap->setVerticalHeaderLabels(
            { tr("Deals"), tr("Opportunities"), tr("Meetings"), tr("Activities") });
    m_gap->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gap->setSelectionMode(QAbstractItemView::NoSelection);
    m_gap->setFocusPolicy(Qt::NoFocus);
    m_gap->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_gap->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_gap->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QFont figures = m_gap->font();
    figures.setPointSizeF(figures.pointSizeF() * 1.25);
    m_gap->setFont(figures);
    // All four rows always in view (the table never scrolls), roomier as the page grows.
    m_gap->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    const int line = m_gap->fontMetrics().height();
    const int frame = m_gap->horizontalHeader()->sizeHint().height() + 2 * m_gap->frameWidth();
    m_gap->setMinimumHeight(frame + 4 * (line + 10));
    m_gap->setMaximumHeight(frame + 4 * (line * 5 / 2));
    m_gap->setAccessibleName(tr("Gap to plan"));
    restLayout->addWidget(m_gap, 1);
    restLayout->addStretch(0);

    // Then the plan for the whole period.
    auto *wholeLayout = new QVBoxLayout(m_whole);
    m_wholeSummary->setWordWrap(true);
    m_wholeSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    wholeLayout->addWidget(m_wholeSummary);
    wholeLayout->addWidget(m_funnel, 1);

    m_top->addWidget(m_rest);
    m_top->addWidget(m_whole);
    m_top->setCollapsible(0, false);
    m_top->setCollapsible(1, false);
    m_top->setSizes({ 1000, 1000 });

    // The target and the rates the plans rest on, beside this period's weeks so far.
    auto *plan = new QGroupBox(tr("Target and rates"), this);
    auto *planLayout = new QVBoxLayout(plan);
    auto *scroll = new QScrollArea(plan);
    scroll->setWidget(m_assumptions);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    planLayout->addWidget(scroll);
    m_actuals->setMinimumHeight(150);
    m_bottom->addWidget(plan);
    m_bottom->addWidget(m_actuals);
    m_bottom->setCollapsible(0, false);
    m_bottom->setSizes({ 1000, 1000 });

    m_vertical->addWidget(m_top);
    m_vertical->addWidget(m_bottom);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 1);
    m_vertical->setSizes({ 900, 1100 });
    m_vertical->setCollapsible(0, false);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_header);
    layout->addWidget(m_warning);
    layout->addWidget(m_vertical, 1);
    // Quotas alone are a target to work back from.
    setContent(
            content, session,
            [](const BookView &view) {
                return view.opportunities.size() > 0 || !view.quotas.empty();
            },
            tr("This book has no opportunities and no quotas yet: the funnel works back from "
               "the target with the deals' history once they are in."));

    connect(m_state, &FunnelState::evaluated, this, &FunnelPage::onEvaluated);
    onEvaluated();
}

QIcon FunnelPage::icon() const
{
    return pageIcon(QStringLiteral("funnel"));
}

void FunnelPage::setCurrent(bool current)
{
    m_state->setShownBy(this, current); // and the health figures it rests on
}

void FunnelPage::focusSearch()
{
    m_assumptions->spinBox(AssumptionsPanel::Target)->setFocus(Qt::ShortcutFocusReason);
}

QString FunnelPage::gapText() const
{
    return m_gapSummary->text();
}

QString FunnelPage::headerText() const
{
    return m_header->text();
}

void FunnelPage::onEvaluated()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    const funnel::Plan &p = m_state->plan();
    const Formatter format;
    const QString currency = view->settings.currency;
    const QString period = m_state->periodLabel();
    const QString target = format.money(p.target, currency);
    const QString needed = format.money(p.needed, currency);
    // What is left first, the whole period second, each with its amount and weeks.
    m_header->setText(
            p.hasTarget ? tr("%1: %2 still needed in the %n week(s) left (%3 days); the target "
                             "is %4 over %5 weeks.",
                             nullptr, p.weeksLeft)
                                  .arg(period, needed, format.number(p.daysLeft), target,
                                       format.number(p.weeks))
                        : tr("%1: %n week(s) left (%2 days), and no target.", nullptr, p.weeksLeft)
                                  .arg(period, format.number(p.daysLeft)));
    m_rest->setTitle(tr("The rest of %1: %n week(s) left", nullptr, p.weeksLeft).arg(period));
    m_whole->setTitle(tr("The whole of %1: %n week(s)", nullptr, p.weeks).arg(period));

    if (p.needed > 0)
        m_gapSummary->setText(tr("Still needed %3: the remaining %1 less %2 expected from the "
                                 "deals that are not stalled (weighted).")
                                      .arg(format.money(p.remaining, currency),
                                           format.money(p.expected, currency), needed));
    else if (p.remaining > 0)
        m_gapSummary->setText(tr("Nothing more is needed: the deals that are not stalled are "
                                 "expected to bring %1 (weighted) of the remaining %2.")
                                      .arg(format.money(p.expected, currency),
                                           format.money(p.remaining, currency)));
    else
        m_gapSummary->setText(p.hasTarget ? tr("The target is reached: nothing remains to win.")
                                          : tr("No target: nothing to plan for."));
    m_gap->setHorizontalHeaderLabels({ tr("Still needed"), tr("A week") });
    const std::array<std::optional<qint64>, 4> gap{ p.gap.deals, p.gap.opportunities,
                                                    p.gap.meetings, p.gap.activities };
    const std::array<std::optional<qint64>, 4> gapWeek{
        p.gapWeekly.deals, p.gapWeekly.opportunities, p.gapWeekly.meetings, p.gapWeekly.activities
    };
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 2; ++c) {
            const auto &value = c == 0 ? gap[std::size_t(r)] : gapWeek[std::size_t(r)];
            auto *item = new QTableWidgetItem(value ? format.number(*value) : QStringLiteral("—"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_gap->setItem(r, c, item);
        }
    }

    m_wholeSummary->setText(
            p.hasTarget ? tr("The target of %1 worked back over all %n week(s) of the period: "
                             "each band gives the whole period and a week.",
                             nullptr, p.weeks)
                                  .arg(target)
                        : tr("No target for %1.").arg(period));
    const QStringList names{ tr("Activities"), tr("Meetings"), tr("Opportunities"), tr("Deals") };
    m_funnel->setSteps({ { names[0], p.total.activities, p.weekly.activities },
                         { names[1], p.total.meetings, p.weekly.meetings },
                         { names[2], p.total.opportunities, p.weekly.opportunities },
                         { names[3], p.total.deals, p.weekly.deals } });

    QStringList warnings;
    const QString missing = funnel::Explain::missing(p.rates);
    if (!missing.isEmpty())
        warnings.append(missing);
    if (p.cycleOutrunsPeriod && p.needed > 0)
        warnings.append(
                tr("%1 days are left in %2 and the average sales cycle is %3 days: new "
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
        actuals.weeks.append(QLocale().toString(++w)); // under the axis title "Week"
        actuals.meetings.push_back(week.meetings);
        actuals.activities.push_back(week.activities);
        actuals.begun.push_back(week.elapsed);
    }
    actuals.meetingsPlanned = p.weekly.meetings;
    actuals.activitiesPlanned = p.weekly.activities;
    m_actuals->setData(actuals);
    m_actuals->setChartTitle(tr("%1 so far: meetings and activities a week").arg(period));
}

QByteArray FunnelPage::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << stateVersion << m_vertical->saveState() << m_top->saveState() << m_bottom->saveState();
    return data;
}

void FunnelPage::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    quint32 version = 0;
    QByteArray vertical, top, bottom;
    in >> version >> vertical >> top >> bottom;
    if (in.status() != QDataStream::Ok || version != stateVersion)
        return;
    m_vertical->restoreState(vertical);
    m_top->restoreState(top);
    m_bottom->restoreState(bottom);
}

} // namespace tp::ui
