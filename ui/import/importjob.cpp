#include "importjob.h"

#include "domain/errors.h"
#include "import/importjournal.h"
#include "jobs/backgroundjob.h"
#include "storage/book.h"
#include "storage/usermessage.h"

#include <QElapsedTimer>

namespace tp::ui {

// What one run needs, copied to it.
struct ImportJob::Task
{
    Mode mode = Mode::Analyse;
    QString bookPath;
    QString file;
    crm::ImportOptions options;
    Id importId = 0; // Undo
    bool evenIfEditedLater = false; // Undo
};

ImportJob::ImportJob(QObject *parent)
    : QObject(parent), m_job(new BackgroundJob<ImportJobResult>(this))
{
    connect(m_job, &BackgroundJobBase::started, this, &ImportJob::started);
    connect(m_job, &BackgroundJobBase::progress, this, &ImportJob::progress);
    connect(m_job, &BackgroundJobBase::finished, this, &ImportJob::finished);
}

ImportJob::~ImportJob() = default;

ImportJobResult ImportJob::run(const Task &task, JobControl &control)
{
    QElapsedTimer clock;
    clock.start();
    ImportJobResult r;
    if (!task.file.isEmpty())
        r.stamp = FileStamp::of(task.file);
    const crm::ImportProgress progress = [&control](qint64 done, qint64 total) {
        return control.progress(done, total);
    };
    try {
        // A worker thread: it may wait for another program's import as long as a command does.
        auto book = task.mode == Mode::Analyse
                ? Book::openForReading(task.bookPath, Book::commandBusyTimeoutMs)
                : Book::open(task.bookPath, Book::commandBusyTimeoutMs);
        crm::ImportOptions options = task.options;
        switch (task.mode) {
        case Mode::Analyse: {
            r.analysis = crm::analyzeFile(task.file, options,
                                          crm::BookTerms::load(*book, options.stageMap), progress);
            break;
        }
        case Mode::DryRun:
        case Mode::Import:
            options.dryRun = task.mode == Mode::DryRun;
            r.report = crm::importFile(*book, task.file, options, progress);
            r.analysis = r.report.analysis;
            break;
        case Mode::Undo:
            crm::undoImport(*book, task.importId, task.evenIfEditedLater);
            break;
        }
        r.outcome = ImportJobResult::Outcome::Finished;
    } catch (const std::exception &e) {
        r.error = userMessage(e, task.bookPath);
        r.refused = dynamic_cast<const InputError *>(&e) != nullptr;
    }
    // A cancel that came too late to stop anything leaves a finished run.
    if (r.outcome == ImportJobResult::Outcome::Failed && control.isCanceled())
        r.outcome = ImportJobResult::Outcome::Cancelled;
    r.elapsedMs = clock.elapsed();
    return r;
}

void ImportJob::start(Mode mode, const QString &bookPath, const QString &file,
                      const crm::ImportOptions &options)
{
    Task task;
    task.mode = mode;
    task.bookPath = bookPath;
    task.file = file;
    task.options = options;
    launch(task);
}

void ImportJob::startUndo(const QString &bookPath, Id importId, bool evenIfEditedLater)
{
    Task task;
    task.mode = Mode::Undo;
    task.bookPath = bookPath;
    task.importId = importId;
    task.evenIfEditedLater = evenIfEditedLater;
    launch(task);
}

void ImportJob::launch(const Task &task)
{
    m_job->start([task](JobControl &control) { return run(task, control); });
}

void ImportJob::cancel()
{
    m_job->cancel();
}

void ImportJob::discard()
{
    m_job->discard();
}

bool ImportJob::isRunning() const
{
    return m_job->isRunning();
}

bool ImportJob::isCancelling() const
{
    return m_job->isRunning() && m_job->isCanceled();
}

bool ImportJob::waitForFinished(int timeoutMs)
{
    return m_job->waitForFinished(timeoutMs);
}

const ImportJobResult &ImportJob::result() const
{
    static const ImportJobResult none; // nothing finished yet
    static const ImportJobResult cancelled{ ImportJobResult::Outcome::Cancelled };
    if (m_job->result())
        return *m_job->result();
    // A run cancelled before it began did nothing at all.
    return !m_job->isRunning() && m_job->isCanceled() ? cancelled : none;
}

} // namespace tp::ui
