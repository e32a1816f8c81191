#include "importactions.h"

#include "commands/importcommand.h"
#include "import/importjournal.h"
#include "importjob.h"
#include "importplan.h"
#include "importwizard.h"
#include "session/booksession.h"
#include "style/icons.h"
#include "undoimportprompt.h"

#include <QAction>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLocale>
#include <QProgressDialog>
#include <QUndoStack>
#include <QWidget>

namespace tp::ui {

namespace {

// Keeps the progress dialog of an undo or redo up until the work ends: Escape and the close
// button cancel what can be cancelled (like its Cancel button) but never hide it, so the
// window cannot take another undo or redo meanwhile.
class StayOpen : public QObject
{
public:
    StayOpen(QProgressDialog *dialog, ImportJob *job, bool cancellable)
        : QObject(dialog), m_job(job), m_cancellable(cancellable)
    {
        dialog->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        const bool escape = event->type() == QEvent::KeyPress
                && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape;
        if (!escape && event->type() != QEvent::Close)
            return false;
        if (m_cancellable)
            m_job->cancel();
        event->ignore();
        return true;
    }

private:
    ImportJob *m_job;
    bool m_cancellable;
};

} // namespace

ImportActions::ImportActions(BookSession *session, QWidget *window)
    : QObject(window),
      m_session(session),
      m_window(window),
      m_import(new QAction(themeIcon(QStringLiteral("document-open")), tr("&Import CSV…"), this)),
      m_undoImport(new QAction(tr("Undo &Last Import"), this))
{
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setStatusTip(tr("Import opportunities, accounts or quotas from a CRM's CSV export"));
    connect(m_import, &QAction::triggered, this, [this] { openWizard(); });
    m_undoImport->setStatusTip(tr("Put the book back as it was before the last import"));
    connect(m_undoImport, &QAction::triggered, this, [this] {
        if (confirmUndo())
            m_session->undoStack()->undo();
    });

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
    m_import->setEnabled(m_session->isOpen() && !readOnly);
    m_import->setToolTip(readOnly
                                 ? tr("The book is open read-only: nothing can be imported into it")
                                 : QString());
    const QUndoStack *stack = m_session->undoStack();
    const QUndoCommand *next = stack->index() > 0 ? stack->command(stack->index() - 1) : nullptr;
    const auto *import = dynamic_cast<const ImportCommand *>(next);
    m_undoImport->setEnabled(import != nullptr);
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
    // The undo stack may outlive these actions (it is the session's): then it does nothing.
    const QPointer<ImportActions> self(this);
    ImportCommand::Steps steps;
    steps.undo = [self](const ImportRecord &r) { return self && self->undoImport(r); };
    steps.redo = [self](const ImportRecord &r) { return self ? self->reimport(r) : std::nullopt; };
    m_session->recordImport(new ImportCommand(record, std::move(steps)));
    emit statusMessage(tr("Imported %1.").arg(record.fileName()));
}

void ImportActions::runModally(ImportJob &job, const QString &label, bool cancellable)
{
    QProgressDialog progress(label, cancellable ? tr("Cancel") : QString(), 0, 0, m_window);
    progress.setWindowTitle(tr("Import"));
    // Shown at once: while it runs, the window must take no other undo or redo.
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    if (!cancellable)
        progress.setCancelButton(nullptr);
    new StayOpen(&progress, &job, cancellable);
    connect(&job, &ImportJob::progress, &progress, [&progress](qint64 done, qint64 total) {
        progress.setRange(0, 1000);
        progress.setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    // Cancel asks the job to stop; the dialog stays until it has (not QProgressDialog's hiding).
    disconnect(&progress, &QProgressDialog::canceled, &progress, &QProgressDialog::cancel);
    connect(&progress, &QProgressDialog::canceled, &job, &ImportJob::cancel);
    progress.show();
    job.waitForFinished(-1);
}

bool ImportActions::confirmUndo()
{
    m_undoConfirmed.reset();
    const QUndoStack *stack = m_session->undoStack();
    const auto *import = stack->index() > 0
            ? dynamic_cast<const ImportCommand *>(stack->command(stack->index() - 1))
            : nullptr;
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

bool ImportActions::undoImport(const ImportRecord &record)
{
    const bool evenIfEditedLater = m_undoConfirmed == record.importId;
    m_undoConfirmed.reset();
    ImportJob job;
    job.startUndo(m_session->path(), record.importId, evenIfEditedLater);
    runModally(job, tr("Undoing the import of %1…").arg(record.fileName()), false);
    const ImportJobResult &r = job.result();
    if (r.outcome != ImportJobResult::Outcome::Finished) {
        m_session->reportError(
                tr("Cannot undo the import of %1: %2").arg(record.fileName(), r.error));
        return false;
    }
    m_session->reloadView();
    emit statusMessage(tr("Undid the import of %1.").arg(record.fileName()));
    return true;
}

std::optional<Id> ImportActions::reimport(const ImportRecord &record)
{
    if (FileStamp::of(record.file) != record.stamp) {
        m_session->reportError(
                tr("Cannot redo the import: %1 has changed or moved since it was imported. Import "
                   "it again with File ▸ Import CSV…")
                        .arg(record.fileName()));
        return std::nullopt;
    }
    ImportJob job;
    job.start(ImportJob::Mode::Import, m_session->path(), record.file, record.options);
    runModally(job, tr("Importing %1 again…").arg(record.fileName()), true);
    const ImportJobResult &r = job.result();
    if (r.outcome == ImportJobResult::Outcome::Finished && r.report.committed) {
        m_session->reloadView();
        emit statusMessage(tr("Imported %1 again.").arg(record.fileName()));
        return r.report.importId;
    }
    m_session->reportError(
            r.outcome == ImportJobResult::Outcome::Cancelled
                    ? tr("Redo of the import cancelled; the book is unchanged.")
                    : r.error.isEmpty()
                    ? tr("Cannot redo the import of %1: rows were rejected.").arg(record.fileName())
                    : tr("Cannot redo the import: %1").arg(r.error));
    return std::nullopt;
}

} // namespace tp::ui
