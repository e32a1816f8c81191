#include "sharebardelegate.h"

#include "models/modelroles.h"
#include "style/theme.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace tp::ui {

ShareBarDelegate::ShareBarDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

void ShareBarDelegate::setScale(double largestShare)
{
    m_scale = std::max(2.0, std::ceil(largestShare * 4.0) / 4.0);
}

void ShareBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, focus

    const QFontMetrics fm(option.font);
    const int textWidth = fm.horizontalAdvance(QStringLiteral("000.0%")) + 8;
    QRect bar = option.rect.adjusted(4, 4, -textWidth - 4, -4);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const auto xOf = [&](double share) {
        return bar.left() + int(std::lround(std::clamp(share / m_scale, 0.0, 1.0) * bar.width()));
    };
    if (bar.width() > 8) {
        // The tolerance band around the average, then the bar, then the average's line.
        const QColor band =
                theme::blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.08);
        painter->fillRect(QRect(QPoint(xOf(1.0 - m_tolerance), bar.top()),
                                QPoint(xOf(1.0 + m_tolerance), bar.bottom())),
                          band);
        const QVariant share = index.data(RawValueRole);
        if (share.isValid()) {
            const double s = share.toDouble();
            const bool within = std::abs(s - 1.0) <= m_tolerance + 1e-12;
            const QColor fill = within ? pal.color(QPalette::Highlight) : theme::warningText();
            const QRect filled(QPoint(bar.left(), bar.top() + 2), QPoint(xOf(s), bar.bottom() - 2));
            painter->fillRect(filled, selected ? pal.color(QPalette::HighlightedText) : fill);
        }
        QPen line(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
        line.setWidth(1);
        line.setStyle(Qt::DashLine);
        painter->setPen(line);
        painter->drawLine(xOf(1.0), option.rect.top(), xOf(1.0), option.rect.bottom());
    }
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(option.rect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ShareBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.averageCharWidth() * 36));
    return size;
}

} // namespace tp::ui
