// Loading a view again (after an import, its undo or redo) keeps the user's scope at its new
// indexes, and the page states see it whichever of them hears of the load first: the scope says
// when the new view is in place (ScopeState::follow), so the order of connect() calls does not
// matter (issue 17).
#include "uitestbook.h"

#include "pages/health/healthstate.h"
#include "pages/roi/roistate.h"
#include "session/accountselection.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/book.h"
#include "testsupport.h"

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

struct Figures
{
    int scopeRep = -1;
    std::vector<int> workList; // account rows, ranked
    qint64 open = 0;
    Minor openAmount = 0;
};

Figures figuresAfterReload(bool scopeFollowsFirst)
{
    test::TempDir dir;
    const test::SmallBook book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
    BookSession session;
    EXPECT_TRUE(test::openAndWait(session, book.path));
    ScopeState scope;
    AccountSelection shared(&session);
    if (scopeFollowsFirst)
        scope.follow(&session);
    HealthState health(&session, &scope);
    RoiState roi(&session, &scope, &shared);
    if (!scopeFollowsFirst)
        scope.follow(&session);
    scope.setRepIndex(session.view()->repIndex(book.bob));
    EXPECT_EQ(scope.repIndex(), 1);

    // A rep whose name sorts first arrives through another connection (as an import's would):
    // Bob's index moves from 1 to 2 when the view is loaded again.
    {
        auto other = Book::open(book.path);
        other->db().exec("INSERT INTO reps (name) VALUES ('Aaron Abbot')");
    }
    EXPECT_TRUE(session.reloadView());
    EXPECT_TRUE(session.waitUntilLoaded());

    Figures figures;
    figures.scopeRep = scope.repIndex();
    EXPECT_EQ(figures.scopeRep, session.view()->repIndex(book.bob));
    for (const auto &item : roi.result().workList)
        figures.workList.push_back(item.row);
    figures.open = health.report().open;
    figures.openAmount = health.report().openAmount;

    // What states built afresh on the new view, with Bob's scope, work out.
    HealthState freshHealth(&session, &scope);
    RoiState freshRoi(&session, &scope, &shared);
    std::vector<int> freshList;
    for (const auto &item : freshRoi.result().workList)
        freshList.push_back(item.row);
    EXPECT_EQ(figures.workList, freshList);
    EXPECT_EQ(figures.open, freshHealth.report().open);
    EXPECT_EQ(figures.openAmount, freshHealth.report().openAmount);
    return figures;
}

} // namespace

TEST(GuiReloadOrder, StatesSeeTheCarriedScopeWhicheverConnectsFirst)
{
    const Figures scopeFirst = figuresAfterReload(true);
    const Figures scopeLast = figuresAfterReload(false);
    EXPECT_EQ(scopeFirst.scopeRep, 2);
    EXPECT_EQ(scopeLast.scopeRep, 2);
    EXPECT_EQ(scopeFirst.workList, scopeLast.workList);
    EXPECT_EQ(scopeFirst.open, scopeLast.open);
    EXPECT_EQ(scopeFirst.open, 1) << "Bob's open deal: Globex pilot";
    EXPECT_EQ(scopeFirst.openAmount, scopeLast.openAmount);
}
