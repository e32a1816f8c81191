// Propose… on the Territories page (issue 19, docs/METRICS.md "Territories", the rebalancing
// proposal) on the demo book: the proposal found off the GUI thread moves no locked account,
// says what each territory gains and loses, checks each book against its rep's funnel, and is
// applied as one undoable edit that leaves the page with the figures the dialog promised; kept
// as scenarios, five of them compared side by side, one applied later.
#include "testsupport.h"
#include "uitestbook.h"

#include "demo/demobook.h"
#include "mainwindow/mainwindow.h"
#include "models/modelroles.h"
#include "pages/territories/proposedialog.h"
#include "pages/territories/scenariosdialog.h"
#include "pages/territories/territoriespage.h"
#include "pages/territories/territorystate.h"
#include "session/booksession.h"
#include "views/bookview.h"

#include <QApplication>
#include <QLabel>
#include <QTableView>
#include <QUndoStack>

#include <algorithm>
#include <array>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiPropose : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString path = dir.path(QStringLiteral("demo.tpbook"));
        demo::Options options;
        options.today = today;
        demo::writeDemoBook(path, options, {});
        window = test::openWindow(path, QStringLiteral("territories"), today);
        ASSERT_TRUE(window);
        page = qobject_cast<TerritoriesPage *>(window->page(QStringLiteral("territories")));
        ASSERT_NE(page, nullptr);
        QApplication::processEvents();
    }

    const QDate today{ 2026, 11, 20 };
    test::TempDir dir;
    std::unique_ptr<MainWindow> window;
    TerritoriesPage *page = nullptr;
};

} // namespace

TEST_F(GuiPropose, TheProposalMovesNoLockedAccountAndIsAppliedAsOneUndoStep)
{
    TerritoryState *state = page->state();
    const BookView &view = *window->session()->view();
    const std::vector<int> entriesBefore = state->layout().accountEntry;
    ProposeDialog dialog(state, window.get());
    territories::ProposalRequest request;
    request.tolerance = 0.05;
    dialog.setRequest(request);
    dialog.propose();
    ASSERT_TRUE(dialog.waitForProposal());
    const ProposalFigures *figures = dialog.figures();
    ASSERT_NE(figures, nullptr);
    const auto &moves = figures->proposal.plan.moves;
    ASSERT_FALSE(moves.empty()) << qPrintable(dialog.summaryLabel()->text());
    for (const rebalance::Move &m : moves) {
        EXPECT_FALSE(view.accounts.isLocked(m.account));
        EXPECT_EQ(entriesBefore[std::size_t(m.account)], m.from);
    }
    // The gains and losses add up to the moves, and every figure after is the page's own
    // evaluation of the layout with the moves made.
    int gained = 0, lost = 0;
    for (std::size_t t = 0; t < figures->layout.entries.size(); ++t) {
        gained += figures->proposal.gained[t].accounts;
        lost += figures->proposal.lost[t].accounts;
        EXPECT_EQ(figures->proposal.after.territories[t].accounts,
                  state->report().territories[t].accounts + figures->proposal.gained[t].accounts
                          - figures->proposal.lost[t].accounts);
    }
    EXPECT_EQ(gained, int(moves.size()));
    EXPECT_EQ(lost, int(moves.size()));
    EXPECT_EQ(dialog.moveTable()->model()->rowCount(), int(moves.size()));
    // A move's value on EV is the account's EV to the cent, as the territories sum it.
    ASSERT_EQ(figures->moneyValues.size(), moves.size());
    EXPECT_EQ(figures->moneyValues.front(),
              figures->before.accountEv[std::size_t(moves.front().account)]);
    EXPECT_EQ(dialog.territoryTable()->model()->rowCount(), int(figures->layout.entries.size()));
    EXPECT_TRUE(dialog.summaryLabel()->text().contains(QStringLiteral("Move ")))
            << qPrintable(dialog.summaryLabel()->text());
    // The funnel check: the demo reps have quotas, so each territory's activities a week are
    // worked out before and after.
    ASSERT_EQ(figures->funnelAfter.size(), figures->layout.entries.size());
    int defined = 0;
    for (const territories::FunnelCheck &c : figures->funnelAfter)
        defined += c.activitiesPerWeek ? 1 : 0;
    EXPECT_GT(defined, 0);
    const std::vector<std::optional<double>> promised = [&] {
        std::vector<std::optional<double>> shares;
        for (const territories::Figures &f : figures->proposal.after.territories)
            shares.push_back(f.shareOfAverage);
        return shares;
    }();
    test::shootSizesAndSchemes(dialog, QStringLiteral("territories-propose"));

    QUndoStack *undo = window->session()->undoStack();
    const int steps = undo->count();
    ASSERT_TRUE(dialog.applyMoves());
    QApplication::processEvents();
    EXPECT_EQ(undo->count(), steps + 1);
    const territories::Report &now = state->report();
    for (std::size_t t = 0; t < promised.size(); ++t)
        EXPECT_NEAR(now.territories[t].shareOfAverage.value_or(-1), promised[t].value_or(-1), 1e-9);
    undo->undo();
    QApplication::processEvents();
    EXPECT_EQ(state->layout().accountEntry, entriesBefore);
}

TEST_F(GuiPropose, FiveScenariosAreComparedSideBySideAndOneIsAppliedLater)
{
    TerritoryState *state = page->state();
    QUndoStack *undo = window->session()->undoStack();
    // Five proposals at five tolerances, each kept.
    const std::array<double, 5> tolerances{ 0.02, 0.05, 0.10, 0.20, 0.30 };
    std::vector<std::vector<std::optional<double>>> promised;
    for (const double tolerance : tolerances) {
        ProposeDialog dialog(state, window.get());
        territories::ProposalRequest request;
        request.tolerance = tolerance;
        dialog.setRequest(request);
        dialog.propose();
        ASSERT_TRUE(dialog.waitForProposal());
        ASSERT_TRUE(dialog.keepScenario(QStringLiteral("Within %1").arg(tolerance)));
        std::vector<std::optional<double>> shares;
        for (const territories::Figures &f : dialog.figures()->proposal.after.territories)
            shares.push_back(f.shareOfAverage);
        promised.push_back(shares);
    }
    EXPECT_EQ(undo->count(), 5);
    const std::vector<int> before = state->layout().accountEntry;

    ScenariosDialog dialog(state, window.get());
    ScenarioCompareModel *model = dialog.model();
    ASSERT_EQ(model->columnCount(), 2 + 5); // labels, now, five scenarios
    EXPECT_EQ(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Within 0.02"));
    const int rows = model->rowCount();
    ASSERT_EQ(rows, ScenarioCompareModel::FirstTerritory + int(promised[0].size()));
    // Each column shows the figures its proposal promised.
    for (std::size_t s = 0; s < promised.size(); ++s)
        for (std::size_t t = 0; t < promised[s].size(); ++t)
            EXPECT_NEAR(model->index(ScenarioCompareModel::FirstTerritory + int(t), 2 + int(s))
                                .data(RawValueRole)
                                .toDouble(),
                        promised[s][t].value_or(0), 1e-9);
    test::shootSizesAndSchemes(dialog, QStringLiteral("territories-scenarios"));

    // Applied later: the 5% scenario, one undo step; its column then moves nothing more.
    dialog.selectScenario(3);
    ASSERT_TRUE(dialog.applySelected());
    QApplication::processEvents();
    EXPECT_EQ(undo->count(), 6);
    for (std::size_t t = 0; t < promised[1].size(); ++t)
        EXPECT_NEAR(state->report().territories[t].shareOfAverage.value_or(0),
                    promised[1][t].value_or(0), 1e-9);
    EXPECT_EQ(model->index(ScenarioCompareModel::Moves, 3).data(RawValueRole).toInt(), 0);
    undo->undo();
    QApplication::processEvents();
    EXPECT_EQ(state->layout().accountEntry, before);

    // Deleted, and brought back by undo.
    dialog.selectScenario(2);
    ASSERT_TRUE(dialog.deleteSelected());
    QApplication::processEvents();
    EXPECT_EQ(model->columnCount(), 2 + 4);
    undo->undo();
    QApplication::processEvents();
    EXPECT_EQ(model->columnCount(), 2 + 5);
}

TEST_F(GuiPropose, AllAccountsOfAnIndustryAreSelectedAndMovedInOneStep)
{
    QTableView *accounts = page->accountView();
    ASSERT_GT(accounts->model()->rowCount(), 0); // every account: no territory selected
    accounts->setCurrentIndex(accounts->model()->index(0, 0));
    const BookView &view = *window->session()->view();
    const Id first = page->selectedAccounts().front();
    const int industry = view.accounts.industry[std::size_t(view.accounts.indexOf(first))];
    const auto expected =
            std::count(view.accounts.industry.begin(), view.accounts.industry.end(), industry);
    EXPECT_EQ(page->selectAccountsLikeCurrent(TerritoriesPage::SameAs::Industry), int(expected));
    const std::vector<Id> chosen = page->selectedAccounts();
    ASSERT_EQ(chosen.size(), std::size_t(expected));
    for (const Id id : chosen)
        EXPECT_EQ(view.accounts.industry[std::size_t(view.accounts.indexOf(id))], industry);
    QUndoStack *undo = window->session()->undoStack();
    ASSERT_TRUE(page->moveAccounts(chosen, 0));
    QApplication::processEvents();
    EXPECT_EQ(undo->count(), 1);
    const territories::Layout &layout = page->state()->layout();
    for (const Id id : chosen)
        EXPECT_EQ(layout.accountEntry[std::size_t(view.accounts.indexOf(id))], 0);
    EXPECT_GT(page->selectAccountsLikeCurrent(TerritoriesPage::SameAs::SizeBand), 0);
}
