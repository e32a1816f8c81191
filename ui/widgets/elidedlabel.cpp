#include "elidedlabel.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

namespace tp::ui {

namespace {

// What stays of a text that gives way: a few characters and the ellipsis.
constexpr int shortestCharacters = 6;

} // namespace

ElidedLabel::ElidedLabel(QWidget *parent) : ElidedLabel(QString(), parent) { }

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent) : QFrame(parent), m_text(text)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    updateToolTip();
}

void ElidedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    updateGeometry();
    update();
    updateToolTip();
}

void ElidedLabel::setDescription(const QString &description)
{
    m_description = description;
    updateToolTip();
}

void ElidedLabel::setAlignment(Qt::Alignment alignment)
{
    m_alignment = alignment;
    update();
}

bool ElidedLabel::isElided() const
{
    return fontMetrics().horizontalAdvance(m_text) > contentsRect().width();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    return QSize(fontMetrics().horizontalAdvance(m_text) + m.left() + m.right() + 2,
                 fontMetrics().height() + m.top() + m.bottom());
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QSize full = sizeHint();
    const int shortest = fontMetrics().averageCharWidth() * shortestCharacters
            + contentsMargins().left() + contentsMargins().right();
    return QSize(std::min(full.width(), shortest), full.height());
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(m_text, Qt::ElideRight, area.width());
    style()->drawItemText(&painter, area, int(m_alignment), palette(), isEnabled(), shown,
                          foregroundRole());
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateToolTip();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateGeometry();
        updateToolTip();
    }
}

void ElidedLabel::updateToolTip()
{
    QStringList parts;
    if (isElided())
        parts.append(m_text);
    if (!m_description.isEmpty())
        parts.append(m_description);
    setToolTip(parts.join(QLatin1Char('\n')));
}

} // namespace tp::ui
