// The review pack (core/report/reviewpack.h) through `report`: a rep's pack and the team's are
// PDFs of a few pages whose text (pdftotext) holds the header, the figures, the forecast, the
// risks, the commitments with their status and the notes; bad input fails with a message and
// writes nothing. Run in the UI tests because painting text needs a QGuiApplication.
#include "uitestbook.h"

#include "analytics/categorymoves.h"
#include "analytics/pipelinehealth.h"
#include "cli/cli.h"
#include "demo/demobook.h"
#include "domain/review.h"
#include "edits/bookeditor.h"
#include "report/reviewchanges.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/snapshotreader.h"
#include "testsupport.h"
#include "views/bookview.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace tp;

namespace {

class GuiReviewPack : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        auto b = Book::open(book.path);
        BookEditor editor(*b);
        const Id earlier = editor.startReview(book.alice, { 2026, 11, 13 }).reviews.front().id;
        const Id roi = editor.addCommitment(earlier, QStringLiteral("Send the ROI case"), book.o1,
                                            std::nullopt, { 2026, 11, 18 })
                               .commitments.front()
                               .id;
        editor.addCommitment(earlier, QStringLiteral("Call the CFO"), std::nullopt, std::nullopt,
                             {});
        const Id now = editor.startReview(book.alice, { 2026, 11, 20 }).reviews.front().id;
        editor.settleCommitment(roi, CommitmentStatus::Done, now);
        editor.setReviewNotes(now, QStringLiteral("Acme renewal slips to January."));
        editor.addCommitment(now, QStringLiteral("Book the legal review"), book.o1, std::nullopt,
                             { 2026, 11, 27 });
    }

    struct Run
    {
        int code;
        QString out, err;
    };
    Run report(QStringList arguments) const
    {
        arguments.prepend(QStringLiteral("report"));
        QString out, err;
        QTextStream o(&out), e(&err);
        const int code = cli::run(arguments, o, e);
        o.flush();
        e.flush();
        return { code, out, err };
    }
    // The PDF's text, its layout kept (pdftotext -layout), ligatures ("ﬁ") read as letters.
    static QString textOf(const QString &pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"),
                { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
        if (!p.waitForFinished(30000))
            return {};
        return QString::fromUtf8(p.readAllStandardOutput())
                .normalized(QString::NormalizationForm_KC);
    }
    static int pagesOf(const QString &pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdfinfo"), { pdf });
        p.waitForFinished(30000);
        for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n'))
            if (line.startsWith(QStringLiteral("Pages:")))
                return line.mid(6).trimmed().toInt();
        return -1;
    }

    test::TempDir dir;
    test::SmallBook book;
};

} // namespace

TEST_F(GuiReviewPack, ARepsPackSaysTheReviewInTextThatCanBeExtracted)
{
    const QString pdf = dir.path(QStringLiteral("alice.pdf"));
    const Run run = report({ QStringLiteral("--db"), book.path, QStringLiteral("--rep"),
                             QStringLiteral("Alice Archer"), QStringLiteral("--as-of"),
                             QStringLiteral("2026-11-20"), QStringLiteral("--pdf"), pdf });
    ASSERT_EQ(run.code, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(QStringLiteral("page"))) << qPrintable(run.out);
    const int pages = pagesOf(pdf);
    EXPECT_GE(pages, 1);
    EXPECT_LE(pages, 4);
    EXPECT_LE(QFileInfo(pdf).size(), 1024 * 1024);
    const QString text = textOf(pdf).simplified();
    for (const char *expected : { "One-on-one review: Alice Archer",
                                  "Period 2026-Q4 · as of 11/20/2026 · since 11/13/2026",
                                  "Key figures",
                                  "Pipeline flow since 11/13/2026",
                                  "No snapshot at or before the as-of date",
                                  "Quota 2026-Q4",
                                  "30,000.00 USD",
                                  "Forecast for 2026-Q4",
                                  "Honest commit",
                                  "Top risks",
                                  "Commitments of earlier reviews",
                                  "Send the ROI case",
                                  "Acme renewal",
                                  "Done",
                                  "Call the CFO",
                                  "Open",
                                  "Commitments kept over every review: 1 of 1.",
                                  "This review: 11/20/2026",
                                  "Acme renewal slips to January.",
                                  "Book the legal review" })
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << "\n"
                                                                << qPrintable(text);
}

// On the demo book's snapshots the pack lists the deals of the flow that changed forecast
// category since the last review, the largest move first, as core counts them.
TEST_F(GuiReviewPack, ThePackListsTheCategoryMovesOfTheFlow)
{
    const QString demoPath = dir.path(QStringLiteral("demo.tpbook"));
    demo::Options options;
    options.today = QDate(2026, 11, 20);
    demo::writeDemoBook(demoPath, options, {});
    const QString pdf = dir.path(QStringLiteral("avery.pdf"));
    const Run run = report({ QStringLiteral("--db"), demoPath, QStringLiteral("--rep"),
                             QStringLiteral("Avery Chen"), QStringLiteral("--since"),
                             QStringLiteral("2026-11-06"), QStringLiteral("--as-of"),
                             QStringLiteral("2026-11-20"), QStringLiteral("--pdf"), pdf });
    ASSERT_EQ(run.code, 0) << qPrintable(run.err);

    // What core says: the snapshots of 6 and 20 November, Avery's scope, 2026-Q4.
    auto b = Book::open(demoPath);
    const auto view = loadBookView(demoPath);
    snapshots::SnapshotReader reader(b->db());
    const auto all = reader.list();
    const auto from = ReviewChanges::latestAtOrBefore(all, QDate(2026, 11, 6));
    const auto to = ReviewChanges::latestAtOrBefore(all, QDate(2026, 11, 20));
    ASSERT_TRUE(from && to);
    const auto states = reader.states(
            { *from, *to }, [&](const QDate &d) { return health::ruleContext(*view, d); });
    changes::Scope scope;
    for (const auto &rep : view->reps)
        if (rep.name == QStringLiteral("Avery Chen"))
            scope.rep = rep.id;
    const changes::Comparison c =
            changes::compare(states[0], states[1], scope, Period::of(2026, 4));
    const changes::CategoryMoves moves = changes::categoryMoves(states[0], states[1], c);
    ASSERT_GT(moves.moved(), 0);
    int largestFrom = -1, largestTo = -1;
    for (int f = 0; f < changes::categorySides; ++f)
        for (int t = 0; t < changes::categorySides; ++t)
            if (f != t && moves.at(f, t).deals > 0
                && (largestFrom < 0
                    || moves.at(f, t).amount > moves.at(largestFrom, largestTo).amount)) {
                largestFrom = f;
                largestTo = t;
            }
    const auto name = [](int side, const char *outside) {
        return side == changes::outside ? QString::fromUtf8(outside)
                                        : forecastCategoryName(ForecastCategory(side));
    };
    const QString line =
            name(largestFrom, "(came in)") + QStringLiteral(" → ") + name(largestTo, "(moved out)");
    const QString text = textOf(pdf);
    const qsizetype table = text.indexOf(QStringLiteral("Category moves"));
    ASSERT_GE(table, 0) << qPrintable(text);
    const qsizetype first = text.indexOf(u'\n', table) + 1;
    const QString firstRow = text.mid(first, text.indexOf(u'\n', first) - first).simplified();
    EXPECT_TRUE(firstRow.startsWith(line + QStringLiteral(" ")
                                    + QString::number(moves.at(largestFrom, largestTo).deals)))
            << qPrintable(firstRow) << " / " << qPrintable(line);
}

TEST_F(GuiReviewPack, TheTeamPackHasASectionPerRep)
{
    const QString pdf = dir.path(QStringLiteral("team.pdf"));
    const Run run = report({ QStringLiteral("--db"), book.path, QStringLiteral("--as-of"),
                             QStringLiteral("2026-11-20"), QStringLiteral("--pdf"), pdf });
    ASSERT_EQ(run.code, 0) << qPrintable(run.err);
    const QString text = textOf(pdf).simplified();
    EXPECT_TRUE(text.contains(QStringLiteral("Team review")));
    EXPECT_TRUE(text.contains(QStringLiteral("One-on-one review: Alice Archer")));
    EXPECT_TRUE(text.contains(QStringLiteral("One-on-one review: Bob Baker")));
    EXPECT_GE(pagesOf(pdf), 3);
}

TEST_F(GuiReviewPack, BadInputSaysWhyAndWritesNothing)
{
    const QString pdf = dir.path(QStringLiteral("nobody.pdf"));
    const Run unknown = report({ QStringLiteral("--db"), book.path, QStringLiteral("--rep"),
                                 QStringLiteral("Nobody"), QStringLiteral("--pdf"), pdf });
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("Nobody"))) << qPrintable(unknown.err);
    EXPECT_FALSE(QFile::exists(pdf));
    const Run noFolder = report({ QStringLiteral("--db"), book.path, QStringLiteral("--pdf"),
                                  dir.path(QStringLiteral("missing/pack.pdf")) });
    EXPECT_EQ(noFolder.code, 1);
    EXPECT_TRUE(noFolder.err.contains(QStringLiteral("does not exist")))
            << qPrintable(noFolder.err);
    const Run badDate = report({ QStringLiteral("--db"), book.path, QStringLiteral("--since"),
                                 QStringLiteral("13/11/2026"), QStringLiteral("--pdf"), pdf });
    EXPECT_EQ(badDate.code, 2);
    const Run noPdf = report({ QStringLiteral("--db"), book.path });
    EXPECT_EQ(noPdf.code, 2);
}
