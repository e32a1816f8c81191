// The main window offscreen: pages, scope bar, undo/redo actions, bad files, copy, screenshots.
#include "uitestbook.h"

#include "application.h"
#include "domain/dates.h"
#include "mainwindow/infobanner.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/recentbooks.h"
#include "mainwindow/scopebar.h"
#include "models/booktablemodel.h"
#include "models/opportunitytablemodel.h"
#include "pages/opportunities/opportunitiespage.h"
#include "pages/tablepage.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/book.h"
#include "storage/opportunities.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using tp::ui::MainWindow;
using tp::ui::TablePage;

namespace {

class GuiMainWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        // After the locale, as runGui does: the models format with the locale they start with.
        owned = std::make_unique<MainWindow>();
        owned->setInteractive(false);
    }
    void TearDown() override
    {
        owned.reset();
        QLocale::setDefault(QLocale::system());
    }

    bool openBook()
    {
        return window().openBook(book.path) && window().session()->waitUntilLoaded();
    }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> owned;
    MainWindow &window() { return *owned; }
};

QStringList menuTitles(const QMenuBar *bar)
{
    QStringList titles;
    for (QAction *action : bar->actions())
        titles.append(action->text());
    return titles;
}

// Distinct colours in a sample of the image: a blank or single-colour grab has one or two.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

TEST_F(GuiMainWindow, ComposesEightPagesAndTheStandardMenus)
{
    ASSERT_TRUE(openBook());
    window().show();
    EXPECT_EQ(menuTitles(window().menuBar()),
              (QStringList{ QStringLiteral("&File"), QStringLiteral("&Edit"),
                            QStringLiteral("&View"), QStringLiteral("&Help") }));
    ASSERT_EQ(window().pages().size(), 8);
    const QStringList keys{ QStringLiteral("accounts"), QStringLiteral("opportunities"),
                            QStringLiteral("reps"),     QStringLiteral("roi"),
                            QStringLiteral("health"),   QStringLiteral("funnel"),
                            QStringLiteral("review"),   QStringLiteral("territories") };
    const QList<QAction *> switches = window().pageSwitchActions();
    ASSERT_EQ(switches.size(), 8);
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(switches[i]->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        switches[i]->trigger();
        ASSERT_NE(window().currentPage(), nullptr);
        EXPECT_EQ(window().currentPage()->key(), keys[i]);
        EXPECT_TRUE(window().currentPage()->isVisible());
    }
    EXPECT_EQ(window().tablePage(QStringLiteral("accounts"))->countText(),
              QStringLiteral("3 accounts"));
    EXPECT_EQ(window().tablePage(QStringLiteral("opportunities"))->countText(),
              QStringLiteral("6 opportunities"));
    EXPECT_EQ(window().tablePage(QStringLiteral("reps"))->countText(), QStringLiteral("2 reps"));
    EXPECT_EQ(window().windowTitle(), QStringLiteral("small.tpbook"));
    EXPECT_EQ(window().undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    EXPECT_EQ(window().redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));
    EXPECT_EQ(window().findAction()->shortcut(), QKeySequence(QKeySequence::Find));
}

TEST_F(GuiMainWindow, UndoAndRedoActionsReachTheBook)
{
    ASSERT_TRUE(openBook());
    window().show();
    window().showPage(1);
    auto *page = qobject_cast<ui::OpportunitiesPage *>(window().currentPage());
    ASSERT_NE(page, nullptr);
    ui::OpportunityTableModel *model = page->opportunityModel();
    const int row = model->rowOfId(book.o3);
    const QModelIndex amount = model->index(row, int(OpportunityColumn::Amount));
    EXPECT_FALSE(window().undoAction()->isEnabled());

    ASSERT_TRUE(model->setData(amount, 8000.0));
    EXPECT_EQ(amount.data().toString(), QStringLiteral("$8,000.00"));
    EXPECT_TRUE(window().undoAction()->isEnabled());
    EXPECT_TRUE(window().undoAction()->text().contains(QStringLiteral("Globex pilot")));

    window().undoAction()->trigger();
    EXPECT_EQ(amount.data().toString(), QStringLiteral("$7,000.00"));
    EXPECT_TRUE(window().redoAction()->isEnabled());
    {
        auto b = Book::open(book.path);
        EXPECT_EQ(OpportunityRepository(*b).byId(book.o3)->amount, 700'000);
    }
    window().redoAction()->trigger();
    EXPECT_EQ(amount.data().toString(), QStringLiteral("$8,000.00"));
    auto b = Book::open(book.path);
    EXPECT_EQ(OpportunityRepository(*b).byId(book.o3)->amount, 800'000);
}

TEST_F(GuiMainWindow, ABadFileIsRefusedAndTheBookStays)
{
    ASSERT_TRUE(openBook());
    const QString junk = dir.path(QStringLiteral("junk.tpbook"));
    QFile file(junk);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QString error;
    EXPECT_FALSE(window().openBook(junk, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("junk.tpbook"))) << qPrintable(error);
    EXPECT_EQ(window().session()->path(), book.path);
    EXPECT_EQ(window().windowTitle(), QStringLiteral("small.tpbook"));
    EXPECT_EQ(window().tablePage(QStringLiteral("opportunities"))->model()->rowCount(), 6);
}

TEST_F(GuiMainWindow, ScopeBarLimitsEveryPage)
{
    ASSERT_TRUE(openBook());
    QComboBox *rep = window().scopeBar()->repCombo();
    const int bob = rep->findText(QStringLiteral("Bob Baker"));
    ASSERT_GT(bob, 0);
    rep->setCurrentIndex(bob);
    EXPECT_EQ(window().tablePage(QStringLiteral("opportunities"))->model()->rowCount(), 2);
    EXPECT_EQ(window().tablePage(QStringLiteral("accounts"))->model()->rowCount(), 1);
    EXPECT_EQ(window().tablePage(QStringLiteral("reps"))->model()->shownCount(), 1);
    EXPECT_EQ(window().tablePage(QStringLiteral("opportunities"))->countText(),
              QStringLiteral("2 of 6 opportunities"));
    rep->setCurrentIndex(0);
    QComboBox *territory = window().scopeBar()->territoryCombo();
    territory->setCurrentIndex(territory->findText(QStringLiteral("North")));
    EXPECT_EQ(window().tablePage(QStringLiteral("opportunities"))->model()->rowCount(), 4);
    EXPECT_EQ(window().tablePage(QStringLiteral("accounts"))->model()->rowCount(), 2);
    // Periods are quarters around the as-of date.
    QComboBox *period = window().scopeBar()->periodCombo();
    EXPECT_GE(period->count(), 5);
    EXPECT_EQ(period->currentText(), Period::containing(QDate::currentDate()).label());
}

TEST_F(GuiMainWindow, TheRepsPageShowsWonAttainmentAndTheTeamLineLast)
{
    ASSERT_TRUE(openBook());
    window().show();
    auto *reps = window().tablePage(QStringLiteral("reps"));
    window().showPage(int(window().pages().indexOf(reps)));
    QApplication::processEvents();
    ui::BookTableModel *model = reps->model();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(reps->countText(), QStringLiteral("2 reps")) << "the team line is not a rep";
    EXPECT_TRUE(model->index(2, 0).data().toString().startsWith(QStringLiteral("Team")));
    // Not selectable: Select All and Copy take the reps only.
    reps->tableView()->selectAll();
    EXPECT_EQ(reps->selectedRowsAsText().count(QLatin1Char('\n')), 2);
    test::shootSizesAndSchemes(window(), QStringLiteral("reps"));
}

TEST_F(GuiMainWindow, CopiesSelectedRowsAsTabSeparatedText)
{
    ASSERT_TRUE(openBook());
    window().show();
    window().showPage(0);
    auto *page = qobject_cast<TablePage *>(window().currentPage());
    page->model()->sort(int(AccountColumn::Name), Qt::AscendingOrder);
    QTableView *view = page->tableView();
    view->selectionModel()->select(page->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(page->model()->index(2, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    EXPECT_TRUE(page->copyAction()->isEnabled());
    page->copyAction()->trigger();
    const QStringList lines =
            QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);
    const QStringList first = lines[0].split(QLatin1Char('\t'));
    EXPECT_EQ(first.size(), page->model()->columnCount());
    EXPECT_EQ(first.value(0), QStringLiteral("Acme Corp"));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("Initech\t")));
    // The Edit menu carries the current page's actions.
    EXPECT_TRUE(
            window().menuBar()->actions().at(1)->menu()->actions().contains(page->copyAction()));
}

TEST_F(GuiMainWindow, SaysWhyATableIsEmpty)
{
    window().show();
    EXPECT_TRUE(window().tablePage(QStringLiteral("accounts"))
                        ->emptyText()
                        .contains(QStringLiteral("No book is open")));
    ASSERT_TRUE(window().createBook(dir.path(QStringLiteral("new.tpbook"))));
    ASSERT_TRUE(window().session()->waitUntilLoaded());
    EXPECT_TRUE(window().tablePage(QStringLiteral("accounts"))
                        ->emptyText()
                        .startsWith(QStringLiteral("This book has no accounts yet.")));
    ASSERT_TRUE(openBook());
    TablePage *page = window().tablePage(QStringLiteral("opportunities"));
    page->model()->setTextFilter(QStringLiteral("no such deal"));
    EXPECT_TRUE(page->emptyText().startsWith(QStringLiteral("No opportunities match")));
    EXPECT_EQ(page->countText(), QStringLiteral("0 of 6 opportunities"));
}

TEST_F(GuiMainWindow, ScreenshotsAreWrittenForEveryPage)
{
    ASSERT_TRUE(openBook());
    const QString shots = dir.path(QStringLiteral("shots"));
    QString error;
    ASSERT_TRUE(ui::saveScreenshots(window(), shots, ui::defaultScreenshotSize, &error))
            << qPrintable(error);
    for (const QString &name :
         { QStringLiteral("accounts"), QStringLiteral("opportunities"), QStringLiteral("reps") }) {
        const QImage image(QDir(shots).filePath(name + QStringLiteral(".png")));
        ASSERT_FALSE(image.isNull()) << qPrintable(name);
        EXPECT_EQ(image.size(), QSize(1400, 900) * image.devicePixelRatio());
        EXPECT_GT(colourCount(image), 20) << qPrintable(name);
    }
}

TEST_F(GuiMainWindow, ScreenshotsAreRenderedAtTheSizeAsked)
{
    ASSERT_TRUE(openBook());
    const QString shots = dir.path(QStringLiteral("big"));
    QString error;
    ASSERT_TRUE(ui::saveScreenshots(window(), shots, QSize(1920, 1080), &error))
            << qPrintable(error);
    const QImage image(QDir(shots).filePath(QStringLiteral("funnel.png")));
    EXPECT_EQ(image.size(), QSize(1920, 1080) * image.devicePixelRatio());

    // Smaller than the window can be: said, with the smallest size, instead of a larger image.
    EXPECT_FALSE(ui::saveScreenshots(window(), dir.path(QStringLiteral("tiny")), QSize(300, 200),
                                     &error));
    EXPECT_TRUE(error.contains(QStringLiteral("cannot be 300×200"))) << qPrintable(error);
}

TEST(GuiScreenshotSize, ReadsWidthByHeight)
{
    EXPECT_EQ(ui::parseScreenshotSize(QStringLiteral("1024x640")), QSize(1024, 640));
    EXPECT_EQ(ui::parseScreenshotSize(QStringLiteral("1920×1080")), QSize(1920, 1080));
    EXPECT_EQ(ui::parseScreenshotSize(QStringLiteral(" 800 X 600 ")), QSize(800, 600));
    EXPECT_FALSE(ui::parseScreenshotSize(QStringLiteral("0x640")).isValid());
    EXPECT_FALSE(ui::parseScreenshotSize(QStringLiteral("1024")).isValid());
    EXPECT_FALSE(ui::parseScreenshotSize(QStringLiteral("big")).isValid());
}

// The real executable, as the README and scripts use it.
TEST_F(GuiMainWindow, ExecutableRendersScreenshotsAndFailsOnABadBook)
{
    const QString executable = QStringLiteral(TP_EXECUTABLE);
    ASSERT_TRUE(QFile::exists(executable)) << qPrintable(executable);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Keep the run's settings and demo copy out of the user's home.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path(QStringLiteral("data")));
    const QString shots = dir.path(QStringLiteral("exe-shots"));

    QProcess process;
    process.setProcessEnvironment(env);
    process.start(executable,
                  { book.path, QStringLiteral("--screenshot"), shots,
                    QStringLiteral("--screenshot-import"),
                    test::dataFile(QStringLiteral("import/salesforce-quirks.csv")) });
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().constData();
    for (const QString &name :
         { QStringLiteral("accounts"), QStringLiteral("opportunities"), QStringLiteral("reps"),
           QStringLiteral("import-mapping"), QStringLiteral("import-preview") }) {
        const QImage image(QDir(shots).filePath(name + QStringLiteral(".png")));
        ASSERT_FALSE(image.isNull()) << qPrintable(name);
        EXPECT_GT(colourCount(image), 20) << qPrintable(name);
    }

    const QString sized = dir.path(QStringLiteral("exe-sized"));
    process.start(executable,
                  { book.path, QStringLiteral("--screenshot"), sized,
                    QStringLiteral("--screenshot-size"), QStringLiteral("1600x1000") });
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().constData();
    const QImage sizedImage(QDir(sized).filePath(QStringLiteral("accounts.png")));
    EXPECT_EQ(sizedImage.size(), QSize(1600, 1000) * sizedImage.devicePixelRatio());
    process.start(executable,
                  { book.path, QStringLiteral("--screenshot"), sized,
                    QStringLiteral("--screenshot-size"), QStringLiteral("big") });
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(process.readAllStandardError().contains("such as 1024x640"));

    process.start(executable,
                  { dir.path(QStringLiteral("missing.tpbook")), QStringLiteral("--screenshot"),
                    dir.path(QStringLiteral("none")) });
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 1);
    EXPECT_TRUE(process.readAllStandardError().contains("does not exist"));
    EXPECT_FALSE(QDir(dir.path(QStringLiteral("none"))).exists());
}

} // namespace

namespace {

TEST(GuiRecentBooks, KeepsEightNewestFirstWithoutDuplicates)
{
    test::TempDir dir;
    ui::RecentBooks recent;
    recent.clear();
    for (int i = 0; i < 10; ++i)
        recent.add(dir.path(QStringLiteral("book%1.tpbook").arg(i)));
    recent.add(dir.path(QStringLiteral("book5.tpbook")));
    const QStringList paths = recent.paths();
    ASSERT_EQ(paths.size(), ui::RecentBooks::maximum);
    EXPECT_EQ(paths.first(), dir.path(QStringLiteral("book5.tpbook")));
    EXPECT_EQ(paths.at(1), dir.path(QStringLiteral("book9.tpbook")));
    EXPECT_EQ(paths.count(dir.path(QStringLiteral("book5.tpbook"))), 1);
    EXPECT_FALSE(paths.contains(dir.path(QStringLiteral("book0.tpbook"))));

    ui::RecentBooks reread; // persisted in QSettings
    EXPECT_EQ(reread.paths(), paths);

    QMenu menu;
    recent.fillMenu(&menu);
    EXPECT_EQ(menu.actions().size(), ui::RecentBooks::maximum + 2); // books, separator, Clear
    EXPECT_EQ(menu.actions().last()->text(), QStringLiteral("&Clear List"));
    menu.actions().last()->trigger();
    EXPECT_TRUE(recent.paths().isEmpty());
    EXPECT_TRUE(ui::RecentBooks().paths().isEmpty());
}

TEST(GuiScopeState, AsOfDateMovesThePeriod)
{
    ui::ScopeState scope;
    QSignalSpy changed(&scope, &ui::ScopeState::changed);
    scope.setAsOf(QDate(2026, 11, 20));
    EXPECT_EQ(scope.period().label(), QStringLiteral("2026-Q4"));
    scope.reset(4); // a fiscal year starting in April
    EXPECT_EQ(scope.period().label(), QStringLiteral("2027-Q3"));
    scope.setRepIndex(2);
    scope.setRepIndex(2); // no change, no signal
    EXPECT_EQ(changed.count(), 3);
    scope.reset(1);
    EXPECT_EQ(scope.repIndex(), -1);
    EXPECT_EQ(scope.period().start, QDate(2026, 10, 1));
}

} // namespace
