#include "coveragestrip.h"

#include "models/formatter.h"
#include "style/theme.h"

#include "widgets/flowlayout.h"

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
    const bool short_ = c.honestRatio && c.required && *c.honestRatio < *c.required;
    QPalette palette = m_values[Honest]->palette();
    palette.setColor(QPalette::WindowText,
                     short_ ? theme::warningText()
                            : m_values[Raw]->palette().color(QPalette::WindowText));
    m_values[Honest]->setPalette(palette);
    m_values[Honest]->setToolTip(short_ ? tr("Below the required coverage") : QString());
}

} // namespace tp::ui
