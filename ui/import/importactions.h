#pragma once

#include "commands/importcommand.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace tp::ui {

class BookSession;
class ImportStep;
class ImportWizard;

// The import's actions and their wiring, so that the main window only places them:
// File ▸ Import CSV… (Ctrl+I) opens the wizard; File ▸ Undo Last Import is the undo stack's
// undo, enabled when the step it would undo is an import. A committed import is handed to the
// session as one undo step, and its mapping is remembered for the file's header. Undoing and
// redoing an import run as a background step (step(), startStep()): the window stays live, and
// the stack moves when the step is done. Before an import is undone while edits made after it
// touch its rows, confirmUndo() asks; Edit ▸ Undo asks through it too. A read-only book takes no
// import, and neither does a book while an import's undo or redo runs: the import action is off.
class ImportActions : public QObject
{
    Q_OBJECT

public:
    ImportActions(BookSession *session, QWidget *window);

    QAction *importAction() const { return m_import; }
    QAction *undoImportAction() const { return m_undoImport; }

    // Opens the wizard (window-modal, not blocking), on `path` when given. With a wizard open
    // already, that one comes to the front (and takes `path` if it is still on its first page).
    ImportWizard *openWizard(const QString &path = {});
    ImportWizard *wizard() const;

    // Asks before the undo stack's next undo when that step is an import whose undo would lose
    // edits made after it (crm::planUndo), naming them; the default keeps everything. True when
    // the undo may go ahead, and then the import's undo loses those edits. Call it before
    // startStep(): an undo the user did not confirm refuses to lose them.
    bool confirmUndo();
    // Starts undoing (redo: redoing) the undo stack's next step when it is an import (Edit ▸
    // Undo and Redo come here first); false when it is not.
    bool startStep(bool redo);
    ImportStep *step() const { return m_step; }

    // Non-interactive windows (screenshots, tests) keep their settings out of it.
    void setInteractive(bool interactive) { m_interactive = interactive; }

signals:
    void statusMessage(const QString &message);

private:
    void onImported(ImportWizard *wizard, const ImportRecord &record);
    void updateActions();

    BookSession *m_session;
    QWidget *m_window;
    QAction *m_import;
    QAction *m_undoImport;
    ImportStep *m_step;
    QPointer<ImportWizard> m_wizard;
    // The import whose undo the user confirmed losing later edits for (confirmUndo()).
    std::optional<Id> m_undoConfirmed;
    bool m_interactive = true;
};

} // namespace tp::ui
