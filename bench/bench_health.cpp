// Pipeline health at scale (issue 5's budgets): the figures of the Pipeline health page for the
// team and for one rep, from a loaded view, and the parts of `summary`. Run on the large demo
// book: TP_BENCH_BOOK=large.tpbook build/default/bench/tp_bench_health (docs/PERFORMANCE.md).
#include "analytics/pipelinehealth.h"
#include "report/summary.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/stageflowloader.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

namespace {

const QDate asOf(2026, 11, 20);

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

void BM_HealthTeam(benchmark::State &state)
{
    const auto &view = sharedView();
    const tp::Period period = tp::Period::containing(asOf);
    for (auto _ : state) {
        auto report = tp::health::evaluate(view, {}, asOf, period);
        benchmark::DoNotOptimize(report.openRows.data());
        state.counters["open"] = double(report.open);
    }
}
BENCHMARK(BM_HealthTeam)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_HealthOneRep(benchmark::State &state)
{
    const auto &view = sharedView();
    const tp::Period period = tp::Period::containing(asOf);
    for (auto _ : state) {
        auto report = tp::health::evaluate(view, { 0, -1 }, asOf, period);
        benchmark::DoNotOptimize(report.openRows.data());
        state.counters["open"] = double(report.open);
    }
}
BENCHMARK(BM_HealthOneRep)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_StageHistoryLoad(benchmark::State &state)
{
    const auto &view = sharedView();
    for (auto _ : state) {
        auto flow = tp::loadStageFlow(bookPath(), view.opportunities.id);
        benchmark::DoNotOptimize(flow.highest.data());
    }
}
BENCHMARK(BM_StageHistoryLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_StageConversionTeam(benchmark::State &state)
{
    const auto &view = sharedView();
    static const auto flow = tp::loadStageFlow(bookPath(), view.opportunities.id);
    const auto report = tp::health::evaluate(view, {}, asOf, tp::Period::containing(asOf));
    for (auto _ : state) {
        auto c = tp::health::stageConversion(view, flow, report);
        benchmark::DoNotOptimize(c.stages.data());
    }
}
BENCHMARK(BM_StageConversionTeam)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_LoadWithoutDealText(benchmark::State &state)
{
    for (auto _ : state) {
        auto view = tp::loadBookView(bookPath(), {}, tp::OpportunityText::Skip);
        benchmark::DoNotOptimize(view.get());
    }
}
BENCHMARK(BM_LoadWithoutDealText)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SummaryTeam(benchmark::State &state)
{
    for (auto _ : state) {
        auto book = tp::Book::open(bookPath());
        const tp::Summary s = tp::SummaryBuilder::build(*book, { asOf, {}, {}, {} });
        benchmark::DoNotOptimize(tp::SummaryBuilder::toJson(s).size());
    }
}
BENCHMARK(BM_SummaryTeam)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (bookPath().isEmpty()) {
        std::fputs(
                "Set TP_BENCH_BOOK to a large demo book (territory-planner demo --size large).\n",
                stderr);
        return 2;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
