// What a user feels on the large book: open to the first painted table, sort through the header,
// filter through the search box, scroll. Offscreen Qt, the real session, model and view.
#include "models/opportunitytablemodel.h"
#include "session/booksession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QImage>
#include <QScrollBar>
#include <QTableView>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

namespace {

QString bookPath()
{
    const char *path = std::getenv("TP_BENCH_BOOK");
    return path ? QString::fromLocal8Bit(path) : QString();
}

QTableView *makeView(QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(24);
    view->resize(1400, 900);
    view->setModel(model);
    return view;
}

void paint(QWidget *widget)
{
    QImage image(widget->size(), QImage::Format_ARGB32_Premultiplied);
    widget->render(&image);
    benchmark::DoNotOptimize(image.constBits());
}

// Open the book (checks, worker-thread load) and paint the opportunities table once.
void BM_OpenToFirstPaint(benchmark::State &state)
{
    for (auto _ : state) {
        tp::ui::BookSession session;
        QString error;
        if (!session.openBook(bookPath(), &error) || !session.waitUntilLoaded()) {
            state.SkipWithError(
                    qPrintable(error.isEmpty() ? QStringLiteral("load failed") : error));
            return;
        }
        tp::ui::OpportunityTableModel model(&session);
        std::unique_ptr<QTableView> view(makeView(&model));
        paint(view.get());
        state.counters["rows"] = model.rowCount();
    }
}
BENCHMARK(BM_OpenToFirstPaint)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

struct Loaded
{
    Loaded()
    {
        session.openBook(bookPath());
        session.waitUntilLoaded();
        model = std::make_unique<tp::ui::OpportunityTableModel>(&session);
        view.reset(makeView(model.get()));
    }
    tp::ui::BookSession session;
    std::unique_ptr<tp::ui::OpportunityTableModel> model;
    std::unique_ptr<QTableView> view;
};

Loaded &loaded()
{
    static Loaded instance;
    return instance;
}

// A click on a header: the model sorts (a cold column each time) and the view repaints.
void BM_SortByHeaderAndPaint(benchmark::State &state)
{
    auto &l = loaded();
    const int column = int(state.range(0));
    for (auto _ : state) {
        l.model->sort(column, Qt::AscendingOrder);
        paint(l.view.get());
        state.PauseTiming();
        l.model->sort((column + 1) % l.model->columnCount(), Qt::AscendingOrder);
        state.ResumeTiming();
    }
}
BENCHMARK(BM_SortByHeaderAndPaint)
        ->DenseRange(0, 11, 1)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(2)
        ->UseRealTime();

// Typing in the search box: filter the sorted rows and repaint; then clear it again.
void BM_TextFilterAndPaint(benchmark::State &state)
{
    auto &l = loaded();
    l.model->sort(5, Qt::DescendingOrder);
    for (auto _ : state) {
        l.model->setTextFilter(QStringLiteral("orbit"));
        paint(l.view.get());
        l.model->setTextFilter(QString());
        paint(l.view.get());
    }
}
BENCHMARK(BM_TextFilterAndPaint)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

// One page of scrolling, anywhere in the million rows.
void BM_ScrollPageAndPaint(benchmark::State &state)
{
    auto &l = loaded();
    QScrollBar *bar = l.view->verticalScrollBar();
    int position = 0;
    for (auto _ : state) {
        position = (position + 997 * 37) % std::max(1, bar->maximum());
        bar->setValue(position);
        paint(l.view.get());
    }
}
BENCHMARK(BM_ScrollPageAndPaint)->Unit(benchmark::kMillisecond)->Iterations(50)->UseRealTime();

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
