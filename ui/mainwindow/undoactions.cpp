#include "undoactions.h"

#include "style/icons.h"

#include <QAction>
#include <QUndoStack>

namespace tp::ui {

UndoActions::UndoActions(QUndoStack *stack, QObject *parent)
    : QObject(parent),
      m_stack(stack),
      m_undo(new QAction(themeIcon(QStringLiteral("edit-undo")), tr("&Undo"), this)),
      m_redo(new QAction(themeIcon(QStringLiteral("edit-redo")), tr("&Redo"), this))
{
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcut(QKeySequence::Redo);
    connect(m_undo, &QAction::triggered, this, [this] { run(false); });
    connect(m_redo, &QAction::triggered, this, [this] { run(true); });
    connect(stack, &QUndoStack::indexChanged, this, &UndoActions::update);
    connect(stack, &QUndoStack::canUndoChanged, this, &UndoActions::update);
    connect(stack, &QUndoStack::canRedoChanged, this, &UndoActions::update);
    connect(stack, &QUndoStack::undoTextChanged, this, &UndoActions::update);
    connect(stack, &QUndoStack::redoTextChanged, this, &UndoActions::update);
    update();
}

QString UndoActions::menuText(const QString &text)
{
    QString escaped = text;
    return escaped.replace(QLatin1Char('&'), QLatin1String("&&"));
}

void UndoActions::setPaused(const QString &reason)
{
    m_paused = reason;
    update();
}

void UndoActions::update()
{
    const QString undo = m_stack->undoText();
    const QString redo = m_stack->redoText();
    const bool paused = !m_paused.isEmpty();
    m_undo->setEnabled(m_stack->canUndo() && !paused);
    m_redo->setEnabled(m_stack->canRedo() && !paused);
    m_undo->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(menuText(undo)));
    m_redo->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(menuText(redo)));
    m_undo->setStatusTip(paused                   ? m_paused
                                 : undo.isEmpty() ? QString()
                                                  : tr("Take back: %1").arg(undo));
    m_redo->setStatusTip(paused                   ? m_paused
                                 : redo.isEmpty() ? QString()
                                                  : tr("Do again: %1").arg(redo));
}

void UndoActions::run(bool redo)
{
    if (!m_paused.isEmpty() || (redo ? !m_stack->canRedo() : !m_stack->canUndo()))
        return;
    if (!redo && m_undoCheck && !m_undoCheck())
        return;
    if (m_background && m_background(redo)) {
        update(); // a step dropped at once moves no index (QUndoStack::redo() says nothing)
        return; // it says itself what it did, once it is done
    }
    QString text = redo ? m_stack->redoText() : m_stack->undoText();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    const int count = m_stack->count();
    if (redo)
        m_stack->redo();
    else
        m_stack->undo();
    // A command that failed made itself obsolete and left the stack; it said why already.
    if (m_stack->count() < count)
        return;
    emit statusMessage(redo ? tr("Redone: %1.").arg(text) : tr("Undone: %1.").arg(text));
}

} // namespace tp::ui
