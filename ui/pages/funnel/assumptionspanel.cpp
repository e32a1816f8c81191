#include "assumptionspanel.h"

#include "analytics/funnel.h"
#include "funnelstate.h"
#include "models/formatter.h"
#include "session/booksession.h"
#include "style/icons.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

#include <cmath>

namespace tp::ui {

namespace {

std::optional<double> rateField(const funnel::Assumptions &a, AssumptionsPanel::Row row)
{
    switch (row) {
    case AssumptionsPanel::WinRate:
        return a.winRate;
    case AssumptionsPanel::MeetingRate:
        return a.meetingToOpportunity;
    case AssumptionsPanel::ActivityRate:
        return a.activityToMeeting;
    default:
        return std::nullopt;
    }
}

} // namespace

AssumptionsPanel::AssumptionsPanel(FunnelState *state, QWidget *parent)
    : QWidget(parent), m_state(state)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList names{ tr("&Target:"), tr("Average &deal size:"), tr("&Win rate:"),
                             tr("&Meeting to opportunity:"), tr("&Activity to meeting:") };
    const QStringList tips{ tr("The scope's quota for the period, or a what-if target of yours"),
                            tr("Won amount over won deals in the window"),
                            tr("Won deals over closed deals in the window"),
                            tr("Opportunities created over meetings held in the window"),
                            tr("Meetings over calls, emails and meetings in the window") };
    for (int r = 0; r < RowCount; ++r) {
        auto *label = new QLabel(names.at(r), this);
        auto *box = new QDoubleSpinBox(this);
        auto *source = new QLabel(this);
        auto *resetButton = new QToolButton(this);
        label->setBuddy(box);
        box->setToolTip(tips.at(r));
        box->setKeyboardTracking(false); // a typed number counts once it is complete
        box->setAccelerated(true);
        if (r == Target || r == DealSize) {
            box->setDecimals(2);
            box->setRange(0, 1e12);
            box->setSingleStep(r == Target ? 10'000 : 1'000);
            box->setGroupSeparatorShown(true);
        } else {
            box->setDecimals(1);
            box->setRange(0, r == MeetingRate ? 1000 : 100);
            box->setSuffix(QStringLiteral(" %"));
        }
        if (r == DealSize)
            box->setSpecialValueText(tr("enter a size"));
        source->setTextFormat(Qt::PlainText);
        source->setWordWrap(true);
        QPalette muted = source->palette();
        muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
        source->setPalette(muted);
        resetButton->setIcon(themeIcon(QStringLiteral("edit-undo")));
        resetButton->setAutoRaise(true);
        resetButton->setToolTip(tr("Back to the value from history (or the default)"));
        // Where the figure comes from, under it: the panel stays narrow on a small screen.
        grid->addWidget(label, 2 * r, 0);
        grid->addWidget(box, 2 * r, 1);
        grid->addWidget(resetButton, 2 * r, 2);
        grid->addWidget(source, 2 * r + 1, 1, 1, 3);
        m_boxes[std::size_t(r)] = box;
        m_sources[std::size_t(r)] = source;
        m_resets[std::size_t(r)] = resetButton;
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, r](double value) {
            if (!m_refreshing)
                enter(Row(r), value);
        });
        connect(resetButton, &QToolButton::clicked, this, [this, r] { reset(Row(r)); });
    }
    auto *all = new QPushButton(tr("&Reset All to History"), this);
    connect(all, &QPushButton::clicked, this, &AssumptionsPanel::resetAll);
    grid->addWidget(all, 2 * RowCount, 1, 1, 2);
    grid->setColumnStretch(3, 1);
    grid->setRowStretch(2 * RowCount + 1, 1);
    connect(state, &FunnelState::evaluated, this, &AssumptionsPanel::refresh);
    refresh();
}

QString AssumptionsPanel::sourceText(Row row) const
{
    return m_sources[std::size_t(row)]->text();
}

void AssumptionsPanel::enter(Row row, double value)
{
    funnel::Assumptions a = m_state->assumptions();
    const auto minor = Minor(std::llround(value * 100.0));
    switch (row) {
    case Target:
        a.target = minor;
        break;
    case DealSize:
        a.averageDealSize = minor;
        break;
    case WinRate:
        a.winRate = value / 100.0;
        break;
    case MeetingRate:
        a.meetingToOpportunity = value / 100.0;
        break;
    case ActivityRate:
        a.activityToMeeting = value / 100.0;
        break;
    case RowCount:
        return;
    }
    m_state->setAssumptions(a);
}

void AssumptionsPanel::reset(Row row)
{
    funnel::Assumptions a = m_state->assumptions();
    switch (row) {
    case Target:
        a.target.reset();
        break;
    case DealSize:
        a.averageDealSize.reset();
        break;
    case WinRate:
        a.winRate.reset();
        break;
    case MeetingRate:
        a.meetingToOpportunity.reset();
        break;
    case ActivityRate:
        a.activityToMeeting.reset();
        break;
    case RowCount:
        return;
    }
    m_state->setAssumptions(a);
}

void AssumptionsPanel::resetAll()
{
    m_state->setAssumptions({});
}

void AssumptionsPanel::refresh()
{
    m_refreshing = true;
    const funnel::Plan &plan = m_state->plan();
    const funnel::Assumptions &a = m_state->assumptions();
    const BookView *view = m_state->session()->view();
    const Formatter format;
    const QString currency = view ? view->settings.currency : QString();
    const QString symbol = format.currencySymbol(currency);
    for (Row money : { Target, DealSize })
        m_boxes[std::size_t(money)]->setPrefix(symbol.isEmpty() ? QString()
                                                                : symbol + QLatin1Char(' '));
    const auto show = [this](Row row, double value) {
        QDoubleSpinBox *box = m_boxes[std::size_t(row)];
        if (!box->hasFocus() || !qFuzzyCompare(box->value() + 1, value + 1))
            box->setValue(value);
    };
    show(Target, toMajor(plan.target));
    m_sources[Target]->setText(plan.targetEntered ? tr("your what-if target")
                                       : plan.hasTarget
                                       ? tr("the quotas for %1").arg(m_state->periodLabel())
                                       : tr("no quota for %1").arg(m_state->periodLabel()));
    m_resets[Target]->setEnabled(a.target.has_value());

    const std::array<Row, 4> rateRows{ DealSize, WinRate, MeetingRate, ActivityRate };
    for (std::size_t i = 0; i < rateRows.size(); ++i) {
        const Row row = rateRows[i];
        const funnel::RateValue &r = plan.rates[i];
        show(row, !r.value ? 0.0 : row == DealSize ? *r.value / 100.0 : *r.value * 100.0);
        QString basis;
        switch (row) {
        case DealSize:
            basis = tr("%Ln won deals", nullptr, int(r.basis));
            break;
        case WinRate:
            basis = tr("%Ln closed deals", nullptr, int(r.basis));
            break;
        case MeetingRate:
            basis = tr("%Ln meetings", nullptr, int(r.basis));
            break;
        default:
            basis = tr("%Ln activities", nullptr, int(r.basis));
            break;
        }
        QString text;
        if (r.entered)
            text = tr("your assumption (history: %1)").arg(basis);
        else if (r.source == funnel::Source::History)
            text = tr("from history: %1").arg(basis);
        else if (r.value)
            text = tr("default: history too thin (%1)").arg(basis);
        else
            text = tr("no wins in the window: enter one");
        m_sources[std::size_t(row)]->setText(text);
        const bool entered =
                row == DealSize ? a.averageDealSize.has_value() : rateField(a, row).has_value();
        m_resets[std::size_t(row)]->setEnabled(entered);
    }
    m_refreshing = false;
}

} // namespace tp::ui
