// The window's manners a first week finds missing (issue 16, items 15 and 20): the demo banner
// follows the book that is open, menus show "Reps & quotas", every undo and redo says what it
// did, File ▸ Close Book, an empty book points to Import, Tab leaves a table, and exports start
// in the folder of the last one.
#include "uitestbook.h"

#include "application.h"
#include "import/importactions.h"
#include "import/importwizard.h"
#include "mainwindow/bookactions.h"
#include "mainwindow/infobanner.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/scopebar.h"
#include "mainwindow/undoactions.h"
#include "models/opportunitytablemodel.h"
#include "pages/health/healthpage.h"
#include "pages/opportunities/opportunitiespage.h"
#include "pages/roi/roipage.h"
#include "pages/tablepage.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "testsupport.h"
#include "widgets/emptystate.h"
#include "widgets/exportpath.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <memory>

using namespace tp;
using tp::ui::MainWindow;

namespace {

class GuiWindowManners : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        window->resize(1400, 900);
        window->show();
        QApplication::setActiveWindow(window.get());
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }

    bool open(const QString &path)
    {
        return window->openBook(path) && window->session()->waitUntilLoaded();
    }
    QString status() const { return window->statusBar()->currentMessage(); }
    QMenu *menu(int index) const { return window->menuBar()->actions().at(index)->menu(); }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
};

// --- Item 15 ------------------------------------------------------------------------------

TEST_F(GuiWindowManners, TheDemoBannerFollowsTheBookThatIsOpen)
{
    ASSERT_TRUE(open(book.path));
    ui::showDemoBanner(*window, book.path); // the small book plays the demo here
    ui::InfoBanner *banner = window->banner();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("demo book")));

    // The user's own new book: no demo banner on it.
    ASSERT_TRUE(window->createBook(dir.path(QStringLiteral("mine.tpbook"))));
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    EXPECT_FALSE(banner->isVisible());

    // The demo again: it says so again.
    ASSERT_TRUE(open(book.path));
    EXPECT_TRUE(banner->isVisible());

    // Dismissed, it stays dismissed.
    banner->findChild<QToolButton *>()->click();
    EXPECT_FALSE(banner->isVisible());
    ASSERT_TRUE(open(dir.path(QStringLiteral("mine.tpbook"))));
    ASSERT_TRUE(open(book.path));
    EXPECT_FALSE(banner->isVisible());
}

TEST_F(GuiWindowManners, TheDemoBannerGoesWithAClosedBook)
{
    ASSERT_TRUE(open(book.path));
    ui::showDemoBanner(*window, book.path);
    window->bookActions()->closeAction()->trigger();
    EXPECT_FALSE(window->banner()->isVisible());
}

// --- Item 20: menus, undo and redo --------------------------------------------------------

TEST_F(GuiWindowManners, TheViewMenuShowsRepsAndQuotasAsWritten)
{
    const QList<QAction *> pages = menu(2)->actions();
    ASSERT_EQ(pages.size(), 8);
    EXPECT_EQ(pages.at(2)->text(), QStringLiteral("Reps && quotas")); // shown "Reps & quotas"
    for (QAction *action : pages) {
        // No stray mnemonic ("Reps _quotas"): Ctrl+1…8 switch pages.
        EXPECT_TRUE(QKeySequence::mnemonic(action->text()).isEmpty())
                << action->text().toStdString();
        EXPECT_EQ(QString(action->text()).replace(QStringLiteral("&&"), QStringLiteral("&")),
                  window->pages().at(int(pages.indexOf(action)))->title());
    }
}

TEST_F(GuiWindowManners, EveryUndoAndRedoSaysWhatItDid)
{
    ASSERT_TRUE(open(book.path));
    window->showPage(1);
    auto *page = qobject_cast<ui::OpportunitiesPage *>(window->currentPage());
    ui::OpportunityTableModel *model = page->opportunityModel();
    const QModelIndex amount =
            model->index(model->rowOfId(book.o3), int(OpportunityColumn::Amount));
    ASSERT_TRUE(model->setData(amount, 8000.0));
    const QString text = window->session()->undoStack()->undoText();
    ASSERT_TRUE(text.contains(QStringLiteral("Globex pilot")));
    window->statusBar()->clearMessage();

    window->undoAction()->trigger();
    EXPECT_EQ(status(), QStringLiteral("Undone: %1.").arg(text));
    window->redoAction()->trigger();
    EXPECT_EQ(status(), QStringLiteral("Redone: %1.").arg(text));

    // A page's bulk step, by its shortcut.
    auto *health = qobject_cast<ui::HealthPage *>(window->page(QStringLiteral("health")));
    window->showPage(int(window->pages().indexOf(health)));
    health->pushCloseDates({ book.o1, book.o2 }, QDate(2027, 2, 1));
    QTest::keySequence(window.get(), QKeySequence::Undo);
    EXPECT_EQ(status(), QStringLiteral("Undone: Push close date: 2 deals."));
}

TEST(GuiUndoActions, AnAmpersandInAStepIsNotAMnemonic)
{
    QUndoStack stack;
    ui::UndoActions actions(&stack);
    stack.push(new QUndoCommand(QStringLiteral("Mark “R&D renewal” lost")));
    EXPECT_EQ(actions.undoAction()->text(), QStringLiteral("&Undo Mark “R&&D renewal” lost"));
    EXPECT_TRUE(actions.undoAction()->isEnabled());
    EXPECT_FALSE(actions.redoAction()->isEnabled());
    actions.undoAction()->trigger();
    EXPECT_EQ(actions.redoAction()->text(), QStringLiteral("&Redo Mark “R&&D renewal” lost"));
}

// --- Item 20: Close Book and empty books --------------------------------------------------

TEST_F(GuiWindowManners, CloseBookLeavesTheWindowWithoutABook)
{
    ASSERT_TRUE(open(book.path));
    ui::BookActions *actions = window->bookActions();
    QAction *close = actions->closeAction();
    EXPECT_EQ(close->shortcut(), QKeySequence(QKeySequence::Close));
    EXPECT_TRUE(menu(0)->actions().contains(close));
    EXPECT_TRUE(close->isEnabled());
    window->showPage(1);
    window->tablePage(QStringLiteral("opportunities"))->tableView()->setFocus();
    ASSERT_TRUE(window->tablePage(QStringLiteral("opportunities"))
                        ->model()
                        ->setData(window->tablePage(QStringLiteral("opportunities"))
                                          ->model()
                                          ->index(0, int(OpportunityColumn::Amount)),
                                  123.0));

    QTest::keySequence(window.get(), QKeySequence::Close);
    EXPECT_FALSE(window->session()->isOpen());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Territory Planner"));
    EXPECT_EQ(status(), QStringLiteral("Closed small.tpbook."));
    EXPECT_EQ(window->session()->undoStack()->count(), 0);
    EXPECT_FALSE(window->undoAction()->isEnabled());
    EXPECT_FALSE(close->isEnabled());
    EXPECT_FALSE(actions->saveCopyAction()->isEnabled());
    EXPECT_FALSE(window->scopeBar()->repCombo()->isEnabled());
    for (ui::Page *page : window->pages()) {
        SCOPED_TRACE(page->key().toStdString());
        auto *table = qobject_cast<ui::TablePage *>(page);
        const QString text = table ? table->emptyText() : page->emptyStateText();
        EXPECT_TRUE(text.startsWith(QStringLiteral("No book is open."))) << text.toStdString();
        if (table) {
            EXPECT_EQ(table->model()->rowCount(), 0);
        }
    }
    // The empty state offers Open… and New Book….
    ui::EmptyState *empty = window->tablePage(QStringLiteral("accounts"))->emptyState();
    ASSERT_EQ(empty->buttons().size(), 2);
    EXPECT_EQ(empty->buttons().at(0)->text(), actions->openAction()->text());
    EXPECT_EQ(empty->buttons().at(1)->text(), actions->newAction()->text());

    // And the book opens again, with its edit kept.
    ASSERT_TRUE(open(book.path));
    EXPECT_EQ(window->tablePage(QStringLiteral("opportunities"))->model()->rowCount(), 6);
    EXPECT_TRUE(window->bookActions()->closeAction()->isEnabled());
}

TEST_F(GuiWindowManners, AnEmptyBookPointsToImport)
{
    ASSERT_TRUE(window->createBook(dir.path(QStringLiteral("empty.tpbook"))));
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    QAction *import = window->importActions()->importAction();
    for (ui::Page *page : window->pages()) {
        SCOPED_TRACE(page->key().toStdString());
        auto *table = qobject_cast<ui::TablePage *>(page);
        const QString text = table ? table->emptyText() : page->emptyStateText();
        EXPECT_TRUE(text.contains(QStringLiteral("File ▸ Import CSV… (Ctrl+I)")))
                << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("drop the CSV file on this window")));
        window->showPage(int(window->pages().indexOf(page)));
        const QList<QPushButton *> buttons = page->findChildren<QPushButton *>();
        const auto importButton = std::find_if(buttons.begin(), buttons.end(), [&](auto *b) {
            return b->isVisible() && b->text() == import->text();
        });
        ASSERT_NE(importButton, buttons.end());
        EXPECT_TRUE((*importButton)->isEnabled());
    }
    // The button opens the wizard.
    window->showPage(0);
    window->tablePage(QStringLiteral("accounts"))->emptyState()->buttons().at(0)->click();
    ui::ImportWizard *wizard = window->importActions()->wizard();
    ASSERT_NE(wizard, nullptr);
    wizard->reject();
}

// --- Item 20: Tab and tables ---------------------------------------------------------------

TEST_F(GuiWindowManners, TabLeavesATableAndCtrlTabMovesWithinIt)
{
    {
        // Acme scored, for a row in the ROI work list.
        auto b = Book::open(book.path);
        b->db().exec(QStringLiteral("INSERT INTO account_scores VALUES (%1, 1, 5), (%1, 2, 4)")
                             .arg(book.acme)
                             .toStdString());
    }
    ASSERT_TRUE(open(book.path));
    // `cells`: a table of cells; the ROI work list is a list of rows (its current cell is the
    // row's first), where arrows move.
    const auto check = [&](QTableView *view, bool cells) {
        SCOPED_TRACE(view->accessibleName().toStdString());
        ASSERT_GT(view->model()->rowCount(), 0);
        view->setFocus(Qt::OtherFocusReason);
        view->setCurrentIndex(view->model()->index(0, cells ? 1 : 0));
        const QModelIndex current = view->currentIndex();
        ASSERT_TRUE(view->hasFocus());
        if (cells) {
            QTest::keyClick(view, Qt::Key_Tab, Qt::ControlModifier);
            EXPECT_EQ(view->currentIndex().column(), 2) << "Ctrl+Tab: the next cell";
            QTest::keyClick(view, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
            EXPECT_EQ(view->currentIndex().column(), 1);
        }
        QTest::keyClick(view, Qt::Key_Tab);
        EXPECT_FALSE(view->hasFocus()) << "Tab: the next widget";
        EXPECT_EQ(view->currentIndex(), current);
        view->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
        EXPECT_FALSE(view->hasFocus()) << "Shift+Tab: the widget before";
    };
    window->showPage(1);
    check(window->tablePage(QStringLiteral("opportunities"))->tableView(), true);
    auto *roi = qobject_cast<ui::RoiPage *>(window->page(QStringLiteral("roi")));
    window->showPage(int(window->pages().indexOf(roi)));
    check(roi->workList(), false);
    auto *health = qobject_cast<ui::HealthPage *>(window->page(QStringLiteral("health")));
    window->showPage(int(window->pages().indexOf(health)));
    check(health->dealsTable(), true);
}

// --- Item 20: export folders ---------------------------------------------------------------

TEST_F(GuiWindowManners, ExportDialogsStartInTheFolderOfTheLastExport)
{
    ASSERT_TRUE(open(book.path));
    QSettings().remove(QStringLiteral("export/lastFolder"));
    const QDir folder(dir.path(QStringLiteral("exports")));
    ASSERT_TRUE(folder.mkpath(QStringLiteral(".")));

    // The first export: from Documents to a folder of the user's choice.
    auto *health = qobject_cast<ui::HealthPage *>(window->page(QStringLiteral("health")));
    window->showPage(int(window->pages().indexOf(health)));
    QString started;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        started = dialog->directory().absolutePath();
        dialog->selectFile(folder.filePath(QStringLiteral("stalled")));
        static_cast<QDialog *>(dialog)->accept();
    });
    const QList<QAction *> actions = health->pageActions();
    const auto exportAction = std::find_if(actions.begin(), actions.end(), [](QAction *a) {
        return QString(a->text()).remove(QLatin1Char('&')).contains(QStringLiteral("Export"));
    });
    ASSERT_NE(exportAction, actions.end());
    (*exportAction)->trigger();
    EXPECT_FALSE(started.isEmpty()) << "the dialog was shown";
    EXPECT_TRUE(QFile::exists(folder.filePath(QStringLiteral("stalled.csv"))));
    EXPECT_EQ(QDir(ui::exportpath::lastFolder()).absolutePath(), folder.absolutePath());

    // Another page's export starts there, and so does the next run's (QSettings).
    auto *roi = qobject_cast<ui::RoiPage *>(window->page(QStringLiteral("roi")));
    window->showPage(int(window->pages().indexOf(roi)));
    started.clear();
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        started = dialog->directory().absolutePath();
        dialog->reject();
    });
    QAction *png = nullptr; // Export Chart ▸ As PNG Image…
    for (QMenu *menu : roi->findChildren<QMenu *>())
        for (QAction *action : menu->actions())
            if (action->text().contains(QStringLiteral("PNG")))
                png = action;
    ASSERT_NE(png, nullptr);
    png->trigger();
    EXPECT_EQ(started, folder.absolutePath());
    EXPECT_EQ(QSettings().value(QStringLiteral("export/lastFolder")).toString(),
              folder.absolutePath());
    QSettings().remove(QStringLiteral("export/lastFolder"));
}

} // namespace
