// The territory map (issue 19's budget: the map painted within 50 ms), offscreen: a 1400 × 900
// map of the world with every region coloured, painted from its kept pixmap and from scratch,
// a few regions recoloured (what a move of accounts does), the United States view, the region
// under the mouse, and placing 100,000 accounts by billing state and country.
#include "geo/mapgeometry.h"
#include "geo/regionmatcher.h"
#include "widgets/regionmap.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <random>

namespace {

using namespace tp;

// Fifty territories' colours spread over every region, as the Territories page gives them.
QHash<int, QColor> territoryColors(int shift)
{
    QHash<int, QColor> colors;
    const int count = geo::RegionCatalogue::instance().count();
    for (int region = 0; region < count; ++region)
        colors.insert(region, QColor::fromHsv(((region + shift) % 50) * 7, 120, 200));
    return colors;
}

void paint(ui::RegionMap &map, QImage &image)
{
    QPainter painter(&image);
    map.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    benchmark::DoNotOptimize(image.constBits());
}

struct Fixture
{
    explicit Fixture(geo::MapView view)
    {
        map.setView(view);
        map.resize(1400, 900);
        map.setRegionColors(territoryColors(0));
        map.setSelectedRegions({ *geo::RegionCatalogue::instance().indexOf(u"US-TX") });
    }
    ui::RegionMap map;
    QImage image{ QSize(1400, 900), QImage::Format_ARGB32_Premultiplied };
};

// The map shown again with nothing changed (an expose, a hover): the kept pixmap and the
// selection over it.
void BM_MapPaintFromCache(benchmark::State &state)
{
    Fixture f(geo::MapView::World);
    paint(f.map, f.image);
    const int full = f.map.renderer().fullPaints();
    for (auto _ : state)
        paint(f.map, f.image);
    if (f.map.renderer().fullPaints() != full)
        state.SkipWithError("the kept pixmap was painted again");
}
BENCHMARK(BM_MapPaintFromCache)->Unit(benchmark::kMillisecond)->UseRealTime();

// Every region's colour changed (a proposal applied, a new colour set): all painted again.
void BM_MapPaintFromScratch(benchmark::State &state)
{
    Fixture f(static_cast<geo::MapView>(state.range(0)));
    paint(f.map, f.image);
    int shift = 0;
    for (auto _ : state) {
        f.map.setRegionColors(territoryColors(++shift));
        paint(f.map, f.image);
    }
    state.counters["regions"] = double(f.map.renderer().geometry().shapes(f.map.view()).size());
}
BENCHMARK(BM_MapPaintFromScratch)
        ->Arg(int(geo::MapView::World))
        ->Arg(int(geo::MapView::UnitedStates))
        ->ArgName("us")
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();

// Accounts moved between territories: five states change colour, painted over the kept map.
void BM_MapRecolourFiveStates(benchmark::State &state)
{
    Fixture f(geo::MapView::World);
    paint(f.map, f.image);
    QHash<int, QColor> colors = territoryColors(0);
    const geo::RegionCatalogue &catalogue = geo::RegionCatalogue::instance();
    const int states[] = { *catalogue.indexOf(u"US-CA"), *catalogue.indexOf(u"US-NV"),
                           *catalogue.indexOf(u"US-OR"), *catalogue.indexOf(u"US-AZ"),
                           *catalogue.indexOf(u"US-UT") };
    int shift = 0;
    for (auto _ : state) {
        ++shift;
        for (const int region : states)
            colors.insert(region, QColor::fromHsv((shift * 37) % 360, 120, 200));
        f.map.setRegionColors(colors);
        paint(f.map, f.image);
    }
}
BENCHMARK(BM_MapRecolourFiveStates)->Unit(benchmark::kMillisecond)->UseRealTime();

// The region under the mouse, at points spread over the world.
void BM_MapRegionAt(benchmark::State &state)
{
    Fixture f(geo::MapView::World);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> x(0, 1400);
    std::uniform_real_distribution<double> y(0, 900);
    for (auto _ : state)
        benchmark::DoNotOptimize(f.map.regionAt(QPointF(x(rng), y(rng))));
}
BENCHMARK(BM_MapRegionAt)->Unit(benchmark::kMicrosecond)->UseRealTime();

// 100,000 accounts placed by billing state and country: a book's few hundred distinct pairs,
// each worked out once, then found in the matcher's cache (a fresh matcher each time).
void BM_PlaceAccounts(benchmark::State &state)
{
    const QString states[] = {
        QStringLiteral("CA"),     QStringLiteral("New York"),      QStringLiteral("Texas"),
        QStringLiteral("Bayern"), QStringLiteral("Île-de-France"), QStringLiteral("Ontario"),
        QStringLiteral(""),       QStringLiteral("NSW"),           QStringLiteral("Wien")
    };
    const QString countries[] = { QStringLiteral("USA"),    QStringLiteral("United States"),
                                  QStringLiteral(""),       QStringLiteral("Deutschland"),
                                  QStringLiteral("France"), QStringLiteral("Canada"),
                                  QStringLiteral("UK"),     QStringLiteral("Australia") };
    const auto copy = [](const QString &text) { return QString(text.constData(), text.size()); };
    std::vector<std::pair<QString, QString>> accounts;
    accounts.reserve(100'000);
    std::mt19937 rng(5);
    for (int i = 0; i < 100'000; ++i) {
        // Strings of their own per account, as a loaded book holds them (no shared data).
        accounts.emplace_back(copy(states[rng() % std::size(states)]),
                              copy(countries[rng() % std::size(countries)]));
    }
    int placed = 0;
    for (auto _ : state) {
        geo::RegionMatcher matcher;
        placed = 0;
        for (const auto &[s, c] : accounts)
            placed += matcher.match(s, c).has_value() ? 1 : 0;
    }
    state.counters["placed"] = placed;
}
BENCHMARK(BM_PlaceAccounts)->Unit(benchmark::kMillisecond)->UseRealTime();

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
