// BackgroundJob: work off the GUI thread whose newest run wins, with progress and cancel.
#include "jobs/backgroundjob.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

using tp::ui::BackgroundJob;
using tp::ui::BackgroundJobBase;
using tp::ui::JobControl;

namespace {

// Blocks a run until the test lets it go.
struct Gate
{
    std::atomic<bool> entered{ false };
    std::atomic<bool> open{ false };

    void pass()
    {
        entered = true;
        while (!open)
            std::this_thread::yield();
    }
    void waitUntilEntered() const
    {
        while (!entered)
            std::this_thread::yield();
    }
};

// What finished() delivered, in order.
template<typename Result>
std::shared_ptr<std::vector<Result>> collect(BackgroundJob<Result> &job)
{
    auto delivered = std::make_shared<std::vector<Result>>();
    QObject::connect(&job, &BackgroundJobBase::finished, &job, [&job, delivered] {
        delivered->push_back(job.result() ? *job.result() : Result{});
    });
    return delivered;
}

TEST(GuiBackgroundJob, RunsOffTheGuiThreadAndDeliversOnIt)
{
    BackgroundJob<int> job;
    const auto delivered = collect(job);
    QSignalSpy progress(&job, &BackgroundJobBase::progress);
    std::atomic<QThread *> worker{ nullptr };
    QThread *deliveredOn = nullptr;
    QObject::connect(&job, &BackgroundJobBase::finished, &job,
                     [&] { deliveredOn = QThread::currentThread(); });
    job.start([&worker](JobControl &control) {
        worker = QThread::currentThread();
        control.progress(1, 4);
        control.progress(4, 4);
        return 42;
    });
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(job.waitForFinished());
    EXPECT_FALSE(job.isRunning());
    EXPECT_EQ(*delivered, std::vector<int>{ 42 });
    EXPECT_NE(worker.load(), QThread::currentThread());
    EXPECT_EQ(deliveredOn, QThread::currentThread());
    // The last step always arrives (QPromise may skip steps in between), as a fraction.
    ASSERT_GE(progress.count(), 1);
    EXPECT_EQ(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
}

TEST(GuiBackgroundJob, ANewRunCancelsTheOlderOneWhoseResultNeverArrives)
{
    auto job = std::make_unique<BackgroundJob<int>>();
    const auto delivered = collect(*job);
    Gate gate;
    std::atomic<bool> olderCancelled{ false };
    std::atomic<bool> olderReturned{ false };
    job->start([&](JobControl &control) {
        gate.pass();
        olderCancelled = control.isCanceled();
        olderReturned = true;
        return 1;
    });
    gate.waitUntilEntered();
    // The newer run ends only after the older one returned: the older one's end comes first.
    job->start([&](JobControl &) {
        gate.open = true;
        while (!olderReturned)
            std::this_thread::yield();
        return 2;
    });
    ASSERT_TRUE(job->waitForFinished());
    EXPECT_TRUE(olderCancelled);
    // The job waits for every run when it goes; whatever the older run left is dropped.
    job.reset();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    EXPECT_EQ(*delivered, std::vector<int>{ 2 });
}

TEST(GuiBackgroundJob, AnOlderRunThatEndsFirstIsNotDeliveredEither)
{
    BackgroundJob<int> job;
    const auto delivered = collect(job);
    std::atomic<bool> olderDone{ false };
    job.start([&](JobControl &) {
        olderDone = true;
        return 1;
    });
    while (!olderDone) // done before the newer run even starts
        std::this_thread::yield();
    job.start([](JobControl &) { return 2; });
    ASSERT_TRUE(job.waitForFinished());
    QCoreApplication::processEvents();
    EXPECT_EQ(*delivered, std::vector<int>{ 2 });
    EXPECT_EQ(job.result(), 2);
}

TEST(GuiBackgroundJob, CancelAsksTheWorkToStopAndItSaysHowFarItGot)
{
    BackgroundJob<QString> job;
    const auto delivered = collect(job);
    Gate gate;
    job.start([&gate](JobControl &control) {
        gate.entered = true;
        while (!control.isCanceled())
            std::this_thread::yield();
        return QStringLiteral("stopped");
    });
    gate.waitUntilEntered();
    EXPECT_FALSE(job.isCanceled());
    job.cancel();
    EXPECT_TRUE(job.isCanceled());
    EXPECT_TRUE(job.isRunning()); // until the work has returned
    ASSERT_TRUE(job.waitForFinished());
    EXPECT_EQ(*delivered, std::vector<QString>{ QStringLiteral("stopped") });
}

TEST(GuiBackgroundJob, ADiscardedRunIsNeverDelivered)
{
    auto job = std::make_unique<BackgroundJob<int>>();
    const auto delivered = collect(*job);
    Gate gate;
    job->start([&gate](JobControl &) {
        gate.pass();
        return 1;
    });
    gate.waitUntilEntered();
    job->discard();
    EXPECT_FALSE(job->isRunning());
    EXPECT_TRUE(job->waitForFinished(0));
    gate.open = true;
    job.reset();
    QCoreApplication::sendPostedEvents();
    EXPECT_TRUE(delivered->empty());
}

TEST(GuiBackgroundJob, GoingAwayStopsAndWaitsForEveryRun)
{
    std::atomic<int> began{ 0 };
    std::atomic<int> ended{ 0 };
    {
        BackgroundJob<int> job;
        for (int run = 0; run < 3; ++run) {
            job.start([&](JobControl &control) {
                ++began;
                while (!control.isCanceled())
                    std::this_thread::yield();
                ++ended;
                return 0;
            });
        }
        while (began == 0) // the newest one at least
            std::this_thread::yield();
    }
    // Every run that began has returned; one cancelled before it began never will.
    EXPECT_GE(began.load(), 1);
    EXPECT_EQ(ended.load(), began.load());
}

TEST(GuiBackgroundJob, ProgressIsAFractionThatMayStartOver)
{
    QPromise<void> promise;
    QFuture<void> future = promise.future();
    promise.start();
    JobControl control(promise);
    EXPECT_TRUE(control.progress(3, 4));
    EXPECT_EQ(future.progressValue(), JobControl::scale / 4 * 3);
    EXPECT_TRUE(control.progress(1, 4)); // the next phase
    EXPECT_EQ(future.progressValue(), JobControl::scale / 4);
    EXPECT_TRUE(control.progress(5'000'000'000, 10'000'000'000)); // beyond int
    EXPECT_EQ(future.progressValue(), JobControl::scale / 2);
    future.cancel();
    EXPECT_FALSE(control.progress(6, 10));
    promise.finish();
}

} // namespace
