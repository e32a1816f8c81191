// Benchmarks of what the tables do at scale: open a book into its columnar view, sort by each
// column, filter by text. Run on the large demo book (see docs/PERFORMANCE.md).
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "views/tablequery.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

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

void BM_OpenBookView(benchmark::State &state)
{
    for (auto _ : state) {
        auto book = tp::Book::open(bookPath());
        auto view = tp::loadBookView(bookPath());
        benchmark::DoNotOptimize(view.get());
        state.counters["opportunities"] = double(view->opportunities.size());
    }
}
BENCHMARK(BM_OpenBookView)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SortOpportunities(benchmark::State &state)
{
    const auto &view = sharedView();
    const auto column = tp::OpportunityColumn(state.range(0));
    for (auto _ : state) {
        auto rows = tp::sortedOpportunities(view, column, state.range(1) != 0);
        benchmark::DoNotOptimize(rows.data());
    }
}
BENCHMARK(BM_SortOpportunities)
        ->ArgsProduct({ benchmark::CreateDenseRange(0, int(tp::OpportunityColumn::Count) - 1, 1),
                        { 0, 1 } })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(2);

void BM_SortAccounts(benchmark::State &state)
{
    const auto &view = sharedView();
    for (auto _ : state) {
        auto rows = tp::sortedAccounts(view, tp::AccountColumn(state.range(0)), false);
        benchmark::DoNotOptimize(rows.data());
    }
}
BENCHMARK(BM_SortAccounts)
        ->DenseRange(0, int(tp::AccountColumn::Count) - 1, 1)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);

void BM_FilterOpportunitiesByText(benchmark::State &state)
{
    const auto &view = sharedView();
    const auto order = tp::sortedOpportunities(view, tp::OpportunityColumn::Amount, true);
    tp::RowFilter filter;
    // A short, common needle (many matches) and a rare one.
    filter.text =
            state.range(0) == 0 ? QStringLiteral("orbit") : QStringLiteral("006demo000123456");
    for (auto _ : state) {
        auto rows = tp::filterOpportunities(view, order, filter);
        benchmark::DoNotOptimize(rows.data());
        state.counters["rows"] = double(rows.size());
    }
}
BENCHMARK(BM_FilterOpportunitiesByText)
        ->DenseRange(0, 1, 1)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(5);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (bookPath().isEmpty()) {
        std::fprintf(stderr,
                     "Set TP_BENCH_BOOK to a book, e.g. one written by "
                     "`territory-planner demo --db large.tpbook --size large`.\n");
        return 2;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
