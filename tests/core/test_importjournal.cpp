#include "bookdump.h"
#include "fixtures.h"
#include "testsupport.h"

#include "domain/errors.h"
#include "edits/bookeditor.h"
#include "import/importjournal.h"

#include <gtest/gtest.h>

using namespace tp;

namespace {

Id startImport(sql::Database &db)
{
    db.exec("INSERT INTO imports (started_at, file_name, kind, as_of) "
            "VALUES ('2026-11-20T10:00:00', 'deals.csv', 'opportunities', '2026-11-20')");
    return db.lastInsertId();
}

// What an import does: new rep, account and deal, an update of an existing deal and account,
// history rows and a snapshot.
void changeTheBook(sql::Database &db, crm::ImportJournal &journal, Id importId)
{
    db.exec("INSERT INTO reps (name) VALUES ('Cleo New')");
    const Id rep = db.lastInsertId();
    db.exec("INSERT INTO accounts (crm_id, name, owner_id) VALUES ('A9', 'Newco', "
            + std::to_string(rep) + ")");
    const Id account = db.lastInsertId();
    db.exec("INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, stage, "
            "created_date) "
            "VALUES ('O9', "
            + std::to_string(account) + ", " + std::to_string(rep)
            + ", 'Newco deal', 500, 1, '2026-11-01')");
    journal.beforeUpdate("opportunities", db.lastInsertId()); // inserted here: nothing to save

    auto st = db.prepare("SELECT id FROM opportunities WHERE crm_id = 'O1'");
    ASSERT_TRUE(st.step());
    const Id o1 = st.int64(0);
    journal.beforeUpdate("opportunities", o1);
    db.exec("UPDATE opportunities SET stage = 3, amount = amount + 1, close_date = '2027-01-31', "
            "next_step = NULL, account_id = "
            + std::to_string(account) + " WHERE crm_id = 'O1'");
    journal.beforeUpdate("opportunities", o1); // saved once: the first values win
    db.exec("UPDATE opportunities SET name = 'Renamed twice' WHERE crm_id = 'O1'");
    journal.beforeUpdate("accounts", 1);
    db.exec("UPDATE accounts SET name = 'Changed', potential = NULL, owner_id = "
            + std::to_string(rep) + " WHERE id = 1");
    auto history =
            db.prepare("INSERT INTO stage_history (opportunity_id, stage, entered_date, import_id) "
                       "VALUES (?, 3, '2026-11-20', ?)");
    history.bind(1, o1).bind(2, importId).run();
    auto snapshot = db.prepare(
            "INSERT INTO snapshots (import_id, taken_on, source) VALUES (?, '2026-11-20', 'x')");
    snapshot.bind(1, importId).run();
    const Id snap = db.lastInsertId();
    db.exec("INSERT INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, amount) SELECT "
            + std::to_string(snap) + ", id, stage, status, amount FROM opportunities");
}

// changeTheBook() as one committed import; returns its id.
Id importTheChanges(sql::Database &db)
{
    sql::Transaction tx(db);
    const Id importId = startImport(db);
    crm::ImportJournal journal(db, importId);
    changeTheBook(db, journal, importId);
    journal.finish();
    tx.commit();
    return importId;
}

} // namespace

TEST(ImportJournal, UndoRestoresTheExactEarlierBook)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    const QString before = test::dumpBook(db);
    const Id importId = importTheChanges(db);
    ASSERT_NE(test::dumpBook(db), before);
    EXPECT_EQ(crm::lastImport(*book), importId);
    crm::undoImport(*book, importId);
    EXPECT_EQ(test::dumpBook(db), before);
    EXPECT_FALSE(crm::lastImport(*book));
}

TEST(ImportJournal, OnlyTheLastImportCanBeUndoneAndTwoUndoInOrder)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    const QString original = test::dumpBook(db);
    const Id first = importTheChanges(db);
    Id second = 0;
    const QString afterFirst = test::dumpBook(db);
    {
        sql::Transaction tx(db);
        second = startImport(db);
        crm::ImportJournal journal(db, second);
        journal.beforeUpdate("opportunities", 1);
        db.exec("UPDATE opportunities SET amount = 1 WHERE id = 1");
        db.exec("INSERT INTO reps (name) VALUES ('Dora Later')");
        journal.finish();
        tx.commit();
    }
    EXPECT_THROW(crm::undoImport(*book, first), InputError);
    crm::undoImport(*book, second);
    EXPECT_EQ(test::dumpBook(db), afterFirst);
    crm::undoImport(*book, first);
    EXPECT_EQ(test::dumpBook(db), original);
}

TEST(ImportJournal, AFailedImportLeavesNoJournal)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    const QString before = test::dumpBook(db);
    {
        sql::Transaction tx(db); // never committed: the import failed
        const Id importId = startImport(db);
        crm::ImportJournal journal(db, importId);
        changeTheBook(db, journal, importId);
    }
    EXPECT_EQ(test::dumpBook(db), before);
}

TEST(ImportJournal, UndoSettlesLaterRowsThatReferToWhatTheImportAdded)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    const Id importId = importTheChanges(db);
    // After the import, by hand: a review of the new rep, a commitment tied to the new deal in
    // a review of another rep, an activity and a stage change of the new deal.
    db.exec("INSERT INTO reviews (rep_id, held_on, notes) "
            "SELECT id, '2026-11-21', 'about Cleo' FROM reps WHERE name = 'Cleo New'");
    db.exec("INSERT INTO reviews (rep_id, held_on) VALUES (1, '2026-11-21')");
    db.exec("INSERT INTO commitments (review_id, text, opportunity_id) "
            "SELECT max(r.id), 'kept', o.id FROM reviews r, opportunities o "
            "WHERE o.crm_id = 'O9' GROUP BY o.id");
    db.exec("INSERT INTO activities (type, activity_date, rep_id, opportunity_id) "
            "SELECT 'call', '2026-11-21', 1, id FROM opportunities WHERE crm_id = 'O9'");
    db.exec("INSERT INTO stage_history (opportunity_id, stage, entered_date) "
            "SELECT id, 2, '2026-11-21' FROM opportunities WHERE crm_id = 'O9'");

    // They are edits made after the import: the undo lists them and waits to be told.
    const crm::UndoPlan plan = crm::planUndo(*book, importId);
    EXPECT_EQ(plan.laterEditCount, 3) << qPrintable(plan.laterEdits.join(QLatin1Char('\n')));
    EXPECT_TRUE(plan.laterEdits.join(QLatin1Char('\n'))
                        .contains(QStringLiteral(
                                "made since and tied to what the import made, would be deleted")));
    EXPECT_THROW(crm::undoImport(*book, importId), InputError);

    crm::undoImport(*book, importId, true);
    const auto count = [&](const char *sql) { return test::scalar(db, sql); };
    EXPECT_EQ(count("SELECT count(*) FROM reviews WHERE notes = 'about Cleo'"), 0); // CASCADE
    EXPECT_EQ(count("SELECT count(*) FROM commitments WHERE text = 'kept' "
                    "AND opportunity_id IS NULL"),
              1);
    // The call made by hand stays, without the deal the import made (issue 16, item 6).
    EXPECT_EQ(count("SELECT count(*) FROM activities WHERE activity_date = '2026-11-21' "
                    "AND opportunity_id IS NULL"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM stage_history WHERE entered_date = '2026-11-21'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM import_journal"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM import_watermarks"), 0);
    EXPECT_EQ(db.pragmaInt("foreign_keys"), 1);
    auto check = db.prepare("PRAGMA foreign_key_check");
    EXPECT_FALSE(check.step()) << check.text(0).toStdString();
}

TEST(ImportJournal, AReferenceWithoutADeleteActionRefusesTheUndoAndChangesNothing)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    db.exec("CREATE TABLE pins (id INTEGER PRIMARY KEY, "
            "opportunity_id INTEGER REFERENCES opportunities(id))"); // NO ACTION
    const Id importId = importTheChanges(db);
    db.exec("INSERT INTO pins (opportunity_id) SELECT id FROM opportunities WHERE crm_id = 'O9'");
    const QString before = test::dumpBook(db);
    try {
        crm::undoImport(*book, importId);
        FAIL() << "expected the undo to be refused";
    } catch (const InputError &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("pins"))) << e.message().toStdString();
    }
    EXPECT_EQ(test::dumpBook(db), before);
    EXPECT_EQ(db.pragmaInt("foreign_keys"), 1);
}

// Issue 16, item 6: the undo of an import deleted the rows added by hand after it (above its
// watermark) and overwrote later edits without a word. Now it removes only what the import
// created, and lists the later edits of what it created or changed, refusing until told.
TEST(ImportJournal, UndoKeepsRowsMadeByHandAfterTheImportAndListsLaterEdits)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    const Id importId = importTheChanges(db);
    const auto count = [&](const char *sql) { return test::scalar(db, sql); };
    // By hand after the import: a rep and its quota (rows of tables the import writes).
    db.exec("INSERT INTO reps (name) VALUES ('Hand Made')");
    db.exec("INSERT INTO quotas (rep_id, period, amount) SELECT id, '2026-Q4', 100 FROM reps "
            "WHERE name = 'Hand Made'");
    crm::UndoPlan plan = crm::planUndo(*book, importId);
    EXPECT_EQ(plan.laterEditCount, 0) << qPrintable(plan.laterEdits.join(QLatin1Char('\n')));
    EXPECT_EQ(plan.file, QStringLiteral("deals.csv"));
    ASSERT_FALSE(plan.removes.empty());

    // Edits of what the import made and changed.
    db.exec("UPDATE opportunities SET amount = 777 WHERE crm_id = 'O9'"); // it made O9
    db.exec("UPDATE accounts SET industry = 'Later' WHERE id = 1"); // it changed account 1
    db.exec("UPDATE opportunities SET amount = 5 WHERE crm_id = 'O2'"); // it did not touch O2
    plan = crm::planUndo(*book, importId);
    EXPECT_EQ(plan.laterEditCount, 2) << qPrintable(plan.laterEdits.join(QLatin1Char('\n')));
    const QString edits = plan.laterEdits.join(QLatin1Char('\n'));
    EXPECT_TRUE(edits.contains(QStringLiteral(
            "opportunity “Newco deal”, made by the import and changed since, would be deleted")))
            << qPrintable(edits);
    EXPECT_TRUE(edits.contains(QStringLiteral("account “Changed”, changed by the import and again "
                                              "since, would lose the later change")))
            << qPrintable(edits);
    const QString before = test::dumpBook(db);
    try {
        crm::undoImport(*book, importId);
        FAIL() << "undid over later edits without being told";
    } catch (const InputError &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("would lose 2 edits made after it")))
                << e.message().toStdString();
    }
    EXPECT_EQ(test::dumpBook(db), before);

    crm::undoImport(*book, importId, true);
    EXPECT_EQ(count("SELECT count(*) FROM reps WHERE name = 'Hand Made'"), 1);
    EXPECT_EQ(count("SELECT amount FROM quotas q JOIN reps r ON r.id = q.rep_id WHERE r.name = "
                    "'Hand Made'"),
              100);
    EXPECT_EQ(count("SELECT count(*) FROM opportunities WHERE crm_id = 'O9'"), 0);
    EXPECT_EQ(count("SELECT amount FROM opportunities WHERE crm_id = 'O2'"), 5);
    EXPECT_EQ(count("SELECT count(*) FROM hand_edits"), 0);
}

// An edit made in the app after the import and then undone leaves nothing to lose: its change
// record takes back the hand-edit note its write made (issue 17; issue 16 left it asking).
TEST(ImportJournal, AnEditUndoneIsNoLaterEdit)
{
    test::TempDir dir;
    auto book = test::makeFixtureBook(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    const Id importId = importTheChanges(db);
    const Id o9 = test::scalar(db, "SELECT id FROM opportunities WHERE crm_id = 'O9'");
    const Id account = 1; // the import changed it
    BookEditor editor(*book);
    BookChange amount = editor.setAmount(o9, 777);
    BookChange potential = editor.setPotential(only(account), 99'900);
    ASSERT_EQ(crm::planUndo(*book, importId).laterEditCount, 2);

    BookChange undoAmount = amount.inverse();
    editor.write(undoAmount);
    EXPECT_EQ(crm::planUndo(*book, importId).laterEditCount, 1) << "the potential is still set";
    BookChange undoPotential = potential.inverse();
    editor.write(undoPotential);
    EXPECT_EQ(crm::planUndo(*book, importId).laterEditCount, 0);

    editor.write(amount); // redone: a later edit again
    EXPECT_EQ(crm::planUndo(*book, importId).laterEditCount, 1);

    // A row edited by hand before (a note of its own) keeps its note when a later app edit of it
    // is undone.
    db.exec("UPDATE opportunities SET amount = 5 WHERE crm_id = 'O9'");
    BookChange again = editor.setAmount(o9, 6);
    BookChange back = again.inverse();
    editor.write(back);
    EXPECT_EQ(crm::planUndo(*book, importId).laterEditCount, 1);
}
