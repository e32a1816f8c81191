#include "funnelwidget.h"

#include "models/formatter.h"
#include "style/theme.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace tp::ui {

FunnelWidget::FunnelWidget(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Funnel from activities to deals"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FunnelWidget::setSteps(const std::vector<Step> &steps)
{
    m_steps = steps;
    QStringList description;
    const Formatter format;
    for (const Step &s : steps)
        description.append(QStringLiteral("%1 %2").arg(
                s.name, s.total ? format.number(*s.total) : QStringLiteral("—")));
    setAccessibleDescription(description.join(QStringLiteral(", ")));
    update();
}

std::vector<double> FunnelWidget::widthShares() const
{
    double top = 0;
    for (const Step &s : m_steps)
        top = std::max(top, std::log10(double(std::max<qint64>(s.total.value_or(0), 0)) + 1.0));
    std::vector<double> shares;
    for (const Step &s : m_steps) {
        const double v = std::log10(double(std::max<qint64>(s.total.value_or(0), 0)) + 1.0);
        // At least a fifth, so a band of one deal still holds its words.
        shares.push_back(top > 0 && s.total ? 0.2 + 0.8 * v / top : 0.2);
    }
    return shares;
}

QSize FunnelWidget::sizeHint() const
{
    return { 420, 260 };
}

QSize FunnelWidget::minimumSizeHint() const
{
    return { 260, 160 };
}

void FunnelWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (m_steps.empty())
        return;
    const bool dark = theme::isDark(pal);
    const QColor wide = theme::quadrantColor(1, dark); // blue
    const QColor narrow = theme::quadrantColor(0, dark); // green
    const std::vector<double> shares = widthShares();
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    const double gap = 4;
    const double band = (area.height() - gap * double(m_steps.size() - 1)) / double(m_steps.size());
    const Formatter format;
    QFont bold = font();
    bold.setBold(true);
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const Step &s = m_steps[i];
        const double top = area.top() + double(i) * (band + gap);
        const double w = area.width() * shares[i];
        const double wNext =
                area.width() * (i + 1 < shares.size() ? shares[i + 1] : shares[i] * 0.85);
        const double cx = area.center().x();
        QPainterPath path;
        path.moveTo(cx - w / 2, top);
        path.lineTo(cx + w / 2, top);
        path.lineTo(cx + std::max(wNext, w * 0.6) / 2, top + band);
        path.lineTo(cx - std::max(wNext, w * 0.6) / 2, top + band);
        path.closeSubpath();
        const double t = m_steps.size() > 1 ? double(i) / double(m_steps.size() - 1) : 0.0;
        const QColor fill = theme::blend(wide, narrow, t);
        p.setPen(Qt::NoPen);
        p.setBrush(s.total ? QBrush(fill) : QBrush(fill, Qt::BDiagPattern));
        p.drawPath(path);
        // White or black text, whichever reads better on the band.
        const QColor text = fill.lightnessF() > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
        p.setPen(s.total ? text : pal.color(QPalette::Text));
        const QRectF box(area.left(), top, area.width(), band);
        const QString count = s.total ? format.number(*s.total) : QStringLiteral("—");
        const QString week = s.perWeek ? tr("%1 a week").arg(format.number(*s.perWeek)) : QString();
        p.setFont(bold);
        const QString first = QStringLiteral("%1 %2").arg(count, s.name);
        if (band >= 2.2 * fontMetrics().height() && !week.isEmpty()) {
            p.drawText(box.adjusted(0, 0, 0, -band / 2 + 2), Qt::AlignHCenter | Qt::AlignBottom,
                       first);
            p.setFont(font());
            p.drawText(box.adjusted(0, band / 2 + 2, 0, 0), Qt::AlignHCenter | Qt::AlignTop, week);
        } else {
            p.drawText(box, Qt::AlignCenter,
                       week.isEmpty() ? first : QStringLiteral("%1 · %2").arg(first, week));
        }
    }
}

void FunnelWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        update();
}

} // namespace tp::ui
