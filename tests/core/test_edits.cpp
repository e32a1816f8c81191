#include "bookdump.h"
#include "fixtures.h"
#include "testsupport.h"

#include "domain/errors.h"
#include "edits/bookeditor.h"
#include "storage/accountreassignment.h"
#include "storage/accounts.h"
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
    BookEditor editor(*book);
    const Id id = idOf(*book, "O1");
    const Opportunity before = *repo.byId(id);
    const QDate today(2026, 11, 20);

    BookChange change = editor.setStage(only(id), Stage::Won, today);
    Opportunity after = *repo.byId(id);
    EXPECT_EQ(after.stage, Stage::Won);
    EXPECT_EQ(after.status, Status::Won);
    EXPECT_EQ(after.closedStage, before.stage) << "won from the stage it stood in";
    EXPECT_EQ(after.closedDate, today);
    EXPECT_EQ(after.stageEntered, today);
    ASSERT_EQ(repo.stageHistory(id).size(), 1u);

    BookChange undo = change.inverse();
    editor.write(undo);
    after = *repo.byId(id);
    EXPECT_EQ(after.stage, before.stage);
    EXPECT_EQ(after.status, Status::Open);
    EXPECT_FALSE(after.closedStage);
    EXPECT_FALSE(after.closedDate.isValid());
    EXPECT_EQ(after.stageEntered, before.stageEntered);
    EXPECT_TRUE(repo.stageHistory(id).empty());

    editor.write(change);
    EXPECT_EQ(repo.byId(id)->stage, Stage::Won);
    ASSERT_EQ(repo.stageHistory(id).size(), 1u);
    EXPECT_EQ(repo.stageHistory(id).front().id, change.opportunities.front().stageRows.front().id);
}

TEST(Edits, PushingTheCloseDateIsRecordedPullingInIsNot)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    OpportunityRepository repo(*book);
    BookEditor editor(*book);
    const Id id = idOf(*book, "O3");
    const BookChange push = editor.setCloseDate(only(id), QDate(2027, 1, 31), QDate(2026, 11, 20));
    ASSERT_EQ(repo.closeDateChanges(id).size(), 1u);
    EXPECT_EQ(repo.closeDateChanges(id).front().oldDate, QDate(2026, 12, 15));
    editor.setCloseDate(only(id), QDate(2026, 12, 1), QDate(2026, 11, 21));
    EXPECT_EQ(repo.closeDateChanges(id).size(), 1u);
    EXPECT_EQ(repo.byId(id)->closeDate, QDate(2026, 12, 1));
    BookChange undo = push.inverse();
    editor.write(undo);
    EXPECT_TRUE(repo.closeDateChanges(id).empty());
}

TEST(Edits, InvalidValuesAreRefusedAndNothingChanges)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    OpportunityRepository repo(*book);
    BookEditor editor(*book);
    const Id id = idOf(*book, "O2");
    const Opportunity before = *repo.byId(id);
    EXPECT_THROW(editor.setAmount(id, -1), InputError);
    EXPECT_THROW(editor.setProbabilityOverride(only(id), 10001), InputError);
    EXPECT_THROW(editor.setCloseDate(only(id), QDate(), QDate(2026, 11, 20)), InputError);
    EXPECT_THROW(editor.setOpportunityOwner(only(id), 999), InputError);
    EXPECT_THROW(editor.setAmount(987654, 5), InputError);
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
    BookEditor editor(*book);
    const Id one = 1;
    const BookChange change = editor.setPotential(only(one), 12'345'600);
    EXPECT_EQ(accounts.byId(1)->potential, 12'345'600);
    BookChange undo = change.inverse();
    editor.write(undo);
    EXPECT_FALSE(accounts.byId(1)->potential);
    EXPECT_THROW(editor.setPotential(only(one), -5), InputError);

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
    BookEditor editor(*book);
    const Id r1 = idOf(*book, "R1");
    editor.setOpportunityOwner(only(r1), ben); // an overlay: Ben's already
    AccountReassigner reassigner(*book);
    const auto undo = [&](const BookChange &change) {
        BookChange inverse = change.inverse();
        editor.write(inverse);
    };

    const AccountOpenDeals deals = reassigner.openDeals(acme);
    EXPECT_EQ(deals.following, (std::vector<Id>{ idOf(*book, "H1"), idOf(*book, "S2") }));
    EXPECT_EQ(deals.ownedByOthers, 1);

    BookChange change = editor.setAccountOwner(only(acme), ben, true);
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ben);
    EXPECT_EQ(change.opportunities.size(), 2u);
    EXPECT_EQ(ownerOf(*book, "H1"), ben);
    EXPECT_EQ(ownerOf(*book, "S2"), ben);
    for (const char *closedOrRemoved : { "W1", "W3", "L1", "X1" })
        EXPECT_EQ(ownerOf(*book, closedOrRemoved), ana) << closedOrRemoved << " keeps its owner";
    EXPECT_TRUE(reassigner.openDeals(acme).following.size() == 3u) << "H1, R1, S2 follow Ben now";

    undo(change);
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ana);
    EXPECT_EQ(ownerOf(*book, "H1"), ana);
    EXPECT_EQ(ownerOf(*book, "S2"), ana);
    EXPECT_EQ(ownerOf(*book, "R1"), ben) << "the overlay deal was never moved";
    editor.write(change);
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ben);
    EXPECT_EQ(ownerOf(*book, "H1"), ben);
    undo(change);

    // Keeping the deals with Ana moves the account alone.
    const BookChange alone = editor.setAccountOwner(only(acme), ben, false);
    EXPECT_TRUE(alone.opportunities.empty());
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ben);
    EXPECT_EQ(ownerOf(*book, "H1"), ana);
    undo(alone);

    // A deal the book refuses to move: nothing is written, not the account, not the others.
    book->db().exec("CREATE TRIGGER refuse BEFORE UPDATE OF owner_id ON opportunities "
                    "WHEN OLD.crm_id = 'S2' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    EXPECT_ANY_THROW(editor.setAccountOwner(only(acme), ben, true));
    EXPECT_EQ(AccountRepository(*book).byId(acme)->ownerId, ana);
    EXPECT_EQ(ownerOf(*book, "H1"), ana);
    EXPECT_THROW(editor.setAccountOwner(only(acme), 9999, true), InputError);
}

// Issue 16, item 8: moving an account into a territory with an owner makes that rep its owner;
// out of any territory, the owner stays; a territory that does not exist is refused.
TEST(Edits, AnAccountMovesIntoATerritoryAndItsOwnerFollowsTheTerritorysRep)
{
    test::TempDir dir;
    auto book = test::makeHealthFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    AccountRepository accounts(*book);
    BookEditor editor(*book);
    const Id bolt = accountOf(*book, "A2");
    const Id west = test::scalar(book->db(), "SELECT id FROM territories WHERE name = 'West'");
    const Id ana = test::scalar(book->db(), "SELECT id FROM reps WHERE name = 'Ana'");
    const Id ben = test::scalar(book->db(), "SELECT id FROM reps WHERE name = 'Ben'");
    const BookChange in = editor.setTerritory(only(bolt), west);
    EXPECT_EQ(accounts.byId(bolt)->territoryId, west);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ana);
    const BookChange out = editor.setTerritory(only(bolt), std::nullopt);
    EXPECT_FALSE(accounts.byId(bolt)->territoryId);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ana);
    for (const BookChange *change : { &out, &in }) {
        BookChange undo = change->inverse();
        editor.write(undo);
    }
    EXPECT_FALSE(accounts.byId(bolt)->territoryId);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ben);
    EXPECT_THROW(editor.setTerritory(only(bolt), 999), InputError);
    EXPECT_EQ(accounts.byId(bolt)->ownerId, ben);
}
