// The Review page's Forecast tab on the demo book (docs/METRICS.md, "Forecast categories", and
// "Decisions of this repository", forecast category moves): the moves table holds every deal of
// the Changes tab's flow once, the deals table lists the rep's open deals closing in the period,
// and the rep's call edited there is an undoable edit that moves the figures.
#include "uitestbook.h"

#include "demo/demobook.h"
#include "mainwindow/mainwindow.h"
#include "models/opportunitytablemodel.h"
#include "pages/review/changespanel.h"
#include "pages/review/forecastpanel.h"
#include "pages/review/reviewpage.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "testsupport.h"
#include "views/bookview.h"

#include <QApplication>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

TEST(GuiReviewForecast, MovesTheDealsOfTheFlowAndTakesTheRepsCallInPlace)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.tpbook"));
    demo::Options options;
    options.today = QDate(2026, 11, 20);
    demo::writeDemoBook(path, options, {});
    MainWindow window;
    window.setInteractive(false);
    window.resize(1400, 900);
    ASSERT_TRUE(window.openBook(path) && window.session()->waitUntilLoaded());
    window.scope()->setAsOf(options.today);
    auto *page = qobject_cast<ReviewPage *>(window.page(QStringLiteral("review")));
    ASSERT_NE(page, nullptr);
    window.showPage(int(window.pages().indexOf(page)));
    window.show();
    window.scope()->setRepIndex(0);
    QApplication::processEvents();
    QApplication::processEvents();
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
    const BookView *view = window.session()->view();
    const auto &o = view->opportunities;
    const qint64 periodEnd = window.scope()->period().end.toJulianDay();
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
    test::shootSizesAndSchemes(window, QStringLiteral("review-forecast"));
    const QString commitBefore = forecast->figureText(ForecastPanel::Commit);
    const QModelIndex call = deals->index(0, int(OpportunityColumn::Forecast));
    const int row = deals->sourceRow(0);
    const ForecastCategory now = view->forecast(row);
    const ForecastCategory next =
            now == ForecastCategory::Commit ? ForecastCategory::BestCase : ForecastCategory::Commit;
    ASSERT_TRUE(deals->setData(call, int(next)));
    QApplication::processEvents();
    QApplication::processEvents();
    EXPECT_EQ(window.session()->view()->forecast(row), next);
    EXPECT_NE(forecast->figureText(ForecastPanel::Commit), commitBefore);
    EXPECT_TRUE(window.session()->undoStack()->undoText().startsWith(QStringLiteral("Call ")));
    window.session()->undoStack()->undo();
    QApplication::processEvents();
    QApplication::processEvents();
    EXPECT_EQ(window.session()->view()->forecast(row), now);
    EXPECT_EQ(forecast->figureText(ForecastPanel::Commit), commitBefore);
}
