// Greenfield assignment (core/analytics/rebalance.h, assign()): every unlocked account in no
// territory gets one within tolerance, the rest stay; regions are kept together as far as the
// balance allows; capacity and frozen territories are obeyed.
#include "rebalancetesting.h"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

using namespace tp::rebalance;
using namespace tp::rebalance::testing;

namespace {

// The territory of every account after the proposal.
std::vector<int> placement(const std::vector<Account> &accounts, const Proposal &p)
{
    std::vector<int> where;
    where.reserve(accounts.size());
    for (const Account &a : accounts)
        where.push_back(a.territory);
    for (const Move &m : p.moves)
        where[std::size_t(m.account)] = m.to;
    return where;
}

// The regions whose accounts all sit in one territory.
int wholeRegions(const std::vector<Account> &accounts, const std::vector<int> &where)
{
    std::map<int, std::set<int>> territoriesOf;
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (accounts[a].region >= 0)
            territoriesOf[accounts[a].region].insert(where[a]);
    return int(std::count_if(territoriesOf.begin(), territoriesOf.end(),
                             [](const auto &r) { return r.second.size() == 1; }));
}

// Accounts by value, the largest first, each to the territory with the least so far (regions
// ignored): what the search is compared with.
int awayWithoutRegions(const std::vector<Account> &accounts, int territories)
{
    std::vector<int> order(accounts.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return accounts[std::size_t(x)].value > accounts[std::size_t(y)].value;
    });
    std::vector<double> load(std::size_t(territories), 0.0);
    std::vector<Account> placed = accounts;
    for (int a : order) {
        const auto t = std::min_element(load.begin(), load.end()) - load.begin();
        load[std::size_t(t)] += accounts[std::size_t(a)].value;
        placed[std::size_t(a)].territory = int(t);
    }
    // propose() on a balanced book moves nothing and reports the continuity as it is.
    return propose(placed, std::vector<Territory>(std::size_t(territories)), {})
            .awayFromRegionBefore;
}

RandomBook unassigned(std::mt19937 &rng, int count, int territories)
{
    RandomBook book = randomBook(rng, count, territories);
    for (Account &a : book.accounts) {
        a.territory = -1;
        a.locked = false;
        a.active = 0;
    }
    book.territories = std::vector<Territory>(std::size_t(territories));
    return book;
}

} // namespace

TEST(RebalanceGreenfield, ARandomBookOf2000AccountsLandsWithinFivePercent)
{
    std::mt19937 rng(2000);
    for (int territories : { 5, 12, 30 }) {
        SCOPED_TRACE(territories);
        const RandomBook book = unassigned(rng, 2000, territories);
        Options options;
        options.tolerance = 0.05;
        const Proposal p = assign(book.accounts, book.territories, options);
        expectValid(book.accounts, book.territories, options, p);
        EXPECT_TRUE(p.withinTolerance) << p.maxDeviationAfter;
        EXPECT_EQ(p.moves.size(), 2000u);
        EXPECT_TRUE(p.unassigned.empty());
        // 15 regions in 5 to 30 territories: kept together far better than a placement that
        // ignores them.
        EXPECT_LT(p.awayFromRegionAfter * 3, awayWithoutRegions(book.accounts, territories));
    }
}

TEST(RebalanceGreenfield, WholeRegionsWhereTheBalanceAllows)
{
    // 40 regions of 50 accounts (values 1..3) into 10 territories: about four regions each.
    std::mt19937 rng(40);
    std::vector<Account> accounts;
    for (int r = 0; r < 40; ++r)
        for (int i = 0; i < 50; ++i)
            accounts.push_back({ double(1 + rng() % 3), -1, false, r });
    const std::vector<Territory> territories(10);
    Options options;
    options.tolerance = 0.05;
    const Proposal p = assign(accounts, territories, options);
    expectValid(accounts, territories, options, p);
    EXPECT_TRUE(p.withinTolerance);
    EXPECT_GE(wholeRegions(accounts, placement(accounts, p)), 30);
    EXPECT_LT(p.awayFromRegionAfter, 200); // of 2,000 accounts
}

TEST(RebalanceGreenfield, KeepsWhatIsAssignedAndLeavesLockedAccountsOut)
{
    std::mt19937 rng(7);
    RandomBook book = randomBook(rng, 600, 6);
    for (std::size_t a = 0; a < book.accounts.size(); a += 3)
        book.accounts[a].territory = -1;
    const Proposal p = assign(book.accounts, book.territories, {});
    expectValid(book.accounts, book.territories, {}, p);
    std::set<int> assigned;
    for (const Move &m : p.moves) {
        EXPECT_EQ(m.from, -1);
        assigned.insert(m.account);
    }
    for (std::size_t a = 0; a < book.accounts.size(); ++a) {
        const Account &x = book.accounts[a];
        const bool inNone = x.territory < 0;
        const bool unassignedHere = std::count(p.unassigned.begin(), p.unassigned.end(), int(a));
        EXPECT_EQ(assigned.count(int(a)) + unassignedHere, inNone && !x.locked ? 1u : 0u) << a;
    }
}

TEST(RebalanceGreenfield, ARegionJoinsTheTerritoryThatAlreadyHoldsIt)
{
    // A holds region 7, B region 8, 100 each; the newcomers (20 of each region) follow.
    std::vector<Account> accounts{ { 100, 0, true, 7 }, { 100, 1, true, 8 } };
    for (int i = 0; i < 4; ++i) {
        accounts.push_back({ 5, -1, false, 8 });
        accounts.push_back({ 5, -1, false, 7 });
    }
    const Proposal p = assign(accounts, std::vector<Territory>(2), {});
    ASSERT_EQ(p.moves.size(), 8u);
    for (const Move &m : p.moves)
        EXPECT_EQ(m.to, accounts[std::size_t(m.account)].region == 7 ? 0 : 1);
    EXPECT_EQ(p.awayFromRegionAfter, 0);
    EXPECT_TRUE(p.withinTolerance);
}

TEST(RebalanceGreenfield, CapacityAndFrozenTerritories)
{
    // A is frozen; B's rep is at capacity: the newcomer with active opportunities has no place,
    // the others go to B and C.
    std::vector<Account> accounts{ { 50, 0 }, { 10, 1, true, -1, 5 }, { 10, 2 } };
    accounts.push_back({ 20, -1, false, -1, 1 });
    accounts.push_back({ 20, -1 });
    accounts.push_back({ 20, -1 });
    std::vector<Territory> territories(3);
    territories[0].frozen = true;
    territories[1].capacity = 5;
    territories[2].capacity = 0;
    const Proposal p = assign(accounts, territories, {});
    expectValid(accounts, territories, {}, p);
    EXPECT_EQ(p.unassigned, (std::vector<int>{ 3 }));
    EXPECT_EQ(p.moves.size(), 2u);
    for (const Move &m : p.moves)
        EXPECT_NE(m.to, 0);
    // No territory at all: every unlocked account is in none and stays unassigned.
    const Proposal none = assign(accounts, {}, {});
    EXPECT_TRUE(none.moves.empty());
    EXPECT_EQ(none.unassigned, (std::vector<int>{ 0, 2, 3, 4, 5 }));
}

TEST(RebalanceGreenfield, CountsBalanceOnTheAccountsMetric)
{
    // m = 1 per account: 1,003 accounts (9 regions of 111 or 112) into 7 territories, within
    // 2% of 143.3 each; seven regions stay whole.
    std::vector<Account> accounts(1003, Account{ 1, -1 });
    for (std::size_t a = 0; a < accounts.size(); ++a)
        accounts[a].region = int(a % 9);
    Options options;
    options.tolerance = 0.02;
    const Proposal p = assign(accounts, std::vector<Territory>(7), options);
    EXPECT_EQ(p.moves.size(), 1003u);
    EXPECT_TRUE(p.withinTolerance) << p.maxDeviationAfter;
    EXPECT_EQ(wholeRegions(accounts, placement(accounts, p)), 7);
}
