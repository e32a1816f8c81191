// One-on-one reviews, commitments and gateway criteria (docs/METRICS.md, "One-on-one reviews",
// "Stages"): their edits write, undo and redo to the same book; open commitments carry from one
// review of a rep to the next until one settles them; the record counts kept of made; the
// export lists them.
#include "bookdump.h"
#include "clirun.h"
#include "fixtures.h"
#include "testsupport.h"

#include "domain/errors.h"
#include "edits/bookeditor.h"
#include "report/reviewcsv.h"
#include "storage/reviews.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace tp;

namespace {

class Reviews : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_path = m_dir.path(QStringLiteral("r.tpbook"));
        m_book = test::makeHealthFixtureBook(m_path);
    }

    Id id(const std::string &sql) { return test::scalar(m_book->db(), sql.c_str()); }
    Id rep(const char *name)
    {
        return id(std::string("SELECT id FROM reps WHERE name = '") + name + "'");
    }
    Id deal(const char *crm)
    {
        return id(std::string("SELECT id FROM opportunities WHERE crm_id = '") + crm + "'");
    }
    QString dump() { return test::dumpBook(m_book->db()); }
    BookEditor editor() { return BookEditor(*m_book); }
    ReviewRepository repository() { return ReviewRepository(*m_book); }

    // The edit was written; its undo gives back the book before, its redo the book after.
    BookChange check(const std::function<BookChange()> &edit)
    {
        const QString before = dump();
        BookChange change = edit();
        EXPECT_FALSE(change.isEmpty()) << qPrintable(change.text);
        const QString after = dump();
        EXPECT_NE(before, after) << qPrintable(change.text);
        BookChange undo = change.inverse();
        editor().write(undo);
        EXPECT_EQ(dump(), before) << qPrintable(change.text + QStringLiteral(": undo"));
        editor().write(change);
        EXPECT_EQ(dump(), after) << qPrintable(change.text + QStringLiteral(": redo"));
        return change;
    }

    test::TempDir m_dir;
    QString m_path;
    std::unique_ptr<Book> m_book;
};

} // namespace

TEST_F(Reviews, EveryEditUndoesAndRedoesToTheSameBook)
{
    const Id ana = rep("Ana");
    const BookChange started = check([&] { return editor().startReview(ana, { 2026, 11, 13 }); });
    ASSERT_EQ(started.reviews.size(), 1u);
    EXPECT_TRUE(started.aspects().testFlag(ChangeAspect::Reviews));
    const Id first = started.reviews.front().id;
    check([&] { return editor().setReviewNotes(first, QStringLiteral("Two deals slipped.")); });
    const BookChange made = check([&] {
        return editor().addCommitment(first, QStringLiteral("  Send the ROI case  "), deal("H1"),
                                      std::nullopt, { 2026, 11, 18 });
    });
    const Id roi = made.commitments.front().id;
    EXPECT_EQ(repository().commitment(roi)->text, QStringLiteral("Send the ROI case"));
    Commitment edited = *repository().commitment(roi);
    edited.text = QStringLiteral("Send the ROI case to the CFO");
    edited.opportunity.reset();
    edited.due = QDate();
    check([&] { return editor().editCommitment(edited); });

    const Id second = editor().startReview(ana, { 2026, 11, 20 }).reviews.front().id;
    check([&] { return editor().settleCommitment(roi, CommitmentStatus::Done, second); });
    EXPECT_EQ(repository().commitment(roi)->settledIn, second);
    check([&] { return editor().settleCommitment(roi, CommitmentStatus::Open, second); });
    EXPECT_FALSE(repository().commitment(roi)->settledIn);
    check([&] { return editor().settleCommitment(roi, CommitmentStatus::NotDone, second); });
    check([&] { return editor().removeCommitment(roi); });

    const Id criterion = id("SELECT id FROM stage_criteria WHERE stage = 2");
    const BookChange ticked = check([&] {
        return editor().setCriterion(deal("H1"), criterion, true, { 2026, 11, 20 });
    });
    EXPECT_TRUE(ticked.aspects().testFlag(ChangeAspect::Gateways));
    EXPECT_TRUE(editor().setCriterion(deal("H1"), criterion, true, { 2026, 11, 21 }).isEmpty());
    check([&] { return editor().setCriterion(deal("H1"), criterion, false, { 2026, 11, 21 }); });
    check([&] { return editor().startReview(std::nullopt, { 2026, 11, 20 }); }); // the team's
}

TEST_F(Reviews, DeletingAReviewTakesItsCommitmentsAndReopensThoseItSettled)
{
    const Id ana = rep("Ana");
    const Id first = editor().startReview(ana, { 2026, 11, 6 }).reviews.front().id;
    const Id kept = editor().addCommitment(first, QStringLiteral("Book the demo"), std::nullopt,
                                           std::nullopt, {})
                            .commitments.front()
                            .id;
    const Id second = editor().startReview(ana, { 2026, 11, 13 }).reviews.front().id;
    editor().settleCommitment(kept, CommitmentStatus::Done, second);
    editor().addCommitment(second, QStringLiteral("Call legal"), std::nullopt, std::nullopt, {});

    const BookChange removed = check([&] { return editor().removeReview(second); });
    EXPECT_EQ(removed.commitments.size(), 2u);
    EXPECT_FALSE(repository().review(second));
    const auto reopened = repository().commitment(kept);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(reopened->status, CommitmentStatus::Open);
    EXPECT_FALSE(reopened->settledIn);
    EXPECT_EQ(test::scalar(m_book->db(),
                           "SELECT count(*) FROM commitments WHERE text = 'Call legal'"),
              0);
}

TEST_F(Reviews, OpenCommitmentsCarryIntoTheNextReviewsUntilOneSettlesThem)
{
    const Id ana = rep("Ana"), ben = rep("Ben");
    const auto start = [&](Id who, QDate on) {
        return editor().startReview(who, on).reviews.front().id;
    };
    const auto commit = [&](Id review, const char *text) {
        return editor()
                .addCommitment(review, QString::fromLatin1(text), std::nullopt, std::nullopt, {})
                .commitments.front()
                .id;
    };
    const Id r1 = start(ana, { 2026, 10, 30 });
    const Id demo = commit(r1, "Book the demo");
    const Id legal = commit(r1, "Call legal");
    const Id quote = commit(r1, "Send the quote");
    commit(start(ben, { 2026, 11, 2 }), "Ben's own");
    const Id r2 = start(ana, { 2026, 11, 6 });
    const Id r3 = start(ana, { 2026, 11, 13 });

    // In r2 all three of r1 come in open; demo is kept there, legal dropped.
    editor().settleCommitment(demo, CommitmentStatus::Done, r2);
    editor().settleCommitment(legal, CommitmentStatus::Dropped, r2);
    const auto ids = [](const std::vector<Commitment> &all) {
        std::vector<Id> result;
        result.reserve(all.size());
        for (const Commitment &c : all)
            result.push_back(c.id);
        return result;
    };
    ReviewRepository reviews = repository();
    EXPECT_EQ(ids(reviews.carriedInto(*reviews.review(r2))),
              (std::vector<Id>{ demo, legal, quote }));
    // r3 gets only what r2 left open: the quote, settled in r3 as not done.
    EXPECT_EQ(ids(reviews.carriedInto(*reviews.review(r3))), std::vector<Id>{ quote });
    editor().settleCommitment(quote, CommitmentStatus::NotDone, r3);
    EXPECT_EQ(ids(reviews.carriedInto(*reviews.review(r3))), std::vector<Id>{ quote });
    EXPECT_TRUE(reviews.carriedInto(*reviews.review(r1)).empty());

    // A later review carries nothing settled: its list is empty; Ben's stay with Ben.
    const Id r4 = start(ana, { 2026, 11, 20 });
    EXPECT_TRUE(reviews.carriedInto(*reviews.review(r4)).empty());
    EXPECT_EQ(reviews.record(ana), (CommitmentRecord{ 1, 2 })); // dropped counts in neither
    EXPECT_EQ(reviews.record(ben), (CommitmentRecord{ 0, 0 }));
    ASSERT_TRUE(reviews.lastBefore(ana, { 2026, 11, 20 }));
    EXPECT_EQ(reviews.lastBefore(ana, { 2026, 11, 20 })->id, r3);
    EXPECT_FALSE(reviews.lastBefore(ana, { 2026, 10, 30 }));
    EXPECT_EQ(reviews.reviews(ana).size(), 4u);
}

TEST_F(Reviews, RefusedValuesChangeNothing)
{
    const Id review = editor().startReview(rep("Ana"), { 2026, 11, 20 }).reviews.front().id;
    const QString before = dump();
    EXPECT_THROW(
            editor().addCommitment(review, QStringLiteral("   "), std::nullopt, std::nullopt, {}),
            InputError);
    EXPECT_THROW(editor().addCommitment(review, QStringLiteral("x"), 999'999, std::nullopt, {}),
                 InputError);
    EXPECT_THROW(editor().startReview(999'999, { 2026, 11, 20 }), InputError);
    EXPECT_THROW(editor().startReview(std::nullopt, QDate()), InputError);
    EXPECT_THROW(editor().settleCommitment(999'999, CommitmentStatus::Done, review), InputError);
    EXPECT_THROW(editor().setCriterion(deal("H1"), 999'999, true, { 2026, 11, 20 }), InputError);
    EXPECT_EQ(dump(), before);
}

TEST_F(Reviews, TheExportListsReviewsAndCommitmentsWithTheirNames)
{
    const Id review = editor().startReview(rep("Ana"), { 2026, 11, 13 }).reviews.front().id;
    editor().setReviewNotes(review, QStringLiteral("=cmd|' /C calc'!A0"));
    const Id c = editor().addCommitment(review, QStringLiteral("Send the ROI case"), deal("H1"),
                                        std::nullopt, { 2026, 11, 18 })
                         .commitments.front()
                         .id;
    const Id later = editor().startReview(rep("Ana"), { 2026, 11, 20 }).reviews.front().id;
    editor().settleCommitment(c, CommitmentStatus::NotDone, later);

    ReviewRepository reviews = repository();
    QBuffer reviewsCsv, commitmentsCsv;
    reviewsCsv.open(QIODevice::WriteOnly);
    commitmentsCsv.open(QIODevice::WriteOnly);
    ASSERT_TRUE(ReviewCsv::reviews(reviews, std::nullopt, reviewsCsv));
    ASSERT_TRUE(ReviewCsv::commitments(reviews, rep("Ana"), commitmentsCsv));
    const QStringList reviewLines =
            QString::fromUtf8(reviewsCsv.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(reviewLines.size(), 3);
    EXPECT_EQ(reviewLines[0],
              QStringLiteral("Rep,Review Date,Notes,Commitments Made,Commitments Settled"));
    // A note that looks like a formula is written as text.
    EXPECT_EQ(reviewLines[1], QStringLiteral("Ana,2026-11-13,'=cmd|' /C calc'!A0,1,0"));
    EXPECT_EQ(reviewLines[2], QStringLiteral("Ana,2026-11-20,,0,1"));
    const QStringList commitmentLines = QString::fromUtf8(commitmentsCsv.data())
                                                .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(commitmentLines.size(), 2);
    EXPECT_TRUE(
            commitmentLines[1].startsWith(QStringLiteral("Ana,2026-11-13,Send the ROI case,H1,")))
            << qPrintable(commitmentLines[1]);
    EXPECT_TRUE(commitmentLines[1].endsWith(QStringLiteral(",2026-11-18,not_done,2026-11-20")))
            << qPrintable(commitmentLines[1]);
}

TEST_F(Reviews, TheCommandLineExportsCommitments)
{
    const Id review = editor().startReview(rep("Ben"), { 2026, 11, 13 }).reviews.front().id;
    editor().addCommitment(review, QStringLiteral("Call legal"), std::nullopt, std::nullopt, {});
    const QString out = m_dir.path(QStringLiteral("c.csv"));
    const auto run = test::runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_path,
                                    QStringLiteral("--what"), QStringLiteral("commitments"),
                                    QStringLiteral("--rep"), QStringLiteral("Ben"),
                                    QStringLiteral("--csv"), out });
    ASSERT_EQ(run.code, 0) << qPrintable(run.err);
    EXPECT_TRUE(QString::fromUtf8(test::readAll(out))
                        .contains(QStringLiteral("Ben,2026-11-13,Call legal,,,,,open,")));
    const auto unknown = test::runCli({ QStringLiteral("export"), QStringLiteral("--db"), m_path,
                                        QStringLiteral("--what"), QStringLiteral("reviews"),
                                        QStringLiteral("--rep"), QStringLiteral("Nobody"),
                                        QStringLiteral("--csv"), out });
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("Nobody"))) << qPrintable(unknown.err);
}
