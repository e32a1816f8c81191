#pragma once

#include "commands/importcommand.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace tp::ui {

class BookSession;
class ImportJob;
class ImportWizard;

// The import's actions and their wiring, so that the main window only places them:
// File ▸ Import CSV… (Ctrl+I) opens the wizard; File ▸ Undo Last Import is the undo stack's
// undo, enabled when the step it would undo is an import. A committed import is handed to the
// session as one undo step, and its mapping is remembered for the file's header. Undoing and
// redoing an import run here, off the GUI thread, behind a window-modal progress dialog (a redo
// can be cancelled there). Before an import is undone while edits made after it touch its rows,
// confirmUndo() asks; Edit ▸ Undo asks through it too. A read-only book takes no import: the
// import action is off.
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
    // QUndoStack::undo(): an undo the user did not confirm refuses to lose them.
    bool confirmUndo();

    // Non-interactive windows (screenshots, tests) keep their settings out of it.
    void setInteractive(bool interactive) { m_interactive = interactive; }

signals:
    void statusMessage(const QString &message);

private:
    void onImported(ImportWizard *wizard, const ImportRecord &record);
    bool undoImport(const ImportRecord &record);
    std::optional<Id> reimport(const ImportRecord &record);
    // Runs `job` (started already) to its end behind a window-modal progress dialog.
    void runModally(ImportJob &job, const QString &label, bool cancellable);
    void updateActions();

    BookSession *m_session;
    QWidget *m_window;
    QAction *m_import;
    QAction *m_undoImport;
    QPointer<ImportWizard> m_wizard;
    // The import whose undo the user confirmed losing later edits for (confirmUndo()).
    std::optional<Id> m_undoConfirmed;
    bool m_interactive = true;
};

} // namespace tp::ui
