// Opening a rep's review on the Review page (issue 18's budget: 300 ms), the way the window does
// it, on the large demo book, offscreen: the page refreshed for the scope's rep (its review,
// commitments, gateways and risks from the health figures, and the Changes tab's comparison
// since the last review) until the comparison is shown, then painted.
//   - BM_ReviewFirstOpen: the first open of the page after the book loaded, the way the window
//     meets it: the page was there, hidden, while the book loaded (and read the two states
//     ahead on its background job, ChangesPanel::prefetch()); the user opens it once the load
//     has settled. `blocked_ms` is the longest the GUI thread was busy at a time, `shown_ms`
//     the time until the comparison is shown and painted.
//   - BM_ReviewOpenAtLoad: the same page opened the moment the book has loaded, before the
//     read ahead began: the two states are read then ("Comparing the snapshots…" meanwhile;
//     the page stays responsive).
//   - BM_ReviewRepSwitch: another rep with the states already read (kept by the page): only the
//     comparison again, on the GUI thread.
//   - BM_ReviewReadStates: the read the first open runs on its job, alone.
// TP_BENCH_BOOK=large.tpbook build/default/bench/tp_bench_reviewpage (docs/PERFORMANCE.md).
#include "analytics/pipelinehealth.h"
#include "pages/funnel/funnelstate.h"
#include "pages/health/healthstate.h"
#include "pages/review/changespanel.h"
#include "pages/review/reviewpage.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "views/bookview.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QTabWidget>

#include <benchmark/benchmark.h>

#include <algorithm>
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
    std::unique_ptr<tp::ui::HealthState> health;
    std::unique_ptr<tp::ui::FunnelState> funnel;
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
        made->health = std::make_unique<tp::ui::HealthState>(&made->session, &made->scope);
        made->funnel = std::make_unique<tp::ui::FunnelState>(&made->session, &made->scope,
                                                             made->health.get());
        return made;
    }();
    return *f;
}

std::unique_ptr<tp::ui::ReviewPage> makePage(Fixture &f)
{
    auto page = std::make_unique<tp::ui::ReviewPage>(&f.session, &f.scope, f.health.get(),
                                                     f.funnel.get());
    page->resize(1400, 820);
    page->tabs()->setCurrentWidget(page->changes());
    return page;
}

void paint(QWidget *widget)
{
    QImage image(widget->size(), QImage::Format_ARGB32_Premultiplied);
    widget->render(&image);
    benchmark::DoNotOptimize(image.constBits());
}

struct Timing
{
    double shownMs = 0; // until the comparison is shown and painted
    double blockedMs = 0; // the longest single turn of the event loop meanwhile
    double readStartMs = 0; // until the read was started (0: no read)
};

// Spins the event loop until the page's Changes tab has a comparison for `rep` in place.
Timing openRep(tp::ui::ReviewPage &page, tp::ui::ScopeState &scope, int rep, bool pageCurrent)
{
    Timing t;
    bool compared = false;
    const auto connection = QObject::connect(page.changes(), &tp::ui::ChangesPanel::comparedChanged,
                                             [&] { compared = !page.changes()->isComparing(); });
    QElapsedTimer total;
    total.start();
    QElapsedTimer turn;
    turn.start();
    if (pageCurrent)
        scope.setRepIndex(rep);
    else
        page.setCurrent(true);
    t.blockedMs = double(turn.nsecsElapsed()) / 1e6;
    while (!compared) {
        if (t.readStartMs == 0 && page.changes()->isComparing())
            t.readStartMs = double(total.nsecsElapsed()) / 1e6;
        turn.restart();
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        t.blockedMs = std::max(t.blockedMs, double(turn.nsecsElapsed()) / 1e6);
    }
    paint(&page);
    t.shownMs = double(total.nsecsElapsed()) / 1e6;
    QObject::disconnect(connection);
    return t;
}

// Loads the book again with `page` there and hidden (the window's pages outlive the books).
void reload(Fixture &f)
{
    QString error;
    if (!f.session.openBook(bookPath(), &error) || !f.session.waitUntilLoaded())
        std::abort();
}

// Spins the event loop until the page's read ahead (a moment after the load) has ended.
void settle(tp::ui::ReviewPage &page)
{
    QElapsedTimer waited;
    waited.start();
    bool began = false;
    while (waited.elapsed() < 30000) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        began = began || page.changes()->isComparing();
        if (began && !page.changes()->isComparing())
            return;
    }
    std::abort(); // the read ahead never ran
}

void firstOpen(benchmark::State &state, bool afterSettling)
{
    Fixture &f = fixture();
    double blocked = 0, shown = 0, readStart = 0;
    for (auto _ : state) {
        state.PauseTiming();
        f.scope.setRepIndex(0);
        auto page = makePage(f); // hidden, nothing read yet
        QApplication::processEvents();
        reload(f);
        if (afterSettling)
            settle(*page);
        state.ResumeTiming();
        const Timing t = openRep(*page, f.scope, 0, false);
        blocked += t.blockedMs;
        shown += t.shownMs;
        readStart += t.readStartMs;
        state.PauseTiming();
        page.reset();
        state.ResumeTiming();
    }
    state.counters["blocked_ms"] = blocked / double(state.iterations());
    state.counters["shown_ms"] = shown / double(state.iterations());
    state.counters["read_start_ms"] = readStart / double(state.iterations());
}

void BM_ReviewFirstOpen(benchmark::State &state)
{
    firstOpen(state, true);
}

void BM_ReviewOpenAtLoad(benchmark::State &state)
{
    firstOpen(state, false);
}

void BM_ReviewRepSwitch(benchmark::State &state)
{
    Fixture &f = fixture();
    f.scope.setRepIndex(0);
    auto page = makePage(f);
    openRep(*page, f.scope, 0, false); // the states read once
    double blocked = 0, shown = 0;
    int rep = 0;
    for (auto _ : state) {
        rep = 1 - rep;
        const Timing t = openRep(*page, f.scope, rep, true);
        blocked += t.blockedMs;
        shown += t.shownMs;
    }
    state.counters["blocked_ms"] = blocked / double(state.iterations());
    state.counters["shown_ms"] = shown / double(state.iterations());
    state.counters["changed_deals"] = double(page->changes()->comparison().deals.size());
}

// The part that runs on the background job: the two states of the page's pair read on a
// connection of its own (ReviewChanges::readStates), without the page.
void BM_ReviewReadStates(benchmark::State &state)
{
    Fixture &f = fixture();
    f.scope.setRepIndex(0);
    auto page = makePage(f);
    openRep(*page, f.scope, 0, false);
    const tp::Id from = page->changes()->fromBox()->currentData().toLongLong();
    const tp::Id to = page->changes()->toBox()->currentData().toLongLong();
    const tp::BookView &view = *f.session.view();
    const tp::snapshots::RuleContextAt rules = [&view](const QDate &day) {
        return tp::health::ruleContext(view, day);
    };
    for (auto _ : state) {
        const auto states = tp::ReviewChanges::readStates(f.session.path(), from, to, rules);
        benchmark::DoNotOptimize(states.second.deals.data());
        state.counters["deals"] = double(states.second.deals.size());
    }
}

BENCHMARK(BM_ReviewFirstOpen)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ReviewOpenAtLoad)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ReviewRepSwitch)->Unit(benchmark::kMillisecond)->Iterations(6)->UseRealTime();
BENCHMARK(BM_ReviewReadStates)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

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
    if (!fixture().health) {
        std::fputs("The book did not load.\n", stderr);
        return 1;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
