#include "tablekeys.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QKeyEvent>

namespace tp::ui {

namespace {

// Ctrl+Tab in the view: the cell step that Tab took before.
class CellStepper : public QObject
{
public:
    explicit CellStepper(QAbstractItemView *view) : QObject(view), m_view(view) { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_view || event->type() != QEvent::KeyPress)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool tab = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
        if (!tab || !(key->modifiers() & Qt::ControlModifier))
            return false;
        const bool back = key->key() == Qt::Key_Backtab || (key->modifiers() & Qt::ShiftModifier);
        // The view's own step, with its own rules (visual order, hidden columns, wrapping).
        m_view->setTabKeyNavigation(true);
        QKeyEvent step(QEvent::KeyPress, back ? Qt::Key_Backtab : Qt::Key_Tab,
                       back ? Qt::ShiftModifier : Qt::NoModifier);
        QCoreApplication::sendEvent(m_view, &step);
        m_view->setTabKeyNavigation(false);
        return true;
    }

private:
    QAbstractItemView *m_view;
};

} // namespace

void letTabLeave(QAbstractItemView *view)
{
    view->setTabKeyNavigation(false);
    view->installEventFilter(new CellStepper(view));
}

} // namespace tp::ui
