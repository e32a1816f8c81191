#include "fixtures.h"
#include "testsupport.h"

#include "storage/bookviewloader.h"
#include "views/tablequery.h"

#include <gtest/gtest.h>

using namespace tp;

namespace {

std::unique_ptr<BookView> fixtureView(test::TempDir &dir)
{
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    return loadBookView(path);
}

QStringList names(const BookView &view, const std::vector<int> &rows)
{
    QStringList out;
    for (int r : rows)
        out.append(view.opportunities.crmId.at(std::size_t(r)));
    return out;
}

std::vector<int> all(const BookView &view)
{
    return sortedOpportunities(view, OpportunityColumn::CrmId, false);
}

} // namespace

TEST(BookView, LoadsEveryRowWithDerivedTotals)
{
    test::TempDir dir;
    const auto view = fixtureView(dir);
    EXPECT_EQ(view->opportunities.size(), 8);
    EXPECT_EQ(view->accounts.size(), 3);
    EXPECT_EQ(view->reps.size(), 2u);
    const int a1 = view->accounts.indexOf(1);
    ASSERT_GE(a1, 0);
    EXPECT_EQ(view->accounts.openCount[std::size_t(a1)], 2);
    EXPECT_EQ(view->accounts.openAmount[std::size_t(a1)], 1'333'333);
    bool derived = false;
    EXPECT_EQ(view->accounts.revenuePotential(a1, &derived), 1'333'333);
    EXPECT_TRUE(derived);
    const int o8 = view->opportunities.indexOf(8);
    EXPECT_EQ(view->probability(o8), 2500);
    EXPECT_EQ(view->weightedAmount(o8), 50'003);
}

TEST(TableQuery, SortsByNumbersBothWaysAndTextCaseInsensitively)
{
    test::TempDir dir;
    const auto view = fixtureView(dir);
    const auto byAmount = sortedOpportunities(*view, OpportunityColumn::Amount, false);
    for (std::size_t i = 1; i < byAmount.size(); ++i)
        EXPECT_LE(view->opportunities.amount[std::size_t(byAmount[i - 1])],
                  view->opportunities.amount[std::size_t(byAmount[i])]);
    const auto desc = sortedOpportunities(*view, OpportunityColumn::Amount, true);
    EXPECT_EQ(view->opportunities.crmId.at(std::size_t(desc.front())), QStringLiteral("O7"));
    const auto byName = sortedOpportunities(*view, OpportunityColumn::Name, false);
    EXPECT_EQ(view->opportunities.name.at(std::size_t(byName.front())), QStringLiteral("+Bolt half cent"));
    const auto byAccount = sortedOpportunities(*view, OpportunityColumn::Account, false);
    EXPECT_EQ(view->accounts.name.at(std::size_t(view->opportunities.account[std::size_t(byAccount.front())])),
              QStringLiteral("=Bolt Systems"));
}

TEST(TableQuery, FiltersByTextStageOwnerStatusAndScope)
{
    test::TempDir dir;
    const auto view = fixtureView(dir);
    RowFilter f;
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)).size(), 7); // removed hidden
    f.text = QStringLiteral("ÜNITED"); // matches the account name, folded
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)),
              (QStringList{QStringLiteral("O1"), QStringLiteral("O2"), QStringLiteral("O5")}));
    f.text = QStringLiteral("ben"); // the owner's name
    EXPECT_EQ(filterOpportunities(*view, all(*view), f).size(), 4u);
    f = {};
    f.stage = Stage::Prove;
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)),
              (QStringList{QStringLiteral("O6"), QStringLiteral("O8")}));
    f = {};
    f.status = Status::Removed;
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)), QStringList{QStringLiteral("O7")});
    f = {};
    f.scopeTerritory = 0;
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)),
              (QStringList{QStringLiteral("O1"), QStringLiteral("O2"), QStringLiteral("O4"),
                           QStringLiteral("O5")}));
    f = {};
    f.owner = view->repIndex(1);
    EXPECT_EQ(filterOpportunities(*view, all(*view), f).size(), 3u);
}

TEST(TableQuery, AccountsSortAndFilter)
{
    test::TempDir dir;
    const auto view = fixtureView(dir);
    const auto byPipeline = sortedAccounts(*view, AccountColumn::OpenPipeline, true);
    EXPECT_EQ(view->accounts.crmId.at(std::size_t(byPipeline.front())), QStringLiteral("A1"));
    RowFilter f;
    f.text = QStringLiteral("cobalt");
    const auto rows = filterAccounts(*view, sortedAccounts(*view, AccountColumn::Name, false), f);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(view->accounts.name.at(std::size_t(rows.front())), QStringLiteral("Cobalt Labs"));
    f = {};
    f.scopeRep = view->repIndex(2);
    EXPECT_EQ(filterAccounts(*view, sortedAccounts(*view, AccountColumn::Name, false), f).size(), 2u);
}

TEST(TableQuery, LoadCanBeCancelled)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    int calls = 0;
    auto view = loadBookView(path, [&](qint64, qint64) { return ++calls < 0; });
    // A tiny book may finish before the first progress call; a call that says stop cancels.
    if (calls > 0) {
        EXPECT_FALSE(view);
    }
    auto full = loadBookView(path, [](qint64 done, qint64 total) { return done <= total; });
    EXPECT_TRUE(full);
}
