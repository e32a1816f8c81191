// Editing the engagement factors and weight profiles (METRICS "Accounts"): each write and the
// record that undoes it, and what is refused.
#include "bookdump.h"
#include "testsupport.h"

#include "analytics/roi.h"
#include "domain/errors.h"
#include "storage/bookviewloader.h"
#include "storage/scoring.h"
#include "storage/scoringmodel.h"

#include <gtest/gtest.h>

using namespace tp;

namespace {

class ScoringModelBook : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.path(QStringLiteral("m.tpbook"));
        book = Book::create(path);
        book->db().exec("INSERT INTO accounts (id, name, industry, size_band) VALUES "
                        "(1, 'Acme', 'Software', 'SMB'), (2, 'Bolt', 'Retail', 'Enterprise')");
        book->db().exec("INSERT INTO account_scores VALUES (1, 1, 5), (1, 6, 2), (2, 6, 4)");
    }

    QStringList factorNames()
    {
        QStringList names;
        for (const EngagementFactor &f : ScoringRepository(*book).model().factors)
            names.append(f.name);
        return names;
    }

    test::TempDir dir;
    QString path;
    std::unique_ptr<Book> book;
};

} // namespace

TEST_F(ScoringModelBook, AFactorIsAddedLastWeightedOneInEveryProfile)
{
    ScoringModelRepository repo(*book);
    const ProfileRecord software =
            repo.addProfile(SegmentKind::Industry, QStringLiteral("Software"));
    const FactorRecord budget =
            repo.addFactor(QStringLiteral(" Budget "), QStringLiteral("They have one"));
    EXPECT_EQ(budget.factor.name, QStringLiteral("Budget"));
    EXPECT_EQ(budget.index, 6);
    EXPECT_EQ(budget.weights,
              (std::vector<std::pair<Id, double>>{ { 1, 1.0 }, { software.id, 1.0 } }));
    const ScoringModel model = ScoringRepository(*book).model();
    ASSERT_EQ(model.factors.size(), 7u);
    EXPECT_EQ(model.factors[6].name, QStringLiteral("Budget"));
    EXPECT_EQ(model.factors[6].description, QStringLiteral("They have one"));
    EXPECT_EQ(model.profiles[0].weights[6], 1.0);

    // Names are unique whatever their case; an empty name is refused; nothing is written.
    EXPECT_THROW(repo.addFactor(QStringLiteral("timing"), {}), InputError);
    EXPECT_THROW(repo.addFactor(QStringLiteral("  "), {}), InputError);
    EXPECT_EQ(factorNames().size(), 7);
}

TEST_F(ScoringModelBook, RenameDescribeAndMoveReturnWhatTheyReplaced)
{
    ScoringModelRepository repo(*book);
    EXPECT_EQ(repo.renameFactor(1, QStringLiteral("Ideal customer fit")),
              QStringLiteral("ICP fit"));
    EXPECT_THROW(repo.renameFactor(1, QStringLiteral("TIMING")), InputError);
    EXPECT_EQ(repo.renameFactor(1, QStringLiteral("ideal customer fit")),
              QStringLiteral("Ideal customer fit")); // its own name in another case is fine
    EXPECT_THROW(repo.renameFactor(99, QStringLiteral("X")), InputError);

    EXPECT_TRUE(repo.describeFactor(6, QStringLiteral("Now, not later"))
                        .startsWith(QStringLiteral("They want")));
    EXPECT_EQ(repo.describeFactor(6, QString()), QStringLiteral("Now, not later"));
    EXPECT_EQ(ScoringRepository(*book).model().factors[5].description, QString());

    EXPECT_EQ(repo.moveFactor(6, 0), 5);
    EXPECT_EQ(factorNames(),
              (QStringList{ QStringLiteral("Timing"), QStringLiteral("ideal customer fit"),
                            QStringLiteral("Access to decision makers"),
                            QStringLiteral("Critical issue"), QStringLiteral("Relationship"),
                            QStringLiteral("Competitive position") }));
    EXPECT_EQ(repo.moveFactor(6, 99), 0); // past the end: last
    EXPECT_EQ(factorNames().last(), QStringLiteral("Timing"));
    // The view's scores follow the order: Acme's Timing 2 is in the last column.
    const auto view = loadBookView(path);
    EXPECT_EQ(view->scores.at(view->accounts.indexOf(1), 5), 2);
    EXPECT_EQ(view->scores.at(view->accounts.indexOf(1), 0), 5);
}

TEST_F(ScoringModelBook, ARemovedFactorComesBackWithItsPlaceWeightsAndScores)
{
    const QString before = test::dumpBook(book->db());
    ScoringModelRepository repo(*book);
    const FactorRecord timing = repo.removeFactor(6);
    EXPECT_EQ(timing.factor.name, QStringLiteral("Timing"));
    EXPECT_EQ(timing.index, 5);
    EXPECT_EQ(timing.weights, (std::vector<std::pair<Id, double>>{ { 1, 2.0 } }));
    EXPECT_EQ(timing.scores, (std::vector<std::pair<Id, int>>{ { 1, 2 }, { 2, 4 } }));
    EXPECT_EQ(test::scalar(book->db(), "SELECT count(*) FROM account_scores WHERE factor_id = 6"),
              0);
    EXPECT_EQ(test::scalar(book->db(), "SELECT count(*) FROM profile_weights WHERE factor_id = 6"),
              0);
    // Bolt had only Timing: it is unscored now.
    const auto view = loadBookView(path);
    EXPECT_FALSE(roi::likelihood(view->scoring.profiles[0].weights,
                                 view->scores.row(view->accounts.indexOf(2))));

    repo.restoreFactor(timing);
    EXPECT_EQ(test::dumpBook(book->db()), before);
    EXPECT_THROW(repo.restoreFactor(timing), InputError); // there already

    // The first factor comes back first, among positions renumbered meanwhile.
    const FactorRecord icp = repo.removeFactor(1);
    repo.moveFactor(6, 0);
    repo.restoreFactor(icp);
    EXPECT_EQ(factorNames().first(), QStringLiteral("ICP fit"));
    EXPECT_EQ(factorNames()[1], QStringLiteral("Timing"));
}

TEST_F(ScoringModelBook, TheLastFactorCannotGo)
{
    ScoringModelRepository repo(*book);
    for (Id f = 1; f <= 5; ++f)
        repo.removeFactor(f);
    const QString before = test::dumpBook(book->db());
    EXPECT_THROW(repo.removeFactor(6), InputError);
    EXPECT_THROW(repo.removeFactor(42), InputError);
    EXPECT_EQ(test::dumpBook(book->db()), before);
}

TEST_F(ScoringModelBook, AProfileForASegmentStartsFromTheBookDefaultAndAppliesToIt)
{
    ScoringModelRepository repo(*book);
    const ProfileRecord software =
            repo.addProfile(SegmentKind::Industry, QStringLiteral(" Software "));
    EXPECT_EQ(software.name, QStringLiteral("Industry: Software"));
    EXPECT_EQ(software.segment, QStringLiteral("Software"));
    EXPECT_EQ(software.weights,
              (std::vector<std::pair<Id, double>>{
                      { 1, 3.0 }, { 2, 3.0 }, { 3, 2.0 }, { 4, 1.0 }, { 5, 1.0 }, { 6, 2.0 } }));
    // One profile per segment, whatever the case; the book has one default; names are needed.
    EXPECT_THROW(repo.addProfile(SegmentKind::Industry, QStringLiteral("SOFTWARE")), InputError);
    EXPECT_THROW(repo.addProfile(SegmentKind::Book, QStringLiteral("x")), InputError);
    EXPECT_THROW(repo.addProfile(SegmentKind::SizeBand, QStringLiteral(" ")), InputError);
    // The same segment under another kind is another profile.
    const ProfileRecord band = repo.addProfile(SegmentKind::SizeBand, QStringLiteral("SMB"));
    EXPECT_EQ(band.name, QStringLiteral("Size band: SMB"));

    const auto view = loadBookView(path);
    const roi::ProfileResolver resolver(view->scoring, *view);
    // Acme is Software and SMB: the size band wins; Bolt (Retail, Enterprise) gets the default.
    EXPECT_EQ(
            view->scoring.profiles[std::size_t(resolver.profileFor(view->accounts.indexOf(1)))].id,
            band.id);
    EXPECT_EQ(
            view->scoring.profiles[std::size_t(resolver.profileFor(view->accounts.indexOf(2)))].id,
            1);
}

TEST_F(ScoringModelBook, ARemovedProfileComesBackAndTheDefaultStays)
{
    ScoringModelRepository repo(*book);
    const ProfileRecord added = repo.addProfile(SegmentKind::Territory, QStringLiteral("West"));
    ScoringRepository(*book).setWeight(added.id, 3, 5.0);
    const QString before = test::dumpBook(book->db());
    const ProfileRecord removed = repo.removeProfile(added.id);
    EXPECT_EQ(removed.weights[2], (std::pair<Id, double>{ 3, 5.0 }));
    EXPECT_EQ(ScoringRepository(*book).model().profiles.size(), 1u);
    repo.restoreProfile(removed);
    EXPECT_EQ(test::dumpBook(book->db()), before);
    EXPECT_THROW(repo.restoreProfile(removed), InputError);

    EXPECT_THROW(repo.removeProfile(1), InputError);
    EXPECT_THROW(repo.removeProfile(77), InputError);
    EXPECT_EQ(test::dumpBook(book->db()), before);
}
