#include "cellcomboguard.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace tp::ui {

namespace {

const char *const rowProperty = "tpCellRow";
const char *const columnProperty = "tpCellColumn";

} // namespace

CellComboGuard::CellComboGuard(QAbstractItemView *view) : QObject(view), m_view(view)
{
    view->installEventFilter(this);
}

void CellComboGuard::watch(QComboBox *combo, int row, int column)
{
    combo->setFocusPolicy(Qt::StrongFocus); // not by the wheel
    combo->setProperty(rowProperty, row);
    combo->setProperty(columnProperty, column);
    combo->installEventFilter(this);
    m_column = column;
}

QList<QComboBox *> CellComboGuard::combos() const
{
    QList<QComboBox *> out;
    const QAbstractItemModel *model = m_view->model();
    if (!model || m_column < 0)
        return out;
    for (int row = 0; row < model->rowCount(); ++row) {
        auto *combo = qobject_cast<QComboBox *>(m_view->indexWidget(model->index(row, m_column)));
        if (combo && combo->isEnabled())
            out.append(combo);
    }
    return out;
}

void CellComboGuard::leave(bool forward)
{
    QWidget *w = m_view;
    while (true) {
        w = forward ? w->nextInFocusChain() : w->previousInFocusChain();
        if (!w || w == m_view)
            return;
        const bool takesTab = (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus;
        if (takesTab && !m_view->isAncestorOf(w) && w->isVisible() && w->isEnabled()
            && !w->focusProxy() && w->window() == m_view->window()) {
            w->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return;
        }
    }
}

bool CellComboGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        // The table passes the focus on to a combo: they are what the keyboard works.
        if (event->type() == QEvent::FocusIn) {
            const QList<QComboBox *> all = combos();
            QComboBox *target = m_last && all.contains(m_last.data()) ? m_last.data()
                    : all.isEmpty()                                   ? nullptr
                                                                      : all.first();
            if (target)
                target->setFocus(static_cast<QFocusEvent *>(event)->reason());
        }
        return false;
    }
    auto *combo = qobject_cast<QComboBox *>(watched);
    if (!combo)
        return false;
    if (event->type() == QEvent::Wheel && !combo->hasFocus()) {
        QCoreApplication::sendEvent(m_view->verticalScrollBar(), event);
        return true;
    }
    if (event->type() == QEvent::FocusIn && m_view->model()) {
        m_last = combo;
        const QModelIndex index = m_view->model()->index(combo->property(rowProperty).toInt(),
                                                         combo->property(columnProperty).toInt());
        m_view->scrollTo(index);
    }
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() != Qt::Key_Tab && key->key() != Qt::Key_Backtab)
            return false;
        const bool back = key->key() == Qt::Key_Backtab || (key->modifiers() & Qt::ShiftModifier);
        if (key->modifiers() & Qt::ControlModifier) {
            const QList<QComboBox *> all = combos();
            const qsizetype at = all.indexOf(combo) + (back ? -1 : 1);
            if (at >= 0 && at < all.size())
                all.at(at)->setFocus(back ? Qt::BacktabFocusReason : Qt::TabFocusReason);
        } else {
            leave(!back);
        }
        return true;
    }
    return false;
}

} // namespace tp::ui
