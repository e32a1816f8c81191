#pragma once

#include <QObject>

#include <functional>

class QAction;
class QUndoStack;

namespace tp::ui {

// Edit ▸ Undo and Redo for the session's undo stack: named after the step they take back or
// do again ("Undo Push close date"), and saying afterwards what they did in the status bar
// ("Undone: Push close date."), from the command's own text. A step that could not be taken (the
// command reported why and left the history) is not announced as done. A step may ask first
// (setUndoCheck()): then nothing is undone unless it says so. A step that writes on a
// background job (an import's undo or redo) is started by setBackgroundStep()'s function
// instead; the stack moves, and the step says what it did, when it is done. Meanwhile
// setPaused() keeps Undo and Redo off and says why.
class UndoActions : public QObject
{
    Q_OBJECT

public:
    UndoActions(QUndoStack *stack, QObject *parent = nullptr);

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

    // Asked before each undo (an import's undo that would lose later edits asks the user);
    // false leaves the history as it is.
    void setUndoCheck(std::function<bool()> check) { m_undoCheck = std::move(check); }
    // Asked before each undo and redo (after the check): true when it started the step in the
    // background (ImportActions::startStep), false for a step the stack takes at once.
    void setBackgroundStep(std::function<bool(bool redo)> start)
    {
        m_background = std::move(start);
    }
    // A background step runs: Undo and Redo are off, their tips say `reason`. Empty: on again.
    void setPaused(const QString &reason);

    // A command's text in a menu: an "&" is a literal ampersand, not a mnemonic.
    static QString menuText(const QString &text);

signals:
    void statusMessage(const QString &message);

private:
    void update();
    void run(bool redo);

    QUndoStack *m_stack;
    QAction *m_undo;
    QAction *m_redo;
    std::function<bool()> m_undoCheck;
    std::function<bool(bool redo)> m_background;
    QString m_paused;
};

} // namespace tp::ui
