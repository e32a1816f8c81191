#include "menubutton.h"

#include <QStyleOptionToolButton>
#include <QStylePainter>

namespace tp::ui {

MenuButton::MenuButton(const QString &text, QWidget *parent) : QToolButton(parent)
{
    setText(text);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setPopupMode(QToolButton::InstantPopup);
}

int MenuButton::arrowRoom() const
{
    QStyleOptionToolButton opt;
    initStyleOption(&opt);
    return style()->pixelMetric(QStyle::PM_MenuButtonIndicator, &opt, this) + 4;
}

QSize MenuButton::sizeHint() const
{
    return QToolButton::sizeHint() + QSize(arrowRoom(), 0);
}

QSize MenuButton::minimumSizeHint() const
{
    return QToolButton::minimumSizeHint() + QSize(arrowRoom(), 0);
}

QRect MenuButton::labelRect() const
{
    return rect().adjusted(0, 0, -arrowRoom(), 0);
}

QRect MenuButton::arrowRect() const
{
    // The room is the arrow and 4 pixels of the button's edge after it.
    const int room = arrowRoom();
    const int side = room - 4;
    return { width() - room, (height() - side) / 2, side, side };
}

void MenuButton::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    QStyleOptionToolButton opt;
    initStyleOption(&opt);
    // The bevel over the whole button, without the style's own (overlapping) arrow...
    opt.features &= ~QStyleOptionToolButton::HasMenu;
    QStyleOptionToolButton bevel = opt;
    bevel.text.clear();
    bevel.icon = QIcon();
    painter.drawComplexControl(QStyle::CC_ToolButton, bevel);
    // ...the label left of the arrow's room, and the arrow in it.
    QStyleOptionToolButton label = opt;
    label.rect = labelRect();
    painter.drawControl(QStyle::CE_ToolButtonLabel, label);
    QStyleOption arrow = opt;
    arrow.rect = arrowRect();
    painter.drawPrimitive(QStyle::PE_IndicatorArrowDown, arrow);
}

} // namespace tp::ui
