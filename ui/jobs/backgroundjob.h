#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>
#include <optional>

template<typename T>
class QFutureWatcher;

namespace tp::ui {

// What a job's work is handed on its thread: whether it should stop, and a way to say how far
// it got. progress() has the shape of core's progress callbacks, so it can be passed as one.
class JobControl
{
public:
    explicit JobControl(QPromise<void> &promise);

    // The job was cancelled, or a newer run started: stop when you can.
    bool isCanceled() const { return m_promise.isCanceled(); }
    // `done` of `total` in any unit (bytes, rows). False when the run should stop.
    bool progress(qint64 done, qint64 total);

    // progress() reaches the GUI as parts of this many (QPromise counts in int).
    static constexpr int scale = 1'000'000;

private:
    QPromise<void> &m_promise;
    int m_value = 0;
};

// The signals and the bookkeeping every BackgroundJob shares (a template cannot be a QObject).
class BackgroundJobBase : public QObject
{
    Q_OBJECT

public:
    ~BackgroundJobBase() override; // cancels every run and waits for it: nothing outlives the job

    // A run was started and has not finished yet.
    bool isRunning() const { return m_watcher != nullptr; }
    // The running run was asked to stop; in finished() and after it, the run just delivered
    // was (its work may have ended before it heard).
    bool isCanceled() const { return m_future.isCanceled(); }
    // Asks the running run to stop; finished() still follows, with what its work returned.
    void cancel();
    // Stops the running run and forgets it: nothing of it is ever delivered.
    void discard();
    // Spins the event loop until the running run has finished and been delivered (for tests
    // and screenshots, never inside a user's action). False on timeout.
    bool waitForFinished(int timeoutMs = 60000);

signals:
    void started();
    // Of the running run only: `done` of `total` (a fraction, see JobControl::scale).
    void progress(qint64 done, qint64 total);
    // The running run ended; its result is in place (BackgroundJob::result()).
    void finished();

protected:
    explicit BackgroundJobBase(QObject *parent);
    // Starts `run` on the jobs' thread pool, cancelling and forgetting the run before it. When
    // it ends, `deliver` is called on this object's thread, then finished() is emitted.
    void launch(std::function<void(QPromise<void> &)> run, std::function<void()> deliver);

private:
    void forgetRunning();

    QFuture<void> m_future;
    QFutureWatcher<void> *m_watcher = nullptr;
    QList<QFuture<void>> m_forgotten; // still running, never delivered: waited for at the end
};

// Work that runs off the GUI thread, one run at a time, "newest run wins": start() cancels a
// run still going, and that run's result is never delivered, even when it finishes later.
// Built on QtConcurrent::run with a QPromise (progress and cancel) and a QFutureWatcher
// (signals on the GUI thread). The work gets copies of what it needs and must not touch the
// GUI's objects; it must not throw either: it returns its errors in its Result.
//
//     BackgroundJob<Sum> job;
//     connect(&job, &BackgroundJobBase::finished, [&] { show(*job.result()); });
//     job.start([rows](JobControl &control) { return sum(rows, control); });
template<typename Result>
class BackgroundJob : public BackgroundJobBase
{
public:
    using Work = std::function<Result(JobControl &)>;

    explicit BackgroundJob(QObject *parent = nullptr) : BackgroundJobBase(parent) { }

    void start(Work work)
    {
        m_result.reset();
        // The run writes its result here; the slot is handed over only if the run is still
        // the newest when it ends, which is how an older result never arrives.
        auto slot = std::make_shared<std::optional<Result>>();
        launch(
                [work = std::move(work), slot](QPromise<void> &promise) {
                    JobControl control(promise);
                    slot->emplace(work(control));
                },
                [this, slot] { m_result = std::move(*slot); });
    }

    // What the last finished run's work returned. Also after a cancel: the work says itself
    // how far it got. Empty while running, and when the run was cancelled before it began.
    std::optional<Result> &result() { return m_result; }
    const std::optional<Result> &result() const { return m_result; }

private:
    std::optional<Result> m_result;
};

} // namespace tp::ui
