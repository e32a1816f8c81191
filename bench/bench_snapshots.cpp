// Comparing two snapshots at scale (issue 18's budget: 1 s): the states at the snapshot a week
// before the as-of date and at the as-of date read from the book, and every change category and
// the pipeline flow worked out between them, for the team. Run on the large demo book:
// TP_BENCH_BOOK=large.tpbook build/default/bench/tp_bench_snapshots (docs/PERFORMANCE.md).
#include "analytics/pipelinehealth.h"
#include "analytics/snapshotdiff.h"
#include "edits/bookeditor.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/snapshotreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace {

QString bookPath()
{
    const char *path = std::getenv("TP_BENCH_BOOK");
    return path ? QString::fromLocal8Bit(path) : QString();
}

const tp::BookView &sharedView()
{
    static std::unique_ptr<tp::BookView> view = tp::loadBookView(bookPath());
    return *view;
}

// The two snapshots `summary --since` compares: the latest and the latest a week before it.
std::pair<tp::snapshots::SnapshotInfo, tp::snapshots::SnapshotInfo> lastWeek(tp::Book &book)
{
    tp::snapshots::SnapshotReader reader(book.db());
    const auto all = reader.list();
    if (all.empty())
        throw std::runtime_error("the book has no snapshots");
    const auto &to = all.back();
    const auto from = reader.latestAtOrBefore(to.date.addDays(-7)).value_or(all.front());
    return { from, to };
}

void BM_CompareLastWeek(benchmark::State &state)
{
    const auto &view = sharedView();
    auto book = tp::Book::openForReading(bookPath());
    const auto [from, to] = lastWeek(*book);
    const tp::snapshots::RuleContextAt rules = [&view](const QDate &day) {
        return tp::health::ruleContext(view, day);
    };
    const tp::Period period = tp::Period::containing(to.date);
    for (auto _ : state) {
        tp::snapshots::SnapshotReader reader(book->db());
        const auto states = reader.states({ from.id, to.id }, rules);
        const auto c = tp::changes::compare(states[0], states[1], {}, period);
        benchmark::DoNotOptimize(c.deals.data());
        state.counters["deals"] = double(states[1].deals.size());
        state.counters["changed"] = double(c.deals.size());
        if (c.flowEnd() != c.end)
            state.SkipWithError("the flow does not balance");
    }
}
BENCHMARK(BM_CompareLastWeek)->Unit(benchmark::kMillisecond)->Iterations(3);

// The parts: reading the two states, and comparing them in memory.
void BM_ReadTwoStates(benchmark::State &state)
{
    const auto &view = sharedView();
    auto book = tp::Book::openForReading(bookPath());
    const auto [from, to] = lastWeek(*book);
    const tp::snapshots::RuleContextAt rules = [&view](const QDate &day) {
        return tp::health::ruleContext(view, day);
    };
    for (auto _ : state) {
        const auto states =
                tp::snapshots::SnapshotReader(book->db()).states({ from.id, to.id }, rules);
        benchmark::DoNotOptimize(states.data());
    }
}
BENCHMARK(BM_ReadTwoStates)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_CompareInMemory(benchmark::State &state)
{
    const auto &view = sharedView();
    auto book = tp::Book::openForReading(bookPath());
    const auto [from, to] = lastWeek(*book);
    const auto states = tp::snapshots::SnapshotReader(book->db())
                                .states({ from.id, to.id }, [&view](const QDate &day) {
                                    return tp::health::ruleContext(view, day);
                                });
    const tp::Period period = tp::Period::containing(to.date);
    for (auto _ : state) {
        const auto c = tp::changes::compare(states[0], states[1], {}, period);
        benchmark::DoNotOptimize(c.deals.data());
    }
}
BENCHMARK(BM_CompareInMemory)->Unit(benchmark::kMillisecond)->Iterations(5);

// Deleting the oldest snapshot (the full state, every later state kept: its rows the next one
// lacks move into it) as the Snapshots dialog does, an edit on the GUI thread, and its undo, on
// a copy of the book.
void BM_DeleteOldestSnapshotAndUndo(benchmark::State &state)
{
    const QString copy = QDir::temp().filePath(QStringLiteral("tp-bench-delete.tpbook"));
    QFile::remove(copy);
    if (!QFile::copy(bookPath(), copy)) {
        state.SkipWithError("cannot copy the book");
        return;
    }
    auto book = tp::Book::open(copy);
    const tp::Id oldest = tp::snapshots::SnapshotReader(book->db()).list().front().id;
    double undoMs = 0;
    for (auto _ : state) {
        tp::BookEditor editor(*book);
        tp::BookChange deleted = editor.deleteSnapshot(oldest);
        QElapsedTimer timer;
        timer.start();
        tp::BookChange undo = deleted.inverse();
        editor.write(undo);
        undoMs += double(timer.nsecsElapsed()) / 1e6;
        state.counters["rows"] = double(deleted.snapshotDeletions.front().before->rows.size());
        state.counters["folded"] = double(deleted.snapshotDeletions.front().folded.size());
    }
    state.counters["undo_ms"] = undoMs / double(state.iterations());
    book.reset();
    QFile::remove(copy);
}
BENCHMARK(BM_DeleteOldestSnapshotAndUndo)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
