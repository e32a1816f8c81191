// METRICS "Territories", the rebalancing proposal (core/analytics/rebalance.h): hand-built
// books; locks, frozen territories, capacity and the disruption budget; the fewest moves on
// small books whose optimum a brute force (rebalancetesting.cpp) finds; never more moves than
// a plain greedy (written there again, the way an outside checker would) on many random books;
// region continuity; progress and cancelling. Greenfield assignment: test_rebalanceassign.cpp.
#include "rebalancetesting.h"

#include <algorithm>

#include <gtest/gtest.h>

using namespace tp::rebalance;
using namespace tp::rebalance::testing;

TEST(RebalanceBasics, MovesTheOneAccountThatBalancesTwoTerritories)
{
    // A: 50 + 30 + 20 = 100, B: 40 + 20 = 60; mean 80, band 72..88. Only A's 20 fits both.
    const std::vector<Account> accounts{ { 50, 0 }, { 30, 0 }, { 20, 0 }, { 40, 1 }, { 20, 1 } };
    const std::vector<Territory> territories(2);
    const Proposal p = propose(accounts, territories, {});
    expectValid(accounts, territories, {}, p);
    ASSERT_EQ(p.moves.size(), 1u);
    EXPECT_EQ(p.moves[0].account, 2);
    EXPECT_EQ(p.moves[0].from, 0);
    EXPECT_EQ(p.moves[0].to, 1);
    EXPECT_EQ(p.before, (std::vector<double>{ 100, 60 }));
    EXPECT_EQ(p.after, (std::vector<double>{ 80, 80 }));
    EXPECT_DOUBLE_EQ(p.maxDeviationBefore, 0.25);
    EXPECT_DOUBLE_EQ(p.maxDeviationAfter, 0.0);
    EXPECT_DOUBLE_EQ(p.balanceBefore, 0.6);
    EXPECT_DOUBLE_EQ(p.balanceAfter, 1.0);
    EXPECT_DOUBLE_EQ(p.movedValue, 20);
    EXPECT_TRUE(p.withinTolerance);
}

TEST(RebalanceBasics, ABookWithinToleranceIsLeftAlone)
{
    // 84 and 76 against a mean of 80: both within ±10%, though moving 4 would even them.
    const std::vector<Account> accounts{ { 80, 0 }, { 4, 0 }, { 76, 1 } };
    const Proposal p = propose(accounts, std::vector<Territory>(2), {});
    EXPECT_TRUE(p.moves.empty());
    EXPECT_TRUE(p.withinTolerance);
    EXPECT_NEAR(p.maxDeviationAfter, 0.05, 1e-12);
}

TEST(RebalanceBasics, ATerritoryWithNoAccountsIsFilled)
{
    // 60, 60 and 0 against a mean of 40: one account of each goes to the empty territory.
    const std::vector<Account> accounts{ { 20, 0 }, { 20, 0 }, { 20, 0 },
                                         { 20, 1 }, { 20, 1 }, { 20, 1 } };
    const std::vector<Territory> territories(3);
    const Proposal p = propose(accounts, territories, {});
    expectValid(accounts, territories, {}, p);
    EXPECT_EQ(p.moves.size(), 2u);
    EXPECT_EQ(p.after, (std::vector<double>{ 40, 40, 40 }));
    EXPECT_TRUE(p.withinTolerance);
}

TEST(RebalanceBasics, EdgeCases)
{
    const std::vector<Account> some{ { 10, 0 }, { 5, 0 }, { 7, -1 } };
    // No territory: nothing to compare, nothing to move.
    Proposal p = propose(some, {}, {});
    EXPECT_TRUE(p.moves.empty());
    EXPECT_TRUE(p.before.empty());
    EXPECT_DOUBLE_EQ(p.balanceAfter, 1.0);
    EXPECT_TRUE(p.withinTolerance);
    // One territory is its own mean.
    p = propose(some, std::vector<Territory>(1), {});
    EXPECT_TRUE(p.moves.empty());
    EXPECT_EQ(p.after, (std::vector<double>{ 15 }));
    EXPECT_DOUBLE_EQ(p.maxDeviationAfter, 0.0);
    // All m zero: the mean is 0, every deviation 0, the balance 1.
    const std::vector<Account> zeros{ { 0, 0 }, { 0, 0 }, { 0, 1 } };
    p = propose(zeros, std::vector<Territory>(2), {});
    EXPECT_TRUE(p.moves.empty());
    EXPECT_DOUBLE_EQ(p.maxDeviationBefore, 0.0);
    EXPECT_DOUBLE_EQ(p.balanceBefore, 1.0);
    EXPECT_TRUE(p.withinTolerance);
    // An account of value 0 changes no figure and never moves; one in no territory stays out.
    const std::vector<Account> mixed{ { 0, 0 }, { 60, 0 }, { 40, 0 }, { 0, 1 }, { 100, -1 } };
    p = propose(mixed, std::vector<Territory>(2), {});
    expectValid(mixed, std::vector<Territory>(2), {}, p);
    ASSERT_EQ(p.moves.size(), 1u);
    EXPECT_EQ(p.moves[0].account, 2);
    EXPECT_EQ(p.after, (std::vector<double>{ 60, 40 }));
    EXPECT_FALSE(p.withinTolerance); // 60 / 40 against 50: the best there is
    EXPECT_DOUBLE_EQ(p.maxDeviationAfter, 0.2);
}

TEST(RebalanceBasics, AnImpossibleTargetReportsTheSmallestDeviationReached)
{
    // A holds 100 locked and 30 movable, B 10: mean 70. Moving the 30 gives 100 / 40
    // (deviation 3/7), the least there is; nothing reaches ±10%.
    const std::vector<Account> accounts{ { 100, 0, true }, { 30, 0 }, { 10, 1 } };
    const Proposal p = propose(accounts, std::vector<Territory>(2), {});
    ASSERT_EQ(p.moves.size(), 1u);
    EXPECT_EQ(p.moves[0].account, 1);
    EXPECT_FALSE(p.withinTolerance);
    EXPECT_NEAR(p.maxDeviationAfter, 30.0 / 70.0, 1e-12);
    // Only locked accounts: nothing moves, the deviation stays.
    const std::vector<Account> locked{ { 100, 0, true }, { 20, 1, true } };
    const Proposal q = propose(locked, std::vector<Territory>(2), {});
    EXPECT_TRUE(q.moves.empty());
    EXPECT_NEAR(q.maxDeviationAfter, 40.0 / 60.0, 1e-12);
}

TEST(RebalanceRules, NeverMovesALockedAccount)
{
    // A 128, B 64: mean 96, band 86.4..105.6. A's 24 would balance alone, but it is locked:
    // 14 + 10 go instead.
    const std::vector<Account> accounts{ { 50, 0 }, { 30, 0, true }, { 24, 0, true },
                                         { 14, 0 }, { 10, 0 },       { 64, 1 } };
    const std::vector<Territory> territories(2);
    const Proposal p = propose(accounts, territories, {});
    expectValid(accounts, territories, {}, p);
    EXPECT_TRUE(p.withinTolerance);
    EXPECT_EQ(p.moves.size(), 2u);
    EXPECT_EQ(p.after, (std::vector<double>{ 104, 88 }));
}

TEST(RebalanceRules, AFrozenTerritoryTakesAndGivesNothing)
{
    // C is frozen at 115 (mean 100), out of tolerance; A (145) and B (40) are balanced
    // between themselves, and C's deviation does not stop them: A's 50 goes to B.
    const std::vector<Account> accounts{ { 60, 0 }, { 50, 0 },  { 20, 0 }, { 15, 0 },
                                         { 40, 1 }, { 100, 2 }, { 15, 2 } };
    std::vector<Territory> territories(3);
    territories[2].frozen = true;
    const Proposal p = propose(accounts, territories, {});
    expectValid(accounts, territories, {}, p);
    ASSERT_EQ(p.moves.size(), 1u);
    EXPECT_EQ(p.moves[0].account, 1);
    EXPECT_EQ(p.after, (std::vector<double>{ 95, 90, 115 }));
    EXPECT_TRUE(p.withinTolerance);
    EXPECT_DOUBLE_EQ(p.maxDeviationAfter, 0.15); // C's, reported as it is
    // Frozen, A gives nothing either.
    territories = std::vector<Territory>(3);
    territories[0].frozen = true;
    const Proposal q = propose(accounts, territories, {});
    expectValid(accounts, territories, {}, q);
    for (const Move &m : q.moves)
        EXPECT_TRUE(m.from != 0 && m.to != 0);
}

TEST(RebalanceRules, CapacityKeepsActiveOpportunitiesWithTheirRepsLimit)
{
    // A 128, B 64 (band 86.4..105.6) and B's rep carries 9 of 10 active opportunities. A's
    // 24 (unlocked by the user, 3 active) would balance alone but does not fit; 14 + 10
    // without active opportunities go instead.
    const std::vector<Account> accounts{
        { 50, 0 }, { 24, 0, false, -1, 3 }, { 14, 0 },
        { 10, 0 }, { 30, 0, true },         { 64, 1, true, -1, 9 }
    };
    std::vector<Territory> territories(2);
    territories[1].capacity = 10;
    const Proposal p = propose(accounts, territories, {});
    expectValid(accounts, territories, {}, p);
    EXPECT_TRUE(p.withinTolerance);
    for (const Move &m : p.moves)
        EXPECT_NE(m.account, 1);
    // With room for 3 more, the single move is the better proposal.
    territories[1].capacity = 12;
    const Proposal q = propose(accounts, territories, {});
    expectValid(accounts, territories, {}, q);
    ASSERT_EQ(q.moves.size(), 1u);
    EXPECT_EQ(q.moves[0].account, 1);
}

TEST(RebalanceRules, TheDisruptionBudgetIsHonoured)
{
    // Three territories of 130 each give a 30 to the fourth (10): 100 each, three moves.
    const std::vector<Account> accounts{ { 100, 0 }, { 30, 0 }, { 100, 1 }, { 30, 1 },
                                         { 100, 2 }, { 30, 2 }, { 10, 3 } };
    const std::vector<Territory> territories(4);
    Options options;
    const Proposal free = propose(accounts, territories, options);
    EXPECT_EQ(free.moves.size(), 3u);
    options.maxMoves = 1;
    const Proposal one = propose(accounts, territories, options);
    expectValid(accounts, territories, options, one);
    EXPECT_EQ(one.moves.size(), 1u);
    EXPECT_LT(one.maxDeviationAfter, one.maxDeviationBefore);
    EXPECT_NEAR(one.maxDeviationAfter, bruteForce(accounts, territories, options).maxDeviation,
                1e-9);
    options.maxMoves.reset();
    options.maxMovedShare = 0.05; // at most 20 of 400 moved: no 30, and T4's 10 would not help
    const Proposal share = propose(accounts, territories, options);
    expectValid(accounts, territories, options, share);
    EXPECT_LE(share.movedValue, 20);
    EXPECT_TRUE(share.moves.empty());
}

TEST(RebalanceRules, TheSameBookGivesTheSameMoves)
{
    std::mt19937 rng(5);
    for (int round = 0; round < 20; ++round) {
        const RandomBook book = randomBook(rng, 300, 7);
        const Proposal a = propose(book.accounts, book.territories, {});
        const Proposal b = propose(book.accounts, book.territories, {});
        ASSERT_EQ(a.moves.size(), b.moves.size());
        for (std::size_t i = 0; i < a.moves.size(); ++i) {
            EXPECT_EQ(a.moves[i].account, b.moves[i].account);
            EXPECT_EQ(a.moves[i].to, b.moves[i].to);
        }
        // Moves come grouped by giver, then taker, the larger account first.
        for (std::size_t i = 1; i < a.moves.size(); ++i) {
            const Move &x = a.moves[i - 1], &y = a.moves[i];
            EXPECT_TRUE(x.from < y.from || (x.from == y.from && x.to < y.to)
                        || (x.from == y.from && x.to == y.to
                            && book.accounts[std::size_t(x.account)].value
                                    >= book.accounts[std::size_t(y.account)].value));
        }
    }
}

TEST(RebalanceOptimal, TheFewestMovesOnSmallBooksAsTheBruteForceFindsThem)
{
    // Up to 10 accounts in 3 territories (3^10 assignments), with locks, capacity and now and
    // then a budget: the proposal is the brute force's best by the goal order.
    std::mt19937 rng(19);
    int reachable = 0;
    for (int round = 0; round < 300; ++round) {
        const RandomBook book = smallBook(rng, 4 + int(rng() % 7), 3);
        Options options;
        options.tolerance = round % 3 == 0 ? 0.05 : 0.1;
        if (round % 5 == 0)
            options.maxMoves = 1 + int(rng() % 3);
        const Proposal p = propose(book.accounts, book.territories, options);
        expectValid(book.accounts, book.territories, options, p);
        const Key best = bruteForce(book.accounts, book.territories, options);
        reachable += best.within;
        SCOPED_TRACE(round);
        ASSERT_EQ(p.withinTolerance, best.within);
        if (!best.within) {
            EXPECT_NEAR(p.maxDeviationAfter, best.maxDeviation, 1e-9);
        }
        EXPECT_EQ(int(p.moves.size()), best.moves);
        EXPECT_NEAR(p.movedValue, best.movedValue, 1e-9);
    }
    EXPECT_GT(reachable, 100); // the rounds test the fewest moves, not only the deviation
}

TEST(RebalanceOptimal, TheFewestMovesOnBooksBeyondTheExhaustiveSearch)
{
    // 13 unlocked accounts (and 4 locked) in 3 territories, ±5%: 1.6 million assignments, more
    // than propose() enumerates. The greedy searches, the local search and the search over
    // sets of a few moves find as few moves as the brute force; without the last (and the
    // enumeration: exhaustiveLimit 0) some take more.
    std::mt19937 rng(16);
    Options options;
    options.tolerance = 0.05;
    Options heuristics = options;
    heuristics.exhaustiveLimit = 0;
    int checked = 0, heuristicsMiss = 0;
    while (checked < 10) {
        const RandomBook book = smallBook(rng, 17, 3);
        if (std::count_if(book.accounts.begin(), book.accounts.end(),
                          [](const Account &a) { return !a.locked; })
            != 13)
            continue;
        SCOPED_TRACE(checked++);
        const Key best = bruteForce(book.accounts, book.territories, options);
        const Proposal p = propose(book.accounts, book.territories, options);
        expectValid(book.accounts, book.territories, options, p);
        ASSERT_EQ(p.withinTolerance, best.within);
        if (best.within) {
            EXPECT_EQ(int(p.moves.size()), best.moves);
            const Proposal h = propose(book.accounts, book.territories, heuristics);
            heuristicsMiss += !h.withinTolerance || int(h.moves.size()) > best.moves;
        }
    }
    EXPECT_GT(heuristicsMiss, 0);
}

TEST(RebalanceOptimal, TheLocalSearchBeatsThePlainGreedyWhereItOverMoves)
{
    // A 125 (45, 55, 25), B 5, C 30: mean 53⅓, band 48..58⅔. Two moves do it: the 45 to B,
    // the 25 to C (55, 50, 55). The plain greedy first evens A and B with the 55 (70, 60, 30),
    // then sends the 25 to C (45, 60, 55) and needs a third move, B's 5 to A.
    const std::vector<Account> accounts{ { 30, 2 }, { 5, 1 }, { 45, 0 }, { 55, 0 }, { 25, 0 } };
    const std::vector<Territory> territories(3);
    Options heuristics;
    heuristics.exhaustiveLimit = 0; // the greedy searches and the local search alone
    const Proposal p = propose(accounts, territories, heuristics);
    const Key best = bruteForce(accounts, territories, heuristics);
    const Greedy greedy = plainGreedy(accounts, territories, heuristics);
    ASSERT_TRUE(best.within);
    EXPECT_EQ(best.moves, 2);
    EXPECT_TRUE(greedy.within);
    EXPECT_EQ(greedy.moves, 3);
    EXPECT_TRUE(p.withinTolerance);
    EXPECT_EQ(int(p.moves.size()), 2);
    EXPECT_EQ(p.after, (std::vector<double>{ 55, 50, 55 }));
}

TEST(RebalanceOptimal, NeverMoreMovesThanAPlainGreedyOnRandomBooks)
{
    std::mt19937 rng(2026);
    int fewer = 0, compared = 0;
    for (int round = 0; round < 400; ++round) {
        const int count = 20 + int(rng() % 400);
        const int territories = 2 + int(rng() % 12);
        const RandomBook book = randomBook(rng, count, territories);
        Options options;
        options.tolerance = round % 4 == 0 ? 0.05 : 0.1;
        if (round % 7 == 0)
            options.maxMoves = 1 + int(rng() % 10);
        const Proposal p = propose(book.accounts, book.territories, options);
        SCOPED_TRACE(round);
        expectValid(book.accounts, book.territories, options, p);
        const Greedy greedy = plainGreedy(book.accounts, book.territories, options);
        if (greedy.within) {
            ASSERT_TRUE(p.withinTolerance);
            EXPECT_LE(int(p.moves.size()), greedy.moves);
            fewer += int(p.moves.size()) < greedy.moves;
            ++compared;
        } else if (!p.withinTolerance) {
            EXPECT_LE(p.maxDeviationAfter, greedy.maxDeviation + 1e-9);
        }
    }
    EXPECT_GT(compared, 200);
    EXPECT_GT(fewer, 20); // the search is worth its time
}

TEST(RebalanceContinuity, AmongEqualAccountsTheOneWhoseRegionIsAtTheTakerMoves)
{
    // A (region 1 mostly) must give one of two equal accounts to B (region 2 mostly): the one
    // of region 2 goes, joining its region.
    const std::vector<Account> accounts{
        { 30, 0, false, 1 }, { 30, 0, false, 1 }, { 10, 0, false, 1 }, { 10, 0, false, 2 },
        { 30, 1, false, 2 }, { 10, 1, false, 2 }, { 10, 1, false, 2 },
    };
    const std::vector<Territory> territories(2);
    Options heuristics;
    heuristics.exhaustiveLimit = 0;
    for (const Options &options : { Options(), heuristics }) {
        const Proposal p = propose(accounts, territories, options);
        ASSERT_EQ(p.moves.size(), 1u);
        EXPECT_EQ(p.moves[0].account, 3);
    }
    const Proposal p = propose(accounts, territories, {});
    EXPECT_EQ(p.awayFromRegionBefore, 1);
    EXPECT_EQ(p.awayFromRegionAfter, 0);
    // The same with the regions the other way round: the region-1 account goes.
    std::vector<Account> swapped = accounts;
    std::swap(swapped[2].region, swapped[3].region);
    for (const Options &options : { Options(), heuristics }) {
        const Proposal q = propose(swapped, territories, options);
        ASSERT_EQ(q.moves.size(), 1u);
        EXPECT_EQ(q.moves[0].account, 2);
    }
}

TEST(RebalanceProgress, ReportsAndCanBeCancelled)
{
    std::mt19937 rng(3);
    const RandomBook book = randomBook(rng, 2000, 12);
    qint64 calls = 0;
    const Proposal done = propose(book.accounts, book.territories, {}, [&](qint64 d, qint64 t) {
        EXPECT_LE(d, t);
        ++calls;
        return true;
    });
    EXPECT_GT(calls, 0);
    EXPECT_FALSE(done.cancelled);
    const Proposal stopped =
            propose(book.accounts, book.territories, {}, [](qint64, qint64) { return false; });
    EXPECT_TRUE(stopped.cancelled);
    expectValid(book.accounts, book.territories, {}, stopped); // what it has is still sound
}
