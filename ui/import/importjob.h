#pragma once

#include "import/importer.h"
#include "importrecord.h"

#include <QObject>

namespace tp::ui {

template<typename Result>
class BackgroundJob;
class JobControl;

// What an ImportJob ended with.
struct ImportJobResult
{
    enum class Outcome { Finished, Cancelled, Failed };
    Outcome outcome = Outcome::Failed;
    QString error; // why it failed, for the user
    bool refused = false; // the book refused the request itself (InputError): again is no use
    crm::Analysis analysis; // Analyse
    crm::ImportReport report; // DryRun and Import (report.committed: the book changed)
    FileStamp stamp; // the file as the job found it
    qint64 elapsedMs = 0;
};

// Runs one core import call on a background job (jobs/backgroundjob.h), on its own connection
// to the book (the GUI's connection stays free; SQLite's WAL lets the GUI read meanwhile): the
// analysis pass, a dry run, the import itself, or the undo of an import. Progress comes back as
// signals; cancel() makes the next progress callback return false, which rolls the import back
// (an undo cannot be cancelled: it is one short transaction). Starting again drops the previous
// run: its end is never delivered.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Analyse, DryRun, Import, Undo };

    explicit ImportJob(QObject *parent = nullptr);
    ~ImportJob() override; // cancels and waits (the job's end): nothing outlives the job

    void start(Mode mode, const QString &bookPath, const QString &file,
               const crm::ImportOptions &options);
    // Undoes the import `importId` (the book's most recent). Refused when edits made after it
    // would be lost, unless `evenIfEditedLater` (the user was asked).
    void startUndo(const QString &bookPath, Id importId, bool evenIfEditedLater = false);
    void cancel();
    // Stops the run and forgets it: finished() does not follow.
    void discard();
    bool isRunning() const;
    bool isCancelling() const;
    // Spins the event loop until the run ends (tests, screenshots); false on timeout.
    bool waitForFinished(int timeoutMs = 60000);
    // The last finished run's; an empty result (Failed, no error) before one finished.
    const ImportJobResult &result() const;

signals:
    void started();
    void progress(qint64 done, qint64 total);
    void finished();

private:
    struct Task;
    static ImportJobResult run(const Task &task, JobControl &control);
    void launch(const Task &task);

    BackgroundJob<ImportJobResult> *m_job;
};

} // namespace tp::ui
