#include "worklistdelegate.h"

#include "models/modelroles.h"
#include "style/theme.h"

#include <QPainter>

#include <array>

namespace tp::ui {

QColor WorkListDelegate::factorColor(int index, bool dark)
{
    // Distinct hues in a fixed order; lighter ones on a dark background.
    static const std::array<QRgb, 8> light{ 0x3b6ea5, 0x2a9d8f, 0xe9a03b, 0xc8553d,
                                            0x7b5ea7, 0x6a994e, 0xd17ab5, 0x5c6b73 };
    static const std::array<QRgb, 8> darkHues{ 0x7fb0e8, 0x5fd0c0, 0xf5c06a, 0xf08a70,
                                               0xb39ddb, 0xa5d07f, 0xf0a6d4, 0xa9b6bd };
    const auto i = std::size_t(index) % light.size();
    return QColor::fromRgb(dark ? darkHues[i] : light[i]);
}

void WorkListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant shares = index.data(ContributionsRole);
    if (shares.isValid()) {
        QStyleOptionViewItem base = option;
        initStyleOption(&base, index);
        base.text.clear();
        option.widget->style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, option.widget);
        const bool dark = theme::isDark();
        const QRectF bar =
                QRectF(option.rect)
                        .adjusted(6, option.rect.height() * 0.3, -6, -option.rect.height() * 0.3);
        painter->save();
        QColor track = option.palette.color(QPalette::Text);
        track.setAlpha(30);
        painter->fillRect(bar, track);
        double x = bar.left();
        const QVariantList list = shares.toList();
        for (int f = 0; f < list.size(); ++f) {
            const double share = list[f].toDouble();
            if (share <= 0)
                continue;
            const double width = share * bar.width();
            painter->fillRect(QRectF(x, bar.top(), width, bar.height()), factorColor(f, dark));
            x += width;
        }
        painter->restore();
    } else {
        QStyledItemDelegate::paint(painter, option, index);
    }
    if (index.data(CapacityLineRole).toBool()) {
        painter->save();
        painter->setPen(QPen(theme::warningText(), 2));
        const int y = option.rect.bottom();
        painter->drawLine(option.rect.left(), y, option.rect.right() + 1, y);
        painter->restore();
    }
}

} // namespace tp::ui
