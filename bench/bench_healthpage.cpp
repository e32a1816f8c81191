// The Pipeline Health page on the large book (issue 5's budgets: the whole page's figures for
// the team within 0.5 s, for one rep within 50 ms): a scope change evaluated (rules, coverage,
// key metrics, stage conversion), the deals table, the charts and the metrics rebuilt, and the
// page painted. Offscreen: TP_BENCH_BOOK=large.tpbook build/default/bench/tp_bench_healthpage
#include "pages/health/healthpage.h"
#include "pages/health/healthstate.h"
#include "session/booksession.h"
#include "session/scopestate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>

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

struct Fixture
{
    tp::ui::BookSession session;
    tp::ui::ScopeState scope;
    std::unique_ptr<tp::ui::HealthState> state;
    std::unique_ptr<tp::ui::HealthPage> page;
};

Fixture &fixture()
{
    static std::unique_ptr<Fixture> f = [] {
        auto made = std::make_unique<Fixture>();
        QString error;
        if (!made->session.openBook(bookPath(), &error) || !made->session.waitUntilLoaded())
            return std::unique_ptr<Fixture>();
        made->scope.reset(1);
        made->scope.setAsOf(QDate(2026, 11, 20));
        made->state = std::make_unique<tp::ui::HealthState>(&made->session, &made->scope);
        made->page = std::make_unique<tp::ui::HealthPage>(&made->session, made->state.get());
        made->page->resize(1400, 820);
        made->page->state()->waitForStageHistory();
        return made;
    }();
    return *f;
}

void paint(QWidget *widget)
{
    QImage image(widget->size(), QImage::Format_ARGB32_Premultiplied);
    widget->render(&image);
    benchmark::DoNotOptimize(image.constBits());
}

// From `from` to `to` (rep indexes, -1 the team): only the second change is timed.
void scopeChange(benchmark::State &state, int from, int to)
{
    Fixture &f = fixture();
    if (!f.page) {
        state.SkipWithError("the book did not load");
        return;
    }
    double update = 0, painting = 0;
    for (auto _ : state) {
        state.PauseTiming();
        f.scope.setRepIndex(from);
        QApplication::processEvents();
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        f.scope.setRepIndex(to);
        update += double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        paint(f.page.get());
        painting += double(timer.nsecsElapsed()) / 1e6;
    }
    state.counters["open"] = double(f.page->state()->report().open);
    state.counters["update_ms"] = update / double(state.iterations());
    state.counters["paint_ms"] = painting / double(state.iterations());
}

void BM_HealthPageTeam(benchmark::State &state)
{
    scopeChange(state, 0, -1);
}
BENCHMARK(BM_HealthPageTeam)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

void BM_HealthPageOneRep(benchmark::State &state)
{
    scopeChange(state, -1, int(state.range(0)));
}
BENCHMARK(BM_HealthPageOneRep)
        ->DenseRange(0, 1, 1)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(5)
        ->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
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
