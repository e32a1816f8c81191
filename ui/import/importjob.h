#pragma once

#include "import/importer.h"
#include "importrecord.h"

#include <QList>
#include <QObject>

#include <memory>

class QThread;

namespace tp::ui {

// What an ImportJob ended with.
struct ImportJobResult
{
    enum class Outcome { Finished, Cancelled, Failed };
    Outcome outcome = Outcome::Failed;
    QString error; // why it failed, for the user
    crm::Analysis analysis; // Analyse
    crm::ImportReport report; // DryRun and Import (report.committed: the book changed)
    FileStamp stamp; // the file as the job found it
    qint64 elapsedMs = 0;
};

// Runs one core import call on a worker thread, on its own connection to the book (the GUI's
// connection stays free; SQLite's WAL lets the GUI read meanwhile): the analysis pass, a dry
// run, the import itself, or the undo of an import. Progress comes back as signals; cancel()
// makes the next progress callback return false, which rolls the import back (an undo cannot
// be cancelled: it is one short transaction). Starting again drops the previous run.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Analyse, DryRun, Import, Undo };

    explicit ImportJob(QObject *parent = nullptr);
    ~ImportJob() override; // cancels and waits: nothing outlives the job

    void start(Mode mode, const QString &bookPath, const QString &file,
               const crm::ImportOptions &options);
    // Undoes the import `importId` (the book's most recent). Refused when edits made after it
    // would be lost, unless `evenIfEditedLater` (the user was asked).
    void startUndo(const QString &bookPath, Id importId, bool evenIfEditedLater = false);
    void cancel();
    bool isRunning() const { return m_current != nullptr; }
    bool isCancelling() const;
    // Spins the event loop until the run ends (tests, a redo); false on timeout.
    bool waitForFinished(int timeoutMs = 60000);
    const ImportJobResult &result() const { return m_result; }

signals:
    void started();
    void progress(qint64 done, qint64 total);
    void finished();

private:
    struct Task;
    static void run(Task &task);
    void launch(const std::shared_ptr<Task> &task);

    std::shared_ptr<Task> m_current;
    QList<QThread *> m_threads;
    ImportJobResult m_result;
};

} // namespace tp::ui
