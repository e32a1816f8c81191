// The Review page offscreen (docs/METRICS.md, "One-on-one reviews"): a review started for the
// scope's rep, commitments made, carried into the next review and settled there, notes saved as
// one undo step per pause, gateway criteria ticked per deal, and the Commit deals that missed a
// gateway taken out of honest commit when the user says so.
#include "uitestbook.h"

#include "demo/demobook.h"
#include "mainwindow/mainwindow.h"
#include "pages/review/changespanel.h"
#include "pages/review/commitmentspanel.h"
#include "pages/review/flowwaterfall.h"
#include "pages/review/forecastpanel.h"
#include "pages/review/gatewayspanel.h"
#include "pages/review/reviewpage.h"
#include "pages/review/riskspanel.h"
#include "report/reviewchanges.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "testsupport.h"
#include "views/bookview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiReview : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        window = test::openWindow(book.path, QStringLiteral("review"), QDate(2026, 11, 20));
        ASSERT_TRUE(window);
        page = qobject_cast<ReviewPage *>(window->page(QStringLiteral("review")));
        ASSERT_NE(page, nullptr);
        QApplication::processEvents();
    }

    void scopeTo(Id rep)
    {
        const BookView *view = window->session()->view();
        for (std::size_t i = 0; i < view->reps.size(); ++i)
            if (view->reps[i].id == rep)
                window->scope()->setRepIndex(int(i));
        QApplication::processEvents();
    }
    QStringList texts(QTreeWidget *list, int column = 0) const
    {
        QStringList all;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            all.append(list->topLevelItem(i)->text(column));
        return all;
    }
    QUndoStack *undo() const { return window->session()->undoStack(); }
    void settle()
    {
        QApplication::processEvents();
        QApplication::processEvents();
    }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
    ReviewPage *page = nullptr;
};

} // namespace

TEST_F(GuiReview, AReviewCarriesItsOpenCommitmentsIntoTheNextWhereTheyAreSettled)
{
    scopeTo(book.alice);
    EXPECT_FALSE(page->review());
    ASSERT_TRUE(page->startReview());
    ASSERT_TRUE(page->review());
    EXPECT_EQ(page->review()->heldOn, QDate(2026, 11, 20));
    EXPECT_EQ(page->review()->rep, book.alice);

    CommitmentsPanel *panel = page->commitments();
    panel->newText()->setText(QStringLiteral("Send the ROI case"));
    ASSERT_TRUE(panel->addCommitment());
    settle();
    EXPECT_EQ(texts(panel->madeList()), QStringList{ QStringLiteral("Send the ROI case") });
    EXPECT_TRUE(panel->newText()->text().isEmpty());
    undo()->undo();
    settle();
    EXPECT_TRUE(texts(panel->madeList()).isEmpty());
    undo()->redo();
    settle();
    ASSERT_EQ(panel->madeList()->topLevelItemCount(), 1);

    // A week later: the new review carries it, and it is marked done there.
    window->scope()->setAsOf(QDate(2026, 11, 27));
    settle();
    ASSERT_TRUE(page->startReview());
    EXPECT_EQ(page->review()->heldOn, QDate(2026, 11, 27));
    EXPECT_EQ(page->reviewBox()->count(), 2);
    ASSERT_EQ(texts(panel->carriedList()), QStringList{ QStringLiteral("Send the ROI case") });
    EXPECT_EQ(panel->carriedList()->topLevelItem(0)->text(3), QStringLiteral("11/20/2026"));
    const Id id = panel->carriedList()->topLevelItem(0)->data(0, Qt::UserRole + 1).toLongLong();
    panel->setStatus(id, CommitmentStatus::Done);
    settle();
    EXPECT_EQ(page->recordLabel()->text(), QStringLiteral("Commitments kept: 1 of 1 (100%)"));
    auto *status = qobject_cast<QComboBox *>(
            panel->carriedList()->itemWidget(panel->carriedList()->topLevelItem(0), 4));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->currentText(), QStringLiteral("Done"));
    undo()->undo();
    settle();
    EXPECT_EQ(page->recordLabel()->text(), QStringLiteral("No commitment settled yet"));

    // The earlier review still shows it as made there; deleting the later one is one step.
    page->showReview(page->history().front().id);
    EXPECT_EQ(texts(panel->madeList()), QStringList{ QStringLiteral("Send the ROI case") });
    page->showReview(page->history().back().id);
    ASSERT_TRUE(page->deleteReview());
    EXPECT_EQ(page->history().size(), 1u);
    undo()->undo();
    settle();
    EXPECT_EQ(page->history().size(), 2u);

    // Bob has no review: the page says how to start one.
    scopeTo(book.bob);
    EXPECT_FALSE(page->review());
    EXPECT_EQ(page->reviewBox()->count(), 0);
    test::shootSizesAndSchemes(*window, QStringLiteral("review-commitments"));
}

TEST_F(GuiReview, NotesAreWrittenAfterAPauseAsOneUndoStep)
{
    scopeTo(book.alice);
    ASSERT_TRUE(page->startReview());
    const int steps = undo()->count();
    QPlainTextEdit *notes = page->commitments()->notesEdit();
    notes->setFocus();
    notes->insertPlainText(QStringLiteral("Two deals "));
    page->commitments()->saveNotes();
    notes->insertPlainText(QStringLiteral("slipped."));
    page->commitments()->saveNotes();
    settle();
    EXPECT_EQ(page->review()->notes, QStringLiteral("Two deals slipped."));
    EXPECT_EQ(undo()->count(), steps + 1); // typing merges
    EXPECT_EQ(notes->toPlainText(), QStringLiteral("Two deals slipped."));
    undo()->undo();
    settle();
    EXPECT_TRUE(page->review()->notes.isEmpty());
    EXPECT_TRUE(notes->toPlainText().isEmpty());
}

TEST_F(GuiReview, GatewaysFlagDealsThatWentPastACriterionAndHonestCommitCanLeaveThemOut)
{
    scopeTo(book.bob);
    page->tabs()->setCurrentWidget(page->gateways());
    settle();
    GatewaysPanel *gateways = page->gateways();
    // Bob's Globex pilot is in Negotiate: the criteria of Qualify, Prove and Propose were passed
    // unticked.
    ASSERT_EQ(texts(gateways->dealList()), QStringList{ QStringLiteral("Globex pilot") });
    EXPECT_EQ(gateways->dealList()->topLevelItem(0)->text(3), QStringLiteral("0 of 7"));
    EXPECT_TRUE(gateways->dealList()->topLevelItem(0)->text(4).startsWith(
            QStringLiteral("Qualify: The prospect wants to address the issue now")));

    // It is a Commit deal closing in the period: honest commit can leave it out.
    ForecastPanel *forecast = page->forecast();
    EXPECT_TRUE(forecast->gatewayBox()->isEnabled());
    EXPECT_EQ(forecast->figureText(ForecastPanel::HonestCommit), QStringLiteral("$7,000.00"));
    forecast->gatewayBox()->setChecked(true);
    EXPECT_EQ(forecast->figureText(ForecastPanel::HonestCommit), QStringLiteral("$0.00"));
    EXPECT_EQ(forecast->honestCaption()->text(),
              QStringLiteral("Honest commit, without 1 deal that missed a gateway"));
    test::shootSizesAndSchemes(*window, QStringLiteral("review-gateways"));

    // Ticking every criterion of the stages it passed clears the flag; each tick is one step.
    QListWidget *checklist = gateways->checklist();
    const int steps = undo()->count();
    int ticked = 0;
    for (int i = 0; i < checklist->count(); ++i) {
        QListWidgetItem *item = checklist->item(i);
        if (!(item->flags() & Qt::ItemIsUserCheckable))
            continue;
        if (item->text().startsWith(QStringLiteral("Counter with value")))
            continue; // Negotiate's own: its to-do, not a missed gateway
        ASSERT_TRUE(gateways->setMet(item->data(Qt::UserRole + 1).toLongLong(), true));
        ++ticked;
    }
    settle();
    EXPECT_EQ(ticked, 6);
    EXPECT_EQ(undo()->count(), steps + 6);
    EXPECT_EQ(gateways->dealList()->topLevelItem(0)->text(3), QStringLiteral("6 of 7"));
    EXPECT_TRUE(gateways->dealList()->topLevelItem(0)->text(4).isEmpty());
    EXPECT_FALSE(forecast->gatewayBox()->isEnabled());
    EXPECT_EQ(forecast->figureText(ForecastPanel::HonestCommit), QStringLiteral("$7,000.00"));
    undo()->undo();
    settle();
    EXPECT_EQ(gateways->dealList()->topLevelItem(0)->text(3), QStringLiteral("5 of 7"));
    page->tabs()->setCurrentWidget(page->risks());
    settle();
    test::shootSizesAndSchemes(*window, QStringLiteral("review-risks"));
}

TEST_F(GuiReview, FileExportReviewPackWritesThePdfOfTheScopesRep)
{
    scopeTo(book.alice);
    ASSERT_TRUE(page->startReview());
    const QList<QAction *> file = window->menuBar()->actions().constFirst()->menu()->actions();
    EXPECT_TRUE(file.contains(page->exportPackAction()));
    const QString pdf = dir.path(QStringLiteral("alice.pdf"));
    ASSERT_TRUE(page->exportPack(pdf));
    QFile written(pdf);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_TRUE(written.read(5).startsWith("%PDF-"));
    // A folder that does not exist: the session reports it, nothing is written.
    EXPECT_FALSE(page->exportPack(dir.path(QStringLiteral("missing/alice.pdf"))));
}

// The demo book's weekly snapshots: the Changes tab compares the one at or before the last
// review with the latest, its flow balances to the cent, a bar lists its deals and a deal
// shows its path.
TEST(GuiReviewChanges, TheFlowSinceTheLastReviewBalancesAndEachBarListsItsDeals)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.tpbook"));
    demo::Options options;
    options.today = QDate(2026, 11, 20);
    demo::writeDemoBook(path, options, {});
    MainWindow window;
    window.setInteractive(false);
    window.resize(1400, 900);
    ASSERT_TRUE(window.openBook(path) && window.session()->waitUntilLoaded());
    window.scope()->setAsOf(options.today);
    auto *page = qobject_cast<ReviewPage *>(window.page(QStringLiteral("review")));
    ASSERT_NE(page, nullptr);
    window.showPage(int(window.pages().indexOf(page)));
    window.show();
    window.scope()->setRepIndex(0);
    QApplication::processEvents();
    QApplication::processEvents();
    page->tabs()->setCurrentWidget(page->changes());
    ChangesPanel *changes = page->changes();
    // The states are read on a background job: wait until it has delivered.
    const auto compared = [changes] {
        return QTest::qWaitFor([changes] { return !changes->isComparing(); }, 60000);
    };
    ASSERT_TRUE(compared());
    // Since the last review before the one shown (13 Nov): the snapshot at or before 6 Nov.
    ASSERT_TRUE(page->review());
    EXPECT_EQ(page->review()->heldOn, QDate(2026, 11, 13));
    EXPECT_TRUE(changes->fromBox()->currentText().startsWith(QStringLiteral("11/")))
            << qPrintable(changes->fromBox()->currentText());
    const changes::Comparison &c = changes->comparison();
    EXPECT_EQ(c.flowEnd(), c.end);
    EXPECT_GT(c.deals.size(), 0u);
    EXPECT_TRUE(changes->countsLabel()->text().contains(QStringLiteral("pushed")));

    // Comparing the first snapshot with the latest: something moved; each bar lists its own.
    changes->fromBox()->setCurrentIndex(changes->fromBox()->count() - 1);
    emit changes->fromBox()->activated(changes->fromBox()->count() - 1);
    ASSERT_TRUE(compared());
    const changes::Comparison &all = changes->comparison();
    EXPECT_EQ(all.flowEnd(), all.end);
    std::optional<changes::Bucket> busiest;
    for (int b = 0; b < changes::bucketCount - 1; ++b)
        if (all.flowCount[std::size_t(b)] > 0
            && (!busiest || all.flowCount[std::size_t(b)] > all.flowCount[std::size_t(*busiest)]))
            busiest = changes::Bucket(b);
    ASSERT_TRUE(busiest);
    changes->changedOnly()->setChecked(false);
    changes->waterfall()->select(busiest);
    EXPECT_EQ(changes->dealList()->topLevelItemCount(), int(all.flowCount[std::size_t(*busiest)]));
    EXPECT_TRUE(changes->pathLabel()->text().startsWith(QStringLiteral("<b>Path:</b>")));
    test::shootSizesAndSchemes(window, QStringLiteral("review-changes"));
    changes->waterfall()->select(std::nullopt);
    EXPECT_GE(changes->dealList()->topLevelItemCount(), int(all.flowCount[std::size_t(*busiest)]));
}

// While the Review page is hidden, the states opening it will compare are read ahead (the book
// loaded, the scope changed): the first open compares them without reading again.
TEST(GuiReviewChanges, TheStatesAreReadAheadWhileThePageIsHiddenSoTheFirstOpenDoesNotWait)
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.tpbook"));
    demo::Options options;
    options.today = QDate(2026, 11, 20);
    demo::writeDemoBook(path, options, {});
    const auto window = test::openWindow(path, QStringLiteral("accounts"), options.today);
    ASSERT_TRUE(window);
    window->scope()->setRepIndex(0);
    auto *page = qobject_cast<ReviewPage *>(window->page(QStringLiteral("review")));
    ASSERT_NE(page, nullptr);
    ChangesPanel *changes = page->changes();
    int shown = 0;
    QObject::connect(changes, &ChangesPanel::comparedChanged, [&shown] { ++shown; });
    // Read ahead for the scope settled on, and kept without being compared or shown.
    ASSERT_TRUE(QTest::qWaitFor(
            [changes] { return !changes->isComparing() && changes->compared().b.date.isValid(); },
            60000));
    EXPECT_EQ(shown, 0);
    EXPECT_TRUE(changes->comparison().deals.empty());

    window->showPage(int(window->pages().indexOf(page)));
    page->tabs()->setCurrentWidget(changes);
    QApplication::processEvents(); // the page's refresh
    // Compared at once from the states read ahead: no read started.
    EXPECT_FALSE(changes->isComparing());
    EXPECT_EQ(shown, 1);
    const changes::Comparison &c = changes->comparison();
    EXPECT_EQ(c.flowEnd(), c.end);
    EXPECT_GT(c.deals.size(), 0u);
    // The same as a page that reads them on opening: the pair since the last review.
    ASSERT_TRUE(page->review());
    const auto snapshots = ReviewChanges::snapshots(path);
    std::optional<QDate> lastReview;
    for (const Review &r : page->history())
        if (r.heldOn < page->review()->heldOn)
            lastReview = r.heldOn;
    EXPECT_EQ(
            changes->fromBox()->currentData().toLongLong(),
            ReviewChanges::defaultFrom(snapshots, lastReview, page->review()->heldOn).value_or(0));
}

TEST(GuiReviewChanges, APathSaysHowTheDealMovedInWords)
{
    using snapshots::PathPoint;
    const auto point = [](int day, Stage stage, Minor amount, QDate close, Id owner = 1) {
        return PathPoint{ 1, QDate(2026, 11, day), stage, Status::Open, amount, close, owner };
    };
    const std::vector<PathPoint> path{ point(1, Stage::Prove, 1000, { 2026, 12, 1 }),
                                       point(8, Stage::Prove, 800, { 2026, 12, 15 }),
                                       point(15, Stage::Propose, 1000, { 2027, 1, 15 }) };
    EXPECT_EQ(ReviewChanges::describe(path),
              QStringLiteral("pushed twice, amount cut then restored, advanced"));
    EXPECT_TRUE(ReviewChanges::describe({ path.front() }).isEmpty());
}
