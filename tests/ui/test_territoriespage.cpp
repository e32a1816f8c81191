// The Territories page offscreen (issue 19, docs/METRICS.md "Territories"): the territories of
// the small book with their figures and shares on the metric chosen, the accounts of the one
// selected, accounts moved by a drop (one undo step), and territories made, renamed, given a
// rep, merged and deleted, each undone.
#include "testsupport.h"
#include "uitestbook.h"

#include "mainwindow/mainwindow.h"
#include "models/accounttablemodel.h"
#include "models/modelroles.h"
#include "pages/territories/accountdrag.h"
#include "pages/territories/mixweightsdialog.h"
#include "pages/territories/territoriespage.h"
#include "pages/territories/territorystate.h"
#include "pages/territories/territorytablemodel.h"
#include "session/booksession.h"
#include "views/bookview.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMimeData>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiTerritories : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        window = test::openWindow(book.path, QStringLiteral("territories"), QDate(2026, 11, 20));
        ASSERT_TRUE(window);
        page = qobject_cast<TerritoriesPage *>(window->page(QStringLiteral("territories")));
        ASSERT_NE(page, nullptr);
        QApplication::processEvents();
    }

    // The row of the model (a layout entry) named `name`.
    int entry(const QString &name)
    {
        const auto &entries = page->state()->layout().entries;
        for (std::size_t e = 0; e < entries.size(); ++e)
            if (entries[e].name == name)
                return int(e);
        return -1;
    }
    QString cell(int row, TerritoryTableModel::Column column)
    {
        return page->territoryModel()->index(row, int(column)).data().toString();
    }
    void select(int entry)
    {
        QTableView *view = page->territoryView();
        const auto *proxy = view->model();
        for (int r = 0; r < proxy->rowCount(); ++r)
            if (proxy->index(r, 0).data().toString()
                == page->territoryModel()->index(entry, 0).data().toString())
                view->selectRow(r);
        QApplication::processEvents();
    }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
    TerritoriesPage *page = nullptr;
};

} // namespace

TEST_F(GuiTerritories, EachTerritoryShowsItsFiguresAndItsShareOfTheAverage)
{
    using C = TerritoryTableModel::Column;
    ASSERT_EQ(page->territoryModel()->rowCount(), 2);
    const int north = entry(QStringLiteral("North")), south = entry(QStringLiteral("South"));
    ASSERT_GE(north, 0);
    ASSERT_GE(south, 0);
    // North: Acme (500,000.00 set) and Initech (derived 1,200.50); South: Globex (7,000.00).
    EXPECT_EQ(cell(north, C::Accounts), QStringLiteral("2"));
    EXPECT_EQ(cell(north, C::Potential), QStringLiteral("$501,200.50"));
    EXPECT_EQ(cell(north, C::Rep), QStringLiteral("Alice Archer"));
    EXPECT_EQ(cell(south, C::OpenPipeline), QStringLiteral("$7,000.00"));
    EXPECT_EQ(cell(north, C::Active), QStringLiteral("3 of 2")); // over Alice's capacity

    // On accounts: 2 and 1, a mean of 1.5: shares 133.3% and 66.7%, balance 50%.
    page->metricBox()->setCurrentIndex(page->metricBox()->findText(QStringLiteral("Accounts")));
    emit page->metricBox()->activated(page->metricBox()->currentIndex());
    QApplication::processEvents();
    EXPECT_EQ(cell(north, C::Share), QStringLiteral("133.3%"));
    EXPECT_NEAR(page->territoryModel()->index(south, int(C::Share)).data(RawValueRole).toDouble(),
                2.0 / 3.0, 1e-12);
    EXPECT_TRUE(page->balanceLabel()->text().contains(QStringLiteral("50.0%")))
            << qPrintable(page->balanceLabel()->text());
    EXPECT_TRUE(page->territoryModel()
                        ->headerData(int(C::Share), Qt::Horizontal)
                        .toString()
                        .contains(QStringLiteral("Accounts")));

    // The selected territory's accounts below.
    select(north);
    EXPECT_EQ(page->accountModel()->rowCount(), 2);
    test::shootSizesAndSchemes(*window, QStringLiteral("territories"));
}

TEST_F(GuiTerritories, AccountsDroppedOnATerritoryMoveThereInOneUndoStep)
{
    using C = TerritoryTableModel::Column;
    QUndoStack *undo = window->session()->undoStack();
    const int north = entry(QStringLiteral("North")), south = entry(QStringLiteral("South"));
    // Dragged as ids, dropped on South.
    const std::unique_ptr<QMimeData> mime(accountsMimeData({ book.acme, book.initech }));
    EXPECT_EQ(accountsFromMimeData(mime.get()), (std::vector<Id>{ book.acme, book.initech }));
    ASSERT_TRUE(page->moveAccounts(accountsFromMimeData(mime.get()), south));
    QApplication::processEvents();
    EXPECT_EQ(cell(entry(QStringLiteral("South")), C::Accounts), QStringLiteral("3"));
    EXPECT_EQ(cell(entry(QStringLiteral("North")), C::Accounts), QStringLiteral("0"));
    EXPECT_EQ(undo->count(), 1);
    // South is Bob's: the accounts are his in the book now.
    const BookView &view = *window->session()->view();
    const int acme = view.accounts.indexOf(book.acme);
    EXPECT_EQ(view.reps[std::size_t(view.accounts.owner[std::size_t(acme)])].id, book.bob);
    undo->undo();
    QApplication::processEvents();
    EXPECT_EQ(cell(north, C::Accounts), QStringLiteral("2"));
}

TEST_F(GuiTerritories, TerritoriesAreMadeRenamedGivenARepMergedAndDeleted)
{
    using C = TerritoryTableModel::Column;
    QUndoStack *undo = window->session()->undoStack();
    ASSERT_TRUE(page->createTerritory(QStringLiteral("East"), std::nullopt));
    QApplication::processEvents();
    ASSERT_EQ(page->territoryModel()->rowCount(), 3);
    int east = entry(QStringLiteral("East"));
    EXPECT_EQ(cell(east, C::Rep), QStringLiteral("No rep"));
    EXPECT_EQ(cell(east, C::Accounts), QStringLiteral("0"));

    select(east);
    ASSERT_TRUE(page->setSelectedRep(book.bob));
    ASSERT_TRUE(page->renameSelected(QStringLiteral("Atlantic")));
    QApplication::processEvents();
    const int atlantic = entry(QStringLiteral("Atlantic"));
    ASSERT_GE(atlantic, 0);
    EXPECT_EQ(cell(atlantic, C::Rep), QStringLiteral("Bob Baker"));
    // A name in use is refused, and nothing changes.
    select(atlantic);
    EXPECT_FALSE(page->renameSelected(QStringLiteral("North")));

    // North merged into Atlantic: its two accounts go, and become Bob's.
    select(entry(QStringLiteral("North")));
    ASSERT_TRUE(page->mergeSelectedInto(entry(QStringLiteral("Atlantic"))));
    QApplication::processEvents();
    EXPECT_EQ(page->territoryModel()->rowCount(), 2);
    EXPECT_EQ(cell(entry(QStringLiteral("Atlantic")), C::Accounts), QStringLiteral("2"));

    select(entry(QStringLiteral("Atlantic")));
    ASSERT_TRUE(page->deleteSelected());
    QApplication::processEvents();
    EXPECT_EQ(page->territoryModel()->rowCount(), 1);
    EXPECT_TRUE(page->balanceLabel()->text().contains(QStringLiteral("2 accounts in no territory")))
            << qPrintable(page->balanceLabel()->text());

    // Every step undoes: back to North and South as they were.
    while (undo->canUndo())
        undo->undo();
    QApplication::processEvents();
    ASSERT_EQ(page->territoryModel()->rowCount(), 2);
    EXPECT_EQ(cell(entry(QStringLiteral("North")), C::Accounts), QStringLiteral("2"));
    EXPECT_EQ(cell(entry(QStringLiteral("North")), C::Rep), QStringLiteral("Alice Archer"));
}

TEST_F(GuiTerritories, AWeightedMixIsChosenWeighedAndKeptWithThePage)
{
    using C = TerritoryTableModel::Column;
    // The weights dialog: what it shows and what it gives.
    MixWeightsDialog weights(territories::MixWeights{ 0, 1, 0, 1, 0 });
    EXPECT_EQ(weights.weights(), (territories::MixWeights{ 0, 1, 0, 1, 0 }));
    EXPECT_NE(weights.findChild<QLabel *>(QString(), Qt::FindChildrenRecursively), nullptr);

    // Potential and accounts weighed alike: North holds 501,200.50 of 508,200.50 potential and
    // 2 of 3 accounts; each figure over its mean (254,100.25 and 1.5): North 1.9725 + 1.3333,
    // South 0.0275 + 0.6667; shares of their mean (2.0): 165.3% and 34.7%.
    // Choosing the mix the first time asks for its weights: answered here as a user would.
    QTimer::singleShot(0, [] {
        auto *dialog = qobject_cast<MixWeightsDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->setWeights({ 0, 1, 0, 1, 0 });
        test::shootSchemes(*dialog, QStringLiteral("territories-mix-weights"));
        dialog->accept();
    });
    page->metricBox()->setCurrentIndex(page->metricBox()->findText(QStringLiteral("Weighted mix")));
    emit page->metricBox()->activated(page->metricBox()->currentIndex());
    QApplication::processEvents();
    EXPECT_EQ(page->state()->metric(), territories::Metric::Mix);
    const int north = entry(QStringLiteral("North"));
    const double share = (501'200.50 / 254'100.25 + 2 / 1.5) / 2.0;
    EXPECT_NEAR(page->territoryModel()->index(north, int(C::Share)).data(RawValueRole).toDouble(),
                share, 1e-9);

    // The weights and the metric come back with the page's state.
    const QByteArray saved = page->saveState();
    page->state()->setMixWeights({});
    page->restoreState(saved);
    EXPECT_EQ(page->state()->mixWeights(), (territories::MixWeights{ 0, 1, 0, 1, 0 }));
    EXPECT_EQ(page->state()->metric(), territories::Metric::Mix);
}
