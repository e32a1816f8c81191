// Bulk edits on the large book (issue 17): 10,000 deals marked lost, 10,000 accounts moved to
// another territory, each one edit (one transaction, one undo step, one notification), applied
// and repainted; then undone the same way. Three depths:
//   BM_*Core     BookEditor's write and BookView::apply, no Qt Widgets;
//   BM_*Tables   the session, the opportunities and accounts tables, painted;
//   BM_*Window   the whole main window on a page, its states evaluating again, painted.
// `TP_BENCH_BOOK=large.tpbook build/default/bench/tp_bench_edits` (the book is edited and put
// back: every edit is undone). Between iterations the log is copied into the book, as the app
// does on a worker once the user pauses (Book::checkpoint).
#include "edits/bookeditor.h"
#include "mainwindow/mainwindow.h"
#include "models/accounttablemodel.h"
#include "models/opportunitytablemodel.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QImage>
#include <QTableView>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

namespace {

constexpr std::size_t batch = 10'000;

QString bookPath()
{
    const char *path = std::getenv("TP_BENCH_BOOK");
    return path ? QString::fromLocal8Bit(path) : QString();
}

// The first `batch` open deals of the view.
std::vector<tp::Id> openDeals(const tp::BookView &view)
{
    std::vector<tp::Id> ids;
    const auto &o = view.opportunities;
    for (int row = 0; row < o.size() && ids.size() < batch; ++row)
        if (o.status[std::size_t(row)] == std::uint8_t(tp::Status::Open))
            ids.push_back(o.id[std::size_t(row)]);
    return ids;
}

// A territory and `batch` accounts outside it.
std::pair<tp::Id, std::vector<tp::Id>> accountsToMove(const tp::BookView &view)
{
    std::vector<tp::Id> ids;
    if (view.territories.empty())
        return {};
    const auto &a = view.accounts;
    for (int row = 0; row < a.size() && ids.size() < batch; ++row)
        if (a.territory[std::size_t(row)] != 0)
            ids.push_back(a.id[std::size_t(row)]);
    return { view.territories.front().id, ids };
}

void paint(QWidget *widget)
{
    QImage image(widget->size(), QImage::Format_ARGB32_Premultiplied);
    widget->render(&image);
    benchmark::DoNotOptimize(image.constBits());
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// --- Core: write and apply -----------------------------------------------------------------

void runCore(benchmark::State &state, bool markLost)
{
    auto book = tp::Book::open(bookPath());
    book->deferCheckpoints(); // as the app's session does
    auto view = tp::loadBookView(bookPath());
    const std::vector<tp::Id> deals = openDeals(*view);
    const auto [territory, accounts] = accountsToMove(*view);
    double undoMs = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        tp::BookEditor editor(*book);
        tp::BookChange change = markLost
                ? editor.markLost(deals, QStringLiteral("Benchmark"), QDate(2026, 11, 20))
                : editor.setTerritory(accounts, territory);
        view->apply(change);
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        timer.restart();
        tp::BookChange undo = change.inverse();
        editor.write(undo);
        view->apply(undo);
        undoMs += msSince(timer);
        tp::Book::checkpoint(bookPath()); // what the app does once the user pauses
        state.counters["rows"] =
                double(markLost ? change.opportunities.size() : change.accounts.size());
    }
    state.counters["undo_ms"] = undoMs / double(state.iterations());
}

void BM_MarkLostCore(benchmark::State &state)
{
    runCore(state, true);
}
BENCHMARK(BM_MarkLostCore)->Unit(benchmark::kMillisecond)->Iterations(3)->UseManualTime();

void BM_MoveAccountsCore(benchmark::State &state)
{
    runCore(state, false);
}
BENCHMARK(BM_MoveAccountsCore)->Unit(benchmark::kMillisecond)->Iterations(3)->UseManualTime();

// --- The session and its two tables ----------------------------------------------------------

QTableView *makeView(QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(24);
    view->resize(1400, 900);
    view->setModel(model);
    return view;
}

void runTables(benchmark::State &state, bool markLost)
{
    tp::ui::BookSession session;
    if (!session.openBook(bookPath()) || !session.waitUntilLoaded()) {
        state.SkipWithError("load failed");
        return;
    }
    tp::ui::OpportunityTableModel deals(&session);
    tp::ui::AccountTableModel accounts(&session);
    std::unique_ptr<QTableView> dealsView(makeView(&deals)), accountsView(makeView(&accounts));
    const std::vector<tp::Id> open = openDeals(*session.view());
    const auto [territory, moving] = accountsToMove(*session.view());
    double undoMs = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const bool done = markLost ? session.edit(&tp::BookEditor::markLost, open,
                                                  QStringLiteral("Benchmark"), QDate(2026, 11, 20))
                                   : session.edit(&tp::BookEditor::setTerritory, moving, territory);
        QApplication::processEvents();
        paint(dealsView.get());
        paint(accountsView.get());
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        if (!done)
            state.SkipWithError("the edit was refused");
        timer.restart();
        session.undoStack()->undo();
        QApplication::processEvents();
        paint(dealsView.get());
        paint(accountsView.get());
        undoMs += msSince(timer);
        tp::Book::checkpoint(bookPath()); // what the app does once the user pauses
    }
    state.counters["undo_ms"] = undoMs / double(state.iterations());
}

void BM_MarkLostTables(benchmark::State &state)
{
    runTables(state, true);
}
BENCHMARK(BM_MarkLostTables)->Unit(benchmark::kMillisecond)->Iterations(3)->UseManualTime();

void BM_MoveAccountsTables(benchmark::State &state)
{
    runTables(state, false);
}
BENCHMARK(BM_MoveAccountsTables)->Unit(benchmark::kMillisecond)->Iterations(3)->UseManualTime();

// --- The whole window --------------------------------------------------------------------------

void runWindow(benchmark::State &state, bool markLost, const char *page)
{
    tp::ui::MainWindow window;
    window.setInteractive(false);
    window.resize(1600, 1000);
    if (!window.openBook(bookPath()) || !window.session()->waitUntilLoaded()) {
        state.SkipWithError("load failed");
        return;
    }
    for (int i = 0; i < window.pages().size(); ++i)
        if (window.pages().at(i) == window.page(QString::fromLatin1(page)))
            window.showPage(i);
    QApplication::processEvents();
    paint(&window);
    tp::ui::BookSession &session = *window.session();
    const std::vector<tp::Id> open = openDeals(*session.view());
    const auto [territory, moving] = accountsToMove(*session.view());
    double undoMs = 0;
    for (auto _ : state) {
        QElapsedTimer timer;
        timer.start();
        const bool done = markLost ? session.edit(&tp::BookEditor::markLost, open,
                                                  QStringLiteral("Benchmark"), QDate(2026, 11, 20))
                                   : session.edit(&tp::BookEditor::setTerritory, moving, territory);
        QApplication::processEvents();
        paint(&window);
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        if (!done)
            state.SkipWithError("the edit was refused");
        timer.restart();
        session.undoStack()->undo();
        QApplication::processEvents();
        paint(&window);
        undoMs += msSince(timer);
        tp::Book::checkpoint(bookPath()); // what the app does once the user pauses
    }
    state.counters["undo_ms"] = undoMs / double(state.iterations());
}

void BM_MarkLostWindowOpportunities(benchmark::State &state)
{
    runWindow(state, true, "opportunities");
}
BENCHMARK(BM_MarkLostWindowOpportunities)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3)
        ->UseManualTime();

void BM_MarkLostWindowHealth(benchmark::State &state)
{
    runWindow(state, true, "health");
}
BENCHMARK(BM_MarkLostWindowHealth)->Unit(benchmark::kMillisecond)->Iterations(3)->UseManualTime();

void BM_MoveAccountsWindowAccounts(benchmark::State &state)
{
    runWindow(state, false, "accounts");
}
BENCHMARK(BM_MoveAccountsWindowAccounts)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3)
        ->UseManualTime();

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
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
