// METRICS "Accounts": likelihood, potential, EV, the quadrant, floors and the work list, on
// hand-worked numbers; profile precedence and the `roi` section of summary on a small book.
#include "testsupport.h"

#include "analytics/roi.h"
#include "domain/errors.h"
#include "report/csvexport.h"
#include "report/roireport.h"
#include "report/summary.h"
#include "storage/bookviewloader.h"
#include "storage/scoring.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::roi;

namespace {

// The default weights: ICP fit 3, access 3, critical issue 2, relationship 1, competitive 1,
// timing 2 (Σ 12).
const std::vector<double> defaults{ 3, 3, 2, 1, 1, 2 };

std::optional<double> l(std::vector<std::int8_t> scores)
{
    return likelihood(defaults, scores.data());
}

} // namespace

TEST(Roi, LikelihoodIsTheWeightedShareOfTheScoredFactors)
{
    EXPECT_DOUBLE_EQ(*l({ 5, 5, 5, 5, 5, 5 }), 1.0);
    EXPECT_DOUBLE_EQ(*l({ 0, 0, 0, 0, 0, 0 }), 0.0);
    // (3·5 + 3·5) / (5 · 12) = 0.5
    EXPECT_DOUBLE_EQ(*l({ 5, 5, 0, 0, 0, 0 }), 0.5);
    // (3·4 + 3·2 + 2·3 + 1·1 + 1·5 + 2·0) / 60 = 30 / 60
    EXPECT_DOUBLE_EQ(*l({ 4, 2, 3, 1, 5, 0 }), 0.5);
    // Only the scored factors count: ICP fit 4 alone is 3·4 / (5·3) = 0.8, not 12 / 60.
    EXPECT_DOUBLE_EQ(*l({ 4, -1, -1, -1, -1, -1 }), 0.8);
    // Access 5 and timing 1: (15 + 2) / (5 · 5) = 0.68
    EXPECT_DOUBLE_EQ(*l({ -1, 5, -1, -1, -1, 1 }), 0.68);
    // Not scored is not zero.
    EXPECT_FALSE(l({ -1, -1, -1, -1, -1, -1 }).has_value());
    const std::vector<double> weightless{ 0, 0, 2, 1, 1, 2 };
    const std::vector<std::int8_t> scores{ 5, 4, -1, -1, -1, -1 };
    EXPECT_FALSE(likelihood(weightless, scores.data()).has_value());
}

TEST(Roi, ContributionsAddUpToTheLikelihood)
{
    const std::vector<std::int8_t> scores{ 4, 2, 3, -1, 5, 0 };
    const std::vector<double> c = contributions(defaults, scores.data());
    ASSERT_EQ(c.size(), 6u);
    // Σ w over scored = 11; ICP fit: 3·4 / 55.
    EXPECT_DOUBLE_EQ(c[0], 12.0 / 55.0);
    EXPECT_DOUBLE_EQ(c[3], -1.0);
    EXPECT_DOUBLE_EQ(c[5], 0.0);
    EXPECT_NEAR(c[0] + c[1] + c[2] + c[4] + c[5], *likelihood(defaults, scores.data()), 1e-12);
    EXPECT_TRUE(contributions(defaults, std::vector<std::int8_t>(6, -1).data()).empty());
}

TEST(Roi, ExpectedValueRoundsHalfAwayFromZero)
{
    EXPECT_EQ(expectedValue(100000, 0.5), 50000);
    EXPECT_EQ(expectedValue(101, 0.5), 51); // 50.5 cents
    EXPECT_EQ(expectedValue(99, 0.5), 50); // 49.5 cents
    EXPECT_EQ(expectedValue(0, 0.9), 0);
    EXPECT_EQ(expectedValue(287429100, 46.0 / 60.0), 220362310);
}

TEST(Roi, TheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo)
{
    std::vector<Minor> none;
    EXPECT_EQ(median(none), 0);
    std::vector<Minor> odd{ 500, 100, 300 };
    EXPECT_EQ(median(odd), 300);
    std::vector<Minor> even{ 400, 100, 300, 200 };
    EXPECT_EQ(median(even), 250);
    std::vector<Minor> half{ 100, 201 };
    EXPECT_EQ(median(half), 151); // 150.5 cents
}

TEST(Roi, QuadrantsAtAndAroundTheThresholds)
{
    const double lStar = 0.5;
    const Minor rStar = 100000;
    EXPECT_EQ(quadrantOf(0.5, 100000, lStar, rStar), Quadrant::Pursue);
    EXPECT_EQ(quadrantOf(0.49, 100000, lStar, rStar), Quadrant::DevelopAccess);
    EXPECT_EQ(quadrantOf(0.5, 99999, lStar, rStar), Quadrant::QuickWins);
    EXPECT_EQ(quadrantOf(0.49, 99999, lStar, rStar), Quadrant::Deprioritize);
    // An L that is 0.5 on paper, computed as 17 / 34 through sums, is at the threshold.
    const std::vector<double> w{ 0.1, 0.2, 0.7 };
    const std::vector<std::int8_t> s{ 5, 5, 1 };
    const double computed = *likelihood(w, s.data()); // (0.5 + 1 + 0.7) / 5 = 0.44
    EXPECT_EQ(quadrantOf(computed, rStar, 0.44, rStar), Quadrant::Pursue);
    EXPECT_EQ(quadrantKey(Quadrant::DevelopAccess), QStringLiteral("develop"));
}

namespace {

// Reps Ana (capacity 2) and Ben; territory West; accounts with industries and size bands;
// profiles for the size band "Enterprise", the industry "Retail" and the territory "West";
// scores and opportunities chosen so that every rule shows.
class RoiBook : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.path(QStringLiteral("roi.tpbook"));
        book = Book::create(path);
        sql::Database &db = book->db();
        db.exec(R"SQL(
            INSERT INTO reps (id, name, capacity) VALUES (1, 'Ana', 2), (2, 'Ben', NULL);
            INSERT INTO territories (id, name, owner_id) VALUES (1, 'West', 1);
            INSERT INTO accounts (id, crm_id, name, industry, size_band, territory_id, owner_id, potential) VALUES
                (1, 'A1', 'Acme', 'Retail', 'Enterprise', 1, 1, 100000000),
                (2, 'A2', 'Bolt', 'Retail', 'SMB', 1, 1, 50000000),
                (3, 'A3', 'Crane', 'Energy', 'SMB', 1, 1, NULL),
                (4, 'A4', 'Delta', 'Energy', 'SMB', NULL, 2, 0),
                (5, 'A5', 'Echo', 'Energy', 'SMB', NULL, 2, 20000000),
                (6, 'A6', 'Fjord', 'Energy', 'SMB', NULL, 2, 20000000),
                (7, 'A7', 'Gale', 'Energy', 'SMB', NULL, 2, 30000000);
            INSERT INTO weight_profiles (id, name, segment_kind, segment_value) VALUES
                (2, 'Enterprise', 'size_band', ' enterprise '),
                (3, 'Retail', 'industry', 'Retail'),
                (4, 'West', 'territory', 'West');
            -- Enterprise: ICP fit only; Retail: access only; West: timing only.
            INSERT INTO profile_weights VALUES (2, 1, 1), (3, 2, 1), (4, 6, 1);
            INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, stage, status, created_date) VALUES
                ('O1', 3, 1, 'Crane one', 6000000, 1, 0, '2026-01-01'),
                ('O2', 3, 1, 'Crane two', 4000000, 2, 0, '2026-01-01'),
                ('O3', 4, 2, 'Delta one', 8000000, 3, 0, '2026-01-01'),
                ('O4', 4, 2, 'Delta won', 9000000, 5, 1, '2026-01-01');
            -- Acme: Enterprise profile (ICP fit 4 → 0.8). Bolt: Retail (access 3 → 0.6).
            -- Crane: West (timing 5 → 1.0). Delta: book defaults, 5 and 5 on the first two → 0.5.
            -- Echo: 0.5 (the EV of Crane, whose higher L ranks first). Fjord: 20 / 60.
            -- Gale: L 0.1, below the floor. Scores of 0 count.
            INSERT INTO account_scores VALUES
                (1, 1, 4), (1, 2, 0),
                (2, 2, 3), (2, 1, 5),
                (3, 6, 5),
                (4, 1, 5), (4, 2, 5), (4, 3, 0), (4, 4, 0), (4, 5, 0), (4, 6, 0),
                (5, 1, 5), (5, 2, 5), (5, 3, 0), (5, 4, 0), (5, 5, 0), (5, 6, 0),
                (6, 3, 5), (6, 4, 5), (6, 5, 5), (6, 1, 0), (6, 2, 0), (6, 6, 0),
                (7, 1, 1), (7, 2, 0);
        )SQL");
        view = loadBookView(path);
    }

    // Reads the book again, so edits made through `book` count.
    RoiResult report(const RowFilter &scope = {})
    {
        view = loadBookView(path);
        return buildRoiReport(*view, scope);
    }
    QString name(int row) const { return view->accounts.name.at(std::size_t(row)); }

    test::TempDir dir;
    QString path;
    std::unique_ptr<Book> book;
    std::unique_ptr<BookView> view;
};

} // namespace

TEST_F(RoiBook, TheMostSpecificProfileApplies)
{
    const ProfileResolver profiles(view->scoring, *view);
    auto profileName = [&](int row) {
        return view->scoring.profiles[std::size_t(profiles.profileFor(row))].name;
    };
    EXPECT_EQ(profileName(view->accounts.indexOf(1)),
              QStringLiteral("Enterprise")); // beats Retail, West
    EXPECT_EQ(profileName(view->accounts.indexOf(2)), QStringLiteral("Retail")); // beats West
    EXPECT_EQ(profileName(view->accounts.indexOf(3)), QStringLiteral("West"));
    EXPECT_EQ(profileName(view->accounts.indexOf(4)), QStringLiteral("Book default"));
}

TEST_F(RoiBook, TheWorkListIsRankedByExpectedValueThenLikelihoodThenName)
{
    const RoiResult res = report();
    std::vector<QString> names;
    for (const ScoredAccount &s : res.workList)
        names.push_back(name(s.row));
    // EVs: Acme 1,000,000 × 0.8 = 800,000; Bolt 500,000 × 0.6 = 300,000; Crane (derived:
    // 100,000 open) × 1.0 = 100,000; Echo 200,000 × 0.5 = 100,000; Fjord 200,000 × 1/3 =
    // 66,666.67; Delta (0 potential: derived, 80,000 open) × 0.5 = 40,000; Gale 300,000 ×
    // 3/(5·6) = 30,000.
    EXPECT_EQ(names,
              (std::vector<QString>{ QStringLiteral("Acme"), QStringLiteral("Bolt"),
                                     QStringLiteral("Crane"), QStringLiteral("Echo"),
                                     QStringLiteral("Fjord"), QStringLiteral("Delta"),
                                     QStringLiteral("Gale") }));
    EXPECT_EQ(res.workList[0].ev, 80000000);
    EXPECT_EQ(res.workList[2].ev, 10000000);
    EXPECT_TRUE(res.workList[2].potentialDerived);
    EXPECT_EQ(res.workList[2].potential, 10000000);
    EXPECT_EQ(res.workList[3].ev, 10000000); // the tie with Crane: Crane's L 1.0 comes first
    EXPECT_EQ(res.workList[4].ev, 6666667);
    EXPECT_TRUE(res.workList[5].potentialDerived); // a potential of 0 is not set
    EXPECT_EQ(res.workList[5].potential, 8000000); // the won deal is not open pipeline
    EXPECT_EQ(res.workList[6].ev, 3000000);
    EXPECT_TRUE(res.unscored.empty());
}

TEST(Roi, FactorCoverageCountsTheScoredAmongTheFactorsThatWeigh)
{
    const FactorCoverage one =
            factorCoverage(defaults, std::vector<std::int8_t>{ 4, -1, -1, -1, -1, -1 }.data());
    EXPECT_EQ(one.scored, 1);
    EXPECT_EQ(one.weighted, 6);
    const std::vector<double> weightless{ 0, 0, 2, 1, 1, 2 };
    const FactorCoverage some =
            factorCoverage(weightless, std::vector<std::int8_t>{ 5, 4, 3, -1, 0, -1 }.data());
    EXPECT_EQ(some.scored, 2) << "a score of 0 counts; a factor that weighs nothing does not";
    EXPECT_EQ(some.weighted, 4);
}

TEST_F(RoiBook, EachScoredAccountSaysHowManyOfItsFactorsAreScored)
{
    const RoiResult res = report();
    const auto of = [&](const char *account) -> const ScoredAccount & {
        for (const ScoredAccount &s : res.workList)
            if (name(s.row) == QLatin1String(account))
                return s;
        throw std::runtime_error(account);
    };
    // Acme's Enterprise profile weighs ICP fit alone: one of one.
    EXPECT_EQ(of("Acme").scoredFactors, 1);
    EXPECT_EQ(of("Acme").weightedFactors, 1);
    EXPECT_FALSE(of("Acme").thinlyScored());
    EXPECT_EQ(of("Delta").scoredFactors, 6);
    EXPECT_EQ(of("Delta").weightedFactors, 6);
    // Gale: two of the book's six factors, L 0.1 from a third of the evidence.
    EXPECT_EQ(of("Gale").scoredFactors, 2);
    EXPECT_EQ(of("Gale").weightedFactors, 6);
    EXPECT_TRUE(of("Gale").thinlyScored());
}

TEST_F(RoiBook, ThresholdsQuadrantsAndFloors)
{
    const RoiResult res = report();
    // R of the seven: 1,000,000; 500,000; 100,000; 200,000; 200,000; 80,000; 300,000 →
    // the median is 200,000.
    EXPECT_TRUE(res.thresholdIsMedian);
    EXPECT_EQ(res.potentialThreshold, 20000000);
    auto quadrantOfName = [&](const char *n) {
        for (const ScoredAccount &s : res.workList) {
            if (name(s.row) == QLatin1String(n))
                return s.quadrant;
        }
        return Quadrant::Deprioritize;
    };
    EXPECT_EQ(quadrantOfName("Acme"), Quadrant::Pursue);
    EXPECT_EQ(quadrantOfName("Echo"), Quadrant::Pursue); // at both thresholds
    EXPECT_EQ(quadrantOfName("Fjord"), Quadrant::DevelopAccess); // R*, L 1/3
    EXPECT_EQ(quadrantOfName("Crane"), Quadrant::QuickWins);
    EXPECT_EQ(quadrantOfName("Delta"), Quadrant::QuickWins); // L* exactly, R under R*
    EXPECT_EQ(quadrantOfName("Gale"), Quadrant::DevelopAccess);
    EXPECT_EQ(res.quadrantCounts, (std::array<int, 4>{ 3, 2, 2, 0 }));
    // Gale's L 0.1 is under the 0.2 floor.
    EXPECT_EQ(res.belowFloor, 1);

    // A threshold the user set, and a potential floor.
    book->db().exec("UPDATE settings SET value = '150000.00' WHERE key = 'roi.potential_threshold';"
                    "UPDATE settings SET value = '90000' WHERE key = 'roi.floor_potential';");
    const RoiResult set = report();
    EXPECT_FALSE(set.thresholdIsMedian);
    EXPECT_EQ(set.potentialThreshold, 15000000);
    EXPECT_EQ(set.belowFloor, 2); // Gale, and Delta's 80,000
}

TEST_F(RoiBook, UnscoredAccountsAreListedApartAndScopesFilter)
{
    book->db().exec("DELETE FROM account_scores WHERE account_id IN (2, 6)");
    RowFilter ana;
    ana.scopeRep = view->repIndex(1);
    const RoiResult res = report(ana);
    ASSERT_EQ(res.unscored.size(), 1u);
    EXPECT_EQ(name(res.unscored[0]), QStringLiteral("Bolt"));
    ASSERT_EQ(res.workList.size(), 2u); // Acme, Crane
    EXPECT_EQ(res.capacity, 2); // Ana's own
    // Acme has no open deal (one unit), Crane two: only Acme fits in 2.
    EXPECT_EQ(res.withinCapacity, 1);

    RowFilter west;
    west.scopeTerritory = view->territoryIndex(1);
    EXPECT_EQ(report(west).workList.size(), 2u);
    // The team: Ana's 2 and Ben's book default of 20.
    EXPECT_EQ(report().capacity, 22);
}

TEST_F(RoiBook, SummaryReportsTheRoiSection)
{
    const QString json = SummaryBuilder::toJson(
            SummaryBuilder::build(*book, { QDate(2026, 11, 20), {}, {}, {} }));
    const QJsonObject roi =
            QJsonDocument::fromJson(json.toUtf8()).object()[QStringLiteral("roi")].toObject();
    EXPECT_EQ(roi[QStringLiteral("scored")].toInt(), 7);
    EXPECT_EQ(roi[QStringLiteral("unscored")].toInt(), 0);
    EXPECT_EQ(roi[QStringLiteral("below_floor")].toInt(), 1);
    const QJsonObject q = roi[QStringLiteral("quadrants")].toObject();
    EXPECT_EQ(q[QStringLiteral("pursue")].toInt(), 3);
    EXPECT_EQ(q[QStringLiteral("develop")].toInt(), 2);
    EXPECT_EQ(q[QStringLiteral("quick_wins")].toInt(), 2);
    EXPECT_EQ(q[QStringLiteral("deprioritize")].toInt(), 0);
    const QJsonArray list = roi[QStringLiteral("work_list")].toArray();
    ASSERT_EQ(list.size(), 7);
    const QJsonObject first = list[0].toObject();
    EXPECT_EQ(first[QStringLiteral("account")].toString(), QStringLiteral("Acme"));
    EXPECT_DOUBLE_EQ(first[QStringLiteral("likelihood")].toDouble(), 0.8);
    EXPECT_DOUBLE_EQ(first[QStringLiteral("potential")].toDouble(), 1000000.0);
    EXPECT_DOUBLE_EQ(first[QStringLiteral("ev")].toDouble(), 800000.0);
    EXPECT_TRUE(json.contains(QStringLiteral("\"ev\": 66666.67")));
}

TEST_F(RoiBook, TheWorkListExportsAsCsv)
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const RoiResult result = report(); // reads the book again: a new view
    ASSERT_TRUE(CsvExport::workList(*view, result, out));
    const QStringList lines =
            QString::fromUtf8(out.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 8);
    EXPECT_TRUE(lines[0].endsWith(
            QStringLiteral("Within Capacity,ICP fit,Access to decision makers,"
                           "Critical issue,Relationship,Competitive position,Timing")));
    EXPECT_EQ(lines[1],
              QStringLiteral("1,A1,Acme,Ana,80.0,1000000.00,no,800000.00,pursue,no,0.00,0,"
                             "Enterprise,yes,4,0,,,,"));
}

TEST_F(RoiBook, ScoresAreWrittenAndTheirUndoPutsBackWhatWasThere)
{
    ScoringRepository scoring(*book);
    // Acme: ICP fit 4 → 2, Access 0 → not scored, Timing not scored → 5.
    const std::vector<ScoreEdit> edits{ { 1, 1, 2 }, { 1, 2, std::nullopt }, { 1, 6, 5 } };
    const std::vector<ScoreEdit> undo = scoring.setScores(edits);
    const std::vector<ScoreEdit> expectedUndo{ { 1, 6, std::nullopt }, { 1, 2, 0 }, { 1, 1, 4 } };
    EXPECT_EQ(undo, expectedUndo);
    report();
    const int acme = view->accounts.indexOf(1);
    EXPECT_EQ(view->scores.at(acme, 0), 2);
    EXPECT_EQ(view->scores.at(acme, 1), -1);
    EXPECT_EQ(view->scores.at(acme, 5), 5);

    scoring.setScores(undo);
    report();
    EXPECT_EQ(view->scores.at(acme, 0), 4);
    EXPECT_EQ(view->scores.at(acme, 1), 0);
    EXPECT_EQ(view->scores.at(acme, 5), -1);
}

TEST_F(RoiBook, AScoreOutOfRangeOrForAMissingAccountWritesNothing)
{
    ScoringRepository scoring(*book);
    const std::vector<ScoreEdit> outOfRange{ { 1, 1, 3 }, { 2, 1, 6 } };
    EXPECT_THROW(scoring.setScores(outOfRange), InputError);
    const std::vector<ScoreEdit> missing{ { 1, 1, 3 }, { 99, 1, 2 } };
    EXPECT_THROW(scoring.setScores(missing), InputError);
    const std::vector<ScoreEdit> noFactor{ { 1, 99, 2 } };
    EXPECT_THROW(scoring.setScores(noFactor), InputError);
    report();
    EXPECT_EQ(view->scores.at(view->accounts.indexOf(1), 0), 4); // the first edit rolled back
}

TEST_F(RoiBook, NotesAndWeightsReturnTheValueBefore)
{
    ScoringRepository scoring(*book);
    EXPECT_EQ(scoring.setNote(1, QStringLiteral("  Met the CFO  ")), QString());
    EXPECT_EQ(scoring.note(1), QStringLiteral("Met the CFO"));
    EXPECT_EQ(scoring.setNote(1, QString()), QStringLiteral("Met the CFO"));
    EXPECT_THROW(scoring.setNote(99, QStringLiteral("x")), InputError);

    EXPECT_DOUBLE_EQ(scoring.setWeight(1, 1, 5.0), 3.0);
    EXPECT_DOUBLE_EQ(scoring.setWeight(1, 1, 3.0), 5.0);
    EXPECT_THROW(scoring.setWeight(1, 1, -1.0), InputError);
    EXPECT_THROW(scoring.setWeight(1, 1, std::nan("")), InputError);
    EXPECT_THROW(scoring.setWeight(99, 1, 1.0), InputError);
    report();
    EXPECT_DOUBLE_EQ(view->scoring.profiles[0].weights[0], 3.0);
}

TEST_F(RoiBook, EqualExpectedValueAndLikelihoodRankByNameIgnoringCase)
{
    // Two copies of Echo (L 0.5, R 200,000): "aster" sorts before "Echo" only when case is
    // ignored ('E' < 'a' in code units); "Echo" and "echo" keep the book's order.
    book->db().exec(R"SQL(
        INSERT INTO accounts (id, crm_id, name, industry, size_band, owner_id, potential) VALUES
            (8, 'A8', 'echo', 'Energy', 'SMB', 2, 20000000),
            (9, 'A9', 'aster', 'Energy', 'SMB', 2, 20000000);
        INSERT INTO account_scores SELECT 8, factor_id, score FROM account_scores WHERE account_id = 5;
        INSERT INTO account_scores SELECT 9, factor_id, score FROM account_scores WHERE account_id = 5;
    )SQL");
    const RoiResult res = report();
    QStringList tied;
    for (const ScoredAccount &s : res.workList) {
        if (s.ev == 10000000 && s.likelihood == 0.5)
            tied.append(name(s.row));
    }
    EXPECT_EQ(tied,
              (QStringList{ QStringLiteral("aster"), QStringLiteral("Echo"),
                            QStringLiteral("echo") }));
}

TEST_F(RoiBook, RepsOverCapacityAreNamedMostOverFirst)
{
    EXPECT_TRUE(scopeOverCapacity(*view, {}).empty()); // Ana: 2 open of 2; Ben: 1 of 20
    book->db().exec("UPDATE reps SET capacity = 1 WHERE id = 1;"
                    "UPDATE settings SET value = '0' WHERE key = 'rep.default_capacity'");
    report();
    const std::vector<RepLoad> over = scopeOverCapacity(*view, {});
    ASSERT_EQ(over.size(), 2u);
    EXPECT_EQ(view->reps[std::size_t(over[0].rep)].name, QStringLiteral("Ana")); // tie: book order
    EXPECT_EQ(over[0].active, 2);
    EXPECT_EQ(over[0].capacity, 1);
    EXPECT_EQ(view->reps[std::size_t(over[1].rep)].name, QStringLiteral("Ben"));
    EXPECT_EQ(over[1].active, 1);
    EXPECT_EQ(over[1].capacity, 0);
    const std::vector<int> onlyBen{ view->repIndex(2) };
    EXPECT_EQ(repsOverCapacity(*view, onlyBen).size(), 1u);
}
