// Issue 19's budgets on the large demo book with its 50 territories (100,000 accounts,
// 1,000,000 deals; docs/PERFORMANCE.md, "Territories at scale"):
//   a proposal                                           ≤ 2 s    BM_Propose, BM_ProposeSteps
//   1,000 accounts moved, every figure and the map again ≤ 100 ms BM_MoveThousand*
//   the map painted                                      ≤ 50 ms  BM_MapOfTheBook
//   100,000 accounts assigned into 50 within ±5%         ≤ 5 s    BM_AssignGreenfield
// The book: $TP_BENCH_BOOK (a book written by `territory-planner demo --db BOOK --size large
// --as-of 2026-11-20`), else the benchmark writes one into a temporary folder first (about 15 s).
// Edits are undone after each iteration and the log copied into the book between them, as the
// app does once the user pauses (Book::checkpoint).
#include "analytics/rebalance.h"
#include "analytics/territories.h"
#include "analytics/territoryfunnel.h"
#include "analytics/territoryproposal.h"
#include "analytics/territoryregions.h"
#include "demo/demobook.h"
#include "domain/dates.h"
#include "edits/bookeditor.h"
#include "geo/regionmatcher.h"
#include "mainwindow/mainwindow.h"
#include "pages/page.h"
#include "pages/territories/territoriespage.h"
#include "pages/territories/territorycolors.h"
#include "pages/territories/territorymappanel.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "storage/bookreader.h"
#include "storage/bookviewloader.h"
#include "widgets/regionmap.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

using namespace tp;
using territories::Metric;

const QDate asOf(2026, 11, 20); // the day the demo book is written as of

// The book: $TP_BENCH_BOOK, or the large demo book written into a temporary folder on first use.
const QString &bookPath()
{
    static const QString path = [] {
        if (const char *env = std::getenv("TP_BENCH_BOOK"); env && *env)
            return QString::fromLocal8Bit(env);
        static QTemporaryDir dir; // removed with the book at exit
        QString written = dir.filePath(QStringLiteral("large.tpbook"));
        std::fprintf(stderr, "Writing the large demo book into %s ...\n", qPrintable(written));
        QElapsedTimer timer;
        timer.start();
        demo::Options options;
        options.size = demo::Size::Large;
        options.today = asOf;
        demo::writeDemoBook(written, options);
        std::fprintf(stderr, "... written in %.1f s.\n", double(timer.elapsed()) / 1000);
        return written;
    }();
    return path;
}

// One loaded view for the benchmarks that only read.
const BookView &sharedView()
{
    static const std::unique_ptr<BookView> view = loadBookView(bookPath());
    return *view;
}

QString periodOf(const BookView &view)
{
    return Period::containing(asOf, view.settings.fiscalStartMonth).label();
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void paint(QWidget &widget, QImage &image)
{
    QPainter painter(&image);
    widget.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    benchmark::DoNotOptimize(image.constBits());
}

// --- The proposal ------------------------------------------------------------------------------

// The whole proposal as `territories --propose` and Propose… make it from a loaded view: the
// territories and their figures (layoutOf, evaluate), then territories::propose (the accounts'
// map regions, the inputs, rebalance::propose, the figures after the moves). Default locks.
// Arguments: the tolerance in percent, the metric.
void BM_Propose(benchmark::State &state)
{
    const BookView &view = sharedView();
    const QString period = periodOf(view);
    const auto metric = Metric(state.range(1));
    territories::ProposalRequest request;
    request.tolerance = double(state.range(0)) / 100;
    double evaluateMs = 0;
    territories::TerritoryProposal p;
    std::optional<double> before;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const territories::Layout layout = territories::layoutOf(view);
        const territories::Report report = territories::evaluate(view, layout, metric, period);
        evaluateMs += msSince(timer);
        p = territories::propose(view, layout, report, period, request);
        benchmark::DoNotOptimize(p.plan.moves.data());
        before = report.maxDeviation;
    }
    state.counters["evaluate_ms"] = evaluateMs / double(state.iterations());
    state.counters["moves"] = double(p.plan.moves.size());
    state.counters["dev_before"] = before.value_or(0);
    state.counters["dev_after"] = p.plan.maxDeviationAfter;
    state.counters["within"] = p.plan.withinTolerance;
    state.counters["moved_share"] = p.movedShare;
}
BENCHMARK(BM_Propose)
        ->ArgNames({ "tol%", "metric" })
        ->Args({ 10, int(Metric::Ev) })
        ->Args({ 5, int(Metric::Ev) })
        ->Args({ 10, int(Metric::Potential) })
        ->Args({ 10, int(Metric::Accounts) })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3)
        ->UseRealTime();

// The funnel check Propose… adds on the GUI thread (FunnelChecker: one pass over the deals for
// the weighted amount each account brings and every rep's figures, each rep's activities and
// assumptions read from the book), then the check before and after the moves.
void BM_FunnelCheck(benchmark::State &state)
{
    const BookView &view = sharedView();
    const auto book = Book::open(bookPath());
    const Period period = Period::containing(asOf, view.settings.fiscalStartMonth);
    const territories::Layout layout = territories::layoutOf(view);
    const BookReader reader(*book);
    const auto read = [&](int rep, const QDate &from) {
        return reader.repActivity(view, rep, period.label(), from, asOf);
    };
    std::size_t defined = 0;
    for (auto _ : state) {
        const territories::FunnelChecker checker(view, layout, asOf, period, read);
        const auto before = checker.checks(layout.accountEntry);
        const auto after = checker.checks(layout.accountEntry);
        defined = std::size_t(std::count_if(before.begin(), before.end(),
                                            [](const auto &c) { return c.activitiesPerWeek; }));
        benchmark::DoNotOptimize(after.data());
    }
    state.counters["defined"] = double(defined);
}
BENCHMARK(BM_FunnelCheck)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// The same proposal (EV, ±10%) step by step, each step's mean time a counter.
void BM_ProposeSteps(benchmark::State &state)
{
    const BookView &view = sharedView();
    const QString period = periodOf(view);
    double ms[6] = {};
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const territories::Layout layout = territories::layoutOf(view);
        ms[0] += msSince(timer);
        timer.restart();
        const territories::Report report = territories::evaluate(view, layout, Metric::Ev, period);
        ms[1] += msSince(timer);
        timer.restart();
        const std::vector<int> regions = territories::accountRegions(view);
        ms[2] += msSince(timer);
        timer.restart();
        const auto accounts = territories::proposalAccounts(view, layout, report, false, regions);
        const auto entries = territories::proposalTerritories(view, layout, report);
        ms[3] += msSince(timer);
        timer.restart();
        territories::TerritoryProposal p;
        p.plan = rebalance::propose(accounts, entries, rebalance::Options{});
        ms[4] += msSince(timer);
        timer.restart();
        territories::describeMoves(view, layout, report, period, {}, p);
        ms[5] += msSince(timer);
        benchmark::DoNotOptimize(p.after.territories.data());
    }
    const char *names[6] = { "layout_ms", "evaluate_ms",  "regions_ms",
                             "inputs_ms", "rebalance_ms", "describe_ms" };
    for (int i = 0; i < 6; ++i)
        state.counters[names[i]] = ms[i] / double(state.iterations());
}
BENCHMARK(BM_ProposeSteps)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// --- 1,000 accounts moved ----------------------------------------------------------------------

// The territory holding the most accounts gives 1,000 of its accounts in the map region where
// it holds most to the territory holding the next most there (with the demo book, London gives
// accounts to UK & Ireland, which then holds most of the United Kingdom: one region changes
// colour). Accounts taken in row order.
struct ThousandMoved
{
    Id to = 0;
    std::vector<Id> accounts;
};

ThousandMoved thousandToMove(const BookView &view)
{
    const territories::Layout layout = territories::layoutOf(view);
    if (layout.entries.size() < 2 || layout.byRep)
        return {};
    geo::RegionMatcher matcher;
    const territories::RegionGrouping grouping = territories::groupByRegion(view.accounts, matcher);
    std::vector<int> counts(layout.entries.size(), 0);
    for (const int e : layout.accountEntry)
        if (e >= 0)
            ++counts[std::size_t(e)];
    const int from = int(std::max_element(counts.begin(), counts.end()) - counts.begin());
    // Its main region, and who else holds most there.
    QHash<int, int> inRegion;
    for (std::size_t r = 0; r < layout.accountEntry.size(); ++r)
        if (layout.accountEntry[r] == from && grouping.regionOfAccount[r] >= 0)
            ++inRegion[grouping.regionOfAccount[r]];
    int region = -1;
    for (auto i = inRegion.cbegin(); i != inRegion.cend(); ++i)
        if (region < 0 || i.value() > inRegion.value(region))
            region = i.key();
    std::vector<int> there(layout.entries.size(), 0);
    for (const int row : grouping.accountsOf(region))
        if (const int e = layout.accountEntry[std::size_t(row)]; e >= 0 && e != from)
            ++there[std::size_t(e)];
    const auto to = std::size_t(std::max_element(there.begin(), there.end()) - there.begin());
    ThousandMoved m;
    m.to = view.territories[std::size_t(layout.entries[to].territory)].id;
    for (const int row : grouping.accountsOf(region))
        if (layout.accountEntry[std::size_t(row)] == from && m.accounts.size() < 1000)
            m.accounts.push_back(view.accounts.id[std::size_t(row)]);
    for (std::size_t r = 0; r < layout.accountEntry.size() && m.accounts.size() < 1000; ++r)
        if (layout.accountEntry[r] == from && grouping.regionOfAccount[r] != region)
            m.accounts.push_back(view.accounts.id[r]);
    return m;
}

// What the Territories page keeps and works out again after an edit, without its widgets: the
// grouping of the accounts by map region (made once per loaded book), the territories' figures
// (TerritoryState: layoutOf, evaluate on EV), each region's figures (regionFigures) and colour
// (TerritoryMapPanel::recolour), and the map, which paints only the regions whose colour changed.
struct MapOfTheBook
{
    explicit MapOfTheBook(const BookView &view) : view(view), period(periodOf(view))
    {
        grouping = territories::groupByRegion(view.accounts, matcher);
        map.setView(geo::MapView::World);
        map.resize(1400, 900);
    }

    void evaluate()
    {
        layout = territories::layoutOf(view);
        report = territories::evaluate(view, layout, Metric::Ev, period);
    }

    // The regions' figures and colours; the number of regions whose colour changed.
    int recount(bool dark = false)
    {
        figures = territories::regionFigures(view, grouping, layout, report);
        const std::vector<QColor> entryColors = ui::territorycolors::ofLayout(layout, view, dark);
        const QColor none = ui::territorycolors::noTerritory(map.palette());
        QHash<int, QColor> colors;
        colors.reserve(qsizetype(figures.size()));
        for (const territories::RegionFigures &f : figures)
            colors.insert(f.region, f.majority >= 0 ? entryColors[std::size_t(f.majority)] : none);
        int changed = 0;
        for (auto i = colors.cbegin(); i != colors.cend(); ++i)
            changed += map.regionColors().value(i.key()) != i.value() ? 1 : 0;
        if (colors != map.regionColors())
            map.setRegionColors(colors);
        return changed;
    }

    const BookView &view;
    QString period;
    geo::RegionMatcher matcher;
    territories::RegionGrouping grouping;
    territories::Layout layout;
    territories::Report report;
    std::vector<territories::RegionFigures> figures;
    ui::RegionMap map;
    QImage image{ QSize(1400, 900), QImage::Format_ARGB32_Premultiplied };
};

// Core and the map: BookEditor writes the move (arg 0: setTerritory, a drag onto a territory;
// 1: moveAccounts, as a proposal is applied), BookView::apply, the territories' figures, the
// regions' figures and colours, the map painted. Each step's mean time is a counter; the undo,
// done the same way after each iteration, is `undo_ms`.
void BM_MoveThousand(benchmark::State &state)
{
    const bool asProposal = state.range(0) == 1;
    auto book = Book::open(bookPath());
    book->deferCheckpoints(); // as the app's session does
    auto view = loadBookView(bookPath());
    const ThousandMoved move = thousandToMove(*view);
    if (move.accounts.size() != 1000) {
        state.SkipWithError("no territory with 1,000 accounts");
        return;
    }
    std::vector<std::pair<Id, Id>> moves;
    for (const Id account : move.accounts)
        moves.emplace_back(account, move.to);
    MapOfTheBook m(*view);
    m.evaluate();
    m.recount();
    paint(m.map, m.image);
    const int fullBefore = m.map.renderer().fullPaints();
    double ms[5] = {};
    double undoMs = 0;
    int recoloured = 0;
    for (auto _ : state) {
        QElapsedTimer total, timer;
        total.start();
        timer.start();
        BookEditor editor(*book);
        BookChange change = asProposal ? editor.moveAccounts(moves, false, QStringLiteral("Move"))
                                       : editor.setTerritory(move.accounts, move.to);
        ms[0] += msSince(timer);
        timer.restart();
        view->apply(change);
        ms[1] += msSince(timer);
        timer.restart();
        m.evaluate();
        ms[2] += msSince(timer);
        timer.restart();
        recoloured = m.recount();
        ms[3] += msSince(timer);
        timer.restart();
        paint(m.map, m.image);
        ms[4] += msSince(timer);
        state.SetIterationTime(double(total.nsecsElapsed()) / 1e9);
        if (change.accounts.size() != 1000)
            state.SkipWithError("the move did not change 1,000 accounts");

        timer.restart();
        BookChange undo = change.inverse();
        editor.write(undo);
        view->apply(undo);
        m.evaluate();
        m.recount();
        paint(m.map, m.image);
        undoMs += msSince(timer);
        Book::checkpoint(bookPath()); // what the app does once the user pauses
    }
    const char *names[5] = { "write_ms", "apply_ms", "evaluate_ms", "regions_ms", "paint_ms" };
    for (int i = 0; i < 5; ++i)
        state.counters[names[i]] = ms[i] / double(state.iterations());
    state.counters["undo_ms"] = undoMs / double(state.iterations());
    state.counters["recoloured"] = recoloured;
    state.counters["full_paints"] = m.map.renderer().fullPaints() - fullBefore;
}
BENCHMARK(BM_MoveThousand)
        ->ArgName("proposal")
        ->Arg(0)
        ->Arg(1)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(5)
        ->UseManualTime();

// The same move in the app: the main window shown (offscreen) on the Territories page, its table
// of territories, the accounts of the one selected and the map beside them; BookSession::edit,
// then the events processed, among them the repaint of what changed (the page's figures worked
// out again, the map's regions recounted and the changed ones painted).
void BM_MoveThousandWindow(benchmark::State &state)
{
    ui::MainWindow window;
    window.setInteractive(false);
    window.resize(1600, 1000);
    if (!window.openBook(bookPath()) || !window.session()->waitUntilLoaded()) {
        state.SkipWithError("load failed");
        return;
    }
    ui::Page *page = window.page(QStringLiteral("territories"));
    for (int i = 0; i < window.pages().size(); ++i)
        if (window.pages().at(i) == page)
            window.showPage(i);
    window.show();
    QApplication::processEvents();
    auto *territoriesPage = qobject_cast<ui::TerritoriesPage *>(page);
    if (!territoriesPage || !territoriesPage->mapPanel()->isVisible()) {
        state.SkipWithError("the Territories page or its map is not shown");
        return;
    }
    const ui::RegionMapRenderer &renderer = territoriesPage->mapPanel()->map()->renderer();
    ui::BookSession &session = *window.session();
    const ThousandMoved move = thousandToMove(*session.view());
    double undoMs = 0;
    int mapPaints = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const int paintsBefore = renderer.fullPaints() + renderer.partialPaints();
        const bool done = session.edit(&BookEditor::setTerritory, move.accounts, move.to);
        QApplication::processEvents();
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        mapPaints += renderer.fullPaints() + renderer.partialPaints() - paintsBefore;
        if (!done)
            state.SkipWithError("the edit was refused");
        timer.restart();
        session.undoStack()->undo();
        QApplication::processEvents();
        undoMs += msSince(timer);
        Book::checkpoint(bookPath());
    }
    state.counters["undo_ms"] = undoMs / double(state.iterations());
    state.counters["map_paints"] = mapPaints;
}
BENCHMARK(BM_MoveThousandWindow)->Unit(benchmark::kMillisecond)->Iterations(5)->UseManualTime();

// --- The map -----------------------------------------------------------------------------------

// The map of the book painted from scratch, 1400 × 900, World view, every region in the colour
// of the territory holding most of its accounts (worked out once). Arg 0: a new map each time
// (made, sized, coloured and painted, as when the page is first shown); 1: the same map with
// every colour changed (the light and the dark palette's colours in turn), all painted again.
void BM_MapOfTheBook(benchmark::State &state)
{
    const BookView &view = sharedView();
    const bool fresh = state.range(0) == 0;
    MapOfTheBook m(view);
    m.evaluate();
    m.recount(true);
    const QHash<int, QColor> dark = m.map.regionColors();
    m.recount(false);
    const QHash<int, QColor> light = m.map.regionColors();
    paint(m.map, m.image);
    bool isDark = false;
    int full = 0;
    for (auto _ : state) {
        if (fresh) {
            ui::RegionMap map;
            map.setView(geo::MapView::World);
            map.resize(1400, 900);
            map.setRegionColors(light);
            paint(map, m.image);
            full += map.renderer().fullPaints();
        } else {
            isDark = !isDark;
            const int before = m.map.renderer().fullPaints();
            m.map.setRegionColors(isDark ? dark : light);
            paint(m.map, m.image);
            full += m.map.renderer().fullPaints() - before;
        }
    }
    state.counters["regions"] = double(light.size());
    if (full != int(state.iterations()))
        state.SkipWithError("not every paint was a full one");
}
BENCHMARK(BM_MapOfTheBook)
        ->ArgName("recolour")
        ->Arg(0)
        ->Arg(1)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(10)
        ->UseRealTime();

// --- Greenfield --------------------------------------------------------------------------------

// The book's 100,000 accounts all taken out of their territories and unlocked, assigned again
// into its 50 territories (their reps' capacities kept) within ±5%, on the metric given: each
// account's value, region (map region of its billing place) and open deals are the book's.
void BM_AssignGreenfield(benchmark::State &state)
{
    const BookView &view = sharedView();
    const QString period = periodOf(view);
    const auto metric = Metric(state.range(0));
    QElapsedTimer timer;
    timer.start();
    const territories::Layout layout = territories::layoutOf(view);
    const territories::Report report = territories::evaluate(view, layout, metric, period);
    std::vector<rebalance::Account> accounts = territories::proposalAccounts(
            view, layout, report, false, territories::accountRegions(view));
    std::vector<rebalance::Territory> entries =
            territories::proposalTerritories(view, layout, report);
    for (rebalance::Account &a : accounts) {
        a.territory = -1;
        a.locked = false;
    }
    for (rebalance::Territory &t : entries)
        t.frozen = false;
    state.counters["inputs_ms"] = msSince(timer);
    rebalance::Options options;
    options.tolerance = 0.05;
    rebalance::Proposal p;
    for (auto _ : state) {
        p = rebalance::assign(accounts, entries, options);
        benchmark::DoNotOptimize(p.moves.data());
    }
    state.counters["accounts"] = double(accounts.size());
    state.counters["assigned"] = double(p.moves.size());
    state.counters["unassigned"] = double(p.unassigned.size());
    state.counters["dev_after"] = p.maxDeviationAfter;
    state.counters["within"] = p.withinTolerance;
    state.counters["away_after"] = p.awayFromRegionAfter;
    if (!p.withinTolerance)
        state.SkipWithError("not within ±5%");
    else if (!p.unassigned.empty())
        state.SkipWithError("accounts left unassigned");
}
BENCHMARK(BM_AssignGreenfield)
        ->ArgName("metric")
        ->Arg(int(Metric::Ev))
        ->Arg(int(Metric::Potential))
        ->Arg(int(Metric::Accounts))
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3)
        ->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
