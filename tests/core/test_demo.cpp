#include "testsupport.h"

#include "analytics/pipelinehealth.h"
#include "analytics/snapshotdiff.h"
#include "demo/demobook.h"
#include "demo/demoterritories.h"
#include "geo/regionmatcher.h"
#include "report/summary.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/snapshotreader.h"
#include "storage/sqlite.h"

#include <QFile>
#include <QSet>

#include <gtest/gtest.h>

using namespace tp;

namespace {

const QDate demoToday(2026, 11, 20);

class DemoBook : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new test::TempDir;
        demo::Options options;
        options.today = demoToday;
        demo::writeDemoBook(s_dir->path(QStringLiteral("demo.tpbook")), options);
        s_book = Book::open(s_dir->path(QStringLiteral("demo.tpbook"))).release();
    }
    static void TearDownTestSuite()
    {
        delete s_book;
        delete s_dir;
    }
    static qint64 scalar(const char *sql)
    {
        auto st = s_book->db().prepare(sql);
        return st.step() ? st.int64(0) : -1;
    }
    static inline test::TempDir *s_dir = nullptr;
    static inline Book *s_book = nullptr;
};

} // namespace

TEST_F(DemoBook, HasTheShapeThePagesNeed)
{
    EXPECT_EQ(scalar("SELECT count(*) FROM reps"), 6);
    EXPECT_EQ(scalar("SELECT count(*) FROM reps WHERE capacity > 0"), 6);
    EXPECT_EQ(scalar("SELECT count(*) FROM accounts"), 300);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities"), 1500);
    EXPECT_GE(scalar("SELECT count(DISTINCT industry) FROM accounts"), 6);
    EXPECT_EQ(scalar("SELECT count(DISTINCT size_band) FROM accounts"), 3);
    EXPECT_EQ(scalar("SELECT count(*) FROM territories"), 6);
    EXPECT_EQ(scalar("SELECT count(*) FROM quotas WHERE period = '2026-Q4'"), 6);
    // 18 months of history.
    EXPECT_LE(scalar("SELECT julianday('2026-11-20') - julianday(min(created_date)) FROM "
                     "opportunities"),
              540);
    EXPECT_GE(scalar("SELECT julianday('2026-11-20') - julianday(min(created_date)) FROM "
                     "opportunities"),
              500);
}

TEST_F(DemoBook, RowsAreConsistent)
{
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities WHERE status = 0 AND stage > 4"), 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities WHERE status = 1 AND stage != 5"), 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities WHERE status = 2 AND stage != 6"), 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities WHERE status IN (1, 2) AND closed_date IS "
                     "NULL"),
              0);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities WHERE owner_id IS NULL OR account_id IS "
                     "NULL"),
              0);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities WHERE last_activity_date < created_date"),
              0);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities WHERE created_date > '2026-11-20'"), 0);
    // Every deal's history starts in Qualify on its created date and ends in its current stage.
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities o WHERE NOT EXISTS (SELECT 1 FROM "
                     "stage_history h WHERE h.opportunity_id = o.id AND h.stage = 1 AND "
                     "h.entered_date = o.created_date)"),
              0);
    EXPECT_EQ(scalar("SELECT count(*) FROM opportunities o WHERE o.stage != (SELECT h.stage FROM "
                     "stage_history h WHERE h.opportunity_id = o.id ORDER BY h.entered_date DESC, "
                     "h.id DESC LIMIT 1)"),
              0);
    auto check = s_book->db().prepare("PRAGMA foreign_key_check");
    EXPECT_FALSE(check.step());
}

TEST_F(DemoBook, HasStalledPushedAgedAndScoredExamples)
{
    const qint64 open = scalar("SELECT count(*) FROM opportunities WHERE status = 0");
    EXPECT_GT(open, 80);
    EXPECT_LT(open, 220); // about a capacity's worth per rep
    EXPECT_GT(scalar("SELECT count(*) FROM opportunities WHERE status = 1"), 100);
    EXPECT_GT(scalar("SELECT count(*) FROM opportunities WHERE status = 2"), 100);
    EXPECT_GT(scalar("SELECT count(*) FROM opportunities WHERE status = 0 AND last_activity_date < "
                     "'2026-08-22'"),
              10);
    EXPECT_GT(scalar("SELECT count(*) FROM opportunities WHERE status = 0 AND close_date < "
                     "'2026-11-20'"),
              5);
    EXPECT_GT(scalar("SELECT count(*) FROM (SELECT opportunity_id FROM close_date_changes GROUP BY "
                     "opportunity_id HAVING count(*) >= 2)"),
              5);
    EXPECT_GT(scalar("SELECT count(*) FROM opportunities WHERE status = 0 AND created_date < "
                     "'2026-08-22'"),
              5);
    const qint64 scored = scalar("SELECT count(DISTINCT account_id) FROM account_scores");
    EXPECT_GT(scored, 100);
    EXPECT_LT(scored, 300);
    EXPECT_GT(scalar("SELECT count(*) FROM activities WHERE type = 'meeting'"), 50);
}

TEST_F(DemoBook, IsDeterministicForASeed)
{
    test::TempDir dir;
    demo::Options options;
    options.today = demoToday;
    demo::writeDemoBook(dir.path(QStringLiteral("again.tpbook")), options);
    auto again = Book::open(dir.path(QStringLiteral("again.tpbook")));
    const SummaryRequest request{ demoToday, {}, {}, {} };
    EXPECT_EQ(SummaryBuilder::toJson(SummaryBuilder::build(*again, request)),
              SummaryBuilder::toJson(SummaryBuilder::build(*s_book, request)));
    options.seed = 7;
    demo::writeDemoBook(dir.path(QStringLiteral("other.tpbook")), options);
    auto other = Book::open(dir.path(QStringLiteral("other.tpbook")));
    EXPECT_NE(SummaryBuilder::toJson(SummaryBuilder::build(*other, request)),
              SummaryBuilder::toJson(SummaryBuilder::build(*s_book, request)));
}

// Weekly snapshots with the movement a review talks about, the last one the book as it is.
TEST_F(DemoBook, HasWeeklySnapshotsWithMovement)
{
    snapshots::SnapshotReader reader(s_book->db());
    const auto all = reader.list();
    ASSERT_EQ(all.size(), 5u);
    for (std::size_t k = 0; k < all.size(); ++k)
        EXPECT_EQ(all[k].date, demoToday.addDays(-7 * int(4 - k)));
    EXPECT_GT(all[0].rows, all[1].rows); // a full state, then what changed
    EXPECT_GT(all[1].rows, 0);
    const auto view = loadBookView(s_dir->path(QStringLiteral("demo.tpbook")));
    const snapshots::RuleContextAt rules = [&](const QDate &day) {
        return health::ruleContext(*view, day);
    };
    std::vector<Id> ids;
    ids.reserve(all.size());
    for (const auto &snapshot : all)
        ids.push_back(snapshot.id);
    const auto states = reader.states(ids, rules);
    // Week by week, as a review compares them: every kind of movement happens.
    std::array<qint64, changes::changeCount> counts{};
    for (std::size_t k = 1; k < states.size(); ++k) {
        const changes::Comparison c =
                changes::compare(states[k - 1], states[k], {}, Period::containing(demoToday));
        for (int change = 0; change < changes::changeCount; ++change)
            counts[std::size_t(change)] += c.count(changes::Change(change));
        EXPECT_EQ(c.flowEnd(), c.end);
    }
    using changes::Change;
    for (Change change : { Change::New, Change::Removed, Change::Won, Change::Lost,
                           Change::Advanced, Change::Pushed, Change::AmountUp, Change::AmountDown,
                           Change::OwnerChanged, Change::NewlyStalled })
        EXPECT_GT(counts[std::size_t(change)], 0) << int(change);

    // Today's state is the book: every deal in it as the book holds it.
    const auto &o = view->opportunities;
    std::size_t matched = 0;
    for (const changes::DealState &d : states.back().deals) {
        const int row = o.indexOf(d.id);
        ASSERT_GE(row, 0);
        const auto r = std::size_t(row);
        EXPECT_EQ(int(d.status), int(o.status[r])) << d.id;
        EXPECT_EQ(d.amount, o.amount[r]) << d.id;
        if (d.status == Status::Open) {
            EXPECT_EQ(int(d.stage), int(o.stage[r])) << d.id;
            EXPECT_EQ(d.closeDay, o.closeDate[r]) << d.id;
        }
        ++matched;
    }
    EXPECT_GT(matched, 500u);
}

TEST(Demo, RefusesToOverwriteAnExistingBook)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("d.tpbook"));
    demo::writeDemoBook(path, {});
    EXPECT_THROW(demo::writeDemoBook(path, {}), BookError);
    EXPECT_NO_THROW(Book::open(path));
}

TEST(Demo, CancelRemovesThePartialFile)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("d.tpbook"));
    demo::writeDemoBook(path, {}, [](double fraction) { return fraction < 0.5; });
    EXPECT_FALSE(QFile::exists(path));
}

// The large book's 50 territories (issue 19's budgets are measured on it): each with its own
// rep, every place they bill in is on the map, the 25 in the United States hold every state
// and no region is split between territories of different parts of the world.
TEST(Demo, TheLargeBooksTerritoriesCoverTheMap)
{
    const auto territories = demo::largeTerritories();
    ASSERT_EQ(territories.size(), 50u);
    ASSERT_EQ(demo::largeRepNames().size(), 50u);
    QSet<QString> names, reps;
    for (const auto &t : territories)
        names.insert(QString::fromUtf8(t.name));
    for (const char *rep : demo::largeRepNames())
        reps.insert(QString::fromUtf8(rep));
    EXPECT_EQ(names.size(), 50);
    EXPECT_EQ(reps.size(), 50);

    geo::RegionMatcher matcher;
    const geo::RegionCatalogue &catalogue = matcher.catalogue();
    QSet<int> states, countries;
    QHash<int, QString> partOfTheWorld; // region → the territories' region text
    for (const auto &t : territories) {
        EXPECT_GT(t.weight, 0);
        ASSERT_FALSE(t.places.empty()) << t.name;
        for (const auto &place : t.places) {
            const auto region =
                    matcher.match(QString::fromUtf8(place.state), QString::fromUtf8(place.country));
            ASSERT_TRUE(region.has_value())
                    << t.name << ": " << place.state << ", " << place.country;
            EXPECT_GT(place.weight, 0);
            if (catalogue.region(*region).kind == geo::RegionKind::UsState) {
                states.insert(*region);
                EXPECT_TRUE(QByteArray(t.region).startsWith("US ")) << t.name;
            } else {
                countries.insert(*region);
                EXPECT_NE(*region, catalogue.unitedStates()) << t.name << ": " << place.state;
            }
            const QString part = QString::fromUtf8(t.region);
            EXPECT_EQ(partOfTheWorld.value(*region, part), part) << t.name;
            partOfTheWorld.insert(*region, part);
        }
    }
    EXPECT_EQ(states.size(), 51); // the 50 states and DC
    EXPECT_GE(countries.size(), 40);
}

TEST_F(DemoBook, RepsHavePlainMailAddresses)
{
    // "Zoë Müller" is zoe.muller@example.com, as a CRM would hold her address.
    auto st = s_book->db().prepare("SELECT name, email FROM reps");
    int reps = 0;
    while (st.step()) {
        const QString email = st.text(1);
        ++reps;
        EXPECT_TRUE(email.endsWith(QStringLiteral("@example.com"))) << qPrintable(email);
        for (const QChar c : email)
            EXPECT_TRUE(c.unicode() < 128
                        && (c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('@')))
                    << qPrintable(email);
        if (st.text(0) == QStringLiteral("Zoë Müller")) {
            EXPECT_EQ(email, QStringLiteral("zoe.muller@example.com"));
        }
    }
    EXPECT_GT(reps, 0);
}
