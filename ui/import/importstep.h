#pragma once

#include "importrecord.h"

#include <QObject>

#include <optional>

class QUndoStack;

namespace tp::ui {

class BookSession;
class ImportCommand;
class ImportJob;

// An import's undo or redo as one asynchronous step (docs/ARCHITECTURE.md "Background jobs"):
// start() runs core's undo of the import the undo stack takes back next, or for a redo the same
// import again, on a background job, and the stack moves only once that job has written the
// book. Meanwhile the window stays live, the session holds edits and Undo and Redo wait.
// A step that can never be done faithfully leaves the history, as it always did: an undo the
// book refuses (another import came after it), a redo of a file that changed since, or one
// cancelled or with rejected rows. One that failed for another reason (the disk, a lock)
// leaves the stack as it was, to be tried again. Each says why (BookSession::errorOccurred).
class ImportStep : public QObject
{
    Q_OBJECT

public:
    explicit ImportStep(BookSession *session, QObject *parent = nullptr);

    // The import the stack undoes next (redo: redoes next), or null when that is no import.
    static ImportCommand *next(const QUndoStack *stack, bool redo);

    // Starts undoing (redo: redoing) the stack's next step when it is an import, else false.
    // `evenIfEditedLater`: the user agreed to lose the edits made after it (crm::planUndo).
    bool start(bool redo, bool evenIfEditedLater = false);
    bool isRunning() const;
    // Only a redo can be cancelled: an undo is one short transaction.
    bool canCancel() const;
    void cancel();
    // Spins the event loop until the step has ended (tests); false on timeout.
    bool waitForFinished(int timeoutMs = 60000);
    // What the status bar says while it runs.
    QString text() const;

signals:
    void started();
    void progress(qint64 done, qint64 total);
    void finished();
    void statusMessage(const QString &message);

private:
    void onFinished();
    void undone();
    void redone();
    // The stack follows the book: its step goes back or forward, or, when `drop`, leaves the
    // history where it stands.
    void moveStack(bool drop, std::optional<Id> importId = std::nullopt);
    void end();

    BookSession *m_session;
    ImportJob *m_job;
    bool m_redo = false;
    ImportRecord m_record;
};

} // namespace tp::ui
