#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemView;
class QComboBox;

namespace tp::ui {

// Combos in the cells of a table (the mapping page's tables): the mouse wheel scrolls the
// table unless the combo has the focus, so that scrolling never changes a choice by accident,
// and a combo reached by keyboard is scrolled into view. The table is one stop of the Tab
// chain, as every table is (tablekeys.h): Tab into it gives the focus to the combo used last (the
// first at first), Tab and Shift+Tab from a combo leave the table for the next or the previous
// widget, and Ctrl+Tab and Ctrl+Shift+Tab move between its combos. The view must take Tab focus.
class CellComboGuard : public QObject
{
    Q_OBJECT

public:
    explicit CellComboGuard(QAbstractItemView *view);

    void watch(QComboBox *combo, int row, int column);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The watched combos, in the order of their rows.
    QList<QComboBox *> combos() const;
    // Gives the focus to the widget after (or before) the table in the Tab chain.
    void leave(bool forward);

    QAbstractItemView *m_view;
    int m_column = -1;
    QPointer<QComboBox> m_last;
};

} // namespace tp::ui
