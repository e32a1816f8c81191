#include "coveragestrip.h"

#include "models/formatter.h"
#include "style/theme.h"

#include "widgets/flowlayout.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace tp::ui {

CoverageStrip::CoverageStrip(QWidget *parent) : QWidget(parent)
{
    // The figures in a row, and in two when the window is narrow (FlowLayout).
    auto *flow = new FlowLayout(this, 14, 6);
    flow->setContentsMargins(0, 0, 0, 0);
    const QStringList names{ tr("Target"),          tr("Won"),
                             tr("Remaining"),       tr("Raw coverage"),
                             tr("Honest coverage"), tr("Weighted coverage"),
                             tr("Required") };
    const QStringList tips{
        tr("The quotas of the scope for the period"),
        tr("Won deals closed in the period"),
        tr("Target minus won, never below zero"),
        tr("Open deals closing by the end of the period, over what remains: the figure that "
           "gives false confidence"),
        tr("The same without the stalled deals"),
        tr("Weighted amounts of the deals that are not stalled, over what remains"),
        tr("1 / win rate: the coverage the team's close ratio asks for")
    };
    for (int f = 0; f < FigureCount; ++f) {
        m_names[std::size_t(f)] = new QLabel(names.at(f), this);
        m_values[std::size_t(f)] = new QLabel(this);
        QFont font = m_values[std::size_t(f)]->font();
        font.setPointSizeF(font.pointSizeF() * 1.25);
        font.setBold(true);
        m_values[std::size_t(f)]->setFont(font);
        m_values[std::size_t(f)]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        for (QLabel *label : { m_names[std::size_t(f)], m_values[std::size_t(f)] })
            label->setToolTip(tips.at(f));
        auto *cell = new QWidget(this);
        auto *column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(0);
        column->addWidget(m_names[std::size_t(f)]);
        column->addWidget(m_values[std::size_t(f)]);
        flow->addWidget(cell);
    }
}

QString CoverageStrip::valueText(Figure figure) const
{
    return m_values[std::size_t(figure)]->text();
}

void CoverageStrip::setCoverage(const health::CoverageFigures &c, const QString &currency,
                                const QString &period)
{
    const Formatter format;
    const auto set = [&](Figure f, const QString &text) {
        m_values[std::size_t(f)]->setText(text);
    };
    const auto ratio = [&](const std::optional<double> &r) {
        if (!c.hasTarget)
            return tr("no quota");
        if (c.targetReached())
            return tr("target reached");
        return r ? format.ratio(*r) : tr("undefined");
    };
    set(Target, c.hasTarget ? format.money(c.target, currency) : tr("no quota for %1").arg(period));
    set(Won, format.money(c.won, currency));
    set(Remaining, c.hasTarget ? format.money(c.remaining, currency) : tr("n/a"));
    set(Raw, ratio(c.raw));
    set(Honest, ratio(c.honestRatio));
    set(Weighted, ratio(c.weightedRatio));
    set(Required, c.required ? format.ratio(*c.required) : tr("no closed deals yet"));
    m_short = c.honestRatio && c.required && *c.honestRatio < *c.required;
    colourHonest();
    m_values[Honest]->setToolTip(m_short ? tr("Below the required coverage") : QString());
}

void CoverageStrip::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        colourHonest(); // the light or dark palette came after the figures
}

// Honest coverage in the strip's text colour, or the warning colour below the required one.
void CoverageStrip::colourHonest()
{
    QPalette palette = this->palette();
    if (m_short)
        palette.setColor(QPalette::WindowText, theme::warningText());
    m_values[Honest]->setPalette(palette);
}

} // namespace tp::ui
