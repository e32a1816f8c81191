#include "importjob.h"

#include "domain/errors.h"
#include "import/importjournal.h"
#include "storage/book.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace tp::ui {

struct ImportJob::Task
{
    Mode mode = Mode::Analyse;
    QString bookPath;
    QString file;
    crm::ImportOptions options;
    Id importId = 0; // Undo
    bool evenIfEditedLater = false; // Undo
    std::atomic<bool> cancel{ false };
    ImportJob *job = nullptr; // receives progress through queued calls
    ImportJobResult result;
};

ImportJob::ImportJob(QObject *parent) : QObject(parent) { }

ImportJob::~ImportJob()
{
    if (m_current)
        m_current->cancel = true;
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void ImportJob::run(Task &task)
{
    QElapsedTimer clock;
    clock.start();
    ImportJobResult &r = task.result;
    if (!task.file.isEmpty())
        r.stamp = FileStamp::of(task.file);
    const crm::ImportProgress progress = [&task](qint64 done, qint64 total) {
        if (task.cancel)
            return false;
        QMetaObject::invokeMethod(
                task.job,
                [job = task.job, t = &task, done, total] {
                    if (job->m_current.get() == t) // not a superseded run
                        emit job->progress(done, total);
                },
                Qt::QueuedConnection);
        return true;
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
    } catch (const InputError &e) {
        r.error = e.message();
    } catch (const BookError &e) {
        r.error = e.message();
    } catch (const sql::Error &e) {
        r.error = Book::explain(task.bookPath, e).message();
    } catch (const std::exception &e) {
        r.error =
                ImportJob::tr("The book was not changed: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    // A cancel that came too late to stop anything leaves a finished run.
    if (r.outcome == ImportJobResult::Outcome::Failed && task.cancel)
        r.outcome = ImportJobResult::Outcome::Cancelled;
    r.elapsedMs = clock.elapsed();
}

void ImportJob::start(Mode mode, const QString &bookPath, const QString &file,
                      const crm::ImportOptions &options)
{
    auto task = std::make_shared<Task>();
    task->mode = mode;
    task->bookPath = bookPath;
    task->file = file;
    task->options = options;
    launch(task);
}

void ImportJob::startUndo(const QString &bookPath, Id importId, bool evenIfEditedLater)
{
    auto task = std::make_shared<Task>();
    task->mode = Mode::Undo;
    task->bookPath = bookPath;
    task->importId = importId;
    task->evenIfEditedLater = evenIfEditedLater;
    launch(task);
}

void ImportJob::launch(const std::shared_ptr<Task> &task)
{
    if (m_current)
        m_current->cancel = true; // the newest run wins
    task->job = this;
    m_current = task;
    m_result = {};

    QThread *thread = QThread::create([task] { run(*task); });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, task] {
        m_threads.removeOne(thread);
        thread->deleteLater();
        if (m_current != task)
            return; // superseded
        m_current.reset();
        m_result = std::move(task->result);
        emit finished();
    });
    emit started();
    thread->start();
}

void ImportJob::cancel()
{
    if (m_current)
        m_current->cancel = true;
}

bool ImportJob::isCancelling() const
{
    return m_current && m_current->cancel;
}

bool ImportJob::waitForFinished(int timeoutMs)
{
    if (!m_current)
        return true;
    QEventLoop loop;
    const QPointer<ImportJob> self(this); // what finished() sets off may delete the job
    connect(this, &ImportJob::finished, &loop, &QEventLoop::quit);
    connect(this, &QObject::destroyed, &loop, &QEventLoop::quit);
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!self)
        return true;
    disconnect(this, &ImportJob::finished, &loop, &QEventLoop::quit);
    return !m_current;
}

} // namespace tp::ui
