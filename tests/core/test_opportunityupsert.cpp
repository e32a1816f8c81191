#include "bookdump.h"
#include "testsupport.h"

#include "import/importjournal.h"
#include "import/opportunityupsert.h"
#include "storage/book.h"

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::crm;

namespace {

const QDate week1(2026, 11, 13);
const QDate week2(2026, 11, 20);

OpportunityInput deal(const char *crm, const char *name, const char *account, const char *owner,
                      Stage stage, Minor amount, QDate close)
{
    OpportunityInput in;
    in.crmId = crm;
    in.name = name;
    in.accountName = account;
    in.owner = owner;
    in.stage = stage;
    in.amount = amount;
    in.closeDate = close;
    in.created = QDate(2026, 10, 1);
    return in;
}

std::vector<OpportunityInput> firstExport()
{
    return { deal("006A", "Acme renewal", "Acme GmbH", "Mia Rossi", Stage::Qualify, 100'000,
                  QDate(2026, 12, 15)),
             deal("006B", "Bolt pilot", "Bolt Inc.", "Tom O'Neill", Stage::Propose, 250'000,
                  QDate(2026, 12, 1)),
             deal("006C", "Acme upsell", "ACME GMBH ", "mia rossi", Stage::Negotiate, 50'000,
                  QDate(2026, 11, 30)) };
}

// One import as the importer runs it: a transaction, an imports row, the journal, the rows.
UpsertCounts runImport(Book &book, const std::vector<OpportunityInput> &rows, QDate asOf,
                       bool complete = false, Id *importId = nullptr)
{
    sql::Database &db = book.db();
    sql::Transaction tx(db);
    auto st = db.prepare("INSERT INTO imports (started_at, kind, as_of, source) VALUES (?, "
                         "'opportunities', ?, 'test')");
    st.bind(1, QStringLiteral("2026-11-20T10:00:00")).bind(2, asOf).run();
    const Id id = db.lastInsertId();
    ImportJournal journal(db, id);
    OpportunityUpserter upserter(db, journal,
                                 { id, asOf, QStringLiteral("test"), QStringLiteral("USD"), 365,
                                   qint64(rows.size()), complete });
    for (const auto &row : rows)
        upserter.upsert(row);
    upserter.finish();
    journal.finish();
    tx.commit();
    if (importId)
        *importId = id;
    return upserter.counts();
}

QString opportunitiesTable(Book &book)
{
    const QString dump = test::dumpBook(book.db());
    const auto from = dump.indexOf(QStringLiteral("## opportunities\n"));
    return dump.mid(from, dump.indexOf(QStringLiteral("\n## "), from + 1) - from);
}

qint64 count(Book &book, const char *sql)
{
    return test::scalar(book.db(), sql);
}

} // namespace

TEST(OpportunityUpsert, FirstImportCreatesDealsAccountsAndRepsOnce)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const auto counts = runImport(*book, firstExport(), week1);
    EXPECT_EQ(counts.created, 3);
    EXPECT_EQ(counts.accountsCreated, 2); // "ACME GMBH " is Acme GmbH
    EXPECT_EQ(counts.repsCreated, 2); // "mia rossi" is Mia Rossi
    EXPECT_EQ(count(*book, "SELECT count(*) FROM stage_history"), 0); // no history known yet
    EXPECT_EQ(count(*book, "SELECT count(*) FROM opportunities WHERE stage_entered_date IS NULL"),
              3);
    EXPECT_EQ(count(*book, "SELECT count(*) FROM snapshot_rows"), 3);
}

TEST(OpportunityUpsert, ImportingTheSameFileTwiceChangesNothing)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    runImport(*book, firstExport(), week1);
    const QString opportunitiesBefore = opportunitiesTable(*book);
    ASSERT_TRUE(opportunitiesBefore.contains(QStringLiteral("Bolt pilot")));
    const auto counts = runImport(*book, firstExport(), week1);
    EXPECT_EQ(counts.created, 0);
    EXPECT_EQ(counts.updated, 0);
    EXPECT_EQ(counts.unchanged, 3);
    EXPECT_EQ(counts.accountsCreated + counts.repsCreated, 0);
    EXPECT_EQ(opportunitiesTable(*book), opportunitiesBefore);
}

TEST(OpportunityUpsert, ALaterExportRecordsStageChangesAndPushesAtItsDate)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    runImport(*book, firstExport(), week1);
    auto later = firstExport();
    later[0].stage = Stage::Prove; // advanced
    later[1].closeDate = QDate(2027, 1, 15); // pushed
    later[2].stage = Stage::Won; // won
    later.push_back(deal("006D", "Cobalt new", "Cobalt", "Mia Rossi", Stage::Qualify, 10'000,
                         QDate(2027, 2, 1)));
    const auto counts = runImport(*book, later, week2);
    EXPECT_EQ(counts.updated, 3);
    EXPECT_EQ(counts.created, 1);
    EXPECT_EQ(counts.stageChanges, 2);
    EXPECT_EQ(counts.closeDatePushes, 1);
    EXPECT_EQ(count(*book, "SELECT count(*) FROM stage_history WHERE entered_date = '2026-11-20'"),
              3);
    EXPECT_EQ(count(*book,
                    "SELECT count(*) FROM close_date_changes WHERE old_date = '2026-12-01' "
                    "AND new_date = '2027-01-15' AND changed_on = '2026-11-20'"),
              1);
    // New after an earlier snapshot of the same source: it entered its stage at this import.
    EXPECT_EQ(count(*book,
                    "SELECT count(*) FROM opportunities WHERE crm_id = '006D' "
                    "AND stage_entered_date = '2026-11-20'"),
              1);
    EXPECT_EQ(count(*book, "SELECT status FROM opportunities WHERE crm_id = '006C'"),
              int(Status::Won));
    EXPECT_EQ(count(*book, "SELECT count(*) FROM snapshots"), 2);
}

TEST(OpportunityUpsert, OnlyACompleteFileRemovesMissingDeals)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    runImport(*book, firstExport(), week1);
    auto partial = firstExport();
    partial.pop_back();
    EXPECT_EQ(runImport(*book, partial, week2).removed, 0);
    EXPECT_EQ(count(*book, "SELECT count(*) FROM opportunities WHERE status = 3"), 0);
    EXPECT_EQ(runImport(*book, partial, week2, true).removed, 1);
    EXPECT_EQ(
            count(*book, "SELECT count(*) FROM opportunities WHERE status = 3 AND crm_id = '006C'"),
            1);
}

TEST(OpportunityUpsert, UndoOfALaterImportRestoresTheFirst)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    runImport(*book, firstExport(), week1);
    const QString before = test::dumpBook(book->db());
    auto later = firstExport();
    later[0].stage = Stage::Prove;
    later[1].closeDate = QDate(2027, 1, 15);
    later[2].owner = "New Rep";
    later.push_back(deal("006D", "Cobalt new", "Cobalt", "Mia Rossi", Stage::Qualify, 10'000,
                         QDate(2027, 2, 1)));
    Id second = 0;
    runImport(*book, later, week2, true, &second);
    ASSERT_NE(test::dumpBook(book->db()), before);
    undoImport(*book, second);
    EXPECT_EQ(test::dumpBook(book->db()), before);
}

TEST(OpportunityUpsert, WithoutCrmIdsDealsMatchByNameAndAccount)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    auto rows = firstExport();
    for (auto &r : rows)
        r.crmId.clear();
    EXPECT_EQ(runImport(*book, rows, week1).created, 3);
    rows[1].amount = 260'000;
    const auto counts = runImport(*book, rows, week2);
    EXPECT_EQ(counts.created, 0);
    EXPECT_EQ(counts.updated, 1);
    EXPECT_EQ(counts.unchanged, 2);
}

TEST(OpportunityUpsert, AFileListingADealTwiceKeepsItsLastRowEverywhere)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    auto rows = firstExport();
    rows.push_back(rows[0]);
    rows.back().stage = Stage::Propose;
    rows.back().amount = 111'000;
    const auto counts = runImport(*book, rows, week1);
    EXPECT_EQ(counts.created, 3);
    EXPECT_EQ(counts.updated, 1);
    EXPECT_EQ(count(*book, "SELECT count(*) FROM opportunities"), 3);
    // The snapshot holds each deal once, as its last row says.
    EXPECT_EQ(count(*book, "SELECT count(*) FROM snapshot_rows"), 3);
    EXPECT_EQ(count(*book,
                    "SELECT r.amount FROM snapshot_rows r JOIN opportunities o "
                    "ON o.id = r.opportunity_id WHERE o.crm_id = '006A'"),
              111'000);

    // The same in a later import, where the deal already exists: replaced, not duplicated.
    rows.back().amount = 122'000;
    runImport(*book, rows, week2);
    EXPECT_EQ(count(*book,
                    "SELECT count(*) FROM snapshot_rows r JOIN snapshots s "
                    "ON s.id = r.snapshot_id WHERE s.taken_on = '2026-11-20'"),
              3);
    EXPECT_EQ(count(*book,
                    "SELECT r.amount FROM snapshot_rows r JOIN snapshots s ON s.id = r.snapshot_id "
                    "JOIN opportunities o ON o.id = r.opportunity_id "
                    "WHERE s.taken_on = '2026-11-20' AND o.crm_id = '006A'"),
              122'000);
}

TEST(OpportunityUpsert, TheSnapshotKeepsOpenAndRecentlyClosedDealsOnly)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    auto rows = firstExport();
    rows.push_back(deal("006W", "Won lately", "Acme GmbH", "Mia Rossi", Stage::Won, 5'000,
                        week1.addDays(-30)));
    rows.push_back(deal("006L", "Lost long ago", "Acme GmbH", "Mia Rossi", Stage::Lost, 5'000,
                        week1.addDays(-400)));
    runImport(*book, rows, week1);
    EXPECT_EQ(count(*book, "SELECT count(*) FROM snapshot_rows"), 4);
    EXPECT_EQ(count(*book,
                    "SELECT count(*) FROM snapshot_rows r JOIN opportunities o "
                    "ON o.id = r.opportunity_id WHERE o.crm_id = '006L'"),
              0);
    // Existing deals go through the per-row path: the same rule.
    runImport(*book, rows, week2);
    EXPECT_EQ(count(*book,
                    "SELECT count(*) FROM snapshot_rows r JOIN snapshots s "
                    "ON s.id = r.snapshot_id WHERE s.taken_on = '2026-11-20'"),
              4);
}
