// When figures are evaluated: at once, on the next turn, or only once a page that shows them is
// current (EvaluationSchedule), and the window's pages on other tabs costing an edit nothing.
#include "uitestbook.h"

#include "edits/bookeditor.h"
#include "mainwindow/mainwindow.h"
#include "pages/evaluationschedule.h"
#include "pages/funnel/funnelpage.h"
#include "pages/funnel/funnelstate.h"
#include "pages/health/healthdealsmodel.h"
#include "pages/health/healthpage.h"
#include "pages/health/healthstate.h"
#include "pages/roi/roipage.h"
#include "pages/roi/roistate.h"
#include "pages/roi/worklistmodel.h"
#include "session/booksession.h"
#include "testsupport.h"

#include <QApplication>
#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

using namespace tp;
using namespace tp::ui;

namespace {

// What a schedule's evaluation was asked for, in order (`true`: with a scope change).
struct Evaluations
{
    std::vector<bool> calls;
    EvaluationSchedule schedule{ [this](bool scopeChanged) { calls.push_back(scopeChanged); } };
};

TEST(EvaluationSchedule, WithoutPagesNowIsAtOnceAndLaterIsOnceOnTheNextTurn)
{
    Evaluations e;
    e.schedule.now(true);
    EXPECT_EQ(e.calls, std::vector<bool>{ true });
    e.schedule.later();
    e.schedule.later();
    e.schedule.later();
    EXPECT_EQ(e.calls.size(), 1u);
    EXPECT_TRUE(e.schedule.isPending());
    QApplication::processEvents();
    EXPECT_EQ(e.calls, (std::vector<bool>{ true, false }));
    EXPECT_FALSE(e.schedule.isPending());
    QApplication::processEvents();
    EXPECT_EQ(e.calls.size(), 2u);
}

TEST(EvaluationSchedule, AReadBeforeTheNextTurnEvaluatesOnceAndTheTurnNoMore)
{
    Evaluations e;
    e.schedule.later();
    e.schedule.flush();
    EXPECT_EQ(e.calls, std::vector<bool>{ false });
    e.schedule.flush(); // nothing pending
    QApplication::processEvents();
    EXPECT_EQ(e.calls.size(), 1u);
}

TEST(EvaluationSchedule, WhileItsPagesAreHiddenChangesAreNotedAndEvaluatedOnceWhenOneIsShown)
{
    Evaluations e;
    QObject roi, health;
    e.schedule.setShownBy(&roi, false);
    e.schedule.setShownBy(&health, false);
    EXPECT_FALSE(e.schedule.isShown());
    e.schedule.later();
    e.schedule.now(false);
    e.schedule.now(true); // another scope meanwhile: said when evaluated
    e.schedule.later();
    QApplication::processEvents();
    EXPECT_TRUE(e.calls.empty());
    EXPECT_TRUE(e.schedule.isPending());
    e.schedule.setShownBy(&health, true);
    EXPECT_EQ(e.calls, std::vector<bool>{ true });
    // Shown: changes are evaluated as without pages.
    e.schedule.now(false);
    EXPECT_EQ(e.calls, (std::vector<bool>{ true, false }));
    // Hidden again, and a read of the figures: evaluated for the read only.
    e.schedule.setShownBy(&health, false);
    e.schedule.later();
    QApplication::processEvents();
    EXPECT_EQ(e.calls.size(), 2u);
    e.schedule.flush();
    EXPECT_EQ(e.calls, (std::vector<bool>{ true, false, false }));
    e.schedule.setShownBy(&roi, true); // nothing pending: nothing to do
    EXPECT_EQ(e.calls.size(), 3u);
}

TEST(EvaluationSchedule, ANextTurnQueuedWhileShownDoesNothingOnceHidden)
{
    Evaluations e;
    QObject page;
    e.schedule.setShownBy(&page, true);
    e.schedule.later();
    e.schedule.setShownBy(&page, false);
    QApplication::processEvents();
    EXPECT_TRUE(e.calls.empty());
    e.schedule.setShownBy(&page, true);
    EXPECT_EQ(e.calls, std::vector<bool>{ false });
}

TEST(EvaluationSchedule, WhenItsLastPageIsGoneItKeepsTheFiguresCurrentAgain)
{
    Evaluations e;
    {
        QObject page;
        e.schedule.setShownBy(&page, false);
        e.schedule.now(false);
        EXPECT_TRUE(e.calls.empty());
    }
    e.schedule.now(false);
    EXPECT_EQ(e.calls.size(), 1u);
}

// The window on its Accounts page: a bulk edit leaves Pipeline Health, Funnel and ROI as they
// were until each is shown, and each shows the edit the moment it is.
class GuiHiddenPages : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        ASSERT_TRUE(window->openBook(book.path) && window->session()->waitUntilLoaded());
        QApplication::processEvents();
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }

    int indexOf(const QString &key) const
    {
        return int(window->pages().indexOf(window->page(key)));
    }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
};

TEST_F(GuiHiddenPages, AnEditOnAnotherPageIsEvaluatedWhenTheFiguresPageIsShown)
{
    auto *health = qobject_cast<HealthPage *>(window->page(QStringLiteral("health")));
    auto *funnel = qobject_cast<FunnelPage *>(window->page(QStringLiteral("funnel")));
    auto *roi = qobject_cast<RoiPage *>(window->page(QStringLiteral("roi")));
    ASSERT_TRUE(health && funnel && roi);
    window->showPage(indexOf(QStringLiteral("health")));
    const int openDeals = health->dealsModel()->rowCount();
    ASSERT_GT(openDeals, 3);
    window->showPage(indexOf(QStringLiteral("accounts")));
    QSignalSpy healthEvaluated(health->state(), &HealthState::evaluated);
    QSignalSpy funnelEvaluated(funnel->state(), &FunnelState::evaluated);
    QSignalSpy roiEvaluated(roi->state(), &RoiState::evaluated);

    ASSERT_TRUE(window->session()->edit(&BookEditor::markLost,
                                        std::vector<Id>{ book.o1, book.o2, book.o3 },
                                        QStringLiteral("Budget cut"), QDate(2026, 11, 20)));
    QApplication::processEvents();
    EXPECT_EQ(healthEvaluated.count(), 0);
    EXPECT_EQ(funnelEvaluated.count(), 0);
    EXPECT_EQ(roiEvaluated.count(), 0);
    EXPECT_EQ(health->dealsModel()->rowCount(), openDeals); // not evaluated: as it was

    window->showPage(indexOf(QStringLiteral("health")));
    EXPECT_EQ(healthEvaluated.count(), 1);
    EXPECT_EQ(health->dealsModel()->rowCount(), openDeals - 3);
    EXPECT_EQ(roiEvaluated.count(), 0);
    EXPECT_EQ(funnelEvaluated.count(), 0); // its own page is still hidden

    window->showPage(indexOf(QStringLiteral("funnel")));
    EXPECT_EQ(funnelEvaluated.count(), 1);
    EXPECT_EQ(healthEvaluated.count(), 1); // evaluated already

    window->showPage(indexOf(QStringLiteral("roi")));
    EXPECT_EQ(roiEvaluated.count(), 1);

    // The page shown evaluates an edit as before: on the event loop's next turn.
    window->session()->undoStack()->undo();
    EXPECT_EQ(roiEvaluated.count(), 1);
    QApplication::processEvents();
    EXPECT_EQ(roiEvaluated.count(), 2);
    EXPECT_EQ(healthEvaluated.count(), 1);
    window->showPage(indexOf(QStringLiteral("health")));
    EXPECT_EQ(health->dealsModel()->rowCount(), openDeals);
}

} // namespace
