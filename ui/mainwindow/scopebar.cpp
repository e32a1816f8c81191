#include "scopebar.h"

#include "session/booksession.h"
#include "session/scopestate.h"

#include "models/formatter.h"
#include "style/theme.h"
#include "widgets/dateedit.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace tp::ui {

namespace {

// Quarters listed around the as-of date's: a year back, a year ahead.
constexpr int quartersAround = 4;

} // namespace

ScopeBar::ScopeBar(BookSession *session, ScopeState *scope, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_scope(scope),
      m_rep(new QComboBox(this)),
      m_territory(new QComboBox(this)),
      m_period(new QComboBox(this)),
      m_asOf(new DateEdit(this)),
      m_future(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    const auto addField = [&](const QString &text, QWidget *field) {
        if (layout->count() > 0)
            layout->addSpacing(10);
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
    };
    addField(tr("&Rep:"), m_rep);
    addField(tr("&Territory:"), m_territory);
    addField(tr("&Period:"), m_period);
    addField(tr("&As of:"), m_asOf);
    layout->addWidget(m_future);
    layout->addStretch(1);

    m_rep->setToolTip(tr("Limit every page to one rep's accounts and opportunities"));
    m_territory->setToolTip(
            tr("Limit every page to one territory's accounts and their opportunities"));
    m_period->setToolTip(tr("The quarter for quotas and period figures"));
    m_asOf->setToolTip(tr("The date every figure is computed as of"));
    m_rep->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_territory->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // Figures follow the date once it is typed, not at every digit (Jan on the way to Nov).
    m_asOf->setKeyboardTracking(false);
    m_future->setTextFormat(Qt::PlainText);
    m_future->hide();

    fillBookCombos();
    syncFromScope();

    connect(m_rep, &QComboBox::currentIndexChanged, this,
            [this] { m_scope->setRepIndex(m_rep->currentData().toInt()); });
    connect(m_territory, &QComboBox::currentIndexChanged, this,
            [this] { m_scope->setTerritoryIndex(m_territory->currentData().toInt()); });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const auto period =
                Period::parse(m_period->currentData().toString(), m_scope->fiscalStartMonth());
        if (period)
            m_scope->setPeriod(*period);
    });
    connect(m_asOf, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (date == m_scope->asOf())
            return;
        m_scope->setAsOf(date);
        if (date > QDate::currentDate())
            emit statusMessage(tr("Figures are now as of %1, %n day(s) after today.", nullptr,
                                  int(QDate::currentDate().daysTo(date)))
                                       .arg(Formatter().date(date)));
    });
    connect(m_asOf, &DateEdit::typedTextRejected, this, [this](const QString &text) {
        const Formatter format(m_asOf->locale());
        emit statusMessage(
                tr("“%1” is not a date; type one like %2. The as-of date stays %3.")
                        .arg(text, format.date(QDate::currentDate()), format.date(m_asOf->date())));
    });
    connect(scope, &ScopeState::changed, this, &ScopeBar::syncFromScope);
    connect(session, &BookSession::loaded, this, [this] {
        fillBookCombos();
        syncFromScope();
    });
}

QDateEdit *ScopeBar::asOfEdit() const
{
    return m_asOf;
}

void ScopeBar::fillBookCombos()
{
    const QSignalBlocker repBlocker(m_rep), territoryBlocker(m_territory);
    m_rep->clear();
    m_territory->clear();
    m_rep->addItem(tr("All reps"), -1);
    m_territory->addItem(tr("All territories"), -1);
    if (const BookView *view = m_session->view()) {
        if (!view->reps.empty())
            m_rep->insertSeparator(1);
        for (std::size_t i = 0; i < view->reps.size(); ++i)
            m_rep->addItem(view->reps[i].name, int(i));
        if (!view->territories.empty())
            m_territory->insertSeparator(1);
        for (std::size_t i = 0; i < view->territories.size(); ++i)
            m_territory->addItem(view->territories[i].name, int(i));
    }
    m_rep->setEnabled(m_session->isOpen());
    m_territory->setEnabled(m_session->isOpen());
}

void ScopeBar::fillPeriods()
{
    const QSignalBlocker blocker(m_period);
    m_period->clear();
    const int fiscalStart = m_scope->fiscalStartMonth();
    const Period current = Period::containing(m_scope->asOf(), fiscalStart);
    QDate start = current.start.addMonths(-3 * quartersAround);
    for (int i = 0; i <= 2 * quartersAround; ++i) {
        const Period p = Period::containing(start, fiscalStart);
        m_period->addItem(p.label(), p.label());
        start = start.addMonths(3);
    }
    const QString selected = m_scope->period().label();
    if (m_period->findData(selected) < 0)
        m_period->addItem(selected, selected);
    m_period->setCurrentIndex(m_period->findData(selected));
}

void ScopeBar::syncFromScope()
{
    {
        const QSignalBlocker repBlocker(m_rep), territoryBlocker(m_territory), dateBlocker(m_asOf);
        m_rep->setCurrentIndex(std::max(0, m_rep->findData(m_scope->repIndex())));
        m_territory->setCurrentIndex(std::max(0, m_territory->findData(m_scope->territoryIndex())));
        if (m_asOf->date() != m_scope->asOf())
            m_asOf->setDate(m_scope->asOf());
    }
    fillPeriods();
    updateFutureHint();
}

void ScopeBar::updateFutureHint()
{
    const QDate asOf = m_scope->asOf();
    const QDate today = QDate::currentDate();
    const bool future = asOf.isValid() && asOf > today;
    const Formatter format;
    m_future->setText(future ? QStringLiteral("⚠ ") + tr("in the future") : QString());
    m_future->setVisible(future);
    const QString tip = tr("The date every figure is computed as of");
    const QString futureTip = future
            ? tr("%1 is %n day(s) after today (%2): figures count what the book expects by then, "
                 "and nothing that happens in between.",
                 nullptr, int(today.daysTo(asOf)))
                      .arg(format.date(asOf), format.date(today))
            : QString();
    m_asOf->setToolTip(future ? tip + QStringLiteral("\n") + futureTip : tip);
    m_future->setToolTip(futureTip);
    QPalette palette = m_future->palette();
    palette.setColor(QPalette::WindowText, theme::warningText());
    m_future->setPalette(palette);
}

void ScopeBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        updateFutureHint();
}

} // namespace tp::ui
