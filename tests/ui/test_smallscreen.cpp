// The window on a small screen (issue 16, item 13): at 1024×640, with the demo banner showing,
// every page fits (the window's smallest size is at most that) and every button, field and
// list of every page is inside the window, or inside a scroll area that is, where a user can
// reach it. The demo book, so that names, factors and figures are as long as a real book's.
#include "application.h"
#include "demo/demobook.h"
#include "mainwindow/infobanner.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/scopebar.h"
#include "pages/health/healthpage.h"
#include "pages/page.h"
#include "session/booksession.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QTabBar>

#include <gtest/gtest.h>

#include <memory>

using namespace tp;

namespace {

constexpr QSize smallScreen(1024, 640);

class GuiSmallScreen : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir;
        demo::writeDemoBook(s_dir->path(QStringLiteral("demo.tpbook")));
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }

    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        window = std::make_unique<ui::MainWindow>();
        window->setInteractive(false);
        const QString path = s_dir->path(QStringLiteral("demo.tpbook"));
        ASSERT_TRUE(window->openBook(path));
        ASSERT_TRUE(window->session()->waitUntilLoaded());
        window->banner()->showMessage(QStringLiteral("This is a demo book with made-up reps, "
                                                     "accounts and opportunities, so you can try "
                                                     "everything. Edits stay in this copy. Use "
                                                     "File ▸ New Book… to start your own."));
        window->show();
        window->resize(smallScreen);
        QApplication::processEvents();
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }

    // Widgets a user works with: buttons, fields, lists and tables.
    static bool isControl(const QWidget *w)
    {
        return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w)
                || qobject_cast<const QAbstractSpinBox *>(w)
                || (qobject_cast<const QLineEdit *>(w)
                    && !qobject_cast<const QAbstractSpinBox *>(w->parentWidget()))
                || qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTabBar *>(w);
    }

    // Where a user finds `w`: itself, or the scroll area it scrolls in (scroll bars are
    // the scroll area's own).
    static const QWidget *reachableThrough(const QWidget *w)
    {
        const QWidget *reached = w;
        for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
            const auto *area = qobject_cast<const QAbstractScrollArea *>(p);
            if (area && area->viewport()->isAncestorOf(w))
                reached = area;
        }
        return reached;
    }

    // Empty when every control of `root` is in full view in the window; else what is not.
    QStringList clippedControls(const QWidget *root) const
    {
        QStringList clipped;
        const QRect inside = window->rect();
        for (const QWidget *w : root->findChildren<QWidget *>()) {
            if (!isControl(w) || !w->isVisibleTo(window.get()))
                continue;
            const QWidget *target = reachableThrough(w);
            const QRect where(target->mapTo(window.get(), QPoint(0, 0)), target->size());
            bool ok = inside.contains(where) && !where.isEmpty();
            // Not cut by a parent too small for it either.
            for (const QWidget *p = target->parentWidget(); ok && p && p != window.get();
                 p = p->parentWidget())
                ok = QRect(p->mapTo(window.get(), QPoint(0, 0)), p->size()).contains(where);
            if (!ok) {
                const QString text = qobject_cast<const QAbstractButton *>(w)
                        ? static_cast<const QAbstractButton *>(w)->text()
                        : w->accessibleName();
                clipped.append(QStringLiteral("%1 \"%2\" at %3,%4 %5×%6")
                                       .arg(QString::fromLatin1(w->metaObject()->className()), text)
                                       .arg(where.x())
                                       .arg(where.y())
                                       .arg(where.width())
                                       .arg(where.height()));
            }
        }
        return clipped;
    }

    static test::TempDir *s_dir;
    std::unique_ptr<ui::MainWindow> window;
};

test::TempDir *GuiSmallScreen::s_dir = nullptr;

TEST_F(GuiSmallScreen, TheWindowCanBeAsSmallAs1024By640)
{
    ASSERT_TRUE(window->banner()->isVisible());
    const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
    EXPECT_LE(minimum.width(), smallScreen.width());
    EXPECT_LE(minimum.height(), smallScreen.height());
    EXPECT_EQ(window->size(), smallScreen);
}

TEST_F(GuiSmallScreen, EveryPageKeepsItsControlsInView)
{
    for (int i = 0; i < window->pages().size(); ++i) {
        window->showPage(i);
        QApplication::processEvents();
        ui::Page *page = window->pages().at(i);
        SCOPED_TRACE(page->key().toStdString());
        EXPECT_EQ(window->size(), smallScreen);
        EXPECT_EQ(clippedControls(page), QStringList());
        EXPECT_EQ(clippedControls(window->scopeBar()), QStringList());
        EXPECT_TRUE(window->scopeBar()->isVisible());
        // The page's own commands are in the Edit menu while it is shown.
        const QList<QAction *> edit = window->menuBar()->actions().at(1)->menu()->actions();
        for (QAction *action : page->pageActions())
            EXPECT_TRUE(edit.contains(action)) << action->text().toStdString();
    }
}

TEST_F(GuiSmallScreen, AFilteredHealthPageStillFits)
{
    // A chart click adds the filter's label and Clear to the page's toolbar.
    auto *health = qobject_cast<ui::HealthPage *>(window->page(QStringLiteral("health")));
    ASSERT_NE(health, nullptr);
    window->showPage(int(window->pages().indexOf(health)));
    health->filterBySegment(1, 2);
    QApplication::processEvents();
    EXPECT_EQ(window->size(), smallScreen);
    EXPECT_EQ(clippedControls(health), QStringList());
}

TEST_F(GuiSmallScreen, ScreenshotsAt1024By640)
{
    const QString shots = s_dir->path(QStringLiteral("shots"));
    QString error;
    ASSERT_TRUE(ui::saveScreenshots(*window, shots, smallScreen, &error)) << qPrintable(error);
    if (const QString keep = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !keep.isEmpty())
        ui::saveScreenshots(*window, keep, smallScreen, &error);
}

} // namespace
