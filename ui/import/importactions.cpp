#include "importactions.h"

#include "commands/importcommand.h"
#include "import/importjournal.h"
#include "importplan.h"
#include "importstep.h"
#include "importwizard.h"
#include "session/booksession.h"
#include "style/icons.h"
#include "undoimportprompt.h"

#include <QAction>
#include <QFileInfo>
#include <QUndoStack>
#include <QWidget>

namespace tp::ui {

ImportActions::ImportActions(BookSession *session, QWidget *window)
    : QObject(window),
      m_session(session),
      m_window(window),
      m_import(new QAction(themeIcon(QStringLiteral("document-open")), tr("&Import CSV…"), this)),
      m_undoImport(new QAction(tr("Undo &Last Import"), this)),
      m_step(new ImportStep(session, this))
{
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setStatusTip(tr("Import opportunities, accounts or quotas from a CRM's CSV export"));
    connect(m_import, &QAction::triggered, this, [this] { openWizard(); });
    m_undoImport->setStatusTip(tr("Put the book back as it was before the last import"));
    connect(m_undoImport, &QAction::triggered, this, [this] {
        if (confirmUndo())
            startStep(false);
    });
    connect(m_step, &ImportStep::statusMessage, this, &ImportActions::statusMessage);
    connect(m_step, &ImportStep::started, this, &ImportActions::updateActions);
    connect(m_step, &ImportStep::finished, this, &ImportActions::updateActions);

    QUndoStack *stack = m_session->undoStack();
    connect(stack, &QUndoStack::indexChanged, this, &ImportActions::updateActions);
    connect(stack, &QUndoStack::cleanChanged, this, &ImportActions::updateActions);
    connect(m_session, &BookSession::loaded, this, &ImportActions::updateActions);
    connect(m_session, &BookSession::loadFailed, this, &ImportActions::updateActions);
    updateActions();
}

void ImportActions::updateActions()
{
    const bool readOnly = m_session->isOpen() && m_session->isReadOnly();
    const bool stepping = m_step->isRunning();
    m_import->setEnabled(m_session->isOpen() && !readOnly && !stepping);
    m_import->setToolTip(readOnly
                                 ? tr("The book is open read-only: nothing can be imported into it")
                                 : stepping ? m_step->text()
                                            : QString());
    const ImportCommand *import = ImportStep::next(m_session->undoStack(), false);
    m_undoImport->setEnabled(import != nullptr && !stepping);
    m_undoImport->setToolTip(import ? tr("Undo the import of %1").arg(import->record().fileName())
                                    : tr("The last step is not an import"));
}

ImportWizard *ImportActions::wizard() const
{
    return m_wizard;
}

ImportWizard *ImportActions::openWizard(const QString &path)
{
    if (!m_session->isOpen()) {
        emit statusMessage(tr("Open or create a book first, then import into it."));
        return nullptr;
    }
    if (m_session->isReadOnly()) {
        emit statusMessage(tr("%1 is open read-only: nothing can be imported into it. Save a copy "
                              "in a writable folder (File ▸ Save Copy As…) and import into that.")
                                   .arg(QFileInfo(m_session->path()).fileName()));
        return nullptr;
    }
    if (m_step->isRunning()) { // a dropped file
        emit statusMessage(m_step->text());
        return nullptr;
    }
    if (m_wizard) {
        if (!path.isEmpty() && m_wizard->currentId() == ImportWizard::FilePageId)
            m_wizard->startWith(path);
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto *wizard = new ImportWizard(m_session, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (m_interactive)
        wizard->restoreSettings();
    connect(wizard, &ImportWizard::imported, this,
            [this, wizard](const ImportRecord &record) { onImported(wizard, record); });
    // Closed is gone, even before its deferred deletion.
    connect(wizard, &QDialog::finished, this, [this, wizard] {
        if (m_wizard == wizard)
            m_wizard = nullptr;
    });
    m_wizard = wizard;
    wizard->open();
    if (!path.isEmpty())
        wizard->startWith(path);
    return wizard;
}

void ImportActions::onImported(ImportWizard *wizard, const ImportRecord &record)
{
    wizard->plan()->rememberMapping();
    m_session->recordImport(new ImportCommand(record));
    emit statusMessage(tr("Imported %1.").arg(record.fileName()));
}

bool ImportActions::confirmUndo()
{
    m_undoConfirmed.reset();
    const ImportCommand *import = ImportStep::next(m_session->undoStack(), false);
    if (!import || !m_session->isOpen())
        return true;
    crm::UndoPlan plan;
    try {
        plan = crm::planUndo(m_session->path(), import->record().importId);
    } catch (const std::exception &) {
        return true; // the undo itself says what is wrong (another import came after it)
    }
    if (plan.laterEditCount == 0)
        return true;
    if (!UndoImportPrompt::ask(m_window, import->record().fileName(), plan))
        return false;
    m_undoConfirmed = import->record().importId;
    return true;
}

bool ImportActions::startStep(bool redo)
{
    const ImportCommand *import = ImportStep::next(m_session->undoStack(), redo);
    const bool evenIfEditedLater = !redo && import && m_undoConfirmed == import->record().importId;
    m_undoConfirmed.reset();
    const bool started = m_step->start(redo, evenIfEditedLater);
    updateActions(); // a step dropped at once moves no index
    return started;
}

} // namespace tp::ui
