// METRICS "Forecast categories" through the import: the category a CRM file gives, the rep's
// call that wins over it until the CRM changes it, and the forecast sums a file gives.
#include "bookdump.h"
#include "clirun.h"
#include "testsupport.h"

#include "analytics/categorymoves.h"
#include "cli/cli.h"
#include "edits/bookeditor.h"
#include "import/importer.h"
#include "storage/book.h"
#include "storage/opportunities.h"
#include "storage/snapshotreader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::crm;

namespace {

QString sample(const char *name)
{
    return test::dataFile(QStringLiteral("import/") + QString::fromUtf8(name));
}

ImportOptions asOf(QDate date)
{
    ImportOptions o;
    o.asOf = date;
    return o;
}

// The stored category of one column of a deal, -1 for NULL.
int category(Book &book, const char *column, const char *dealName)
{
    auto st = book.db().prepare(std::string("SELECT coalesce(") + column
                                + ", -1) FROM opportunities WHERE name = ?");
    st.bind(1, std::string_view(dealName));
    return st.step() ? st.integer(0) : -2;
}

Id dealId(Book &book, const char *dealName)
{
    auto st = book.db().prepare("SELECT id FROM opportunities WHERE name = ?");
    st.bind(1, std::string_view(dealName));
    return st.step() ? st.int64(0) : 0;
}

constexpr int none = -1;

} // namespace

TEST(ForecastImport, SalesforceCategoriesAreKeptAsTheFileSaysThem)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const ImportReport r =
            importFile(*book, sample("salesforce-forecast.csv"), asOf(QDate(2026, 11, 13)));
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.analysis.presetId, QStringLiteral("salesforce-report"));
    EXPECT_EQ(category(*book, "forecast_category", "Orbit F01"), int(ForecastCategory::Commit));
    EXPECT_EQ(category(*book, "forecast_category", "Orbit F02"), int(ForecastCategory::BestCase))
            << "Most Likely is Best Case";
    EXPECT_EQ(category(*book, "forecast_category", "Vertex F03"), none) << "an empty cell";
    EXPECT_EQ(category(*book, "forecast_category", "Vertex F04"), int(ForecastCategory::Omitted));
    EXPECT_EQ(category(*book, "forecast_category", "Orbit F05"), int(ForecastCategory::Closed));
    EXPECT_EQ(category(*book, "forecast_category", "Vertex F08"), int(ForecastCategory::Pipeline))
            << "case and spaces do not matter";
}

TEST(ForecastImport, HubSpotLabelsAndInternalValues)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const ImportReport r =
            importFile(*book, sample("hubspot-forecast.csv"), asOf(QDate(2026, 11, 13)));
    ASSERT_TRUE(r.committed) << qPrintable(r.analysis.problems.join(QLatin1Char('\n')));
    EXPECT_EQ(r.analysis.presetId, QStringLiteral("hubspot"));
    EXPECT_EQ(category(*book, "forecast_category", "Atlas renewal"), int(ForecastCategory::Commit));
    EXPECT_EQ(category(*book, "forecast_category", "Atlas expansion"),
              int(ForecastCategory::Omitted))
            << "Not forecasted";
    EXPECT_EQ(category(*book, "forecast_category", "Borealis pilot"),
              int(ForecastCategory::BestCase));
    EXPECT_EQ(category(*book, "forecast_category", "Borealis rollout"),
              int(ForecastCategory::Closed))
            << "Closed won";
    EXPECT_EQ(category(*book, "forecast_category", "Cobalt trial"),
              int(ForecastCategory::Pipeline));
    EXPECT_EQ(category(*book, "forecast_category", "Cobalt suite"), int(ForecastCategory::BestCase))
            << "BEST_CASE";
}

// An unknown category is never guessed: the row is rejected with its line and column, and
// --skip-invalid imports the others.
TEST(ForecastImport, AnUnknownCategoryIsRejectedWhereItStands)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString file = test::writeFile(dir, "deals.csv",
                                         "Opportunity Name,Stage,Amount,Forecast Category\n"
                                         "Alpha,Qualification,100,Commit\n"
                                         "Beta,Qualification,200,Upside\n");
    ImportOptions options = asOf(QDate(2026, 11, 13));
    options.preset = QStringLiteral("salesforce-report");
    const ImportReport refused = importFile(*book, file, options);
    EXPECT_FALSE(refused.committed);
    EXPECT_EQ(refused.rejectedRows, 1);
    ASSERT_EQ(refused.rejections.size(), 1u);
    const Rejection &x = refused.rejections.front();
    EXPECT_EQ(x.line, 3);
    EXPECT_EQ(x.column, 4);
    EXPECT_EQ(x.field, QStringLiteral("Forecast category"));
    EXPECT_EQ(x.value, QStringLiteral("Upside"));
    EXPECT_EQ(x.reason,
              QStringLiteral("expected a forecast category (Pipeline, Best Case, Commit, "
                             "Closed or Omitted), found \"Upside\""));

    options.skipInvalid = true;
    ASSERT_TRUE(importFile(*book, file, options).committed);
    EXPECT_EQ(test::scalar(book->db(), "SELECT count(*) FROM opportunities"), 1);
}

// A rep's call wins over the CRM's category until the CRM changes it: the next export with the
// same category keeps the call, one with another clears it; a file without the column leaves
// the categories and the calls alone.
TEST(ForecastImport, TheRepsCallStaysUntilTheCrmChangesTheCategory)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    ASSERT_TRUE(importFile(*book, sample("salesforce-forecast.csv"), asOf(QDate(2026, 11, 13)))
                        .committed);
    BookEditor editor(*book);
    editor.setForecastCall(only(dealId(*book, "Orbit F02")), ForecastCategory::Commit);
    editor.setForecastCall(only(dealId(*book, "Vertex F03")), ForecastCategory::Commit);
    editor.setForecastCall(only(dealId(*book, "Vertex F08")), ForecastCategory::BestCase);
    EXPECT_EQ(category(*book, "forecast_call_crm", "Orbit F02"), int(ForecastCategory::BestCase))
            << "the CRM's category when the call was made";
    EXPECT_EQ(category(*book, "forecast_call_crm", "Vertex F03"), none);

    // A week later: F02 is still Most Likely, F03 still has none, F08 moved to Best Case.
    ASSERT_TRUE(
            importFile(*book, sample("salesforce-forecast-week2.csv"), asOf(QDate(2026, 11, 20)))
                    .committed);
    EXPECT_EQ(category(*book, "forecast_call", "Orbit F02"), int(ForecastCategory::Commit));
    EXPECT_EQ(category(*book, "forecast_call", "Vertex F03"), int(ForecastCategory::Commit));
    EXPECT_EQ(category(*book, "forecast_call", "Vertex F08"), none) << "the CRM changed it";
    EXPECT_EQ(category(*book, "forecast_call_crm", "Vertex F08"), none);
    EXPECT_EQ(category(*book, "forecast_category", "Vertex F08"), int(ForecastCategory::BestCase));
    EXPECT_EQ(category(*book, "forecast_category", "Orbit F01"), int(ForecastCategory::BestCase));

    // The same deals from a file without the column.
    const QString plain = test::writeFile(dir, "plain.csv",
                                          "Opportunity ID,Opportunity Name,Stage,Amount\n"
                                          "006Kx00000000F1,Orbit F01,Qualification,10000.00\n"
                                          "006Kx00000000F2,Orbit F02,Needs Analysis,20000.00\n");
    ImportOptions options = asOf(QDate(2026, 11, 21));
    options.preset = QStringLiteral("salesforce-report");
    ASSERT_TRUE(importFile(*book, plain, options).committed);
    EXPECT_EQ(category(*book, "forecast_category", "Orbit F01"), int(ForecastCategory::BestCase));
    EXPECT_EQ(category(*book, "forecast_call", "Orbit F02"), int(ForecastCategory::Commit));
    EXPECT_EQ(category(*book, "forecast_call_crm", "Orbit F02"), int(ForecastCategory::BestCase));
}

// The summary's forecast of an imported file (METRICS "Forecast categories"), as of 2026-11-13
// for 2026-Q4: F05 won (50,000.00); F01 Qualification but Commit (10,000.00); F02 Best Case
// (20,000.00); F03 Propose without a category, so Best Case (30,000.00); F04 Omitted
// (40,000.00) counts nowhere; F07 Commit closes in 2027; F08 Pipeline (80,000.00).
TEST(ForecastImport, TheSummaryOfAnImportedFileSumsItsCategories)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("a.tpbook"));
    const test::CliResult imported = test::runCli(
            { QStringLiteral("import"), QStringLiteral("--db"), book, QStringLiteral("--as-of"),
              QStringLiteral("2026-11-13"), sample("salesforce-forecast.csv") });
    ASSERT_EQ(imported.code, cli::Ok) << imported.err.toStdString();
    const auto forecast = [&] {
        const test::CliResult r =
                test::runCli({ QStringLiteral("summary"), QStringLiteral("--db"), book,
                               QStringLiteral("--as-of"), QStringLiteral("2026-11-13"),
                               QStringLiteral("--period"), QStringLiteral("2026-Q4"),
                               QStringLiteral("--json") });
        EXPECT_EQ(r.code, cli::Ok) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8())
                .object()
                .value(QStringLiteral("forecast"))
                .toObject();
    };
    const auto number = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toDouble();
    };
    QJsonObject f = forecast();
    EXPECT_DOUBLE_EQ(number(f, "closed"), 50000.00);
    EXPECT_DOUBLE_EQ(number(f, "commit"), 60000.00);
    EXPECT_DOUBLE_EQ(number(f, "best_case"), 110000.00);
    EXPECT_DOUBLE_EQ(number(f, "pipeline"), 190000.00);
    EXPECT_DOUBLE_EQ(number(f, "commit_honest"), 60000.00);

    // The rep calls F08 Commit: it moves from the pipeline into the commit.
    {
        auto opened = Book::open(book);
        ASSERT_TRUE(opened);
        BookEditor(*opened).setForecastCall(only(dealId(*opened, "Vertex F08")),
                                            ForecastCategory::Commit);
    }
    f = forecast();
    EXPECT_DOUBLE_EQ(number(f, "commit"), 140000.00);
    EXPECT_DOUBLE_EQ(number(f, "best_case"), 190000.00);
    EXPECT_DOUBLE_EQ(number(f, "pipeline"), 190000.00);
}

// Each import's snapshot keeps the category its deals had that day (the rep's call, else the
// CRM's; none when the stage gives it), so that the review can say how deals moved between
// categories (docs/METRICS.md, "Decisions of this repository").
TEST(ForecastImport, EachSnapshotKeepsTheCategoriesOfItsDayAndTheMovesBetweenThem)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    ASSERT_TRUE(importFile(*book, sample("salesforce-forecast.csv"), asOf(QDate(2026, 11, 13)))
                        .committed);
    BookEditor editor(*book);
    editor.setForecastCall(only(dealId(*book, "Orbit F02")), ForecastCategory::Commit);
    editor.setForecastCall(only(dealId(*book, "Vertex F03")), ForecastCategory::Commit);
    editor.setForecastCall(only(dealId(*book, "Vertex F08")), ForecastCategory::Commit);
    ASSERT_TRUE(
            importFile(*book, sample("salesforce-forecast-week2.csv"), asOf(QDate(2026, 11, 20)))
                    .committed);

    const auto stored = [&](const char *dealName, const char *takenOn) {
        auto st =
                book->db().prepare("SELECT coalesce(r.forecast_category, -1) FROM snapshot_rows r "
                                   "JOIN snapshots s ON s.id = r.snapshot_id "
                                   "JOIN opportunities o ON o.id = r.opportunity_id "
                                   "WHERE o.name = ? AND s.taken_on = ?");
        st.bind(1, std::string_view(dealName)).bind(2, std::string_view(takenOn));
        return st.step() ? st.integer(0) : -2;
    };
    EXPECT_EQ(stored("Orbit F02", "2026-11-13"), int(ForecastCategory::BestCase)) << "Most Likely";
    EXPECT_EQ(stored("Vertex F03", "2026-11-13"), none) << "Propose, no category: the stage's";
    EXPECT_EQ(stored("Orbit F02", "2026-11-20"), int(ForecastCategory::Commit)) << "the call";
    EXPECT_EQ(stored("Vertex F03", "2026-11-20"), int(ForecastCategory::Commit)) << "the call";
    EXPECT_EQ(stored("Vertex F08", "2026-11-20"), int(ForecastCategory::BestCase))
            << "the CRM changed it, so its call is gone";
    EXPECT_EQ(stored("Orbit F01", "2026-11-20"), int(ForecastCategory::BestCase));

    snapshots::SnapshotReader reader(book->db());
    const auto list = reader.list();
    ASSERT_EQ(list.size(), 2u);
    const auto rules = [](const QDate &) { return health::RuleContext{}; };
    const auto states = reader.states({ list[0].id, list[1].id }, rules);
    const changes::Comparison c =
            changes::compare(states[0], states[1], changes::Scope{}, Period::of(2026, 4));
    const changes::CategoryMoves moves = changes::categoryMoves(states[0], states[1], c);
    const auto cell = [&](ForecastCategory from, ForecastCategory to) {
        return moves.at(int(from), int(to));
    };
    // In Q4's pipeline at both: F01 Commit → Best Case; F02 and F03 Best Case → Commit; F08
    // Pipeline → Best Case; F04 Omitted (the CRM's, though open) stays. F07 closes in 2027.
    EXPECT_EQ(cell(ForecastCategory::BestCase, ForecastCategory::Commit).deals, 2);
    EXPECT_EQ(cell(ForecastCategory::BestCase, ForecastCategory::Commit).amount, 5'000'000);
    EXPECT_EQ(cell(ForecastCategory::Commit, ForecastCategory::BestCase).deals, 1);
    EXPECT_EQ(cell(ForecastCategory::Pipeline, ForecastCategory::BestCase).amount, 8'000'000);
    EXPECT_EQ(cell(ForecastCategory::Omitted, ForecastCategory::Omitted).deals, 1);
    EXPECT_EQ(moves.moved(), 4);
}
