#include "backgroundjob.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tp::ui {

namespace {

// The jobs' own threads: a book load, an import and a history read each wait on the disk for
// long, so they do not queue behind one another on the global pool (as big as the cores).
Q_GLOBAL_STATIC(QThreadPool, jobThreads)

QThreadPool *jobPool()
{
    static QThreadPool *const pool = [] {
        QThreadPool *threads = jobThreads();
        threads->setMaxThreadCount(std::max(8, QThread::idealThreadCount()));
        return threads;
    }();
    return pool;
}

} // namespace

JobControl::JobControl(QPromise<void> &promise) : m_promise(promise)
{
    m_promise.setProgressRange(0, scale);
}

bool JobControl::progress(qint64 done, qint64 total)
{
    if (total > 0) {
        const int value = int(double(std::clamp(done, qint64(0), total)) / double(total) * scale);
        // QPromise only reports growing values: a phase that starts over starts the range over.
        if (value < m_value)
            m_promise.setProgressRange(0, scale);
        m_value = value;
        m_promise.setProgressValue(value);
    }
    return !m_promise.isCanceled();
}

BackgroundJobBase::BackgroundJobBase(QObject *parent)
    : QObject(parent), m_future(QtFuture::makeReadyFuture()) // nothing to cancel yet
{ }

BackgroundJobBase::~BackgroundJobBase()
{
    forgetRunning();
    for (QFuture<void> &future : m_forgotten) {
        future.cancel();
        future.waitForFinished();
    }
}

void BackgroundJobBase::launch(std::function<void(QPromise<void> &)> run,
                               std::function<void()> deliver)
{
    forgetRunning(); // the newest run wins
    // Runs that ended long ago need no waiting for.
    m_forgotten.removeIf([](const QFuture<void> &future) { return future.isFinished(); });

    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::progressValueChanged, this,
            [this](int value) { emit progress(value, JobControl::scale); });
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, deliver] {
        if (watcher != m_watcher)
            return; // forgotten meanwhile
        m_watcher = nullptr;
        watcher->deleteLater();
        deliver();
        emit finished();
    });
    // Work must not throw (it returns its errors): noexcept makes a slip fail at once.
    m_future = QtConcurrent::run(
            jobPool(), [run = std::move(run)](QPromise<void> &promise) noexcept { run(promise); });
    m_watcher = watcher;
    watcher->setFuture(m_future);
    emit started();
}

void BackgroundJobBase::cancel()
{
    if (isRunning())
        m_future.cancel();
}

void BackgroundJobBase::discard()
{
    forgetRunning();
}

void BackgroundJobBase::forgetRunning()
{
    if (!m_watcher)
        return;
    m_future.cancel();
    m_forgotten.append(m_future);
    m_watcher->disconnect(this);
    m_watcher->deleteLater();
    m_watcher = nullptr;
}

bool BackgroundJobBase::waitForFinished(int timeoutMs)
{
    if (!isRunning())
        return true;
    const QPointer<BackgroundJobBase> self(this); // what finished() sets off may delete the job
    const QDeadlineTimer deadline =
            timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs);
    QEventLoop loop;
    connect(this, &BackgroundJobBase::finished, &loop, &QEventLoop::quit);
    // A discarded run sends nothing, and a timeout neither: look again now and then.
    QTimer check;
    connect(&check, &QTimer::timeout, &loop, [&] {
        if (!self || !self->isRunning() || deadline.hasExpired())
            loop.quit();
    });
    check.start(10);
    loop.exec();
    return !self || !self->isRunning();
}

} // namespace tp::ui
