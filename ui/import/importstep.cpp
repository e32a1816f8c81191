#include "importstep.h"

#include "commands/importcommand.h"
#include "importjob.h"
#include "session/booksession.h"

#include <QUndoStack>

namespace tp::ui {

ImportStep::ImportStep(BookSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_job(new ImportJob(this))
{
    connect(m_job, &ImportJob::progress, this, &ImportStep::progress);
    connect(m_job, &ImportJob::finished, this, &ImportStep::onFinished);
    // Another book opened, or this one closed: its history is gone, and with it the step. A
    // redo still going is cancelled (and rolled back); an undo ends by itself, unheard.
    connect(session, &BookSession::loaded, this, [this] {
        if (!isRunning() || m_session->wasReloaded())
            return;
        m_job->discard();
        end();
    });
}

ImportCommand *ImportStep::next(const QUndoStack *stack, bool redo)
{
    const int at = redo ? stack->index() : stack->index() - 1;
    if (at < 0 || at >= stack->count())
        return nullptr;
    return dynamic_cast<ImportCommand *>(const_cast<QUndoCommand *>(stack->command(at)));
}

bool ImportStep::isRunning() const
{
    return m_job->isRunning();
}

bool ImportStep::canCancel() const
{
    return isRunning() && m_redo && !m_job->isCancelling();
}

void ImportStep::cancel()
{
    if (canCancel())
        m_job->cancel();
}

bool ImportStep::waitForFinished(int timeoutMs)
{
    return m_job->waitForFinished(timeoutMs);
}

QString ImportStep::text() const
{
    return m_redo ? tr("Importing %1 again… Edits, Undo and Redo wait until it is done.")
                            .arg(m_record.fileName())
                  : tr("Undoing the import of %1… Edits, Undo and Redo wait until it is done.")
                            .arg(m_record.fileName());
}

bool ImportStep::start(bool redo, bool evenIfEditedLater)
{
    const ImportCommand *command = next(m_session->undoStack(), redo);
    if (!command)
        return false;
    if (isRunning())
        return true; // one step at a time (Undo and Redo are off meanwhile)
    m_redo = redo;
    m_record = command->record();
    if (redo && FileStamp::of(m_record.file) != m_record.stamp) {
        m_session->reportError(
                tr("Cannot redo the import: %1 has changed or moved since it was imported. Import "
                   "it again with File ▸ Import CSV…")
                        .arg(m_record.fileName()));
        moveStack(true); // there is nothing faithful to redo
        return true;
    }
    m_session->holdEdits(redo ? tr("%1 is being imported again: edits wait until it is done.")
                                         .arg(m_record.fileName())
                              : tr("The import of %1 is being undone: edits wait until it is "
                                   "done.")
                                         .arg(m_record.fileName()));
    if (redo)
        m_job->start(ImportJob::Mode::Import, m_session->path(), m_record.file, m_record.options);
    else
        m_job->startUndo(m_session->path(), m_record.importId, evenIfEditedLater);
    emit started();
    return true;
}

void ImportStep::onFinished()
{
    if (m_redo)
        redone();
    else
        undone();
    end();
}

void ImportStep::undone()
{
    const ImportJobResult &r = m_job->result();
    if (r.outcome != ImportJobResult::Outcome::Finished) {
        m_session->reportError(
                tr("Cannot undo the import of %1: %2").arg(m_record.fileName(), r.error));
        if (r.refused)
            moveStack(true); // the book will never take it back
        return;
    }
    moveStack(false);
    m_session->reloadView();
    emit statusMessage(tr("Undid the import of %1.").arg(m_record.fileName()));
}

void ImportStep::redone()
{
    const ImportJobResult &r = m_job->result();
    if (r.outcome == ImportJobResult::Outcome::Finished && r.report.committed) {
        moveStack(false, r.report.importId);
        m_session->reloadView();
        emit statusMessage(tr("Imported %1 again.").arg(m_record.fileName()));
        return;
    }
    const bool cancelled = r.outcome == ImportJobResult::Outcome::Cancelled;
    m_session->reportError(cancelled ? tr("Redo of the import cancelled; the book is unchanged.")
                                   : r.error.isEmpty()
                                   ? tr("Cannot redo the import of %1: rows were rejected.")
                                             .arg(m_record.fileName())
                                   : tr("Cannot redo the import: %1").arg(r.error));
    // Cancelled, rows rejected, or refused: the same file would do the same again.
    if (cancelled || r.error.isEmpty() || r.refused)
        moveStack(true);
}

void ImportStep::moveStack(bool drop, std::optional<Id> importId)
{
    QUndoStack *stack = m_session->undoStack();
    ImportCommand *command = next(stack, m_redo);
    if (!command || command->record().importId != m_record.importId)
        return; // not the step it started from (edits and undo wait, so never expected)
    if (drop)
        command->setObsolete(true); // QUndoStack deletes it where it stands
    else
        command->written(importId);
    if (m_redo)
        stack->redo();
    else
        stack->undo();
}

void ImportStep::end()
{
    m_session->holdEdits({});
    emit finished();
}

} // namespace tp::ui
