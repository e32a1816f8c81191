#pragma once

#include <QStyledItemDelegate>

namespace tp::ui {

// Paints the work list's factor contributions as one stacked bar (each factor's share of the
// likelihood in its own colour, the empty rest up to 100%) and the capacity line: a rule under
// the last account that fits in the scope's capacity, across every column.
class WorkListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The colour of factor `index` in the bars and the scoring panel's legend.
    static QColor factorColor(int index, bool dark);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace tp::ui
