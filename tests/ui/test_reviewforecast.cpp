// The Review page's Forecast tab on the demo book (docs/METRICS.md, "Forecast categories", and
// "Decisions of this repository", forecast category moves): the moves table holds every deal of
// the Changes tab's flow once, the deals table lists the rep's open deals closing in the period,
// and the rep's call edited there is an undoable edit that moves the figures.
#include "uitestbook.h"

#include "analytics/pipelinehealth.h"
#include "demo/demobook.h"
#include "mainwindow/mainwindow.h"
#include "models/formatter.h"
#include "models/opportunitytablemodel.h"
#include "pages/review/changespanel.h"
#include "pages/review/forecastpanel.h"
#include "pages/review/reviewpage.h"
#include "pages/review/riskspanel.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "testsupport.h"
#include "views/bookview.h"

#include <QApplication>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

// The demo book as of its today, on the Review page of its first rep.
class GuiReviewDemo : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString path = dir.path(QStringLiteral("demo.tpbook"));
        demo::Options options;
        options.today = today;
        demo::writeDemoBook(path, options, {});
        // After the locale: its tables format with it.
        owned = test::openWindow(path, QStringLiteral("review"), today);
        ASSERT_TRUE(owned);
        page = qobject_cast<ReviewPage *>(owned->page(QStringLiteral("review")));
        ASSERT_NE(page, nullptr);
        owned->scope()->setRepIndex(0);
        QApplication::processEvents();
        QApplication::processEvents();
        // The Changes tab reads the two snapshot states on a background job.
        ChangesPanel *changes = page->changes();
        ASSERT_TRUE(QTest::qWaitFor([changes] { return !changes->isComparing(); }, 60000));
    }

    const QDate today{ 2026, 11, 20 };
    test::TempDir dir;
    std::unique_ptr<MainWindow> owned;
    MainWindow &window() { return *owned; }
    ReviewPage *page = nullptr;
};

} // namespace

TEST_F(GuiReviewDemo, TheForecastTabMovesTheDealsOfTheFlowAndTakesTheRepsCallInPlace)
{
    page->tabs()->setCurrentWidget(page->forecast());
    QApplication::processEvents();
    ForecastPanel *forecast = page->forecast();

    // Every deal of the flow once, in the cell of its categories at the two snapshots.
    const changes::Comparison &c = page->changes()->comparison();
    qint64 inFlow = 0;
    for (qint64 n : c.flowCount)
        inFlow += n;
    ASSERT_GT(inFlow, 0);
    const changes::CategoryMoves &moves = forecast->moves();
    qint64 inTable = 0;
    QTableWidget *table = forecast->movesTable();
    for (int from = 0; from < changes::categorySides; ++from) {
        for (int to = 0; to < changes::categorySides; ++to) {
            const changes::CategoryCell &cell = moves.at(from, to);
            inTable += cell.deals;
            const QString text = table->item(from, to)->text();
            if (cell.deals == 0)
                EXPECT_TRUE(text.isEmpty());
            else
                EXPECT_TRUE(text.startsWith(QString::number(cell.deals) + QStringLiteral(" · $")))
                        << qPrintable(text);
        }
    }
    EXPECT_EQ(inTable, inFlow);
    EXPECT_GT(moves.moved(), 0) << "four weeks of the demo move deals between categories";
    EXPECT_TRUE(forecast->movesTitle()->text().contains(QStringLiteral("changed category")));

    // The deals table: the rep's open deals closing by the end of the period.
    const BookView *view = window().session()->view();
    const auto &o = view->opportunities;
    const qint64 periodEnd = window().scope()->period().end.toJulianDay();
    int expected = 0;
    for (std::size_t r = 0; r < std::size_t(o.size()); ++r)
        if (o.owner[r] == 0 && o.status[r] == std::uint8_t(Status::Open) && o.closeDate[r] != 0
            && o.closeDate[r] <= periodEnd)
            ++expected;
    OpportunityTableModel *deals = forecast->dealsModel();
    ASSERT_GT(expected, 0);
    EXPECT_EQ(deals->rowCount(), expected);
    EXPECT_TRUE(forecast->dealsTable()->isColumnHidden(int(OpportunityColumn::Owner)));
    EXPECT_FALSE(forecast->dealsTable()->isColumnHidden(int(OpportunityColumn::Forecast)));

    // The rep calls the largest deal Commit (or Best Case when it is Commit already): an undoable
    // edit that moves the commit figure.
    test::shootSizesAndSchemes(window(), QStringLiteral("review-forecast"));
    const QString commitBefore = forecast->figureText(ForecastPanel::Commit);
    const QModelIndex call = deals->index(0, int(OpportunityColumn::Forecast));
    const int row = deals->sourceRow(0);
    const ForecastCategory now = view->forecast(row);
    const ForecastCategory next =
            now == ForecastCategory::Commit ? ForecastCategory::BestCase : ForecastCategory::Commit;
    ASSERT_TRUE(deals->setData(call, int(next)));
    QApplication::processEvents();
    QApplication::processEvents();
    EXPECT_EQ(window().session()->view()->forecast(row), next);
    EXPECT_NE(forecast->figureText(ForecastPanel::Commit), commitBefore);
    EXPECT_TRUE(window().session()->undoStack()->undoText().startsWith(QStringLiteral("Call ")));
    window().session()->undoStack()->undo();
    QApplication::processEvents();
    QApplication::processEvents();
    EXPECT_EQ(window().session()->view()->forecast(row), now);
    EXPECT_EQ(forecast->figureText(ForecastPanel::Commit), commitBefore);
}

// The Risks tab sets the rep's key metrics beside the team's, each as the health report of its
// scope gives them.
TEST_F(GuiReviewDemo, TheRisksTabSetsTheRepsKeyMetricsBesideTheTeams)
{
    page->tabs()->setCurrentWidget(page->risks());
    QApplication::processEvents();
    RisksPanel *risks = page->risks();
    const BookView *view = window().session()->view();
    const Period period = window().scope()->period();
    const health::HealthReport rep = health::evaluate(*view, { 0, -1 }, today, period);
    const health::HealthReport team = health::evaluate(*view, {}, today, period);
    ASSERT_TRUE(rep.metrics.winRate && team.metrics.winRate);
    ASSERT_NE(*rep.metrics.winRate, *team.metrics.winRate) << "a rep unlike the team";
    const Formatter format;
    EXPECT_EQ(risks->metricText(RisksPanel::WinRate, false), format.ratio(*rep.metrics.winRate));
    EXPECT_EQ(risks->metricText(RisksPanel::WinRate, true), format.ratio(*team.metrics.winRate));
    EXPECT_EQ(risks->metricText(RisksPanel::AverageDealSize, true),
              format.money(*team.metrics.averageDealSize, view->settings.currency));
    EXPECT_EQ(risks->metricText(RisksPanel::HonestCoverage, false),
              rep.coverage.honestRatio ? format.ratio(*rep.coverage.honestRatio)
                                       : QStringLiteral("—"));
    test::shootSizesAndSchemes(window(), QStringLiteral("review-risks-demo"));

    // Another rep: their own figures, the team's unchanged.
    window().scope()->setRepIndex(1);
    QApplication::processEvents();
    QApplication::processEvents();
    const health::HealthReport other = health::evaluate(*view, { 1, -1 }, today, period);
    EXPECT_EQ(risks->metricText(RisksPanel::WinRate, false),
              other.metrics.winRate ? format.ratio(*other.metrics.winRate) : QStringLiteral("—"));
    EXPECT_EQ(risks->metricText(RisksPanel::WinRate, true), format.ratio(*team.metrics.winRate));
    // The team: one column.
    window().scope()->setRepIndex(-1);
    QApplication::processEvents();
    QApplication::processEvents();
    EXPECT_EQ(risks->metricText(RisksPanel::WinRate, true), format.ratio(*team.metrics.winRate));
}
