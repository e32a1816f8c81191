// The Territories page's map offscreen (issue 19): each region in the colour of the territory
// holding most of its accounts (the territory table's swatch), its figures on hover, a click or
// lasso listing and selecting its accounts, a region dropped on a territory moving its accounts
// in one undo step, the accounts no region takes listed under the map, and export.
#include "testsupport.h"
#include "uitestbook.h"

#include "mainwindow/mainwindow.h"
#include "pages/territories/accountdrag.h"
#include "pages/territories/territoriespage.h"
#include "pages/territories/territorycolors.h"
#include "pages/territories/territorymappanel.h"
#include "pages/territories/territorystate.h"
#include "pages/territories/territorytablemodel.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "views/bookview.h"
#include "widgets/regionmap.h"

#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QSet>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

// Reps Ana and Ben; territories East (Ana) and West (Ben); every account in the United States
// or nowhere (potential in cents):
//   1 East  TX / USA              10000   Texas: East 2, West 1
//   2 East  Texas / United States  5000
//   3 West  TX / US               30000
//   4 West  CA / USA               2000   California: West 2
//   5 West  California / -         1000
//   6 East  NY / USA                700   New York: East 1
//   7 -     Atlantis / Nowhere      100   no recognised region
//   8 East  - / -                   300   no recognised region
//   9 -     Oregon / US             400   Oregon: in no territory
constexpr const char *bookSql = R"SQL(
    INSERT INTO reps (id, name, capacity) VALUES (1, 'Ana', NULL), (2, 'Ben', NULL);
    INSERT INTO territories (id, name, owner_id) VALUES (1, 'West', 2), (2, 'East', 1);
    INSERT INTO accounts (id, crm_id, name, territory_id, owner_id, potential, billing_state,
                          billing_country) VALUES
        (1, 'A1', 'Alamo', 2, 1, 10000, 'TX', 'USA'),
        (2, 'A2', 'Brazos', 2, 1, 5000, 'Texas', 'United States'),
        (3, 'A3', 'Cibolo', 1, 2, 30000, 'TX', 'US'),
        (4, 'A4', 'Delmar', 1, 2, 2000, 'CA', 'USA'),
        (5, 'A5', 'Eureka', 1, 2, 1000, 'California', NULL),
        (6, 'A6', 'Flatiron', 2, 1, 700, 'NY', 'USA'),
        (7, 'A7', 'Gondor', NULL, NULL, 100, 'Atlantis', 'Nowhere'),
        (8, 'A8', 'Hobbiton', 2, 1, 300, NULL, NULL),
        (9, 'A9', 'Ione', NULL, NULL, 400, 'Oregon', 'US');
)SQL";

int region(const char16_t *id)
{
    return *geo::RegionCatalogue::instance().indexOf(id);
}

class GuiTerritoryMap : public ::testing::Test
{
protected:
    void SetUp() override { open(bookSql, QStringLiteral("East"), QStringLiteral("West")); }

    // A window on a book made by `sql`, showing the Territories page, whose entries `a` and `b`
    // are east and west.
    void open(const char *sql, const QString &a, const QString &b)
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        window.reset();
        const QString path = dir.path(QStringLiteral("%1.tpbook").arg(++books));
        Book::create(path)->db().exec(sql);
        window = test::openWindow(path, QStringLiteral("territories"), QDate(2026, 11, 20));
        ASSERT_TRUE(window);
        page = qobject_cast<TerritoriesPage *>(window->page(QStringLiteral("territories")));
        ASSERT_NE(page, nullptr);
        panel = page->mapPanel();
        map = panel->map();
        QApplication::processEvents();
        east = entry(a);
        west = entry(b);
        ASSERT_GE(east, 0);
        ASSERT_GE(west, 0);
    }

    int entry(const QString &name)
    {
        const auto &entries = page->state()->layout().entries;
        for (std::size_t e = 0; e < entries.size(); ++e)
            if (entries[e].name == name)
                return int(e);
        return -1;
    }
    int accountsOf(int e)
    {
        using C = TerritoryTableModel::Column;
        return page->territoryModel()->index(e, int(C::Accounts)).data().toInt();
    }
    QPoint centreOf(int r) const
    {
        const geo::RegionShape *shape = geo::MapGeometry::instance().shape(map->view(), r);
        return shape ? map->mapToWidget().map(shape->anchor).toPoint() : QPoint();
    }
    QColor shownAt(int r)
    {
        const QImage image = map->grab().toImage();
        return image.pixelColor(centreOf(r) * image.devicePixelRatio());
    }
    QString toolTipAt(int r)
    {
        const QPoint at = centreOf(r);
        QHelpEvent help(QEvent::ToolTip, at, map->mapToGlobal(at));
        QApplication::sendEvent(map, &help);
        QString text = QToolTip::text();
        QToolTip::hideText();
        return text;
    }
    // The view row of the territory table showing layout entry `e`.
    QModelIndex rowOf(int e)
    {
        QAbstractItemModel *proxy = page->territoryView()->model();
        for (int row = 0; row < proxy->rowCount(); ++row)
            if (proxy->index(row, 0).data() == page->territoryModel()->index(e, 0).data())
                return proxy->index(row, 0);
        return {};
    }
    std::vector<Id> shownAccounts()
    {
        std::vector<Id> ids;
        for (int row = 0; row < page->accountModel()->rowCount(); ++row)
            ids.push_back(page->accountModel()->idAt(row));
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    // A drag of `mime` dropped on the territory table's row of entry `e`, as the view gets it.
    bool dropOn(int e, QMimeData *mime)
    {
        QTableView *view = page->territoryView();
        const QPoint at = view->visualRect(rowOf(e)).center();
        QDragEnterEvent enter(at, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(at, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        if (!move.isAccepted())
            return false;
        QDropEvent drop(at, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &drop);
        QApplication::processEvents();
        return drop.isAccepted();
    }

    test::TempDir dir;
    std::unique_ptr<MainWindow> window;
    TerritoriesPage *page = nullptr;
    TerritoryMapPanel *panel = nullptr;
    RegionMap *map = nullptr;
    int east = -1, west = -1;
    int books = 0;
};

} // namespace

TEST_F(GuiTerritoryMap, EachRegionTakesTheColourOfTheTerritoryHoldingMostOfItsAccounts)
{
    // Every account placed is in the United States: the map shows it.
    EXPECT_EQ(map->view(), geo::MapView::UnitedStates);
    const QColor eastColour = panel->entryColor(east), westColour = panel->entryColor(west);
    ASSERT_TRUE(eastColour.isValid());
    EXPECT_NE(eastColour, westColour);
    // West's id is lower: it keeps the first colour whatever the names.
    EXPECT_EQ(westColour, territorycolors::ofSlot(0, false));

    const QHash<int, QColor> &colours = map->regionColors();
    EXPECT_EQ(colours.value(region(u"US-TX")), eastColour); // two of three
    EXPECT_EQ(colours.value(region(u"US-CA")), westColour);
    EXPECT_EQ(colours.value(region(u"US-NY")), eastColour);
    EXPECT_EQ(colours.value(region(u"US-OR")), territorycolors::noTerritory(map->palette()));
    EXPECT_FALSE(colours.contains(region(u"US-KS"))); // no accounts: plain land
    EXPECT_EQ(shownAt(region(u"US-TX")), eastColour);
    EXPECT_EQ(shownAt(region(u"US-KS")), map->renderer().colors().land);

    // The territory table's swatch is the same colour.
    const auto swatch =
            page->territoryModel()->index(east, 0).data(Qt::DecorationRole).value<QIcon>();
    ASSERT_FALSE(swatch.isNull());
    EXPECT_EQ(swatch.pixmap(16, 16).toImage().pixelColor(8, 8), eastColour);

    // Texas's East accounts move to West: Texas follows at once, repainted in place, on the
    // grouping made when the book loaded.
    const int *grouped = panel->grouping().rows.data();
    const int fullPaints = map->renderer().fullPaints();
    QUndoStack *undo = window->session()->undoStack();
    ASSERT_TRUE(page->moveAccounts({ 1 }, west));
    QApplication::processEvents();
    EXPECT_EQ(map->regionColors().value(region(u"US-TX")), westColour);
    EXPECT_EQ(shownAt(region(u"US-TX")), westColour);
    EXPECT_EQ(map->renderer().fullPaints(), fullPaints);
    EXPECT_EQ(panel->grouping().rows.data(), grouped);
    undo->undo();
    QApplication::processEvents();
    EXPECT_EQ(shownAt(region(u"US-TX")), eastColour);
    test::shootSizesAndSchemes(*window, QStringLiteral("territories-map"));
}

TEST_F(GuiTerritoryMap, HoverShowsTheRegionsAccountsPerTerritoryAndItsSums)
{
    const QString texas = toolTipAt(region(u"US-TX"));
    EXPECT_TRUE(texas.contains(QStringLiteral("<b>Texas</b>"))) << qPrintable(texas);
    EXPECT_TRUE(texas.contains(QStringLiteral("3 account"))) << qPrintable(texas);
    EXPECT_TRUE(texas.contains(QStringLiteral("East: 2"))) << qPrintable(texas);
    EXPECT_TRUE(texas.contains(QStringLiteral("West: 1"))) << qPrintable(texas);
    EXPECT_LT(texas.indexOf(QStringLiteral("East: 2")), texas.indexOf(QStringLiteral("West: 1")));
    EXPECT_TRUE(texas.contains(QStringLiteral("Potential: $450.00"))) << qPrintable(texas);
    EXPECT_TRUE(texas.contains(QStringLiteral("Expected value: $0.00"))) << qPrintable(texas);
    EXPECT_TRUE(texas.contains(panel->entryColor(east).name()));

    const QString oregon = toolTipAt(region(u"US-OR"));
    EXPECT_TRUE(oregon.contains(QStringLiteral("In no territory: 1"))) << qPrintable(oregon);
    EXPECT_TRUE(oregon.contains(QStringLiteral("Potential: $4.00"))) << qPrintable(oregon);
    const QString kansas = toolTipAt(region(u"US-KS"));
    EXPECT_TRUE(kansas.contains(QStringLiteral("No accounts"))) << qPrintable(kansas);
}

TEST_F(GuiTerritoryMap, AClickOrALassoListsAndSelectsTheRegionsAccounts)
{
    page->territoryView()->selectRow(rowOf(west).row());
    QApplication::processEvents();
    EXPECT_EQ(page->selectedEntry(), west);

    // Texas's accounts, whatever their territory, selected for Move To and a drag.
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, centreOf(region(u"US-TX")));
    QApplication::processEvents();
    EXPECT_EQ(panel->choice(), TerritoryMapPanel::Choice::Regions);
    EXPECT_EQ(page->selectedEntry(), -1);
    EXPECT_EQ(shownAccounts(), (std::vector<Id>{ 1, 2, 3 }));
    EXPECT_EQ(page->selectedAccounts(), (std::vector<Id>{ 1, 2, 3 }));
    // The title above them names the region.
    bool titled = false;
    for (const QLabel *label : page->findChildren<QLabel *>())
        titled = titled || label->text().contains(QStringLiteral("Accounts in Texas"));
    EXPECT_TRUE(titled);
    // A reload of the book (after an import) keeps them.
    ASSERT_TRUE(window->session()->reloadView());
    ASSERT_TRUE(window->session()->waitUntilLoaded(30000));
    QApplication::processEvents();
    EXPECT_EQ(panel->choice(), TerritoryMapPanel::Choice::Regions);
    EXPECT_EQ(shownAccounts(), (std::vector<Id>{ 1, 2, 3 }));

    // Ctrl adds California.
    QTest::mouseClick(map, Qt::LeftButton, Qt::ControlModifier, centreOf(region(u"US-CA")));
    QApplication::processEvents();
    EXPECT_EQ(shownAccounts(), (std::vector<Id>{ 1, 2, 3, 4, 5 }));
    test::shootSizesAndSchemes(*window, QStringLiteral("territories-map-regions"));

    // A territory selected shows its own accounts again, and the map lets go.
    page->territoryView()->selectRow(rowOf(east).row());
    QApplication::processEvents();
    EXPECT_EQ(panel->choice(), TerritoryMapPanel::Choice::None);
    EXPECT_TRUE(map->selectedRegions().isEmpty());
    EXPECT_EQ(shownAccounts(), (std::vector<Id>{ 1, 2, 6, 8 }));

    // A lasso around New York.
    const QPoint ny = centreOf(region(u"US-NY"));
    const QList<QPoint> lasso{ ny + QPoint(-6, -6), ny + QPoint(6, -6), ny + QPoint(6, 6),
                               ny + QPoint(-6, 6), ny + QPoint(-6, -6) };
    QTest::mousePress(map, Qt::LeftButton, Qt::ShiftModifier, lasso.first());
    for (const QPoint &p : lasso.mid(1)) {
        QMouseEvent move(QEvent::MouseMove, p, map->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                         Qt::ShiftModifier);
        QApplication::sendEvent(map, &move);
    }
    QTest::mouseRelease(map, Qt::LeftButton, Qt::ShiftModifier, lasso.last());
    QApplication::processEvents();
    EXPECT_EQ(map->selectedRegions(), QList<int>{ region(u"US-NY") });
    EXPECT_EQ(shownAccounts(), (std::vector<Id>{ 6 }));
    EXPECT_EQ(page->selectedEntry(), -1);

    // The sea: nothing chosen, every account.
    QTest::keyClick(map, Qt::Key_Escape);
    QApplication::processEvents();
    EXPECT_EQ(panel->choice(), TerritoryMapPanel::Choice::None);
    EXPECT_EQ(page->accountModel()->rowCount(), 9);
}

TEST_F(GuiTerritoryMap, ARegionDroppedOnATerritoryMovesItsAccountsInOneUndoStep)
{
    QUndoStack *undo = window->session()->undoStack();
    const int steps = undo->count();
    std::unique_ptr<QMimeData> mime(RegionMap::mimeDataFor({ region(u"US-TX") }));
    ASSERT_TRUE(dropOn(west, mime.get()));
    EXPECT_EQ(undo->count(), steps + 1);
    EXPECT_EQ(accountsOf(west), 5); // 3, 4, 5 and Texas's 1 and 2
    EXPECT_EQ(accountsOf(east), 2);
    EXPECT_EQ(map->regionColors().value(region(u"US-TX")), panel->entryColor(west));
    const BookView &view = *window->session()->view();
    EXPECT_EQ(view.reps[std::size_t(view.accounts.owner[0])].name, QStringLiteral("Ben"));

    undo->undo();
    QApplication::processEvents();
    EXPECT_EQ(accountsOf(west), 3);
    EXPECT_EQ(accountsOf(east), 4);
    EXPECT_EQ(map->regionColors().value(region(u"US-TX")), panel->entryColor(east));

    // Accounts dragged from the table still drop as before; other text does not.
    std::unique_ptr<QMimeData> accounts(accountsMimeData({ 6 }));
    ASSERT_TRUE(dropOn(west, accounts.get()));
    EXPECT_EQ(accountsOf(west), 4);
    QMimeData text;
    text.setText(QStringLiteral("US-TX"));
    EXPECT_FALSE(dropOn(east, &text));
}

TEST_F(GuiTerritoryMap, AccountsWithNoRecognisedRegionAreListedUnderTheMap)
{
    QLabel *line = panel->notOnMapLabel();
    EXPECT_FALSE(line->isHidden());
    EXPECT_TRUE(line->text().contains(QStringLiteral("with no recognised region")))
            << qPrintable(line->text());
    // Oregon's grey is explained.
    EXPECT_TRUE(line->text().contains(QStringLiteral("in no territory")))
            << qPrintable(line->text());
    EXPECT_TRUE(line->text().contains(QStringLiteral("2 account"))) << qPrintable(line->text());
    emit line->linkActivated(QStringLiteral("unplaced"));
    QApplication::processEvents();
    EXPECT_EQ(panel->choice(), TerritoryMapPanel::Choice::Unplaced);
    EXPECT_EQ(shownAccounts(), (std::vector<Id>{ 7, 8 }));
    EXPECT_EQ(page->selectedAccounts(), (std::vector<Id>{ 7, 8 }));
    test::shootSizesAndSchemes(*window, QStringLiteral("territories-map-unplaced"));

    // Given to a territory, they stay listed (they are still nowhere on the map).
    ASSERT_TRUE(page->moveAccounts({ 7 }, west));
    QApplication::processEvents();
    EXPECT_EQ(shownAccounts(), (std::vector<Id>{ 7, 8 }));
}

TEST_F(GuiTerritoryMap, TheMapIsExportedAsPngAndPdf)
{
    const QString png = dir.path(QStringLiteral("map.png"));
    const QString pdf = dir.path(QStringLiteral("map.pdf"));
    QString error;
    ASSERT_TRUE(panel->exportPng(png, &error)) << qPrintable(error);
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GE(image.width(), 1600);
    // The legend under the map (1,600 points wide in its proportions, at 2 pixels a point):
    // East's swatch there.
    ASSERT_LT(map->width(), 1600);
    const int mapRows = 2 * (map->height() * 1600 / map->width());
    EXPECT_GT(image.height(), mapRows);
    bool keyed = false;
    const QRgb eastRgb = panel->entryColor(east).rgb();
    for (int y = mapRows; y < image.height() && !keyed; ++y)
        for (int x = 0; x < image.width() / 2 && !keyed; ++x)
            keyed = image.pixel(x, y) == eastRgb;
    EXPECT_TRUE(keyed);
    // Texas in East's colour somewhere in it.
    bool found = false;
    const QRgb east = panel->entryColor(this->east).rgb();
    for (int y = 0; y < image.height() && !found; y += 4)
        for (int x = 0; x < image.width() && !found; x += 4)
            found = image.pixel(x, y) == east;
    EXPECT_TRUE(found);
    ASSERT_TRUE(panel->exportPdf(pdf, &error)) << qPrintable(error);
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_GT(file.size(), 1000);
    EXPECT_TRUE(file.read(5) == "%PDF-");
    EXPECT_FALSE(panel->exportPng(dir.path(QStringLiteral("no/such/map.png")), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(GuiTerritoryMap, InABookWithoutTerritoriesEachRepIsOne)
{
    // Ana owns two Texan accounts, Ben one and California's.
    open(R"SQL(
        INSERT INTO reps (id, name, capacity) VALUES (1, 'Ben', NULL), (2, 'Ana', NULL);
        INSERT INTO accounts (id, crm_id, name, owner_id, potential, billing_state,
                              billing_country) VALUES
            (1, 'A1', 'Alamo', 2, 100, 'TX', 'USA'),
            (2, 'A2', 'Brazos', 2, 100, 'TX', 'USA'),
            (3, 'A3', 'Cibolo', 1, 100, 'TX', 'USA'),
            (4, 'A4', 'Delmar', 1, 100, 'CA', 'USA');
    )SQL",
         QStringLiteral("Ana"), QStringLiteral("Ben"));
    ASSERT_TRUE(page->state()->layout().byRep);
    const int ana = east, ben = west;
    // Ben's id is lower: the first colour.
    EXPECT_EQ(panel->entryColor(ben), territorycolors::ofSlot(0, false));
    EXPECT_EQ(map->regionColors().value(region(u"US-TX")), panel->entryColor(ana));
    EXPECT_EQ(map->regionColors().value(region(u"US-CA")), panel->entryColor(ben));
    EXPECT_TRUE(toolTipAt(region(u"US-TX")).contains(QStringLiteral("Ana: 2")));

    // California dropped on Ana: its account is hers, and California her colour.
    std::unique_ptr<QMimeData> mime(RegionMap::mimeDataFor({ region(u"US-CA") }));
    ASSERT_TRUE(dropOn(ana, mime.get()));
    const BookView &view = *window->session()->view();
    EXPECT_EQ(view.reps[std::size_t(view.accounts.owner[3])].name, QStringLiteral("Ana"));
    EXPECT_EQ(map->regionColors().value(region(u"US-CA")),
              panel->entryColor(entry(QStringLiteral("Ana"))));
}

// Fifty territories keep colours that read as colours: none none near white (0.82 at most), none
// near black, and no two of the first fifty the same.
TEST(TerritoryColours, FiftySlotsStayLegibleAndDistinct)
{
    QSet<QRgb> seen;
    for (int slot = 0; slot < 50; ++slot) {
        const QColor c = territorycolors::ofSlot(slot, false);
        EXPECT_LE(c.lightnessF(), 0.82) << slot; // Tableau's pink is 0.81
        EXPECT_GE(c.lightnessF(), 0.20) << slot;
        EXPECT_TRUE(!seen.contains(c.rgb())) << slot;
        seen.insert(c.rgb());
    }
}
