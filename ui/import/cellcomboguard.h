#pragma once

#include <QObject>

class QAbstractItemView;
class QComboBox;

namespace tp::ui {

// Combos in the cells of a table (the mapping page's tables): the mouse wheel scrolls the
// table unless the combo has the focus, so that scrolling never changes a choice by accident,
// and a combo reached with Tab is scrolled into view.
class CellComboGuard : public QObject
{
    Q_OBJECT

public:
    explicit CellComboGuard(QAbstractItemView *view);

    void watch(QComboBox *combo, int row, int column);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
};

} // namespace tp::ui
