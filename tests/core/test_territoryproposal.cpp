// METRICS "Territories", the rebalancing proposal on a book and its scenarios: locks (the user's,
// and open deals by default), --unlock-open, capacity, the disruption budget, the figures after and
// each territory's gains and losses, and `territories --propose --json` with the keys of CLI.md.
// The book is small enough that every outcome is worked out below by hand.
#include "clirun.h"
#include "testsupport.h"

#include "analytics/pipelinehealth.h"
#include "analytics/territoryfunnel.h"
#include "analytics/territoryproposal.h"
#include "demo/demobook.h"
#include "domain/dates.h"
#include "domain/errors.h"
#include "edits/bookeditor.h"
#include "storage/book.h"
#include "storage/bookreader.h"
#include "storage/bookviewloader.h"
#include "storage/scenarios.h"
#include "storage/schema.h"
#include "storage/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::territories;

namespace {

// Territories East (Ana) and West (Ben), on potential:
// - East: P1 400.00 (locked by the user), P2 300.00, P3 100.00 (an open deal: locked by the
//   default rule), P4 20.00; West: Q1 100.00. East 820, West 100, mean 460, band [414, 506]:
//   East must give between 314 and 406.
// - With the default locks only P2 and P4 can move: both (320) leave East 500 and West 420
//   (deviations 0.087 each: within), one move cannot (P2 alone leaves East 520: 0.13).
// - With --unlock-open, P3 can move too: P2 + P3 (400) also reaches the band; the goal order
//   prefers the least Σ m moved among two-move answers, so P2 + P4 again.
// - With at most one move: P2 alone, the best a single move does (East 520, West 400).
constexpr const char *bookSql = R"SQL(
    INSERT INTO reps (id, name, capacity) VALUES (1, 'Ana', NULL), (2, 'Ben', NULL);
    INSERT INTO territories (id, name, owner_id) VALUES (1, 'East', 1), (2, 'West', 2);
    INSERT INTO accounts (id, crm_id, name, territory_id, owner_id, potential, lock_state) VALUES
        (1, '0015000000AAAA1', 'P1', 1, 1, 40000, 1),
        (2, '0015000000AAAA2', 'P2', 1, 1, 30000, NULL),
        (3, '0015000000AAAA3', 'P3', 1, 1, 10000, NULL),
        (4, '0015000000AAAA4', 'P4', 1, 1, 2000, NULL),
        (5, '0015000000BBBB1', 'Q1', 2, 2, 10000, NULL);
    INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, stage, status,
                               created_date) VALUES
        ('O1', 3, 1, 'P3 deal', 500000, 1, 0, '2026-01-01');
)SQL";

class ProposalBook : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.path(QStringLiteral("p.tpbook"));
        Book::create(path)->db().exec(bookSql);
    }

    TerritoryProposal proposeOn(const ProposalRequest &request)
    {
        view = loadBookView(path);
        layout = layoutOf(*view);
        report = evaluate(*view, layout, Metric::Potential, QStringLiteral("2026-Q4"));
        return propose(*view, layout, report, QStringLiteral("2026-Q4"), request);
    }

    QStringList movedNames(const TerritoryProposal &p) const
    {
        QStringList names;
        for (const rebalance::Move &m : p.plan.moves)
            names.append(view->accounts.name.at(std::size_t(m.account)));
        names.sort();
        return names;
    }

    test::CliResult run(QStringList extra)
    {
        QStringList arguments{
            QStringLiteral("territories"), QStringLiteral("--db"),      path,
            QStringLiteral("--metric"),    QStringLiteral("potential"), QStringLiteral("--propose"),
            QStringLiteral("--json")
        };
        arguments += extra;
        return test::runCli(arguments);
    }

    test::TempDir dir;
    QString path;
    std::unique_ptr<BookView> view;
    Layout layout;
    Report report;
};

} // namespace

TEST_F(ProposalBook, LockedAccountsStayAndTheFewestMovesReachTheBand)
{
    const TerritoryProposal p = proposeOn({});
    EXPECT_EQ(movedNames(p), (QStringList{ QStringLiteral("P2"), QStringLiteral("P4") }));
    EXPECT_TRUE(p.plan.withinTolerance);
    // East (entry 0) gives both to West (entry 1).
    for (const rebalance::Move &m : p.plan.moves) {
        EXPECT_EQ(m.from, 0);
        EXPECT_EQ(m.to, 1);
    }
    EXPECT_EQ(p.lost[0], (Carried{ 2, 32000, 0, 0 }));
    EXPECT_EQ(p.gained[1], (Carried{ 2, 32000, 0, 0 }));
    EXPECT_EQ(p.gained[0], Carried{});
    EXPECT_EQ(p.after.territories[0].potential, 50000);
    EXPECT_EQ(p.after.territories[1].potential, 42000);
    EXPECT_EQ(p.after.territories[1].accounts, 3);
    EXPECT_NEAR(*p.after.balance, 420.0 / 500.0, 1e-12);
    EXPECT_NEAR(p.movedShare, 320.0 / 920.0, 1e-12);
    EXPECT_EQ(p.locks.locked, 2); // P1 by the user, P3 by its open deal
    EXPECT_EQ(p.locks.byUser, 1);
}

TEST_F(ProposalBook, UnlockingOpenDealsFreesThemButNotTheUsersLocks)
{
    // Lock P4 too: with the default rule nothing but P2 may move (East 520: not within).
    Book::open(path)->db().exec("UPDATE accounts SET lock_state = 1 WHERE crm_id LIKE '%AAAA4'");
    const TerritoryProposal locked = proposeOn({});
    EXPECT_EQ(movedNames(locked), QStringList{ QStringLiteral("P2") });
    EXPECT_FALSE(locked.plan.withinTolerance);
    ProposalRequest unlock;
    unlock.unlockOpen = true;
    const TerritoryProposal open = proposeOn(unlock);
    EXPECT_EQ(movedNames(open), (QStringList{ QStringLiteral("P2"), QStringLiteral("P3") }));
    EXPECT_TRUE(open.plan.withinTolerance);
    // The deal goes with the account in the figures: West gains its open pipeline and deal.
    EXPECT_EQ(open.gained[1].openPipeline, 500000);
    EXPECT_EQ(open.after.territories[1].active, 1);
    // Ben can carry no open deal: P3 cannot go to West.
    Book::open(path)->db().exec("UPDATE reps SET capacity = 0 WHERE name = 'Ben'");
    const TerritoryProposal full = proposeOn(unlock);
    EXPECT_EQ(movedNames(full), QStringList{ QStringLiteral("P2") });
}

TEST_F(ProposalBook, TheDisruptionBudgetBoundsTheMoves)
{
    ProposalRequest one;
    one.maxMoves = 1;
    const TerritoryProposal p = proposeOn(one);
    EXPECT_EQ(movedNames(p), QStringList{ QStringLiteral("P2") });
    EXPECT_FALSE(p.plan.withinTolerance);
    ProposalRequest share;
    share.maxMovedShare = 0.1; // 92.00 of 920.00: only P4 fits
    const TerritoryProposal small = proposeOn(share);
    EXPECT_LE(small.movedShare, 0.1);
    EXPECT_EQ(movedNames(small), QStringList{ QStringLiteral("P4") });
}

TEST_F(ProposalBook, TheCommandLineAddsTheProposalWithTheContractsKeys)
{
    const test::CliResult result = run({});
    ASSERT_EQ(result.code, 0) << qPrintable(result.err);
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    const QJsonObject p = json.value(QStringLiteral("proposal")).toObject();
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("tolerance")).toDouble(), 0.1);
    EXPECT_EQ(p.value(QStringLiteral("moved_accounts")).toInt(), 2);
    EXPECT_NEAR(p.value(QStringLiteral("moved_share")).toDouble(), 320.0 / 920.0, 1e-6);
    EXPECT_NEAR(p.value(QStringLiteral("balance_after")).toDouble(), 0.84, 1e-6);
    EXPECT_NEAR(p.value(QStringLiteral("max_deviation_after")).toDouble(), 40.0 / 460.0, 1e-6);
    EXPECT_TRUE(p.value(QStringLiteral("within_tolerance")).toBool());
    EXPECT_EQ(p.value(QStringLiteral("locked_accounts")).toInt(), 2);
    const QJsonArray moves = p.value(QStringLiteral("moves")).toArray();
    ASSERT_EQ(moves.size(), 2);
    // The larger account first.
    const QJsonObject first = moves[0].toObject();
    EXPECT_EQ(first.value(QStringLiteral("account")).toString(), QStringLiteral("P2"));
    EXPECT_EQ(first.value(QStringLiteral("crm_id")).toString(), QStringLiteral("0015000000AAAA2"));
    EXPECT_EQ(first.value(QStringLiteral("from")).toString(), QStringLiteral("East"));
    EXPECT_EQ(first.value(QStringLiteral("to")).toString(), QStringLiteral("West"));
    EXPECT_DOUBLE_EQ(first.value(QStringLiteral("value")).toDouble(), 300.0);
    const QJsonArray after = p.value(QStringLiteral("territories_after")).toArray();
    ASSERT_EQ(after.size(), 2);
    EXPECT_EQ(after[0].toObject().value(QStringLiteral("territory")).toString(),
              QStringLiteral("East"));
    EXPECT_NEAR(after[0].toObject().value(QStringLiteral("share_of_average")).toDouble(),
                500.0 / 460.0, 1e-6);
    // The book is not changed by a proposal.
    const test::CliResult again = run({});
    EXPECT_EQ(again.out, result.out);
    // Without --propose there is no proposal key.
    const test::CliResult plain =
            test::runCli({ QStringLiteral("territories"), QStringLiteral("--db"), path,
                           QStringLiteral("--json") });
    EXPECT_FALSE(QJsonDocument::fromJson(plain.out.toUtf8())
                         .object()
                         .contains(QStringLiteral("proposal")));
}

TEST_F(ProposalBook, TheCommandLineTakesTheBudgetAndRefusesBadValues)
{
    const test::CliResult one = run({ QStringLiteral("--max-moves"), QStringLiteral("1") });
    ASSERT_EQ(one.code, 0) << qPrintable(one.err);
    const QJsonObject p = QJsonDocument::fromJson(one.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("proposal"))
                                  .toObject();
    EXPECT_EQ(p.value(QStringLiteral("moved_accounts")).toInt(), 1);
    const test::CliResult open = run({ QStringLiteral("--unlock-open"),
                                       QStringLiteral("--tolerance"), QStringLiteral("0.2") });
    EXPECT_EQ(open.code, 0) << qPrintable(open.err);
    for (const QStringList &bad :
         { QStringList{ QStringLiteral("--tolerance"), QStringLiteral("ten") },
           QStringList{ QStringLiteral("--tolerance"), QStringLiteral("-0.1") },
           QStringList{ QStringLiteral("--max-moves"), QStringLiteral("1.5") },
           QStringList{ QStringLiteral("--max-share"), QStringLiteral("2") } }) {
        const test::CliResult r = run(bad);
        EXPECT_EQ(r.code, 2) << qPrintable(bad.join(QLatin1Char(' ')));
        EXPECT_TRUE(r.err.contains(bad[0])) << qPrintable(r.err);
    }
    const test::CliResult text =
            test::runCli({ QStringLiteral("territories"), QStringLiteral("--db"), path,
                           QStringLiteral("--metric"), QStringLiteral("potential"),
                           QStringLiteral("--propose") });
    EXPECT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("P2: East → West"))) << qPrintable(text.out);
    // Everything locked: the text says why nothing moves, not that nothing needs to.
    Book::open(path)->db().exec("UPDATE accounts SET lock_state = 1");
    const test::CliResult stuck =
            test::runCli({ QStringLiteral("territories"), QStringLiteral("--db"), path,
                           QStringLiteral("--metric"), QStringLiteral("potential"),
                           QStringLiteral("--propose") });
    EXPECT_TRUE(stuck.out.contains(QStringLiteral("5 accounts are locked (5 of them by you")))
            << qPrintable(stuck.out);
}

// Scenarios: kept with their request and moves, placed on the book as it is now (a move already
// made is done, one whose territory is gone no longer applies), renamed and deleted as edits.
TEST_F(ProposalBook, ScenariosAreKeptPlacedOnTheBookAsItIsAndEdited)
{
    const TerritoryProposal p = proposeOn({});
    Scenario s;
    s.name = QStringLiteral("Even");
    s.createdOn = QDate(2026, 11, 20);
    s.metric = QStringLiteral("potential");
    s.maxMoves = 5;
    for (const rebalance::Move &m : p.plan.moves)
        s.moves.push_back(
                { view->accounts.id[std::size_t(m.account)], destinationId(*view, layout, m.to) });
    const auto book = Book::open(path);
    BookEditor editor(*book);
    const BookChange kept = editor.keepScenario(s);
    ASSERT_EQ(kept.scenarios.size(), 1u);
    const Id id = kept.scenarios.front().id;
    const auto read = ScenarioRepository(*book).byId(id);
    ASSERT_TRUE(read);
    s.id = id;
    std::sort(s.moves.begin(), s.moves.end(),
              [](const ScenarioMove &a, const ScenarioMove &b) { return a.account < b.account; });
    EXPECT_EQ(*read, s);
    EXPECT_THROW(editor.keepScenario(s), InputError); // the name is taken
    s.name = QStringLiteral("  ");
    EXPECT_THROW(editor.keepScenario(s), InputError);

    // Placed on the book: both moves pending, and the same figures as the proposal.
    view = loadBookView(path);
    const ScenarioPlacement placed = placeScenario(*view, layout, *read);
    EXPECT_EQ(placed.pending.size(), 2u);
    EXPECT_EQ(placed.accountEntry, p.accountEntryAfter);
    // One of them made by hand: it is done; the other still pending.
    const Id p2 = 2;
    editor.setTerritory(only(p2), Id(2));
    view = loadBookView(path);
    const ScenarioPlacement half = placeScenario(*view, layoutOf(*view), *read);
    EXPECT_EQ(half.done, 1);
    EXPECT_EQ(half.pending.size(), 1u);

    // Renamed and deleted, each undone by its inverse.
    BookChange renamed = editor.renameScenario(id, QStringLiteral("Even keel"));
    EXPECT_EQ(ScenarioRepository(*book).byId(id)->name, QStringLiteral("Even keel"));
    BookChange deleted = editor.deleteScenario(id);
    EXPECT_FALSE(ScenarioRepository(*book).byId(id));
    BookChange back = deleted.inverse();
    editor.write(back);
    const auto restored = ScenarioRepository(*book).byId(id);
    ASSERT_TRUE(restored);
    EXPECT_EQ(restored->moves, read->moves);
    EXPECT_EQ(restored->name, QStringLiteral("Even keel"));
    BookChange unrename = renamed.inverse();
    editor.write(unrename);
    EXPECT_EQ(ScenarioRepository(*book).byId(id)->name, QStringLiteral("Even"));
    EXPECT_TRUE(kept.aspects().testFlag(ChangeAspect::Scenarios));

    // A territory deleted: its moves no longer apply (and the scenario stays).
    editor.deleteTerritory(2);
    view = loadBookView(path);
    const ScenarioPlacement gone = placeScenario(*view, layoutOf(*view), *read);
    EXPECT_EQ(gone.gone, 2);
    EXPECT_TRUE(gone.pending.empty());
    EXPECT_TRUE(ScenarioRepository(*book).byId(id));
}

// Version 12 keeps a version 11 book's scenarios and their moves, and frees the moves from
// their foreign keys to accounts and territories.
TEST(ScenarioSchema, AVersionElevenBooksScenariosCarryOver)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("v11.tpbook"));
    {
        sql::Database db(path, sql::Database::Mode::Create);
        db.exec("PRAGMA foreign_keys = ON");
        schema::migrate(db, 11);
        db.exec("INSERT INTO territories (id, name) VALUES (4, 'Alps')");
        db.exec("INSERT INTO accounts (id, name, territory_id) VALUES (3, 'Acme', NULL)");
        db.exec("INSERT INTO scenarios (id, name, created_on, metric, tolerance) "
                "VALUES (1, 'Old', '2026-11-01', 'ev', 0.05)");
        db.exec("INSERT INTO scenario_moves VALUES (1, 3, 4)");
    }
    auto book = Book::open(path);
    ASSERT_EQ(book->schemaVersion(), schema::currentVersion());
    const auto old = ScenarioRepository(*book).byName(QStringLiteral("old"));
    ASSERT_TRUE(old);
    EXPECT_DOUBLE_EQ(old->tolerance, 0.05);
    EXPECT_EQ(old->moves, (std::vector<ScenarioMove>{ { 3, 4 } }));
    EXPECT_FALSE(old->maxMoves);
    // Deleting the territory leaves the scenario's moves (they no longer apply).
    book->db().exec("DELETE FROM territories WHERE id = 4");
    EXPECT_EQ(ScenarioRepository(*book).byId(1)->moves.size(), 1u);
}

// The funnel check of a territory whose book adds nothing to the period is the rep's own Gap to
// plan on the whole quota left, at the rep's rates as the Funnel page resolves them (worked out
// here the page's way, one rep scope at a time); a book whose deals close in the period asks for
// fewer activities.
TEST(FunnelCheck, ABookWithoutDealsAsksWhatTheRepsGapToPlanDoes)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.tpbook"));
    const QDate asOf(2026, 11, 20);
    demo::Options options;
    options.today = asOf;
    demo::writeDemoBook(path, options, {});
    const auto book = Book::open(path);
    const auto view = loadBookView(path);
    const Period period = Period::containing(asOf, view->settings.fiscalStartMonth);
    const Layout layout = layoutOf(*view);
    const BookReader reader(*book);
    const auto read = [&](int rep, const QDate &from) {
        return reader.repActivity(*view, rep, period.label(), from, asOf);
    };
    const FunnelChecker checker(*view, layout, asOf, period, read);
    const std::vector<int> nowhere(std::size_t(view->accounts.size()), -1);
    const std::vector<FunnelCheck> bare = checker.checks(nowhere);
    const std::vector<FunnelCheck> own = checker.checks(layout.accountEntry);
    ASSERT_EQ(bare.size(), layout.entries.size());
    int compared = 0;
    for (std::size_t t = 0; t < layout.entries.size(); ++t) {
        const int rep = layout.entries[t].rep;
        ASSERT_GE(rep, 0);
        const health::HealthReport report = health::evaluate(*view, { rep, -1 }, asOf, period);
        const RepActivity activity = read(rep, report.metrics.windowStart);
        const funnel::Plan plan = funnel::plan(
                report, funnel::historyOf(report, activity.meetings, activity.activities),
                activity.assumptions, view->settings.funnel);
        EXPECT_EQ(bare[t].hasQuota, plan.hasTarget);
        EXPECT_EQ(bare[t].needed, plan.remaining) << t;
        const funnel::Chain weekly = funnel::perWeek(funnel::chain(plan.remaining, plan.rates),
                                                     std::max(plan.weeksLeft, 1));
        EXPECT_EQ(bare[t].activitiesPerWeek, weekly.activities) << t;
        if (bare[t].activitiesPerWeek && own[t].activitiesPerWeek) {
            EXPECT_LE(*own[t].activitiesPerWeek, *bare[t].activitiesPerWeek);
            ++compared;
        }
        EXPECT_GT(own[t].pace, 0.0);
    }
    EXPECT_GT(compared, 0);
}
