// ROI planning at 100,000 scored accounts (issue 4's budgets): evaluating the scope, drawing the
// quadrant (Qt Charts axes, our painted points) and a weight change re-scored and redrawn.
// An in-memory book: 100,000 accounts with every factor scored, potentials set on half of them.
#include "analytics/roi.h"
#include "charts/quadrantchart.h"
#include "charts/quadrantdata.h"
#include "views/bookview.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <numeric>
#include <random>

namespace {

constexpr int accountCount = 100'000;

tp::BookView makeBook()
{
    tp::BookView view;
    std::mt19937 rng(7);
    auto &a = view.accounts;
    a.name.reserve(accountCount, accountCount * 16);
    for (int i = 0; i < accountCount; ++i) {
        a.id.push_back(i + 1);
        a.name.append(QStringLiteral("Account %1").arg(i).toStdString());
        a.crmId.append({});
        a.industry.push_back(-1);
        a.sizeBand.push_back(-1);
        a.region.push_back(-1);
        a.state.push_back(-1);
        a.country.push_back(-1);
        a.territory.push_back(-1);
        a.owner.push_back(-1);
        a.crmOwner.push_back(-1);
        a.lock.push_back(-1);
        // Log-normal potentials: most small, a few very large (like a real book).
        std::lognormal_distribution<double> potential(12.5, 1.2);
        a.potential.push_back(i % 2 ? tp::Minor(potential(rng) * 100) : -1);
        a.openAmount.push_back(tp::Minor(potential(rng) * 50));
        a.openCount.push_back(int(rng() % 3));
    }
    view.scoring.factors = { { 1, QStringLiteral("ICP fit"), {} },
                             { 2, QStringLiteral("Access"), {} },
                             { 3, QStringLiteral("Critical issue"), {} },
                             { 4, QStringLiteral("Relationship"), {} },
                             { 5, QStringLiteral("Competitive position"), {} },
                             { 6, QStringLiteral("Timing"), {} } };
    view.scoring.profiles = {
        { 1, QStringLiteral("Book default"), tp::SegmentKind::Book, {}, { 3, 3, 2, 1, 1, 2 } }
    };
    view.scores.factorCount = 6;
    view.scores.values.resize(std::size_t(accountCount) * 6);
    for (auto &score : view.scores.values)
        score = std::int8_t(rng() % 6);
    return view;
}

const tp::BookView &book()
{
    static const tp::BookView view = makeBook();
    return view;
}

std::vector<int> allRows()
{
    std::vector<int> rows(accountCount);
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

void render(tp::ui::QuadrantChart &chart)
{
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    chart.render(&painter);
    benchmark::DoNotOptimize(image.constBits());
}

// evaluate(): likelihoods, EV, the median, quadrants and the ranking.
void BM_RoiEvaluate(benchmark::State &state)
{
    const std::vector<int> rows = allRows();
    for (auto _ : state) {
        const tp::roi::RoiResult r = tp::roi::evaluate(book(), rows, book().scoring, book().scores,
                                                       tp::RoiSettings{}, 20);
        benchmark::DoNotOptimize(r.workList.data());
    }
}
BENCHMARK(BM_RoiEvaluate)->Unit(benchmark::kMillisecond)->UseRealTime();

// From evaluated figures to a painted 1000 × 700 chart: the chart data, the cached points drawn
// from sprites, axes and overlays.
void BM_QuadrantDraw(benchmark::State &state)
{
    const tp::roi::RoiResult r = tp::roi::evaluate(book(), allRows(), book().scoring, book().scores,
                                                   tp::RoiSettings{}, 20);
    tp::ui::QuadrantChart chart;
    chart.resize(1000, 700);
    chart.setLogScale(state.range(0) != 0);
    for (auto _ : state) {
        chart.setData(tp::ui::quadrantData(r, tp::RoiSettings{}), false);
        render(chart);
    }
    state.counters["points"] = double(chart.data().points.size());
}
BENCHMARK(BM_QuadrantDraw)
        ->Arg(0)
        ->Arg(1)
        ->ArgName("log")
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();

// A weight edited: every account re-scored, the chart's data rebuilt and the chart repainted.
void BM_WeightChangeRescoreAndRedraw(benchmark::State &state)
{
    tp::BookView view = makeBook();
    const std::vector<int> rows = allRows();
    tp::ui::QuadrantChart chart;
    chart.resize(1000, 700);
    double weight = 3;
    for (auto _ : state) {
        weight = weight == 3 ? 4 : 3;
        view.scoring.profiles[0].weights[0] = weight;
        const tp::roi::RoiResult r =
                tp::roi::evaluate(view, rows, view.scoring, view.scores, tp::RoiSettings{}, 20);
        chart.setData(tp::ui::quadrantData(r, tp::RoiSettings{}), false);
        render(chart);
    }
}
BENCHMARK(BM_WeightChangeRescoreAndRedraw)->Unit(benchmark::kMillisecond)->UseRealTime();

// The mouse over the chart: the point under it, from the hit grid.
void BM_QuadrantHover(benchmark::State &state)
{
    const tp::roi::RoiResult r = tp::roi::evaluate(book(), allRows(), book().scoring, book().scores,
                                                   tp::RoiSettings{}, 20);
    tp::ui::QuadrantChart chart;
    chart.resize(1000, 700);
    chart.setData(tp::ui::quadrantData(r, tp::RoiSettings{}), true);
    render(chart);
    int x = 100;
    qint64 hits = 0;
    for (auto _ : state) {
        x = x >= 900 ? 100 : x + 7;
        const int account = chart.accountAt(chart.positionOf(x / 1000.0, 200000.0));
        hits += account >= 0;
        benchmark::DoNotOptimize(account);
    }
    state.counters["hit_share"] = double(hits) / double(state.iterations());
}
BENCHMARK(BM_QuadrantHover)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
