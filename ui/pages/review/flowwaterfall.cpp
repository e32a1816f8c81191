#include "flowwaterfall.h"

#include "models/formatter.h"
#include "style/theme.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace tp::ui {

namespace {

using changes::Bucket;

constexpr int margin = 8;

bool isIncrease(Bucket b)
{
    return b == Bucket::New || b == Bucket::MovedIn || b == Bucket::AmountUp;
}

} // namespace

FlowWaterfall::FlowWaterfall(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Pipeline flow"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

std::vector<std::optional<Bucket>> FlowWaterfall::steps()
{
    return { std::nullopt, Bucket::New,  Bucket::MovedIn, Bucket::AmountUp, Bucket::AmountDown,
             Bucket::Won,  Bucket::Lost, Bucket::Removed, Bucket::MovedOut, std::nullopt };
}

QString FlowWaterfall::stepName(int step) const
{
    const auto bucket = steps()[std::size_t(step)];
    if (!bucket)
        return step == 0 ? tr("Start") : tr("End");
    switch (*bucket) {
    case Bucket::New:
        return tr("New");
    case Bucket::MovedIn:
        return tr("Moved in");
    case Bucket::AmountUp:
        return tr("Amount up");
    case Bucket::AmountDown:
        return tr("Amount down");
    case Bucket::Won:
        return tr("Won");
    case Bucket::Lost:
        return tr("Lost");
    case Bucket::Removed:
        return tr("Removed");
    case Bucket::MovedOut:
        return tr("Moved out");
    case Bucket::Unchanged:
        break;
    }
    return {};
}

void FlowWaterfall::setComparison(const changes::Comparison &comparison, const QString &currency)
{
    m_comparison = comparison;
    m_currency = currency;
    update();
}

void FlowWaterfall::select(std::optional<Bucket> bucket)
{
    if (m_selected == bucket)
        return;
    m_selected = bucket;
    update();
    emit bucketSelected(bucket);
}

std::vector<double> FlowWaterfall::deltas() const
{
    std::vector<double> result;
    for (const auto &bucket : steps()) {
        if (!bucket) {
            result.push_back(double(result.empty() ? m_comparison.start : m_comparison.end));
            continue;
        }
        const double amount = double(m_comparison.amount(*bucket));
        result.push_back(isIncrease(*bucket) ? amount : -amount);
    }
    return result;
}

QSize FlowWaterfall::sizeHint() const
{
    return { 640, 220 };
}

QSize FlowWaterfall::minimumSizeHint() const
{
    return { 420, 160 };
}

QRectF FlowWaterfall::barRect(int step) const
{
    const std::vector<double> d = deltas();
    double level = 0, top = 0;
    std::vector<std::pair<double, double>> spans;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i == 0 || i + 1 == d.size()) {
            spans.emplace_back(0, d[i]);
            level = d[i];
        } else {
            spans.emplace_back(level, level + d[i]);
            level += d[i];
        }
        top = std::max({ top, spans.back().first, spans.back().second });
    }
    if (top <= 0)
        top = 1;
    const QFontMetrics fm(font());
    const double labelH = 2 * fm.height() + 4, valueH = fm.height() + 2;
    const double chartTop = margin + valueH, base = height() - margin - labelH;
    const double h = std::max(base - chartTop, 10.0);
    const double column = double(width() - 2 * margin) / double(d.size());
    const double barW = column * 0.64;
    const auto yOf = [&](double v) { return base - h * std::max(0.0, v) / top; };
    const auto &s = spans[std::size_t(step)];
    const double x = margin + column * step + (column - barW) / 2;
    const double y1 = yOf(std::max(s.first, s.second)), y2 = yOf(std::min(s.first, s.second));
    return { x, y1, barW, std::max(y2 - y1, 1.0) };
}

void FlowWaterfall::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Formatter format;
    const std::vector<double> d = deltas();
    const auto all = steps();
    const QFontMetrics fm(font());
    const double column = double(width() - 2 * margin) / double(d.size());
    const double base = height() - margin - (2 * fm.height() + 4);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawLine(QPointF(margin, base), QPointF(width() - margin, base));
    for (int i = 0; i < int(d.size()); ++i) {
        const QRectF bar = barRect(i);
        const auto &bucket = all[std::size_t(i)];
        QColor fill = !bucket         ? palette().color(QPalette::Highlight)
                : isIncrease(*bucket) ? theme::positiveText()
                                      : theme::negativeText();
        const bool chosen = bucket && m_selected == bucket;
        if (m_selected && !chosen && bucket)
            fill.setAlpha(110);
        p.fillRect(bar, fill);
        if (chosen || (hasFocus() && i == m_focus)) {
            p.setPen(QPen(palette().color(QPalette::WindowText), chosen ? 2 : 1,
                          chosen ? Qt::SolidLine : Qt::DotLine));
            p.drawRect(bar.adjusted(-1, -1, 1, 1));
        }
        p.setPen(palette().color(QPalette::WindowText));
        const QString value = format.money(Minor(std::abs(d[std::size_t(i)])), m_currency);
        const QRectF cell(margin + column * i, bar.top() - fm.height() - 2, column, fm.height());
        p.drawText(cell, Qt::AlignHCenter | Qt::AlignBottom,
                   fm.elidedText(value, Qt::ElideRight, int(column)));
        p.drawText(QRectF(margin + column * i, base + 3, column, 2 * fm.height() + 2),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, stepName(i));
    }
}

void FlowWaterfall::mousePressEvent(QMouseEvent *event)
{
    const auto all = steps();
    for (int i = 0; i < int(all.size()); ++i) {
        const double column = double(width() - 2 * margin) / double(all.size());
        const QRectF slot(margin + column * i, 0, column, height());
        if (slot.contains(event->position()) && all[std::size_t(i)]) {
            m_focus = i;
            select(m_selected == all[std::size_t(i)] ? std::nullopt : all[std::size_t(i)]);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void FlowWaterfall::keyPressEvent(QKeyEvent *event)
{
    const auto all = steps();
    const int last = int(all.size()) - 2;
    switch (event->key()) {
    case Qt::Key_Left:
        m_focus = std::max(1, m_focus - 1);
        update();
        return;
    case Qt::Key_Right:
        m_focus = std::min(last, m_focus + 1);
        update();
        return;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        select(m_selected == all[std::size_t(m_focus)] ? std::nullopt : all[std::size_t(m_focus)]);
        return;
    case Qt::Key_Escape:
        if (m_selected) {
            select(std::nullopt);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

} // namespace tp::ui
