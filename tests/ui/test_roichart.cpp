// The ROI quadrant chart on the page, offscreen: the callout on a hovered point, the labels of
// the potential axis after a zoom, the strip of accounts without potential, and what an export
// says about itself.
#include "roitesting.h"

#include "edits/bookeditor.h"

#include "charts/quadrantchart.h"
#include "charts/quadrantdata.h"
#include "charts/quadrantlayer.h"
#include "models/formatter.h"
#include "session/scopestate.h"

#include <QCheckBox>
#include <QHelpEvent>
#include <QImage>

#include <gtest/gtest.h>

#include <cmath>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiRoiChart : public test::RoiFixture
{ };

// Counts the pixels of a band of the image that differ from its background.
int inkIn(const QImage &image, const QRect &band)
{
    const QColor background = image.pixelColor(0, 0);
    int ink = 0;
    for (int y = band.top(); y <= band.bottom(); ++y)
        for (int x = band.left(); x <= band.right(); ++x)
            ink += image.pixelColor(x, y) != background ? 1 : 0;
    return ink;
}

TEST_F(GuiRoiChart, AnExportSaysWhoseChartItIsAsOfWhenAndWithWhichThresholds)
{
    window->scope()->setRepIndex(session()->view()->repIndex(book.alice));
    window->scope()->setAsOf(QDate(2026, 11, 20));
    QApplication::processEvents();
    EXPECT_EQ(
            page->exportCaption(),
            (QStringList{ QStringLiteral("ROI quadrant: Alice Archer"),
                          QStringLiteral("Book small.tpbook · as of %1 · period 2026-Q4")
                                  .arg(Formatter().date(QDate(2026, 11, 20))),
                          QStringLiteral("L* 50% · R* $500,000.00 (median) · 1 scored account") }));
    window->scope()->setRepIndex(-1);
    window->scope()->setTerritoryIndex(session()->view()->territoryIndex(book.south));
    ASSERT_TRUE(session()->edit(&BookEditor::setRoiThresholds, 0.6, 1'000'000));
    QApplication::processEvents();
    EXPECT_EQ(page->exportCaption().value(0), QStringLiteral("ROI quadrant: territory South"));
    EXPECT_EQ(page->exportCaption().value(2),
              QStringLiteral("L* 60% · R* $10,000.00 · 1 scored account, 1 hollow (scored on "
                             "fewer than half of their factors)"));
    window->scope()->setTerritoryIndex(-1);
    QApplication::processEvents();
    EXPECT_EQ(page->exportCaption().value(0), QStringLiteral("ROI quadrant: the team"));

    // The caption is written above the chart, in the PNG and on the PDF page.
    const QString png = dir.path(QStringLiteral("captioned.png"));
    ASSERT_TRUE(page->exportChart(png));
    const QImage image(png);
    const int caption = image.height() - page->chart()->height() * 2;
    EXPECT_GT(inkIn(image, QRect(0, 0, image.width() / 2, caption)), 200);
    if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty()) {
        image.save(shots + QStringLiteral("/roi-export.png"));
        page->exportChart(shots + QStringLiteral("/roi-export.pdf"));
    }
}

TEST_F(GuiRoiChart, HoveringAPointShowsItsNameAndFiguresNextToIt)
{
    QuadrantChart *chart = page->chart();
    const auto hoverAt = [&](const QPoint &at) {
        mouse(QEvent::MouseMove, at, Qt::NoButton);
        return chart->hoveredAccount();
    };
    const auto nextToIt = [&](const QPoint &at) {
        const QRect box = chart->calloutGeometry();
        EXPECT_FALSE(box.isEmpty());
        EXPECT_TRUE(chart->rect().contains(box)) << "inside the chart";
        // Right at the point: its nearest edge within a point's size and the gap.
        const int dx = std::max({ box.left() - at.x(), at.x() - box.right(), 0 });
        const int dy = std::max({ box.top() - at.y(), at.y() - box.bottom(), 0 });
        EXPECT_LE(std::hypot(dx, dy), maxPointRadius + 12);
    };
    ASSERT_TRUE(chart->logScale()); // the page's default
    const QPoint acme = chart->positionOf(1.0, 500000.0);
    ASSERT_EQ(hoverAt(acme), row(book.acme));
    EXPECT_EQ(chart->hoverText(),
              (QStringList{ QStringLiteral("Acme Corp"),
                            QStringLiteral("Likelihood 100%, scored on 6 of 6 factors"),
                            QStringLiteral("Potential $500,000.00"),
                            QStringLiteral("Expected value $500,000.00"),
                            QStringLiteral("Rank 1 · Pursue") }));
    nextToIt(acme);
    test::shootSizesAndSchemes(*window, QStringLiteral("roi-hover"));
    mouse(QEvent::MouseMove, chart->positionOf(1.0, 500000.0), Qt::NoButton);
    // A tool-tip event (the mouse resting) does not take it away.
    QHelpEvent help(QEvent::ToolTip, acme, chart->viewport()->mapToGlobal(acme));
    QApplication::sendEvent(chart->viewport(), &help);
    EXPECT_EQ(chart->hoveredAccount(), row(book.acme));
    EXPECT_FALSE(chart->calloutGeometry().isEmpty());

    const QPoint globex = chart->positionOf(0.5, 7000.0);
    ASSERT_EQ(hoverAt(globex), row(book.globex));
    EXPECT_EQ(chart->hoverText().value(1),
              QStringLiteral("Likelihood 50%, scored on 2 of 6 factors"));
    EXPECT_EQ(chart->hoverText().value(2), QStringLiteral("Potential $7,000.00 (open pipeline)"));
    nextToIt(globex);
    EXPECT_EQ(hoverAt(chart->positionOf(0.25, 400000.0)), -1);
    EXPECT_TRUE(chart->calloutGeometry().isEmpty());

    // Linear, and zoomed in around Globex: the same.
    page->logScaleCheck()->setChecked(false);
    EXPECT_EQ(hoverAt(chart->positionOf(0.5, 7000.0)), row(book.globex));
    nextToIt(chart->positionOf(0.5, 7000.0));
    const QPointF from =
            chart->chart()->mapFromScene(chart->mapToScene(chart->positionOf(0.4, 12000.0)));
    const QPointF to =
            chart->chart()->mapFromScene(chart->mapToScene(chart->positionOf(0.6, 5000.0)));
    chart->chart()->zoomIn(QRectF(from, to).normalized());
    ASSERT_TRUE(chart->isZoomed());
    EXPECT_EQ(hoverAt(chart->positionOf(0.5, 7000.0)), row(book.globex));
    nextToIt(chart->positionOf(0.5, 7000.0));
    page->logScaleCheck()->setChecked(true);
    chart->chart()->zoomIn(
            QRectF(chart->chart()->mapFromScene(chart->mapToScene(chart->positionOf(0.45, 9000.0))),
                   chart->chart()->mapFromScene(chart->mapToScene(chart->positionOf(0.55, 6000.0))))
                    .normalized());
    EXPECT_EQ(hoverAt(chart->positionOf(0.5, 7000.0)), row(book.globex));
    nextToIt(chart->positionOf(0.5, 7000.0));

    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(chart, &leave);
    EXPECT_EQ(chart->hoveredAccount(), -1);
}

// The labels of the potential axis as numbers.
std::vector<double> labelValues(const QuadrantChart &chart)
{
    std::vector<double> values;
    for (const QString &label : chart.potentialLabels()) {
        bool ok = false;
        values.push_back(QLocale().toDouble(label, &ok));
        EXPECT_TRUE(ok) << qPrintable(label);
    }
    return values;
}

TEST_F(GuiRoiChart, ThePotentialAxisKeepsItsLabelsAfterAZoom)
{
    QuadrantChart *chart = page->chart();
    const auto zoomTo = [&](double l0, double r0, double l1, double r1) {
        chart->chart()->zoomIn(
                QRectF(chart->chart()->mapFromScene(chart->mapToScene(chart->positionOf(l0, r0))),
                       chart->chart()->mapFromScene(chart->mapToScene(chart->positionOf(l1, r1))))
                        .normalized());
    };
    for (const bool log : { true, false }) {
        page->logScaleCheck()->setChecked(log);
        chart->resetZoom();
        // Decades on the log scale, from 1,000 (under Globex's 7,000) up to 1,000,000.
        if (log) {
            EXPECT_EQ(chart->potentialLabels(),
                      (QStringList{ QStringLiteral("1,000"), QStringLiteral("10,000"),
                                    QStringLiteral("100,000"), QStringLiteral("1,000,000") }));
        }
        // Well within one decade (6,000 to 9,000), and then again within that.
        zoomTo(0.3, 9000.0, 0.7, 6000.0);
        ASSERT_TRUE(chart->isZoomed());
        std::vector<double> values = labelValues(*chart);
        EXPECT_GE(values.size(), 3u) << "log " << log;
        for (const double v : values) {
            EXPECT_GE(v, 5900.0);
            EXPECT_LE(v, 9100.0);
        }
        zoomTo(0.45, 7300.0, 0.55, 6900.0);
        values = labelValues(*chart);
        EXPECT_GE(values.size(), 3u) << "log " << log;
        for (std::size_t i = 1; i < values.size(); ++i)
            EXPECT_GT(values[i], values[i - 1]) << "distinct, in order";
    }
    chart->resetZoom();
    EXPECT_FALSE(chart->isZoomed());
    page->logScaleCheck()->setChecked(true);
    zoomTo(0.3, 9000.0, 0.7, 6000.0);
    test::shootSizesAndSchemes(*window, QStringLiteral("roi-zoomed"));
}

TEST_F(GuiRoiChart, AccountsWithoutPotentialSitInAStripUnderTheChart)
{
    // Initech scored, and its only open deal lost: no potential at all.
    ASSERT_TRUE(session()->edit(
            &BookEditor::setScores,
            std::vector<ScoreEdit>{ { book.initech, session()->view()->scoring.factors[0].id, 4 } },
            QStringLiteral("score")));
    ASSERT_TRUE(session()->edit(&BookEditor::setStage, only(book.o5), Stage::Lost,
                                QDate::currentDate()));
    QApplication::processEvents();
    QuadrantChart *chart = page->chart();
    QApplication::processEvents();
    for (const bool log : { true, false }) {
        page->logScaleCheck()->setChecked(log);
        QApplication::processEvents(); // the chart lays out again around the strip
        const QRect strip = chart->stripGeometry();
        ASSERT_FALSE(strip.isEmpty()) << "log " << log;
        EXPECT_EQ(chart->stripCaption(), QStringLiteral("No\npotential"));
        // Under the plot and its likelihood axis, apart from the accounts that have one.
        EXPECT_GT(strip.top(), chart->positionOf(0.8, 0.0).y());
        const QPoint initech = chart->positionOfAccount(row(book.initech));
        EXPECT_TRUE(strip.contains(initech));
        EXPECT_EQ(initech.x(), chart->positionOf(0.8, 10000.0).x()) << "at its likelihood";
        EXPECT_EQ(chart->accountAt(initech), row(book.initech));
        mouse(QEvent::MouseMove, initech, Qt::NoButton);
        EXPECT_EQ(chart->hoverText().value(2), QStringLiteral("No revenue potential"));
        mouse(QEvent::MouseButtonPress, initech, Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, initech, Qt::NoButton);
        EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.initech) });
    }
    page->logScaleCheck()->setChecked(true);
    QApplication::processEvents();
    mouse(QEvent::MouseMove, chart->positionOfAccount(row(book.initech)), Qt::NoButton);
    test::shootSizesAndSchemes(*window, QStringLiteral("roi-strip"));

    // A potential of 50 cents, six decades under the top: under the log scale, in the strip.
    ASSERT_TRUE(session()->edit(&BookEditor::setPotential, only(book.initech), 50));
    QApplication::processEvents();
    page->logScaleCheck()->setChecked(true);
    QApplication::processEvents();
    EXPECT_EQ(chart->stripCaption(), QStringLiteral("Below 1\nor no potential"));
    EXPECT_TRUE(chart->stripGeometry().contains(chart->positionOfAccount(row(book.initech))));
    // Linear: 50 cents is on the scale, at its bottom; nothing in the strip.
    page->logScaleCheck()->setChecked(false);
    QApplication::processEvents();
    EXPECT_TRUE(chart->stripGeometry().isEmpty());
    EXPECT_EQ(chart->accountAt(chart->positionOf(0.8, 0.5)), row(book.initech));
}

TEST(GuiQuadrantLayer, TheCalloutStaysInsideTheChartAndNeverCoversItsPoint)
{
    QuadrantData data;
    for (const double l : { 0.05, 0.5, 0.95 }) {
        for (const double r : { 1.0, 50.0, 99.0 }) {
            QuadrantPoint p;
            p.account = int(data.points.size());
            p.likelihood = l;
            p.potential = r;
            p.radius = maxPointRadius;
            data.points.push_back(p);
        }
    }
    QuadrantPoint none; // no potential: in the strip
    none.account = int(data.points.size());
    none.likelihood = 0.5;
    none.radius = minPointRadius;
    data.points.push_back(none);
    QuadrantLayer layer;
    layer.setData(&data);
    const QStringList lines{ QStringLiteral("A long account name, Incorporated"),
                             QStringLiteral("Likelihood 50%, scored on 6 of 6 factors"),
                             QStringLiteral("Potential $1,000,000.00") };
    // From a roomy chart down to one where the callout fits on neither side of a point.
    for (const QSizeF size : { QSizeF(900, 600), QSizeF(430, 300), QSizeF(300, 240) }) {
        const QRectF bounds(QPointF(0, 0), size);
        QuadrantMapping mapping;
        mapping.plot = bounds.adjusted(60, 10, -10, -90);
        mapping.yMax = 100;
        mapping.stripBelow = 0.005;
        mapping.strip = QRectF(mapping.plot.left(), bounds.bottom() - 40, mapping.plot.width(), 36);
        layer.setBounds(bounds);
        layer.setMapping(mapping);
        for (std::size_t i = 0; i < data.points.size(); ++i) {
            layer.setHoveredPoint(int(i), lines);
            const QRectF box = layer.calloutRect();
            const QPointF at = mapping.position(data.points[i]);
            EXPECT_TRUE(bounds.contains(box)) << size.width() << " point " << i;
            EXPECT_FALSE(box.adjusted(-data.points[i].radius, -data.points[i].radius,
                                      data.points[i].radius, data.points[i].radius)
                                 .contains(at))
                    << size.width() << " point " << i;
        }
    }
}

} // namespace
