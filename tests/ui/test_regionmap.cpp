// The territory map widget, offscreen: a click at a region's inside point selects it, a lasso
// selects what it encloses, a drag of selected regions carries their ids, the colours it is
// given reach the paint (and a change of one repaints that one), hover and keyboard, export.
#include "uitestbook.h"

#include "style/colorscheme.h"
#include "widgets/regionmap.h"
#include "widgets/regionmapexport.h"

#include <QDrag>
#include <QFile>
#include <QHelpEvent>
#include <QImage>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

int region(const char16_t *id)
{
    return *geo::RegionCatalogue::instance().indexOf(id);
}

// The largest difference of a colour channel between two images of one size.
int largestDifference(const QImage &a, const QImage &b)
{
    int largest = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            largest = std::max({ largest, std::abs(qRed(p) - qRed(q)),
                                 std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q)) });
        }
    }
    return largest;
}

class GuiRegionMap : public ::testing::Test
{
protected:
    void SetUp() override
    {
        map.resize(1400, 900);
        map.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&map));
    }

    // Where a region's inside point is on the widget.
    QPoint centreOf(int region) const
    {
        const geo::RegionShape *shape = geo::MapGeometry::instance().shape(map.view(), region);
        return shape ? map.mapToWidget().map(shape->anchor).toPoint() : QPoint();
    }

    void send(QEvent::Type type, QPoint pos, Qt::MouseButtons buttons,
              Qt::KeyboardModifiers modifiers)
    {
        QMouseEvent event(type, pos, map.mapToGlobal(pos),
                          type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                          modifiers);
        QApplication::sendEvent(&map, &event);
    }

    // A drag along `points` with the left button, `modifiers` held.
    void dragAlong(const QList<QPoint> &points, Qt::KeyboardModifiers modifiers)
    {
        send(QEvent::MouseButtonPress, points.first(), Qt::LeftButton, modifiers);
        for (const QPoint &point : points.mid(1))
            send(QEvent::MouseMove, point, Qt::LeftButton, modifiers);
        send(QEvent::MouseButtonRelease, points.last(), Qt::NoButton, modifiers);
    }

    RegionMap map;
};

TEST_F(GuiRegionMap, AClickAtAStatesCentreSelectsIt)
{
    map.setView(geo::MapView::UnitedStates);
    QSignalSpy selected(&map, &RegionMap::regionsSelected);
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, centreOf(region(u"US-KS")));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(0).value<QList<int>>(), QList<int>{ region(u"US-KS") });
    EXPECT_FALSE(selected.at(0).at(1).toBool());
    EXPECT_EQ(map.selectedRegions(), QList<int>{ region(u"US-KS") });

    // Ctrl adds to the selection; Ctrl on a selected one takes it out again.
    QTest::mouseClick(&map, Qt::LeftButton, Qt::ControlModifier, centreOf(region(u"US-CO")));
    EXPECT_EQ(selected.at(1).at(0).value<QList<int>>(), QList<int>{ region(u"US-CO") });
    EXPECT_TRUE(selected.at(1).at(1).toBool());
    EXPECT_EQ(map.selectedRegions(), (QList<int>{ region(u"US-KS"), region(u"US-CO") }));
    QTest::mouseClick(&map, Qt::LeftButton, Qt::ControlModifier, centreOf(region(u"US-KS")));
    EXPECT_EQ(map.selectedRegions(), QList<int>{ region(u"US-CO") });
    EXPECT_EQ(selected.at(2).at(0).value<QList<int>>(), QList<int>{ region(u"US-CO") });
    EXPECT_FALSE(selected.at(2).at(1).toBool());

    // Every state is found at its own inside point, Rhode Island and the District too.
    for (const geo::RegionShape &shape : geo::MapGeometry::instance().shapes(map.view()))
        EXPECT_EQ(map.regionAt(centreOf(shape.region)), shape.region)
                << geo::RegionCatalogue::instance().region(shape.region).id.toStdString();

    // A click on the sea selects nothing.
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, QPoint(5, map.height() - 5));
    EXPECT_TRUE(selected.last().at(0).value<QList<int>>().isEmpty());
    EXPECT_TRUE(map.selectedRegions().isEmpty());
}

TEST_F(GuiRegionMap, InTheWorldACountryAndAStateAreFoundWhereTheyAre)
{
    EXPECT_EQ(map.regionAt(centreOf(region(u"DE"))), region(u"DE"));
    EXPECT_EQ(map.regionAt(centreOf(region(u"US-TX"))), region(u"US-TX"));
    EXPECT_EQ(map.regionAt(centreOf(region(u"BR"))), region(u"BR"));
    QTest::mouseClick(&map, Qt::LeftButton, Qt::NoModifier, centreOf(region(u"FR")));
    EXPECT_EQ(map.selectedRegions(), QList<int>{ region(u"FR") });
}

TEST_F(GuiRegionMap, ALassoSelectsTheRegionsItEncloses)
{
    map.setView(geo::MapView::UnitedStates);
    QSignalSpy selected(&map, &RegionMap::regionsSelected);
    // A box around the inside points of Kansas and Colorado, drawn with Shift held.
    const QRect box = QRect(centreOf(region(u"US-CO")), centreOf(region(u"US-KS")))
                              .normalized()
                              .adjusted(-6, -6, 6, 6);
    const QList<QPoint> lasso{ box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft(),
                               box.topLeft() };
    dragAlong(lasso, Qt::ShiftModifier);
    ASSERT_EQ(selected.count(), 1);
    QList<int> regions = selected.at(0).at(0).value<QList<int>>();
    std::sort(regions.begin(), regions.end());
    QList<int> expected{ region(u"US-CO"), region(u"US-KS") };
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(regions, expected);
    EXPECT_TRUE(selected.at(0).at(1).toBool()); // Shift extends

    // In lasso mode a plain drag lassos and replaces the selection; the map did not pan.
    map.setLassoMode(true);
    const QTransform before = map.mapToWidget();
    const QPoint tx = centreOf(region(u"US-TX"));
    dragAlong({ tx + QPoint(-8, -8), tx + QPoint(8, -8), tx + QPoint(8, 8), tx + QPoint(-8, 8) },
              Qt::NoModifier);
    EXPECT_EQ(map.selectedRegions(), QList<int>{ region(u"US-TX") });
    EXPECT_FALSE(selected.last().at(1).toBool());
    EXPECT_EQ(map.mapToWidget(), before);
}

TEST_F(GuiRegionMap, DraggingASelectedRegionCarriesTheSelectionsIds)
{
    map.setView(geo::MapView::UnitedStates);
    map.setSelectedRegions({ region(u"US-NV"), region(u"US-UT") });
    QByteArray carried;
    QString text;
    QList<int> back;
    const auto lookAtTheDrag = [&] {
        if (const QDrag *drag = map.findChild<QDrag *>(); drag && carried.isEmpty()) {
            carried = drag->mimeData()->data(RegionMap::mimeType());
            text = drag->mimeData()->text();
            back = RegionMap::regionsFromMimeData(drag->mimeData());
        }
    };
    // Where a drag runs its own event loop, look at it from inside and cancel it; offscreen it
    // ends at once and is still there afterwards.
    QTimer::singleShot(0, &map, [&] {
        lookAtTheDrag();
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(&map, &escape);
    });
    const QPoint nevada = centreOf(region(u"US-NV"));
    dragAlong({ nevada, nevada + QPoint(30, 0), nevada + QPoint(60, 0) }, Qt::NoModifier);
    lookAtTheDrag();
    EXPECT_EQ(carried, QByteArrayLiteral("US-NV\nUS-UT"));
    EXPECT_EQ(text, QStringLiteral("Nevada\nUtah"));
    EXPECT_EQ(back, (QList<int>{ region(u"US-NV"), region(u"US-UT") }));
    // The drag neither panned the map nor changed the selection.
    EXPECT_EQ(map.selectedRegions(), (QList<int>{ region(u"US-NV"), region(u"US-UT") }));

    // The same from the mime data a page would build for a drop.
    std::unique_ptr<QMimeData> data(RegionMap::mimeDataFor({ region(u"DE") }));
    EXPECT_EQ(RegionMap::regionsFromMimeData(data.get()), QList<int>{ region(u"DE") });
    QMimeData other;
    other.setText(QStringLiteral("US-CA"));
    EXPECT_TRUE(RegionMap::regionsFromMimeData(&other).isEmpty());
}

TEST_F(GuiRegionMap, ADragOfAnUnselectedRegionPansTheMap)
{
    const QTransform before = map.mapToWidget();
    const QPoint start = centreOf(region(u"BR"));
    dragAlong({ start, start + QPoint(40, 10), start + QPoint(80, 20) }, Qt::NoModifier);
    EXPECT_NE(map.mapToWidget(), before);
    EXPECT_TRUE(map.selectedRegions().isEmpty());
}

TEST_F(GuiRegionMap, TheColoursItIsGivenReachThePaint)
{
    map.setView(geo::MapView::UnitedStates);
    const QColor red(200, 30, 30);
    const QColor green(30, 160, 60);
    map.setRegionColors({ { region(u"US-KS"), red }, { region(u"US-TX"), green } });
    QImage image = map.grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const auto at = [&](const QImage &shot, int r) { return shot.pixelColor(centreOf(r) * ratio); };
    EXPECT_EQ(at(image, region(u"US-KS")), red);
    EXPECT_EQ(at(image, region(u"US-TX")), green);
    const QColor land = at(image, region(u"US-NE"));
    EXPECT_EQ(land, map.renderer().colors().land);
    const int full = map.renderer().fullPaints();

    // One region's new colour is painted over the kept map, not the whole map again.
    map.setRegionColors({ { region(u"US-KS"), green }, { region(u"US-TX"), green } });
    image = map.grab().toImage();
    EXPECT_EQ(at(image, region(u"US-KS")), green);
    EXPECT_EQ(at(image, region(u"US-NE")), land);
    EXPECT_EQ(map.renderer().fullPaints(), full);
    EXPECT_EQ(map.renderer().partialPaints(), 1);
    // ... and gives the picture a paint from scratch gives (antialiased edges within a step or
    // two of 255).
    const QImage partial = image;
    const_cast<RegionMapRenderer &>(map.renderer()).dropCache();
    EXPECT_LE(largestDifference(map.grab().toImage(), partial), 3);
    EXPECT_GT(largestDifference(image, QImage(image.size(), image.format())), 3);

    // The dark palette paints land and sea darker; the region colours stay.
    ColorSchemeFollower::apply(ColorScheme::Dark);
    QApplication::processEvents();
    image = map.grab().toImage();
    EXPECT_LT(at(image, region(u"US-NE")).lightness(), land.lightness());
    EXPECT_EQ(at(image, region(u"US-TX")), green);
    ColorSchemeFollower::apply(ColorScheme::Light);
    QApplication::processEvents();
}

TEST_F(GuiRegionMap, HoverNamesTheRegionOrSaysWhatTheProviderSays)
{
    map.setView(geo::MapView::UnitedStates);
    const QPoint utah = centreOf(region(u"US-UT"));
    QTest::mouseMove(&map, utah);
    EXPECT_EQ(map.hoveredRegion(), region(u"US-UT"));
    QHelpEvent help(QEvent::ToolTip, utah, map.mapToGlobal(utah));
    QApplication::sendEvent(&map, &help);
    EXPECT_EQ(QToolTip::text(), QStringLiteral("Utah"));
    map.setToolTipProvider([](int r) {
        return geo::RegionCatalogue::instance().region(r).name + QStringLiteral(": 12 accounts");
    });
    QApplication::sendEvent(&map, &help);
    EXPECT_EQ(QToolTip::text(), QStringLiteral("Utah: 12 accounts"));
    QToolTip::hideText();
}

TEST_F(GuiRegionMap, AnAreaShownFillsTheMapUntilTheUserZooms)
{
    // Texas as large as it fits, centred, at this size and after a resize.
    map.setView(geo::MapView::UnitedStates);
    const QRectF texas = geo::MapGeometry::instance().shape(map.view(), region(u"US-TX"))->bounds;
    const auto fills = [&] {
        const QRectF shown = map.mapToWidget().mapRect(texas);
        const QRectF inside = QRectF(map.rect()).adjusted(5, 5, -5, -5);
        EXPECT_TRUE(inside.contains(shown)) << shown.width() << " " << shown.height();
        // One side reaches across (all but the margins).
        EXPECT_TRUE(shown.width() > map.width() - 20 || shown.height() > map.height() - 20)
                << shown.width() << " " << shown.height();
        EXPECT_LT((shown.center() - QRectF(map.rect()).center()).manhattanLength(), 2.0);
    };
    map.showArea(texas);
    EXPECT_GT(map.zoom(), 2.0);
    fills();
    map.resize(600, 700);
    QApplication::processEvents();
    fills();
    EXPECT_EQ(map.regionAt(QRectF(map.rect()).center()), region(u"US-TX"));
    // A zoom by the user lets go of it; 0 and an empty area show it all.
    QTest::keyClick(&map, Qt::Key_Minus);
    const qreal zoomed = map.zoom();
    map.resize(1400, 900);
    QApplication::processEvents();
    EXPECT_EQ(map.zoom(), zoomed);
    map.showArea(texas);
    map.showArea(QRectF());
    EXPECT_EQ(map.zoom(), 1.0);
}

TEST_F(GuiRegionMap, TheKeyboardZoomsAndPans)
{
    map.setFocus();
    QTest::keyClick(&map, Qt::Key_Plus);
    QTest::keyClick(&map, Qt::Key_Plus);
    EXPECT_GT(map.zoom(), 1.5);
    const QTransform zoomed = map.mapToWidget();
    QTest::keyClick(&map, Qt::Key_Right);
    EXPECT_LT(map.mapToWidget().dx(), zoomed.dx()); // the map moved left: we look further east
    const qreal in = map.zoom();
    QTest::keyClick(&map, Qt::Key_Minus);
    EXPECT_LT(map.zoom(), in);
    QTest::keyClick(&map, Qt::Key_0);
    EXPECT_EQ(map.zoom(), 1.0);
    // The wheel zooms about the cursor: the region under it stays under it.
    const QPoint germany = centreOf(region(u"DE"));
    QWheelEvent wheel(germany, map.mapToGlobal(germany), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&map, &wheel);
    EXPECT_GT(map.zoom(), 1.2);
    EXPECT_EQ(map.regionAt(germany), region(u"DE"));
}

TEST_F(GuiRegionMap, ExportsWritePngAndPdf)
{
    map.setRegionColors({ { region(u"DE"), QColor(200, 30, 30) } });
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("map.png"));
    ASSERT_TRUE(exportRegionMapPng(map, png, QSize(700, 450), 1.0));
    const QImage image(png);
    ASSERT_EQ(image.size(), QSize(700, 450));
    // Germany is red where the map on screen has it, scaled by half.
    EXPECT_EQ(image.pixelColor(centreOf(region(u"DE")) / 2), QColor(200, 30, 30));
    const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
    ASSERT_TRUE(exportRegionMapPdf(map, pdf, QStringLiteral("Territories")));
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5) == "%PDF-");
    QString error;
    EXPECT_FALSE(exportRegionMapPng(map, dir.filePath(QStringLiteral("no/such/map.png")), {}, 1.0,
                                    &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(GuiRegionMap, InTheWorldAStateWithoutAColourShowsTheUnitedStates)
{
    // Territories' colours on a few regions each, a selection, in both views and both schemes.
    const QColor colours[] = { QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b),
                               QColor(0x59, 0xa1, 0x4f), QColor(0xb0, 0x7a, 0xa1),
                               QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2) };
    QHash<int, QColor> fills;
    int i = 0;
    for (const char16_t *id :
         { u"US-CA", u"US-OR", u"US-WA", u"US-NV", u"US-TX", u"US-OK", u"US-NY", u"US-NJ", u"US-PA",
           u"US-MA", u"US-IL", u"US-OH", u"US-FL", u"US-GA", u"DE",    u"AT",    u"CH",    u"FR",
           u"GB",    u"CA",    u"MX",    u"BR",    u"JP",    u"AU",    u"IN",    u"CN" })
        fills.insert(region(id), colours[(i++ / 2) % 6]);
    // Accounts in the United States without a known state: the country's own colour.
    const QColor unitedStates(0x9c, 0x75, 0x5f);
    fills.insert(geo::RegionCatalogue::instance().unitedStates(), unitedStates);
    map.setRegionColors(fills);
    map.setSelectedRegions({ region(u"US-TX"), region(u"DE") });
    QImage image = map.grab().toImage();
    EXPECT_EQ(image.pixelColor(centreOf(region(u"US-KS")) * image.devicePixelRatio()),
              unitedStates);
    EXPECT_EQ(image.pixelColor(centreOf(region(u"US-CA")) * image.devicePixelRatio()), colours[0]);
    test::shootSizesAndSchemes(map, QStringLiteral("regionmap-world"));

    // The United States view has no country beneath: Kansas is plain land there.
    map.setView(geo::MapView::UnitedStates);
    map.setSelectedRegions({ region(u"US-TX") });
    image = map.grab().toImage();
    EXPECT_EQ(image.pixelColor(centreOf(region(u"US-KS")) * image.devicePixelRatio()),
              map.renderer().colors().land);
    test::shootSizesAndSchemes(map, QStringLiteral("regionmap-us"));
}

} // namespace
