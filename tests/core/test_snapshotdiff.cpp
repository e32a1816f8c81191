// METRICS "Changes between two snapshots" and "Pipeline flow" on hand-built snapshots: every
// change category and every flow bucket, a deal that is pushed and changes amount (one bucket),
// owners moving in and out of a rep's scope, reopened deals; and the flow identity over random
// snapshot pairs for the team, each rep and a territory.
#include "analytics/categorymoves.h"
#include "analytics/snapshotdiff.h"

#include <QRandomGenerator>

#include <algorithm>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::changes;

namespace {

const Period q4 = Period::of(2026, 4); // 2026-10-01 .. 2026-12-31
constexpr Id alice = 1, bob = 2;
constexpr Id north = 10, south = 11;

qint64 day(int y, int m, int d)
{
    return QDate(y, m, d).toJulianDay();
}

DealState deal(Id id, Stage stage, Minor amount, qint64 close, Id owner = alice,
               Status status = Status::Open)
{
    DealState s;
    s.id = id;
    s.stage = stage;
    s.status = status;
    s.amount = amount;
    s.closeDay = close;
    s.owner = owner;
    s.territory = owner == alice ? north : south;
    return s;
}

State state(QDate date, std::vector<DealState> deals)
{
    std::sort(deals.begin(), deals.end(),
              [](const DealState &x, const DealState &y) { return x.id < y.id; });
    return State{ date, std::move(deals) };
}

const DealDifference *find(const Comparison &c, Id id)
{
    for (const DealDifference &d : c.deals)
        if (d.id == id)
            return &d;
    return nullptr;
}

ChangeSet set(std::initializer_list<Change> changes)
{
    ChangeSet s = 0;
    for (Change c : changes)
        s = ChangeSet(s | (1u << unsigned(c)));
    return s;
}

const qint64 nov = day(2026, 11, 30), dec = day(2026, 12, 15), feb = day(2027, 2, 15);
const QDate a = QDate(2026, 11, 20), b = QDate(2026, 11, 27);

TEST(SnapshotDiff, EachChangeCategoryOnItsOwn)
{
    DealState stalledAtB = deal(9, Stage::Prove, 900, nov);
    stalledAtB.stalled = true;
    const State before = state(a,
                               { deal(1, Stage::Prove, 1000, nov), // advanced
                                 deal(2, Stage::Propose, 2000, nov), // regressed
                                 deal(3, Stage::Prove, 3000, nov), // pushed
                                 deal(4, Stage::Prove, 4000, dec), // pulled in
                                 deal(5, Stage::Prove, 5000, nov), // amount up
                                 deal(6, Stage::Prove, 6000, nov), // amount down
                                 deal(7, Stage::Negotiate, 7000, nov), // won
                                 deal(8, Stage::Negotiate, 8000, nov), // lost
                                 deal(9, Stage::Prove, 900, nov), // newly stalled
                                 deal(10, Stage::Prove, 1100, nov), // removed
                                 deal(11, Stage::Prove, 1200, nov), // owner changed
                                 deal(12, Stage::Prove, 1300, nov) }); // unchanged
    const State after =
            state(b,
                  { deal(1, Stage::Propose, 1000, nov), deal(2, Stage::Prove, 2000, nov),
                    deal(3, Stage::Prove, 3000, dec), deal(4, Stage::Prove, 4000, nov),
                    deal(5, Stage::Prove, 5500, nov), deal(6, Stage::Prove, 5000, nov),
                    deal(7, Stage::Won, 7000, nov, alice, Status::Won),
                    deal(8, Stage::Lost, 8000, nov, alice, Status::Lost), stalledAtB,
                    deal(10, Stage::Prove, 1100, nov, alice, Status::Removed),
                    deal(11, Stage::Prove, 1200, nov, bob), deal(12, Stage::Prove, 1300, nov),
                    deal(13, Stage::Qualify, 1400, nov) }); // new
    const Comparison c = compare(before, after, Scope{}, q4);
    EXPECT_EQ(c.from, a);
    EXPECT_EQ(c.to, b);
    const std::vector<std::pair<Id, Change>> expected{
        { 1, Change::Advanced }, { 2, Change::Regressed },     { 3, Change::Pushed },
        { 4, Change::PulledIn }, { 5, Change::AmountUp },      { 6, Change::AmountDown },
        { 7, Change::Won },      { 8, Change::Lost },          { 9, Change::NewlyStalled },
        { 10, Change::Removed }, { 11, Change::OwnerChanged }, { 13, Change::New },
    };
    for (const auto &[id, change] : expected) {
        const DealDifference *d = find(c, id);
        ASSERT_NE(d, nullptr) << id;
        EXPECT_EQ(d->changes, set({ change })) << id;
        EXPECT_EQ(c.count(change), 1) << int(change);
    }
    ASSERT_NE(find(c, 12), nullptr); // unchanged, but in the flow
    EXPECT_EQ(find(c, 12)->changes, 0);
    EXPECT_EQ(find(c, 12)->bucket, Bucket::Unchanged);
}

TEST(SnapshotDiff, OneDealCarriesSeveralChangesAndFallsInOneBucket)
{
    // Advanced, pushed (still in the quarter) and its amount cut: three changes, one bucket.
    const State before = state(a, { deal(1, Stage::Prove, 10000, nov) });
    const State after = state(b, { deal(1, Stage::Propose, 8000, dec) });
    const Comparison c = compare(before, after, Scope{}, q4);
    ASSERT_EQ(c.deals.size(), 1u);
    EXPECT_EQ(c.deals[0].changes, set({ Change::Advanced, Change::Pushed, Change::AmountDown }));
    EXPECT_EQ(c.deals[0].bucket, Bucket::AmountDown);
    EXPECT_EQ(c.deals[0].amount, 2000);
    EXPECT_EQ(c.start, 10000);
    EXPECT_EQ(c.end, 8000);
    EXPECT_EQ(c.amount(Bucket::AmountDown), 2000);
    EXPECT_EQ(c.flowEnd(), c.end);

    // Pushed past the quarter and its amount raised: moved out, for the period, at A's amount.
    const State later = state(b, { deal(1, Stage::Prove, 12000, feb) });
    const Comparison out = compare(before, later, Scope{}, q4);
    EXPECT_EQ(out.deals[0].changes, set({ Change::Pushed, Change::AmountUp }));
    EXPECT_EQ(out.deals[0].bucket, Bucket::MovedOut);
    EXPECT_EQ(out.deals[0].reason, MoveReason::Period);
    EXPECT_EQ(out.deals[0].amount, 10000);
    EXPECT_EQ(out.amount(Bucket::AmountUp), 0);
    EXPECT_EQ(out.end, 0);
    EXPECT_EQ(out.flowEnd(), out.end);
}

TEST(SnapshotDiff, EveryFlowBucketWithItsAmountAndTheBalance)
{
    const State before = state(a,
                               { deal(1, Stage::Prove, 100, nov), // removed
                                 deal(2, Stage::Negotiate, 200, nov), // won
                                 deal(3, Stage::Negotiate, 300, nov), // lost
                                 deal(4, Stage::Prove, 400, nov), // moved out: pushed past P
                                 deal(5, Stage::Prove, 500, feb), // moved in: pulled into P
                                 deal(6, Stage::Prove, 600, nov), // amount up
                                 deal(7, Stage::Prove, 700, nov), // amount down
                                 deal(8, Stage::Prove, 800, nov), // unchanged
                                 deal(9, Stage::Prove, 900, nov, alice, Status::Lost) });
    const State after = state(b,
                              { deal(2, Stage::Won, 250, nov, alice, Status::Won),
                                deal(3, Stage::Lost, 300, nov, alice, Status::Lost),
                                deal(4, Stage::Prove, 400, feb), deal(5, Stage::Prove, 550, dec),
                                deal(6, Stage::Prove, 650, nov), deal(7, Stage::Prove, 600, nov),
                                deal(8, Stage::Prove, 800, nov),
                                deal(9, Stage::Prove, 950, dec), // moved in: reopened
                                deal(10, Stage::Qualify, 1000, dec) }); // new
    const Comparison c = compare(before, after, Scope{}, q4);
    EXPECT_EQ(c.start, 100 + 200 + 300 + 400 + 600 + 700 + 800);
    EXPECT_EQ(c.end, 550 + 650 + 600 + 800 + 950 + 1000);
    EXPECT_EQ(c.amount(Bucket::New), 1000);
    EXPECT_EQ(c.amount(Bucket::Removed), 100);
    EXPECT_EQ(c.amount(Bucket::Won), 200); // at A's amount: the 50 added when won is not flow
    EXPECT_EQ(c.amount(Bucket::Lost), 300);
    EXPECT_EQ(c.amount(Bucket::MovedOut), 400);
    EXPECT_EQ(c.amount(Bucket::MovedIn), 550 + 950);
    EXPECT_EQ(c.amount(Bucket::AmountUp), 50);
    EXPECT_EQ(c.amount(Bucket::AmountDown), 100);
    EXPECT_EQ(c.amount(Bucket::Unchanged), 0);
    EXPECT_EQ(c.flowCount[std::size_t(Bucket::Unchanged)], 1);
    EXPECT_EQ(c.flowCount[std::size_t(Bucket::MovedIn)], 2);
    EXPECT_EQ(find(c, 5)->reason, MoveReason::Period);
    EXPECT_EQ(find(c, 9)->reason, MoveReason::Reopened);
    EXPECT_EQ(c.flowEnd(), c.end);
    // A deal absent from B (a file that no longer lists it) is removed like one marked so.
    EXPECT_EQ(find(c, 1)->changes, set({ Change::Removed }));
    // Reopened is not "new": it was in A.
    EXPECT_FALSE(has(find(c, 9)->changes, Change::New));
}

// docs/METRICS.md, "Decisions of this repository" (forecast category moves): each deal of the
// flow once, from its category at A (outside when it came in) to its category at B (Closed when
// won, Omitted when lost or removed, outside when it moved out), at B's amount when it is in
// In(B), at A's when it left.
TEST(CategoryMoves, EachDealOfTheFlowOnceFromItsCategoryToItsNext)
{
    const auto in = [](ForecastCategory category, DealState d) {
        d.category = category;
        return d;
    };
    using C = ForecastCategory;
    const State before = state(a,
                               { in(C::Commit, deal(1, Stage::Negotiate, 100, nov)), // removed
                                 in(C::Commit, deal(2, Stage::Negotiate, 200, nov)), // won
                                 in(C::BestCase, deal(3, Stage::Propose, 300, nov)), // lost
                                 in(C::BestCase, deal(4, Stage::Propose, 400, nov)), // pushed out
                                 in(C::Pipeline, deal(5, Stage::Prove, 500, feb)), // pulled in
                                 in(C::BestCase, deal(6, Stage::Propose, 600, nov)),
                                 in(C::Pipeline, deal(7, Stage::Prove, 700, nov)) });
    const State after = state(b,
                              { deal(2, Stage::Won, 250, nov, alice, Status::Won),
                                deal(3, Stage::Lost, 300, nov, alice, Status::Lost),
                                in(C::BestCase, deal(4, Stage::Propose, 400, feb)),
                                in(C::Commit, deal(5, Stage::Negotiate, 550, dec)),
                                in(C::Commit, deal(6, Stage::Negotiate, 650, nov)),
                                in(C::Pipeline, deal(7, Stage::Prove, 700, nov)),
                                in(C::BestCase, deal(10, Stage::Propose, 1000, dec)) });
    const Comparison c = compare(before, after, Scope{}, q4);
    const CategoryMoves moves = categoryMoves(before, after, c);
    const auto cell = [&](int from, int to) {
        const CategoryCell &x = moves.at(from, to);
        return std::pair(x.deals, x.amount);
    };
    using Cell = std::pair<qint64, Minor>;
    const int pipeline = int(C::Pipeline), bestCase = int(C::BestCase), commit = int(C::Commit),
              closed = int(C::Closed), omitted = int(C::Omitted);
    EXPECT_EQ(cell(commit, omitted), Cell(1, 100));
    EXPECT_EQ(cell(commit, closed), Cell(1, 200)) << "won, at A's amount";
    EXPECT_EQ(cell(bestCase, omitted), Cell(1, 300));
    EXPECT_EQ(cell(bestCase, outside), Cell(1, 400));
    EXPECT_EQ(cell(outside, commit), Cell(1, 550));
    EXPECT_EQ(cell(bestCase, commit), Cell(1, 650));
    EXPECT_EQ(cell(pipeline, pipeline), Cell(1, 700));
    EXPECT_EQ(cell(outside, bestCase), Cell(1, 1000));
    qint64 deals = 0;
    for (int from = 0; from < categorySides; ++from)
        for (int to = 0; to < categorySides; ++to)
            deals += moves.at(from, to).deals;
    EXPECT_EQ(deals, 8) << "every deal of the flow once";
    EXPECT_EQ(moves.moved(), 7);
}

TEST(SnapshotDiff, OwnersMovingInAndOutOfARepsScope)
{
    const State before = state(a,
                               { deal(1, Stage::Prove, 1000, nov, alice), // to Bob
                                 deal(2, Stage::Prove, 2000, nov, bob), // to Alice
                                 deal(3, Stage::Prove, 3000, nov, bob) }); // Bob's throughout
    const State after =
            state(b,
                  { deal(1, Stage::Prove, 1000, nov, bob), deal(2, Stage::Prove, 2500, nov, alice),
                    deal(3, Stage::Prove, 3000, dec, bob) });
    const Comparison forAlice = compare(before, after, Scope{ alice, 0 }, q4);
    EXPECT_EQ(forAlice.start, 1000);
    EXPECT_EQ(forAlice.end, 2500);
    EXPECT_EQ(forAlice.amount(Bucket::MovedOut), 1000);
    EXPECT_EQ(find(forAlice, 1)->reason, MoveReason::Owner);
    EXPECT_EQ(forAlice.amount(Bucket::MovedIn), 2500); // at B's amount, not split in two
    EXPECT_EQ(find(forAlice, 2)->reason, MoveReason::Owner);
    EXPECT_EQ(find(forAlice, 3), nullptr); // never Alice's
    // Changes count an opportunity in the scope at A or at B.
    EXPECT_EQ(forAlice.count(Change::OwnerChanged), 2);
    EXPECT_EQ(forAlice.count(Change::AmountUp), 1);
    EXPECT_EQ(forAlice.count(Change::Pushed), 0);
    EXPECT_EQ(forAlice.flowEnd(), forAlice.end);

    // The same by territory (Alice's deals are in North, Bob's in South).
    const Comparison forNorth = compare(before, after, Scope{ 0, north }, q4);
    EXPECT_EQ(find(forNorth, 1)->reason, MoveReason::Territory);
    EXPECT_EQ(forNorth.flowEnd(), forNorth.end);

    // The team sees no move at all, only the amount change.
    const Comparison team = compare(before, after, Scope{}, q4);
    EXPECT_EQ(team.amount(Bucket::MovedIn) + team.amount(Bucket::MovedOut), 0);
    EXPECT_EQ(team.amount(Bucket::AmountUp), 500);
    EXPECT_EQ(team.flowEnd(), team.end);
}

TEST(SnapshotDiff, WonOrLostWithoutBeingInThePipelineCountAsChangesOnly)
{
    // Closing after the period at A, then won: a change, not part of this period's flow.
    const State before = state(a, { deal(1, Stage::Negotiate, 1000, feb) });
    const State after = state(b,
                              { deal(1, Stage::Won, 1000, nov, alice, Status::Won),
                                deal(2, Stage::Won, 500, nov, alice, Status::Won) });
    const Comparison c = compare(before, after, Scope{}, q4);
    EXPECT_EQ(c.count(Change::Won), 2); // created and won between the two: new and won
    EXPECT_EQ(c.count(Change::New), 1);
    EXPECT_EQ(c.count(Change::PulledIn), 0); // won early is won, not pulled in
    EXPECT_FALSE(find(c, 1)->bucket.has_value());
    EXPECT_EQ(c.start, 0);
    EXPECT_EQ(c.end, 0);
}

// The flow identity, to the cent, over random pairs: every opportunity of In(A) ∪ In(B) in
// exactly one bucket, for the team, each rep and each territory.
TEST(SnapshotDiff, TheFlowBalancesOverRandomSnapshotPairs)
{
    QRandomGenerator random(20261206);
    const qint64 firstDay = day(2026, 9, 1);
    for (int round = 0; round < 200; ++round) {
        std::vector<DealState> first, second;
        const int n = 1 + int(random.bounded(60));
        for (Id id = 1; id <= n; ++id) {
            const auto make = [&] {
                DealState s;
                s.id = id;
                s.status = Status(random.bounded(4));
                s.stage = s.status == Status::Won  ? Stage::Won
                        : s.status == Status::Lost ? Stage::Lost
                                                   : Stage(1 + random.bounded(4));
                s.amount = Minor(random.bounded(1'000'000));
                s.closeDay = random.bounded(8) == 0 ? 0 : firstDay + random.bounded(200);
                s.owner = 1 + random.bounded(3);
                s.territory = 10 + random.bounded(2);
                s.stalled = random.bounded(3) == 0;
                return s;
            };
            const unsigned where = random.bounded(4); // 0: A only, 1: B only, else both
            if (where != 1)
                first.push_back(make());
            if (where != 0)
                second.push_back(make());
        }
        const State sa{ a, first }, sb{ b, second };
        std::vector<Scope> scopes{ Scope{} };
        for (Id rep = 1; rep <= 3; ++rep)
            scopes.push_back(Scope{ rep, 0 });
        scopes.push_back(Scope{ 0, 10 });
        scopes.push_back(Scope{ 2, 11 });
        for (const Scope &scope : scopes) {
            const Comparison c = compare(sa, sb, scope, q4);
            ASSERT_EQ(c.flowEnd(), c.end) << "round " << round << " rep " << scope.rep;
            qint64 placed = 0;
            for (const DealDifference &d : c.deals)
                placed += d.bucket ? 1 : 0;
            qint64 inEither = 0;
            for (Id id = 1; id <= n; ++id) {
                const auto holds = [&](const std::vector<DealState> &deals) {
                    const auto it = std::find_if(deals.begin(), deals.end(),
                                                 [&](const DealState &s) { return s.id == id; });
                    return it != deals.end() && it->status == Status::Open && scope.contains(*it)
                            && it->closeDay != 0 && it->closeDay <= q4.end.toJulianDay();
                };
                inEither += holds(first) || holds(second) ? 1 : 0;
            }
            qint64 bucketed = 0;
            for (qint64 count : c.flowCount)
                bucketed += count;
            ASSERT_EQ(placed, inEither) << "round " << round;
            ASSERT_EQ(bucketed, inEither) << "round " << round;
        }
    }
}

} // namespace
