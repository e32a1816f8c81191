// The snapshot store (core/storage/snapshotreader.h, snapshotwriter.h): states carried forward
// from the latest row at or before a snapshot, read through the last full state; full states
// completed after an import; labels; deleting a snapshot without changing the later states,
// as an edit whose undo brings it back exactly;
// a deal's path; the stalled flag as of each snapshot's date; the migration of older books.
#include "bookdump.h"
#include "testsupport.h"

#include "domain/errors.h"
#include "edits/bookeditor.h"
#include "storage/book.h"
#include "storage/schema.h"
#include "storage/snapshotreader.h"
#include "storage/snapshotwriter.h"

#include <gtest/gtest.h>

#include <functional>
#include <tuple>

using namespace tp;
using namespace tp::snapshots;

namespace {

// Stalled rules with no average cycle (the aged rule silent), the shipped thresholds.
health::RuleContext shippedRules(const QDate &)
{
    return {};
}

struct Fields
{
    Stage stage = Stage::Qualify;
    Status status = Status::Open;
    Minor amount = 1000;
    QDate close = QDate(2026, 12, 15);
    Id owner = 1;
    QDate lastActivity = QDate(2026, 11, 1);
};

class Snapshots : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_book = Book::create(m_dir.path(QStringLiteral("s.tpbook")));
        db().exec("INSERT INTO reps (id, name) VALUES (1, 'Ana'), (2, 'Ben')");
        for (int id = 1; id <= 6; ++id)
            db().prepare("INSERT INTO opportunities (id, name, stage, created_date) "
                         "VALUES (?, 'Deal', 1, '2026-10-01')")
                    .bind(1, id)
                    .run();
    }
    sql::Database &db() { return m_book->db(); }
    Id snapshot(const char *date, bool full = false)
    {
        db().prepare("INSERT INTO snapshots (taken_on, source, full_state) VALUES (?, 'test', ?)")
                .bind(1, QString::fromLatin1(date))
                .bind(2, full ? 1 : 0)
                .run();
        return db().lastInsertId();
    }
    void row(Id snapshot, Id deal, const Fields &f = {})
    {
        db().prepare("INSERT INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, "
                     "amount, close_date, owner_id, last_activity_date) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(1, snapshot)
                .bind(2, deal)
                .bind(3, int(f.stage))
                .bind(4, int(f.status))
                .bind(5, f.amount)
                .bind(6, f.close)
                .bind(7, f.owner)
                .bind(8, f.lastActivity)
                .run();
    }
    changes::State state(Id snapshot) { return SnapshotReader(db()).state(snapshot, shippedRules); }
    static std::vector<std::pair<Id, Minor>> amounts(const changes::State &s)
    {
        std::vector<std::pair<Id, Minor>> out;
        for (const auto &d : s.deals)
            out.emplace_back(d.id, d.amount);
        return out;
    }
    using Amounts = std::vector<std::pair<Id, Minor>>;

    test::TempDir m_dir;
    std::unique_ptr<Book> m_book;
};

Fields amount(Minor a)
{
    Fields f;
    f.amount = a;
    return f;
}

} // namespace

TEST_F(Snapshots, StateCarriesEachDealsLatestRowForward)
{
    const Id s1 = snapshot("2026-11-06", true);
    row(s1, 1, amount(100));
    row(s1, 2, amount(200));
    row(s1, 3, amount(300));
    const Id s2 = snapshot("2026-11-13");
    row(s2, 2, amount(250)); // a partial export: only deal 2
    const Id s3 = snapshot("2026-11-20");
    row(s3, 4, amount(400)); // a new deal
    EXPECT_EQ(amounts(state(s1)), (Amounts{ { 1, 100 }, { 2, 200 }, { 3, 300 } }));
    EXPECT_EQ(amounts(state(s2)), (Amounts{ { 1, 100 }, { 2, 250 }, { 3, 300 } }));
    EXPECT_EQ(amounts(state(s3)), (Amounts{ { 1, 100 }, { 2, 250 }, { 3, 300 }, { 4, 400 } }));
    // Several states in one pass, in the order asked.
    const auto both = SnapshotReader(db()).states({ s3, s1 }, shippedRules);
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0].date, QDate(2026, 11, 20));
    EXPECT_EQ(amounts(both[0]), amounts(state(s3)));
    EXPECT_EQ(amounts(both[1]), amounts(state(s1)));
    // Ordered by date, not by id: a snapshot taken later but dated earlier comes first.
    const Id early = snapshot("2026-11-10");
    row(early, 1, amount(150));
    EXPECT_EQ(amounts(state(s2)), (Amounts{ { 1, 150 }, { 2, 250 }, { 3, 300 } }));
    EXPECT_EQ(amounts(state(s1)), (Amounts{ { 1, 100 }, { 2, 200 }, { 3, 300 } }));
}

TEST_F(Snapshots, ReadingStopsAtTheLastFullState)
{
    const Id s1 = snapshot("2026-11-06", true);
    row(s1, 1, amount(100));
    row(s1, 2, amount(200));
    // A full state without deal 2: whatever earlier snapshots said of it is not read.
    const Id s2 = snapshot("2026-11-13", true);
    row(s2, 1, amount(110));
    const Id s3 = snapshot("2026-11-20");
    row(s3, 3, amount(300));
    EXPECT_EQ(amounts(state(s3)), (Amounts{ { 1, 110 }, { 3, 300 } }));
}

TEST_F(Snapshots, CompletingAStateCopiesWhatItCarriesAndKeepsEveryState)
{
    const Id s1 = snapshot("2026-11-06", true);
    for (Id deal = 1; deal <= 4; ++deal)
        row(s1, deal, amount(deal * 100));
    const Id s2 = snapshot("2026-11-13");
    row(s2, 2, amount(250));
    row(s2, 3, amount(350));
    const Amounts before = amounts(state(s2));
    completeState(db(), s2); // 2 listed ≥ half of 4: the whole state is written
    EXPECT_EQ(amounts(state(s2)), before);
    auto st = db().prepare("SELECT full_state, listed_rows, (SELECT count(*) FROM snapshot_rows "
                           "WHERE snapshot_id = ?1 AND carried = 1) FROM snapshots WHERE id = ?1");
    st.bind(1, s2);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 1);
    EXPECT_EQ(st.integer(1), 2);
    EXPECT_EQ(st.integer(2), 2);
    st.reset();

    // A small export on top stays a partial snapshot.
    const Id s3 = snapshot("2026-11-20");
    row(s3, 5, amount(500));
    completeState(db(), s3);
    st.bind(1, s3);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 0);
    st.reset();
    // One dated before s2 makes s2 no longer a full state, and the states still add up.
    const Id back = snapshot("2026-11-10");
    row(back, 6, amount(600));
    completeState(db(), back);
    st.bind(1, s2);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 0);
    st.reset();
    EXPECT_EQ(amounts(state(s3)),
              (Amounts{ { 1, 100 }, { 2, 250 }, { 3, 350 }, { 4, 400 }, { 5, 500 }, { 6, 600 } }));
}

TEST_F(Snapshots, DeletingOneKeepsTheStatesOfTheOthers)
{
    // Every snapshot of a chain of full and partial ones, deleted in turn from a fresh copy.
    const auto build = [this] {
        std::vector<Id> ids;
        ids.push_back(snapshot("2026-11-06", true));
        row(ids[0], 1, amount(100));
        row(ids[0], 2, amount(200));
        ids.push_back(snapshot("2026-11-13"));
        row(ids[1], 2, amount(210));
        row(ids[1], 3, amount(300));
        ids.push_back(snapshot("2026-11-20"));
        row(ids[2], 1, amount(120));
        ids.push_back(snapshot("2026-11-27"));
        row(ids[3], 4, amount(400));
        completeState(db(), ids[3]);
        ids.push_back(snapshot("2026-12-04"));
        row(ids[4], 3, amount(330));
        return ids;
    };
    for (std::size_t gone = 0; gone < 5; ++gone) {
        db().exec("DELETE FROM snapshot_rows; DELETE FROM snapshots;");
        const std::vector<Id> ids = build();
        std::vector<Amounts> before;
        before.reserve(ids.size());
        for (Id id : ids)
            before.push_back(amounts(state(id)));
        ASSERT_TRUE(deleteSnapshot(db(), ids[gone]));
        SnapshotReader reader(db());
        EXPECT_EQ(reader.list().size(), 4u);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i == gone)
                continue;
            EXPECT_EQ(amounts(state(ids[i])), before[i]) << "deleted " << gone << ", read " << i;
        }
    }
    EXPECT_FALSE(deleteSnapshot(db(), 999));
}

TEST_F(Snapshots, ListLatestAndLabels)
{
    const Id s1 = snapshot("2026-11-06", true);
    row(s1, 1);
    row(s1, 2);
    completeState(db(), s1);
    const Id s2 = snapshot("2026-11-13");
    row(s2, 1);
    completeState(db(), s2);
    EXPECT_TRUE(labelSnapshot(db(), s2, QStringLiteral("  Before the reorganisation ")));
    EXPECT_FALSE(labelSnapshot(db(), 999, QStringLiteral("x")));
    SnapshotReader reader(db());
    const auto all = reader.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, s1);
    EXPECT_EQ(all[0].date, QDate(2026, 11, 6));
    EXPECT_EQ(all[0].rows, 2);
    EXPECT_EQ(all[0].source, QStringLiteral("test"));
    EXPECT_EQ(all[1].rows, 1);
    EXPECT_EQ(all[1].label, QStringLiteral("Before the reorganisation"));
    EXPECT_FALSE(reader.latestAtOrBefore(QDate(2026, 11, 5)));
    EXPECT_EQ(reader.latestAtOrBefore(QDate(2026, 11, 12))->id, s1);
    EXPECT_EQ(reader.latestAtOrBefore(QDate(2026, 11, 13))->id, s2);
    EXPECT_EQ(reader.latestAtOrBefore(QDate(2027, 1, 1))->id, s2);
    EXPECT_TRUE(labelSnapshot(db(), s2, QString()));
    EXPECT_TRUE(reader.list()[1].label.isEmpty());
}

// "Pushed twice, amount cut then restored": the path holds the deal's row at every snapshot
// between the two, carried forward where a snapshot does not list it.
TEST_F(Snapshots, PathOfADeal)
{
    const Id s1 = snapshot("2026-11-06", true);
    row(s1, 1, amount(1000));
    row(s1, 2);
    const Id s2 = snapshot("2026-11-13");
    Fields f = amount(800);
    f.close = QDate(2026, 12, 22);
    row(s2, 1, f);
    const Id s3 = snapshot("2026-11-20");
    row(s3, 2); // deal 1 not listed: its row carries forward
    const Id s4 = snapshot("2026-11-27");
    f.amount = 1000;
    f.close = QDate(2027, 1, 15);
    f.owner = 2;
    row(s4, 1, f);
    const auto path = SnapshotReader(db()).path(1, s2, s4);
    ASSERT_EQ(path.size(), 3u);
    EXPECT_EQ(path[0].date, QDate(2026, 11, 13));
    EXPECT_EQ(path[0].amount, 800);
    EXPECT_EQ(path[1].snapshot, s3);
    EXPECT_EQ(path[1].amount, 800);
    EXPECT_EQ(path[1].closeDate, QDate(2026, 12, 22));
    EXPECT_EQ(path[2].amount, 1000);
    EXPECT_EQ(path[2].closeDate, QDate(2027, 1, 15));
    EXPECT_EQ(path[2].owner, 2);
    EXPECT_EQ(path[2].stage, Stage::Qualify);
    EXPECT_EQ(path[2].status, Status::Open);
    // A deal new after the first snapshot asked for starts where it appears.
    const Id s5 = snapshot("2026-12-04");
    row(s5, 3);
    EXPECT_EQ(SnapshotReader(db()).path(3, s1, s5).size(), 1u);
}

// Stalled as of each snapshot's date with that snapshot's facts; the forecast category from the
// stage when the row has none.
TEST_F(Snapshots, StalledAsOfTheSnapshotsDate)
{
    const Id s1 = snapshot("2026-11-06", true);
    Fields f;
    f.close = QDate(2026, 11, 10);
    f.stage = Stage::Negotiate;
    row(s1, 1, f);
    f.status = Status::Won;
    f.stage = Stage::Won;
    row(s1, 2, f);
    const Id s2 = snapshot("2026-11-13");
    row(s2, 3);
    const auto a = state(s1);
    const auto b = state(s2);
    ASSERT_EQ(a.deals.size(), 2u);
    EXPECT_FALSE(a.deals[0].stalled); // closes on the 10th, four days ahead
    EXPECT_EQ(a.deals[0].category, ForecastCategory::Commit);
    EXPECT_EQ(a.deals[1].category, ForecastCategory::Closed);
    ASSERT_EQ(b.deals.size(), 3u);
    EXPECT_TRUE(b.deals[0].stalled); // the same row, as of the 13th: close date passed
    EXPECT_FALSE(b.deals[1].stalled); // won
    EXPECT_FALSE(b.deals[2].stalled);
}

// A book of the version before snapshots held territories and the stalled facts gets them from
// what the book holds, as of each snapshot's date where the history says.
TEST(SnapshotMigration, OldRowsGetTheBooksValues)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("v7.tpbook"));
    {
        sql::Database db(path, sql::Database::Mode::Create);
        schema::migrate(db, 7);
        db.exec("INSERT INTO territories (id, name) VALUES (5, 'North');"
                "INSERT INTO accounts (id, name, territory_id) VALUES (1, 'Acme', 5);"
                "INSERT INTO opportunities (id, account_id, name, stage, created_date, "
                "last_activity_date, stage_entered_date) "
                "VALUES (1, 1, 'Deal', 2, '2026-10-01', '2026-11-25', '2026-11-20');"
                "INSERT INTO stage_history (opportunity_id, stage, entered_date) "
                "VALUES (1, 1, '2026-10-01'), (1, 2, '2026-11-20');"
                "INSERT INTO close_date_changes (opportunity_id, old_date, new_date, changed_on) "
                "VALUES (1, '2026-11-30', '2026-12-15', '2026-11-10'), "
                "(1, '2026-12-15', '2026-12-31', '2026-11-24');"
                "INSERT INTO activities (type, activity_date, opportunity_id) "
                "VALUES ('call', '2026-11-05', 1);"
                "INSERT INTO snapshots (id, taken_on, source) VALUES (1, '2026-11-06', 'x'), "
                "(2, '2026-11-27', 'x');"
                "INSERT INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, amount) "
                "VALUES (1, 1, 1, 0, 100), (2, 1, 2, 0, 100);");
    }
    auto book = Book::open(path);
    auto st = book->db().prepare("SELECT territory_id, last_activity_date, stage_entered_date, "
                                 "pushes, forecast_category, carried FROM snapshot_rows "
                                 "ORDER BY snapshot_id");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 5);
    EXPECT_EQ(st.date(1), QDate(2026, 11, 5)); // the activity before the snapshot
    EXPECT_EQ(st.date(2), QDate(2026, 10, 1)); // entered Qualify then
    EXPECT_EQ(st.integer(3), 0); // no push yet on Nov 6
    EXPECT_TRUE(st.isNull(4));
    EXPECT_EQ(st.integer(5), 0);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.date(1), QDate(2026, 11, 25));
    EXPECT_EQ(st.date(2), QDate(2026, 11, 20));
    EXPECT_EQ(st.integer(3), 2);
    const auto all = SnapshotReader(book->db()).list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].rows, 1);
    auto full = book->db().prepare("SELECT id FROM snapshots WHERE full_state = 1");
    ASSERT_TRUE(full.step());
    EXPECT_EQ(full.int64(0), 1);
    EXPECT_FALSE(full.step());
}

// An export listing nearly every deal: the few it lacks are copied one by one, and the state is
// the same as before.
TEST_F(Snapshots, CompletingAStateThatLacksFewDeals)
{
    const Id s1 = snapshot("2026-11-06", true);
    for (Id deal = 1; deal <= 6; ++deal)
        row(s1, deal, amount(deal * 100));
    const Id s2 = snapshot("2026-11-13");
    for (Id deal = 1; deal <= 5; ++deal)
        row(s2, deal, amount(deal * 100 + 1));
    const Amounts before = amounts(state(s2));
    completeState(db(), s2);
    EXPECT_EQ(amounts(state(s2)), before);
    auto st = db().prepare("SELECT full_state, (SELECT count(*) FROM snapshot_rows WHERE "
                           "snapshot_id = ?1 AND carried = 1 AND opportunity_id = 6 AND "
                           "amount = 600) FROM snapshots WHERE id = ?1");
    st.bind(1, s2);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 1);
    EXPECT_EQ(st.integer(1), 1);
}

namespace {

// Every field of every deal of a state, to compare states whole.
using Everything = std::vector<std::tuple<Id, int, int, Minor, qint64, Id, Id, int, bool>>;
Everything everything(const changes::State &s)
{
    Everything out;
    for (const auto &d : s.deals)
        out.emplace_back(d.id, int(d.stage), int(d.status), d.amount, d.closeDay, d.owner,
                         d.territory, int(d.category), d.stalled);
    return out;
}

} // namespace

// Deleting a snapshot is an edit (BookEditor::deleteSnapshot): the other snapshots' states stay
// what they were; its undo gives back the whole book as before (the snapshot with its rows,
// carried flags, listed rows, label, import and full-state flag; the rows folded into the next
// one taken out again), its redo the book after.
TEST_F(Snapshots, DeletingIsAnEditWhoseUndoBringsTheSnapshotBackExactly)
{
    const auto build = [this] {
        db().exec("INSERT INTO imports (id, started_at, file_name, preset, kind, as_of) VALUES "
                  "(7, '2026-11-13T09:00:00', 'week.csv', 'salesforce-report', 'opportunities', "
                  "'2026-11-13')");
        std::vector<Id> ids;
        ids.push_back(snapshot("2026-11-06", true));
        for (Id deal = 1; deal <= 4; ++deal)
            row(ids[0], deal, amount(deal * 100));
        ids.push_back(snapshot("2026-11-13"));
        row(ids[1], 2, amount(210));
        row(ids[1], 5, amount(500));
        ids.push_back(snapshot("2026-11-20"));
        row(ids[2], 1, amount(120));
        row(ids[2], 6, amount(600));
        ids.push_back(snapshot("2026-11-27"));
        row(ids[3], 4, amount(400));
        completeState(db(), ids[3]);
        ids.push_back(snapshot("2026-12-04"));
        row(ids[4], 3, amount(330));
        completeState(db(), ids[4]);
        // Every column filled somewhere: probability, territory, category, stage entry, pushes.
        db().exec("UPDATE snapshot_rows SET probability_bp = 4000, territory_id = 3, "
                  "forecast_category = 1, stage_entered_date = '2026-10-20', pushes = 2 "
                  "WHERE opportunity_id IN (2, 4)");
        db().exec("UPDATE snapshot_rows SET close_date = NULL WHERE opportunity_id = 3");
        db().prepare("UPDATE snapshots SET import_id = 7, listed_rows = 2 WHERE id = ?")
                .bind(1, ids[1])
                .run();
        EXPECT_TRUE(labelSnapshot(db(), ids[1], QStringLiteral("Before the reorganisation")));
        return ids;
    };
    for (std::size_t gone = 0; gone < 5; ++gone) {
        db().exec("DELETE FROM snapshot_rows; DELETE FROM snapshots; DELETE FROM imports;");
        const std::vector<Id> ids = build();
        std::vector<Everything> states;
        states.reserve(ids.size());
        for (Id id : ids)
            states.push_back(everything(state(id)));
        const QString before = test::dumpBook(db());

        BookEditor editor(*m_book);
        BookChange deleted = editor.deleteSnapshot(ids[gone]);
        ASSERT_FALSE(deleted.isEmpty());
        EXPECT_TRUE(deleted.aspects().testFlag(ChangeAspect::Snapshots));
        EXPECT_EQ(SnapshotReader(db()).list().size(), 4u);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i != gone) {
                EXPECT_EQ(everything(state(ids[i])), states[i])
                        << "deleted " << gone << ", read " << i;
            }
        }
        const QString after = test::dumpBook(db());
        EXPECT_NE(after, before);

        BookChange undo = deleted.inverse();
        editor.write(undo);
        EXPECT_EQ(test::dumpBook(db()), before) << "undo of deleting " << gone;
        for (std::size_t i = 0; i < ids.size(); ++i)
            EXPECT_EQ(everything(state(ids[i])), states[i]) << "undone " << gone << ", read " << i;
        editor.write(deleted);
        EXPECT_EQ(test::dumpBook(db()), after) << "redo of deleting " << gone;
    }
    BookEditor editor(*m_book);
    EXPECT_THROW(editor.deleteSnapshot(999), InputError);
}

// A label is an edit too; its undo gives the label before back, a label that changes nothing
// is no edit.
TEST_F(Snapshots, LabellingIsAnEditThatUndoes)
{
    const Id s1 = snapshot("2026-11-06", true);
    row(s1, 1);
    BookEditor editor(*m_book);
    const QString before = test::dumpBook(db());
    BookChange labelled = editor.labelSnapshot(s1, QStringLiteral("  Before   the move "));
    EXPECT_TRUE(labelled.aspects().testFlag(ChangeAspect::Snapshots));
    EXPECT_EQ(SnapshotReader(db()).list().front().label, QStringLiteral("Before the move"));
    const QString after = test::dumpBook(db());
    BookChange undo = labelled.inverse();
    editor.write(undo);
    EXPECT_EQ(test::dumpBook(db()), before);
    editor.write(labelled);
    EXPECT_EQ(test::dumpBook(db()), after);
    EXPECT_TRUE(editor.labelSnapshot(s1, QStringLiteral("Before the move")).isEmpty());
    const BookChange cleared = editor.labelSnapshot(s1, QString());
    EXPECT_FALSE(cleared.isEmpty());
    EXPECT_TRUE(SnapshotReader(db()).list().front().label.isEmpty());
    EXPECT_THROW(editor.labelSnapshot(999, QStringLiteral("x")), InputError);
}
