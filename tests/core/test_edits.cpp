#include "bookdump.h"
#include "fixtures.h"
#include "testsupport.h"

#include "storage/accountreassignment.h"
#include "storage/accounts.h"
#include "storage/errors.h"
#include "storage/opportunities.h"
#include "storage/reps.h"

#include <gtest/gtest.h>

using namespace tp;

namespace {

Id idOf(Book &book, const char *crm)
{
    auto st = book.db().prepare("SELECT id FROM opportunities WHERE crm_id = ?");
    st.bind(1, QString::fromLatin1(crm));
    return st.step() ? st.int64(0) : 0;
}

} // namespace

TEST(Edits, StageChangeWritesHistoryAndUndoRestoresExactly)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    OpportunityRepository repo(*book);
    const Id id = idOf(*book, "O1");
    const Opportunity before = *repo.byId(id);
    const QDate today(2026, 11, 20);

    const OpportunityChange change = repo.setStage(id, Stage::Won, today);
    Opportunity after = *repo.byId(id);
    EXPECT_EQ(after.stage, Stage::Won);
    EXPECT_EQ(after.status, Status::Won);
    EXPECT_EQ(after.closedStage, before.stage) << "won from the stage it stood in";
    EXPECT_EQ(after.closedDate, today);
    EXPECT_EQ(after.stageEntered, today);
    ASSERT_EQ(repo.stageHistory(id).size(), 1u);

    repo.undo(change);
    after = *repo.byId(id);
    EXPECT_EQ(after.stage, before.stage);
    EXPECT_EQ(after.status, Status::Open);
    EXPECT_FALSE(after.closedStage);
    EXPECT_FALSE(after.closedDate.isValid());
    EXPECT_EQ(after.stageEntered, before.stageEntered);
    EXPECT_TRUE(repo.stageHistory(id).empty());

    repo.redo(change);
    EXPECT_EQ(repo.byId(id)->stage, Stage::Won);
    ASSERT_EQ(repo.stageHistory(id).size(), 1u);
    EXPECT_EQ(repo.stageHistory(id).front().id, change.stageRows.front().id);
}

TEST(Edits, PushingTheCloseDateIsRecordedPullingInIsNot)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    OpportunityRepository repo(*book);
    const Id id = idOf(*book, "O3");
    const auto push = repo.setCloseDate(id, QDate(2027, 1, 31), QDate(2026, 11, 20));
    ASSERT_EQ(repo.closeDateChanges(id).size(), 1u);
    EXPECT_EQ(repo.closeDateChanges(id).front().oldDate, QDate(2026, 12, 15));
    repo.setCloseDate(id, QDate(2026, 12, 1), QDate(2026, 11, 21));
    EXPECT_EQ(repo.closeDateChanges(id).size(), 1u);
    EXPECT_EQ(repo.byId(id)->closeDate, QDate(2026, 12, 1));
    repo.undo(push);
    EXPECT_TRUE(repo.closeDateChanges(id).empty());
}

TEST(Edits, InvalidValuesAreRefusedAndNothingChanges)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    OpportunityRepository repo(*book);
    const Id id = idOf(*book, "O2");
    const Opportunity before = *repo.byId(id);
    EXPECT_THROW(repo.setAmount(id, -1), InputError);
    EXPECT_THROW(repo.setProbabilityOverride(id, 10001), InputError);
    EXPECT_THROW(repo.setCloseDate(id, QDate(), QDate(2026, 11, 20)), InputError);
    EXPECT_THROW(repo.setOwner(id, 999), InputError);
    EXPECT_THROW(repo.setAmount(987654, 5), InputError);
    const Opportunity after = *repo.byId(id);
    EXPECT_EQ(after.amount, before.amount);
    EXPECT_EQ(after.probabilityOverride, before.probabilityOverride);
    EXPECT_EQ(after.ownerId, before.ownerId);
}

TEST(Edits, AccountPotentialOwnerQuotaAndCapacity)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    AccountRepository accounts(*book);
    const auto change = accounts.setPotential(1, 12'345'600);
    EXPECT_EQ(accounts.byId(1)->potential, 12'345'600);
    accounts.write(change.before);
    EXPECT_FALSE(accounts.byId(1)->potential);
    EXPECT_THROW(accounts.setPotential(1, -5), InputError);

    RepRepository reps(*book);
    reps.setQuota(1, QStringLiteral("2027-Q1"), 7'000'000);
    EXPECT_EQ(reps.quota(1, QStringLiteral("2027-Q1")), 7'000'000);
    reps.setQuota(1, QStringLiteral("2027-Q1"), std::nullopt);
    EXPECT_FALSE(reps.quota(1, QStringLiteral("2027-Q1")));
    reps.setCapacity(2, 12);
    EXPECT_EQ(reps.byId(2)->capacity, 12);
    EXPECT_THROW(reps.setCapacity(2, -1), InputError);
    EXPECT_EQ(reps.byId(2)->capacity, 12);
}

namespace {

Id accountOf(Book &book, const char *crm)
{
    auto st = book.db().prepare("SELECT id FROM accounts WHERE crm_id = ?");
    st.bind(1, QString::fromLatin1(crm));
    return st.step() ? st.int64(0) : 0;
}

std::optional<Id> ownerOf(Book &book, const char *crm)
{
    return OpportunityRepository(book).byId(idOf(book, crm))->ownerId;
}

} // namespace

// The health fixture: Acme (A1) is Ana's, with her open H1, R1 and S2, her closed W1, W3, L1
// and her removed X1; Ben has Bolt (A2).
TEST(Edits, ReassigningAnAccountMovesItsOpenDealsInOneTransactionAndUndoes)
{
    test::TempDir dir;
    auto book = test::makeHealthFixtureBook(dir.path(QStringLiteral("h.tpbook")));
    const Id acme = accountOf(*book, "A1");
    const Id ana = *AccountRepository(*book).byId(acme)->ownerId;
    const Id ben = *AccountRepository(*book).byId(accountOf(*book, "A2"))->ownerId;
    OpportunityRepository(*book).setOwner(idOf(*book, "R1"), ben); // an overlay: Ben's already
    AccountReassigner reassigner(*book);

    const AccountOpenDeals deals = reassigner.openDeals(acme);
    EXPECT_EQ(deals.following, (std::vector<Id>{ idOf(*book, "H1"), idOf(*book, "S2") }));
    EXPECT_EQ(deals.ownedByOthers, 1);

    const AccountReassignment change = reassigner.reassign(acme, ben, true);
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ben);
    EXPECT_EQ(change.deals.size(), 2u);
    EXPECT_EQ(ownerOf(*book, "H1"), ben);
    EXPECT_EQ(ownerOf(*book, "S2"), ben);
    for (const char *closedOrRemoved : { "W1", "W3", "L1", "X1" })
        EXPECT_EQ(ownerOf(*book, closedOrRemoved), ana) << closedOrRemoved << " keeps its owner";
    EXPECT_TRUE(reassigner.openDeals(acme).following.size() == 3u) << "H1, R1, S2 follow Ben now";

    reassigner.undo(change);
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ana);
    EXPECT_EQ(ownerOf(*book, "H1"), ana);
    EXPECT_EQ(ownerOf(*book, "S2"), ana);
    EXPECT_EQ(ownerOf(*book, "R1"), ben) << "the overlay deal was never moved";
    reassigner.redo(change);
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ben);
    EXPECT_EQ(ownerOf(*book, "H1"), ben);
    reassigner.undo(change);

    // Keeping the deals with Ana moves the account alone.
    const AccountReassignment alone = reassigner.reassign(acme, ben, false);
    EXPECT_TRUE(alone.deals.empty());
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ben);
    EXPECT_EQ(ownerOf(*book, "H1"), ana);
    reassigner.undo(alone);

    // A deal the book refuses to move: nothing is written, not the account, not the others.
    book->db().exec("CREATE TRIGGER refuse BEFORE UPDATE OF owner_id ON opportunities "
                    "WHEN OLD.crm_id = 'S2' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    EXPECT_ANY_THROW(reassigner.reassign(acme, ben, true));
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ana);
    EXPECT_EQ(ownerOf(*book, "H1"), ana);
    EXPECT_THROW(reassigner.reassign(acme, 9999, true), InputError);
}

// Issue 16, item 8: moving an account into a territory with an owner makes that rep its owner;
// out of any territory, the owner stays; a territory that does not exist is refused.
TEST(Edits, AnAccountMovesIntoATerritoryAndItsOwnerFollowsTheTerritorysRep)
{
    test::TempDir dir;
    auto book = test::makeHealthFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    AccountRepository accounts(*book);
    const Id bolt = accountOf(*book, "A2");
    const Id west = test::scalar(book->db(), "SELECT id FROM territories WHERE name = 'West'");
    const Id ana = test::scalar(book->db(), "SELECT id FROM reps WHERE name = 'Ana'");
    const Id ben = test::scalar(book->db(), "SELECT id FROM reps WHERE name = 'Ben'");
    const AccountChange in = accounts.setTerritory(bolt, west);
    EXPECT_EQ(accounts.byId(bolt)->territoryId, west);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ana);
    const AccountChange out = accounts.setTerritory(bolt, std::nullopt);
    EXPECT_FALSE(accounts.byId(bolt)->territoryId);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ana);
    accounts.write(out.before);
    accounts.write(in.before);
    EXPECT_FALSE(accounts.byId(bolt)->territoryId);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ben);
    EXPECT_THROW(accounts.setTerritory(bolt, 999), InputError);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ben);
}
