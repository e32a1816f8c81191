// What the main window guards (issue 16): a book that can only be read says so and takes no
// import (item 10).
#include "importtesting.h"
#include "uitestbook.h"

#include "import/importactions.h"
#include "mainwindow/infobanner.h"
#include "mainwindow/mainwindow.h"
#include "session/booksession.h"
#include "storage/book.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QStatusBar>

using namespace tp;
using tp::ui::MainWindow;

namespace {

// --- A read-only book ---------------------------------------------------------------------

class GuiReadOnlyBook : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        folder = dir.path(QStringLiteral("shared"));
        ASSERT_TRUE(QDir().mkpath(folder));
        book = test::writeSmallBook(folder + QStringLiteral("/team.tpbook"));
        window = std::make_unique<MainWindow>();
        window->setInteractive(false);
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

    test::TempDir dir;
    QString folder;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
};

TEST_F(GuiReadOnlyBook, TheBannerSaysWhyAndImportsAreOff)
{
    {
        const test::Unwritable readOnly(folder);
        if (!readOnly.ok())
            GTEST_SKIP() << "cannot make a folder read-only here";
        ASSERT_TRUE(open(book.path));
        ASSERT_TRUE(window->session()->isReadOnly());

        ui::InfoBanner *banner = window->banner();
        EXPECT_TRUE(banner->isVisible());
        EXPECT_TRUE(banner->text().startsWith(
                QStringLiteral("team.tpbook is open read-only: its folder %1 is read-only.")
                        .arg(QDir::toNativeSeparators(folder))))
                << banner->text().toStdString();
        EXPECT_TRUE(banner->text().contains(QStringLiteral("edits and imports are off")));
        EXPECT_TRUE(banner->text().contains(QStringLiteral("Save Copy As")));
        EXPECT_EQ(window->windowTitle(), QStringLiteral("team.tpbook (read-only)"));
        test::shootSizesAndSchemes(*window, QStringLiteral("read-only-book"));

        // Import is off, by its action and by a dropped file alike.
        ui::ImportActions *imports = window->importActions();
        EXPECT_FALSE(imports->importAction()->isEnabled());
        EXPECT_EQ(imports->openWizard(test::importSample("quotas.csv")), nullptr);
        EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("read-only")));
        EXPECT_EQ(imports->wizard(), nullptr);

        // Another book: the banner goes with this one.
        const QString other = dir.path(QStringLiteral("mine.tpbook"));
        ASSERT_TRUE(window->createBook(other));
        ASSERT_TRUE(window->session()->waitUntilLoaded());
        EXPECT_FALSE(banner->isVisible());
        EXPECT_TRUE(imports->importAction()->isEnabled());
    }

    // The folder writable again, the same book opens for writing, without the banner.
    ASSERT_TRUE(open(book.path));
    EXPECT_FALSE(window->session()->isReadOnly());
    EXPECT_FALSE(window->banner()->isVisible());
    EXPECT_TRUE(window->importActions()->importAction()->isEnabled());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("team.tpbook"));
}

} // namespace
