#include "fixtures.h"
#include "testsupport.h"

#include "storage/bookviewloader.h"
#include "views/tablequery.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

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
    EXPECT_EQ(view->opportunities.name.at(std::size_t(byName.front())),
              QStringLiteral("+Bolt half cent"));
    const auto byAccount = sortedOpportunities(*view, OpportunityColumn::Account, false);
    EXPECT_EQ(view->accounts.name.at(
                      std::size_t(view->opportunities.account[std::size_t(byAccount.front())])),
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
              (QStringList{ QStringLiteral("O1"), QStringLiteral("O2"), QStringLiteral("O5") }));
    f.text = QStringLiteral("ben"); // the owner's name
    EXPECT_EQ(filterOpportunities(*view, all(*view), f).size(), 4u);
    f = {};
    f.stage = Stage::Prove;
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)),
              (QStringList{ QStringLiteral("O6"), QStringLiteral("O8") }));
    f = {};
    f.status = Status::Removed;
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)),
              QStringList{ QStringLiteral("O7") });
    f = {};
    f.scopeTerritory = 0;
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)),
              (QStringList{ QStringLiteral("O1"), QStringLiteral("O2"), QStringLiteral("O4"),
                            QStringLiteral("O5") }));
    f = {};
    f.owner = view->repIndex(1);
    EXPECT_EQ(filterOpportunities(*view, all(*view), f).size(), 3u);
    // A period's open pipeline: closing on or before its end; O6 has no expected close.
    f = {};
    f.status = Status::Open;
    f.closingBy = QDate(2026, 12, 15);
    EXPECT_EQ(names(*view, filterOpportunities(*view, all(*view), f)),
              (QStringList{ QStringLiteral("O1"), QStringLiteral("O2"), QStringLiteral("O3"),
                            QStringLiteral("O8") }));
    f.closingBy = QDate(2026, 12, 14);
    EXPECT_TRUE(filterOpportunities(*view, all(*view), f).empty());
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
    EXPECT_EQ(filterAccounts(*view, sortedAccounts(*view, AccountColumn::Name, false), f).size(),
              2u);
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

namespace {

// A view of `n` opportunities whose names share prefixes longer than the sort's packed keys and
// repeat, so ties and long common prefixes are both exercised; large enough to use both cores.
std::unique_ptr<BookView> syntheticView(int n)
{
    auto view = std::make_unique<BookView>();
    view->reps.push_back({ 1, QStringLiteral("Ana Rep"), std::nullopt });
    auto &o = view->opportunities;
    const char *stems[] = { "Helix platform expansion programme ",
                            "helix platform expansion programmE ", "Zeta", "Ärger GmbH renewal ",
                            "" };
    for (int i = 0; i < n; ++i) {
        const std::string name =
                std::string(stems[i % 5]) + std::to_string((i * 7919) % (n / 3 + 1));
        o.id.push_back(i + 1);
        o.name.append(name);
        o.crmId.append("X" + std::to_string(i));
        o.account.push_back(-1);
        o.owner.push_back(i % 3 == 0 ? 0 : -1);
        o.amount.push_back(i);
        o.currency.push_back(0);
        o.stage.push_back(std::uint8_t(Stage::Qualify));
        o.status.push_back(std::uint8_t(Status::Open));
        o.probability.push_back(-1);
        o.override.push_back(-1);
        o.created.push_back(0);
        o.closeDate.push_back(0);
        o.lastActivity.push_back(0);
    }
    return view;
}

} // namespace

TEST(TableQuery, TextSortMatchesAStableSortOfFoldedTextBothWays)
{
    const auto view = syntheticView(150'000);
    const auto &names = view->opportunities.name;
    std::vector<int> expected(std::size_t(view->opportunities.size()));
    std::iota(expected.begin(), expected.end(), 0);
    std::stable_sort(expected.begin(), expected.end(), [&](int l, int r) {
        return names.folded(std::size_t(l)) < names.folded(std::size_t(r));
    });
    EXPECT_EQ(sortedOpportunities(*view, OpportunityColumn::Name, false), expected);
    std::stable_sort(expected.begin(), expected.end(), [&](int l, int r) {
        return names.folded(std::size_t(r)) < names.folded(std::size_t(l));
    });
    EXPECT_EQ(sortedOpportunities(*view, OpportunityColumn::Name, true), expected);
}

TEST(TableQuery, TextFilterMatchesEveryRowItShouldInSortedOrder)
{
    const auto view = syntheticView(150'000);
    const auto order = sortedOpportunities(*view, OpportunityColumn::Amount, true);
    RowFilter f;
    f.text = QStringLiteral("PROGRAMME 4");
    std::vector<int> expected;
    for (int row : order) {
        if (view->opportunities.name.folded(std::size_t(row)).find("programme 4")
            != std::string_view::npos)
            expected.push_back(row);
    }
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(filterOpportunities(*view, order, f), expected);
    f.text = QStringLiteral("ana rep"); // the owner: every third row
    EXPECT_EQ(filterOpportunities(*view, order, f).size(), 50'000u);
}

TEST(TableQuery, OneRowAloneIsFilteredAsAmongAllOthers)
{
    // An edited row is filtered alone (is it still in the table?): the text is matched on that
    // row only, with the same result as a pass over the whole book.
    test::TempDir dir;
    const auto view = fixtureView(dir);
    for (const char *text : { "ÜNITED", "ben", "o3", "nothing like it", "" }) {
        RowFilter f;
        f.text = QString::fromUtf8(text);
        const std::vector<int> shown = filterOpportunities(*view, all(*view), f);
        for (int row = 0; row < view->opportunities.size(); ++row) {
            const bool among = std::find(shown.begin(), shown.end(), row) != shown.end();
            EXPECT_EQ(!filterOpportunities(*view, { row }, f).empty(), among)
                    << text << " row " << row;
        }
    }
}
