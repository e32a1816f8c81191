#include "cellcomboguard.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace tp::ui {

namespace {

const char *const rowProperty = "tpCellRow";
const char *const columnProperty = "tpCellColumn";

} // namespace

CellComboGuard::CellComboGuard(QAbstractItemView *view) : QObject(view), m_view(view) { }

void CellComboGuard::watch(QComboBox *combo, int row, int column)
{
    combo->setFocusPolicy(Qt::StrongFocus); // not by the wheel
    combo->setProperty(rowProperty, row);
    combo->setProperty(columnProperty, column);
    combo->installEventFilter(this);
}

bool CellComboGuard::eventFilter(QObject *watched, QEvent *event)
{
    auto *combo = qobject_cast<QComboBox *>(watched);
    if (!combo)
        return false;
    if (event->type() == QEvent::Wheel && !combo->hasFocus()) {
        QCoreApplication::sendEvent(m_view->verticalScrollBar(), event);
        return true;
    }
    if (event->type() == QEvent::FocusIn && m_view->model()) {
        const QModelIndex index = m_view->model()->index(combo->property(rowProperty).toInt(),
                                                         combo->property(columnProperty).toInt());
        m_view->scrollTo(index);
    }
    return false;
}

} // namespace tp::ui
