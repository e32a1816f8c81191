// The edit oracle (docs/ARCHITECTURE.md, "The edit path"): for every kind of edit, the view an
// edit, its undo and its redo leave behind (BookView::apply of the change record) equals a fresh
// load of the book. Every new kind of edit gets a line here.
#include "bookdump.h"
#include "fixtures.h"
#include "testsupport.h"

#include "domain/errors.h"
#include "edits/bookeditor.h"
#include "storage/bookviewloader.h"
#include "storage/funnelassumptions.h"
#include "storage/scoring.h"

#include <gtest/gtest.h>

using namespace tp;

namespace {

class EditOracle : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_path = m_dir.path(QStringLiteral("h.tpbook"));
        m_book = test::makeHealthFixtureBook(m_path);
        m_view = loadBookView(m_path);
        ASSERT_TRUE(m_view);
    }

    Id id(const char *sql) { return test::scalar(m_book->db(), sql); }
    Id deal(const char *crm)
    {
        return id(qPrintable(QStringLiteral("SELECT id FROM opportunities WHERE crm_id = '%1'")
                                     .arg(QLatin1String(crm))));
    }
    Id account(const char *crm)
    {
        return id(qPrintable(QStringLiteral("SELECT id FROM accounts WHERE crm_id = '%1'")
                                     .arg(QLatin1String(crm))));
    }
    Id rep(const char *name)
    {
        return id(qPrintable(
                QStringLiteral("SELECT id FROM reps WHERE name = '%1'").arg(QLatin1String(name))));
    }

    // The view in hand equals a fresh load of the book.
    void expectFresh(const QString &when)
    {
        const auto fresh = loadBookView(m_path);
        ASSERT_TRUE(fresh);
        EXPECT_EQ(m_view->differenceFrom(*fresh), QString()) << qPrintable(when);
    }

    // Applies an edit core has written, then its undo, then its redo, comparing each time.
    void check(BookChange change)
    {
        const QString what = change.text;
        ASSERT_FALSE(change.isEmpty()) << qPrintable(what);
        m_view->apply(change);
        expectFresh(what + QStringLiteral(": edit"));
        BookEditor editor(*m_book);
        BookChange undo = change.inverse();
        editor.write(undo);
        m_view->apply(undo);
        expectFresh(what + QStringLiteral(": undo"));
        editor.write(change);
        m_view->apply(change);
        expectFresh(what + QStringLiteral(": redo"));
    }

    BookEditor editor() { return BookEditor(*m_book); }

    test::TempDir m_dir;
    QString m_path;
    std::unique_ptr<Book> m_book;
    std::unique_ptr<BookView> m_view;
    const QDate m_today{ 2026, 11, 20 };
};

} // namespace

TEST_F(EditOracle, OpportunityEdits)
{
    const std::vector<Id> open{ deal("H1"), deal("R1"), deal("S2") };
    check(editor().setStage(open, Stage::Propose, m_today));
    check(editor().setStage(open, Stage::Won, m_today));
    check(editor().setStage(open, Stage::Qualify, m_today)); // reopened
    check(editor().markLost(open, QStringLiteral("No budget"), m_today));
    check(editor().setAmount(deal("H1"), 4'200'000));
    check(editor().setCloseDate(only(deal("H1")), QDate(2027, 3, 31), m_today)); // a push
    check(editor().setCloseDate(only(deal("H1")), QDate(2026, 12, 1), m_today)); // pulled in
    check(editor().setProbabilityOverride(only(deal("R1")), 3300));
    check(editor().setProbabilityOverride(only(deal("R1")), std::nullopt));
    check(editor().setOpportunityOwner(open, rep("Ben")));
    check(editor().setOpportunityOwner(open, std::nullopt));
    check(editor().setNextStep(only(deal("S2")), QStringLiteral("Call the CFO")));
    check(editor().setNextActivity(only(deal("S2")), QDate(2026, 12, 2)));
    check(editor().setForecastCall(open, ForecastCategory::Commit));
    check(editor().setForecastCall(only(deal("R1")), std::nullopt));
}

TEST_F(EditOracle, AccountEdits)
{
    const Id acme = account("A1"), bolt = account("A2");
    const std::vector<Id> both{ acme, bolt };
    const Id west = id("SELECT id FROM territories WHERE name = 'West'");
    check(editor().setPotential(only(acme), 9'900'000));
    check(editor().setPotential(only(acme), std::nullopt));
    check(editor().setAccountOwner(both, rep("Ben"), true));
    check(editor().setAccountOwner(both, rep("Ana"), false));
    check(editor().setAccountOwner(only(acme), std::nullopt, true));
    check(editor().setTerritory(both, std::nullopt));
    check(editor().setTerritory(both, west));
    check(editor().setAccountLock(both, true));
    check(editor().setAccountLock(only(bolt), false));
    check(editor().setAccountLock(both, std::nullopt));
}

// Issue 19: territories made, renamed (the view keeps them in name order, the accounts'
// indexes following), given a rep, locked, merged and deleted.
TEST_F(EditOracle, TerritoryEdits)
{
    const Id acme = account("A1"), bolt = account("A2");
    const Id west = id("SELECT id FROM territories WHERE name = 'West'");
    BookChange made = editor().createTerritory(QStringLiteral("Alps"), rep("Ben"));
    const Id alps = made.territories.front().id;
    check(made);
    check(editor().setTerritory(only(bolt), alps));
    check(editor().renameTerritory(alps, QStringLiteral("Zugspitze"))); // now after West
    check(editor().setTerritoryRep(west, rep("Ben")));
    check(editor().setTerritoryRep(west, std::nullopt));
    check(editor().setTerritoryLocked(west, true));
    check(editor().mergeTerritories(only(alps), west));
    EXPECT_EQ(id("SELECT count(*) FROM territories WHERE name = 'Zugspitze'"), 0);
    check(editor().deleteTerritory(west));
    EXPECT_EQ(id("SELECT count(*) FROM accounts WHERE territory_id IS NOT NULL"), 0);
    EXPECT_EQ(m_view->accounts.territory[std::size_t(m_view->accounts.indexOf(acme))], -1);
}

TEST_F(EditOracle, AProposalsMovesAreOneEditWhateverTheirDestinations)
{
    const Id acme = account("A1"), bolt = account("A2");
    const Id west = id("SELECT id FROM territories WHERE name = 'West'");
    BookChange made = editor().createTerritory(QStringLiteral("Alps"), rep("Ben"));
    const Id alps = made.territories.front().id;
    check(made);
    const std::vector<std::pair<Id, Id>> moves{ { acme, alps }, { bolt, west } };
    BookChange change = editor().moveAccounts(moves, false, QStringLiteral("Rebalance"));
    EXPECT_EQ(change.text, QStringLiteral("Rebalance"));
    check(change);
    EXPECT_EQ(id("SELECT owner_id FROM accounts WHERE crm_id = 'A1'"), rep("Ben"));
    // In a book without territories the moves give accounts to reps.
    check(editor().moveAccounts(std::vector<std::pair<Id, Id>>{ { acme, rep("Ana") } }, true,
                                QStringLiteral("Rebalance reps")));
    const QString before = test::dumpBook(m_book->db());
    EXPECT_THROW(editor().moveAccounts(std::vector<std::pair<Id, Id>>{ { acme, alps + 100 } },
                                       false, QStringLiteral("x")),
                 InputError);
    EXPECT_THROW(editor().moveAccounts(std::vector<std::pair<Id, Id>>{ { acme, 999 } }, true,
                                       QStringLiteral("x")),
                 InputError);
    EXPECT_EQ(test::dumpBook(m_book->db()), before);
}

TEST_F(EditOracle, ScenariosAreKeptRenamedAndDeletedAsEdits)
{
    const Id west = id("SELECT id FROM territories WHERE name = 'West'");
    Scenario s;
    s.name = QStringLiteral("Even");
    s.createdOn = m_today;
    s.metric = QStringLiteral("ev");
    s.moves = { { account("A2"), west }, { account("A1"), west } };
    BookChange kept = editor().keepScenario(s);
    const Id scenario = kept.scenarios.front().id;
    check(kept);
    check(editor().renameScenario(scenario, QStringLiteral("Even keel")));
    const QString before = test::dumpBook(m_book->db());
    EXPECT_THROW(editor().renameScenario(scenario, QStringLiteral(" ")), InputError);
    EXPECT_THROW(editor().deleteScenario(scenario + 100), InputError);
    EXPECT_EQ(test::dumpBook(m_book->db()), before);
    check(editor().deleteScenario(scenario));
}

TEST_F(EditOracle, TerritoryNamesAreCheckedAndNothingIsWrittenOnRefusal)
{
    const Id west = id("SELECT id FROM territories WHERE name = 'West'");
    const QString before = test::dumpBook(m_book->db());
    EXPECT_THROW(editor().createTerritory(QStringLiteral("  "), std::nullopt), InputError);
    EXPECT_THROW(editor().createTerritory(QStringLiteral("West"), std::nullopt), InputError);
    EXPECT_THROW(editor().renameTerritory(west + 100, QStringLiteral("X")), InputError);
    EXPECT_THROW(editor().mergeTerritories(only(west), west), InputError);
    EXPECT_THROW(editor().setTerritoryRep(west, 999), InputError);
    EXPECT_EQ(test::dumpBook(m_book->db()), before);
    // Renaming to its own name in another case is allowed.
    EXPECT_FALSE(editor().renameTerritory(west, QStringLiteral("WEST")).isEmpty());
}

TEST_F(EditOracle, RepAndSettingsEdits)
{
    check(editor().setRepCapacity(std::vector<Id>{ rep("Ben"), rep("Ana") }, 7));
    check(editor().setRepCapacity(only(rep("Ana")), std::nullopt));
    check(editor().setQuota(only(rep("Ben")), QStringLiteral("2026-Q4"), 4'500'000));
    check(editor().setQuota(std::vector<Id>{ rep("Ana"), rep("Ben") }, QStringLiteral("2027-Q1"),
                            6'000'000));
    check(editor().setQuota(only(rep("Ana")), QStringLiteral("2026-Q4"), std::nullopt));
    StallRules rules;
    rules.idleStalledDays = 60;
    rules.pushesAtRisk = 3;
    check(editor().setPipelineRules(rules, { 10, 20, 30, 40 }));
    check(editor().setRoiThresholds(0.65, 1'000'000));
    check(editor().setRoiThresholds(0.4, std::nullopt));
    check(editor().setRepIdentity(rep("Ana"), QStringLiteral(" 005A0000012abcD "),
                                  QStringLiteral("ana@example.com")));
    check(editor().setRepIdentity(rep("Ana"), QStringLiteral("005A0000012abcD"), QString()));
    check(editor().setRepIdentity(rep("Ana"), QString(), QString()));
}

// A rep's CRM identity (publishing): trimmed, checked, one undo step; its undo puts the book
// back byte for byte; a refused value writes nothing.
TEST_F(EditOracle, RepIdentityIsCheckedAndUndoneExactly)
{
    const QString before = test::dumpBook(m_book->db());
    BookChange change = editor().setRepIdentity(rep("Ben"), QStringLiteral("005B000003XyZabIAF"),
                                                QStringLiteral(" Ben@Example.com "));
    ASSERT_EQ(change.identities.size(), 1u);
    EXPECT_EQ(change.identities[0].after.crmUserId, QStringLiteral("005B000003XyZabIAF"));
    EXPECT_EQ(change.identities[0].after.email, QStringLiteral("Ben@Example.com"));
    EXPECT_EQ(change.text, QStringLiteral("Change CRM user id and email of Ben"));
    EXPECT_TRUE(change.aspects().testFlag(ChangeAspect::Reps));
    EXPECT_EQ(change.repIds(), std::vector<Id>{ rep("Ben") });
    EXPECT_EQ(test::scalar(m_book->db(),
                           "SELECT count(*) FROM reps WHERE crm_user_id = '005B000003XyZabIAF' "
                           "AND email = 'Ben@Example.com'"),
              1);
    const QString edited = test::dumpBook(m_book->db());
    EXPECT_EQ(
            editor().setRepIdentity(rep("Ana"), QString(), QStringLiteral("ana@example.com")).text,
            QStringLiteral("Change email of Ana"));
    // Cleared, the email is none (NULL) again, as it was.
    EXPECT_EQ(editor().setRepIdentity(rep("Ana"), QString(), QString()).text,
              QStringLiteral("Change email of Ana"));
    EXPECT_EQ(test::dumpBook(m_book->db()), edited);
    BookChange undo = change.inverse();
    editor().write(undo);
    EXPECT_EQ(test::dumpBook(m_book->db()), before);

    // Refused: nothing is written.
    EXPECT_THROW(editor().setRepIdentity(rep("Ana"), QStringLiteral("005 A"), QString()),
                 InputError);
    EXPECT_THROW(editor().setRepIdentity(rep("Ana"), QString(), QStringLiteral("ana.example.com")),
                 InputError);
    EXPECT_THROW(editor().setRepIdentity(999, QStringLiteral("005"), QString()), InputError);
    editor().setRepIdentity(rep("Ben"), QStringLiteral("005B000003XyZab"),
                            QStringLiteral("ben@example.com"));
    const QString withBen = test::dumpBook(m_book->db());
    // Another rep's id, in its other Salesforce form, or another rep's email in another case.
    EXPECT_THROW(
            editor().setRepIdentity(rep("Ana"), QStringLiteral("005B000003XyZabIAF"), QString()),
            InputError);
    EXPECT_THROW(editor().setRepIdentity(rep("Ana"), QString(), QStringLiteral("BEN@example.com")),
                 InputError);
    EXPECT_EQ(test::dumpBook(m_book->db()), withBen);
    // The same values again change nothing.
    EXPECT_TRUE(editor().setRepIdentity(rep("Ben"), QStringLiteral("005B000003XyZab"),
                                        QStringLiteral("ben@example.com"))
                        .isEmpty());
}

TEST_F(EditOracle, ScoringEdits)
{
    const Id acme = account("A1"), bolt = account("A2");
    ScoringModel model = ScoringRepository(*m_book).model();
    ASSERT_GE(model.factors.size(), 2u);
    const Id first = model.factors[0].id, second = model.factors[1].id;
    const Id profile = model.profiles.front().id;
    check(editor().setScores({ { acme, first, 4 }, { bolt, first, 2 }, { acme, second, 5 } },
                             QStringLiteral("Score")));
    check(editor().setScores({ { acme, first, std::nullopt } }, QStringLiteral("Clear")));
    check(editor().setWeight(profile, second, 2.5));
    check(editor().addFactor(QStringLiteral("Champion"), QStringLiteral("Someone sells for us")));
    check(editor().renameFactor(first, QStringLiteral("Budget known")));
    check(editor().describeFactor(first, QStringLiteral("They said a number")));
    check(editor().moveFactor(first, 3));
    check(editor().removeFactor(second)); // with its scores: undo brings them back
    check(editor().addProfile(SegmentKind::Industry, QStringLiteral("Software")));
    check(editor().removeProfile(editor().addProfile(SegmentKind::SizeBand, QStringLiteral("SMB"))
                                         .scoringModel->after.profiles.back()
                                         .id));
}

// Scoring notes and funnel assumptions are not in the view: their edits go to the book and back.
TEST_F(EditOracle, EditsOutsideTheViewRoundTripInTheBook)
{
    const Id acme = account("A1");
    BookEditor e = editor();
    BookChange note = e.setScoringNote(acme, QStringLiteral("  Met the CFO  "));
    EXPECT_EQ(ScoringRepository(*m_book).note(acme), QStringLiteral("Met the CFO"));
    BookChange undo = note.inverse();
    e.write(undo);
    EXPECT_EQ(ScoringRepository(*m_book).note(acme), QString());

    funnel::Assumptions assumptions;
    assumptions.winRate = 0.3;
    BookChange funnel =
            e.setFunnelAssumptions(QStringLiteral("team"), QStringLiteral("2026-Q4"), assumptions);
    FunnelAssumptionRepository repository(*m_book);
    EXPECT_EQ(repository.load(QStringLiteral("team"), QStringLiteral("2026-Q4")), assumptions);
    BookChange back = funnel.inverse();
    e.write(back);
    EXPECT_EQ(repository.load(QStringLiteral("team"), QStringLiteral("2026-Q4")),
              funnel::Assumptions{});
    expectFresh(QStringLiteral("notes and assumptions"));
}

TEST_F(EditOracle, AnEditThatChangesNothingIsEmptyAndWritesNothing)
{
    const Id h1 = deal("H1");
    const auto stage =
            Stage(m_view->opportunities.stage[std::size_t(m_view->opportunities.indexOf(h1))]);
    const qint64 history = test::scalar(m_book->db(), "SELECT count(*) FROM stage_history");
    EXPECT_TRUE(editor().setStage(only(h1), stage, m_today).isEmpty());
    EXPECT_TRUE(editor().setRepCapacity(only(rep("Ana")), 2).isEmpty());
    EXPECT_TRUE(editor().setScores({}, QStringLiteral("nothing")).isEmpty());
    EXPECT_EQ(test::scalar(m_book->db(), "SELECT count(*) FROM stage_history"), history);
}

// Consecutive moves of a slider merge: undoing the merged change goes back to before the first.
TEST_F(EditOracle, MergedChangesUndoToTheValueBeforeTheFirst)
{
    const double before = m_view->settings.roi.likelihoodThreshold;
    BookChange first = editor().setRoiThresholds(0.6, std::nullopt);
    m_view->apply(first);
    const BookChange second = editor().setRoiThresholds(0.7, std::nullopt);
    m_view->apply(second);
    ASSERT_EQ(first.mergeKey, second.mergeKey);
    first.mergeWith(second);
    EXPECT_EQ(first.settings->after.roi.likelihoodThreshold, 0.7);
    BookChange undo = first.inverse();
    editor().write(undo);
    m_view->apply(undo);
    EXPECT_EQ(m_view->settings.roi.likelihoodThreshold, before);
    expectFresh(QStringLiteral("merged undo"));
}

// A change that fails half-way leaves the book as it was (one transaction per batch).
TEST_F(EditOracle, ABatchIsAllOrNothing)
{
    const std::vector<Id> open{ deal("H1"), deal("S2") };
    m_book->db().exec("CREATE TRIGGER refuse BEFORE UPDATE OF stage ON opportunities "
                      "WHEN OLD.crm_id = 'S2' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const qint64 history = test::scalar(m_book->db(), "SELECT count(*) FROM stage_history");
    EXPECT_ANY_THROW(editor().markLost(open, QStringLiteral("gone"), m_today));
    EXPECT_EQ(test::scalar(m_book->db(), "SELECT count(*) FROM stage_history"), history);
    expectFresh(QStringLiteral("refused batch"));
    const std::vector<Id> missing{ deal("H1"), 987654 };
    EXPECT_THROW(editor().setOpportunityOwner(missing, rep("Ben")), InputError);
}
