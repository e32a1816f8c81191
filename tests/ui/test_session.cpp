// BookSession: opening on a worker thread, refusing bad files, and every edit as an undoable
// command that the book itself records and forgets again.
#include "uitestbook.h"

#include "edits/bookeditor.h"
#include "session/booksession.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/opportunities.h"
#include "storage/reps.h"
#include "storage/sqlite.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QThread>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using tp::ui::BookSession;

namespace {

class GuiSession : public ::testing::Test
{
protected:
    void SetUp() override
    {
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        ASSERT_TRUE(test::openAndWait(session, book.path));
    }

    // A second connection, so the test sees what is on disk rather than the session's view.
    Opportunity stored(Id id)
    {
        auto b = Book::open(book.path);
        return *OpportunityRepository(*b).byId(id);
    }
    std::size_t stageHistoryCount(Id id)
    {
        auto b = Book::open(book.path);
        return OpportunityRepository(*b).stageHistory(id).size();
    }
    std::size_t closeDateChangeCount(Id id)
    {
        auto b = Book::open(book.path);
        return OpportunityRepository(*b).closeDateChanges(id).size();
    }
    int viewRow(Id id) { return session.view()->opportunities.indexOf(id); }

    test::TempDir dir;
    test::SmallBook book;
    BookSession session;
};

TEST_F(GuiSession, LoadsTheViewOnAWorkerThread)
{
    BookSession other;
    QSignalSpy loaded(&other, &BookSession::loaded);
    QSignalSpy started(&other, &BookSession::loadingStarted);
    ASSERT_TRUE(other.openBook(book.path));
    EXPECT_TRUE(other.isLoading());
    EXPECT_FALSE(other.isOpen()); // nothing shown until the view is in
    ASSERT_TRUE(other.waitUntilLoaded());
    EXPECT_FALSE(other.isLoading());
    EXPECT_EQ(started.count(), 1);
    EXPECT_EQ(loaded.count(), 1);
    ASSERT_NE(other.view(), nullptr);
    EXPECT_EQ(other.view()->opportunities.size(), 6);
    EXPECT_EQ(other.view()->accounts.size(), 3);
    EXPECT_EQ(other.view()->reps.size(), 2u);
    EXPECT_EQ(other.path(), book.path);
    EXPECT_EQ(other.undoStack()->count(), 0);
}

TEST_F(GuiSession, RefusesAFileThatIsNotABookAndKeepsTheCurrentOne)
{
    const QString junk = dir.path(QStringLiteral("notes.tpbook"));
    QFile file(junk);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("these are not the accounts you are looking for\n");
    file.close();

    QString error;
    EXPECT_FALSE(session.openBook(junk, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("not a Territory Planner book")))
            << qPrintable(error);
    EXPECT_FALSE(session.isLoading());
    EXPECT_TRUE(session.isOpen());
    EXPECT_EQ(session.path(), book.path);
    EXPECT_EQ(session.view()->opportunities.size(), 6);

    error.clear();
    EXPECT_FALSE(session.openBook(dir.path(QStringLiteral("missing.tpbook")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("does not exist"))) << qPrintable(error);
    EXPECT_EQ(session.path(), book.path);
}

TEST_F(GuiSession, CancelledLoadKeepsTheCurrentBook)
{
    const auto other = test::writeSmallBook(dir.path(QStringLiteral("other.tpbook")));
    QSignalSpy cancelled(&session, &BookSession::loadCancelled);
    QSignalSpy loaded(&session, &BookSession::loaded);
    ASSERT_TRUE(session.openBook(other.path));
    session.cancelLoading();
    EXPECT_FALSE(session.waitUntilLoaded() && session.path() == other.path);
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_EQ(loaded.count(), 0);
    EXPECT_EQ(session.path(), book.path);
    EXPECT_TRUE(session.isOpen());
}

TEST_F(GuiSession, ASecondOpenBeforeTheFirstEndsWinsAndTheFirstIsNeverShown)
{
    const auto other = test::writeSmallBook(dir.path(QStringLiteral("other.tpbook")));
    const QString empty = dir.path(QStringLiteral("empty.tpbook"));
    Book::create(empty);
    QSignalSpy started(&session, &BookSession::loadingStarted);
    QSignalSpy loaded(&session, &BookSession::loaded);
    QSignalSpy cancelled(&session, &BookSession::loadCancelled);
    QSignalSpy failed(&session, &BookSession::loadFailed);
    ASSERT_TRUE(session.openBook(other.path));
    ASSERT_TRUE(session.openBook(empty));
    EXPECT_EQ(session.loadingPath(), empty);
    ASSERT_TRUE(session.waitUntilLoaded());
    EXPECT_EQ(started.count(), 2);
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(session.path(), empty);
    EXPECT_EQ(session.view()->opportunities.size(), 0);
    // The first load ends too, later or earlier; its book never replaces the newer one.
    EXPECT_FALSE(loaded.wait(500));
    EXPECT_EQ(session.path(), empty);
    EXPECT_EQ(session.view()->opportunities.size(), 0);
    EXPECT_EQ(cancelled.count(), 0);
    EXPECT_EQ(failed.count(), 0);
}

TEST_F(GuiSession, ClosingTheBookWhileAnotherOpensDropsThatOpening)
{
    const auto other = test::writeSmallBook(dir.path(QStringLiteral("other.tpbook")));
    QSignalSpy cancelled(&session, &BookSession::loadCancelled);
    QSignalSpy loaded(&session, &BookSession::loaded);
    ASSERT_TRUE(session.openBook(other.path));
    session.closeBook();
    EXPECT_FALSE(session.isLoading());
    EXPECT_FALSE(session.isOpen());
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_EQ(loaded.count(), 1); // the close
    EXPECT_FALSE(loaded.wait(500)); // the opening never arrives
    EXPECT_FALSE(session.isOpen());
    EXPECT_EQ(cancelled.count(), 1);
}

TEST_F(GuiSession, StageEditIsOneUndoableCommandWithHistory)
{
    QSignalSpy changed(&session, &BookSession::changed);
    const std::size_t history = stageHistoryCount(book.o1);
    const int acme = session.view()->accounts.indexOf(book.acme);
    ASSERT_EQ(session.view()->accounts.openAmount[std::size_t(acme)], 1'250'000);

    ASSERT_TRUE(
            session.edit(&BookEditor::setStage, only(book.o1), Stage::Won, QDate::currentDate()));
    EXPECT_EQ(session.undoStack()->count(), 1);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<BookChange>().opportunityIds(), std::vector<Id>{ book.o1 });
    Opportunity o = stored(book.o1);
    EXPECT_EQ(o.stage, Stage::Won);
    EXPECT_EQ(o.status, Status::Won);
    EXPECT_EQ(o.closedDate, QDate::currentDate());
    EXPECT_EQ(stageHistoryCount(book.o1), history + 1);
    // The view follows, including the account's open totals.
    EXPECT_EQ(session.view()->opportunities.status[std::size_t(viewRow(book.o1))],
              std::uint8_t(Status::Won));
    EXPECT_EQ(session.view()->accounts.openAmount[std::size_t(acme)], 250'000);
    EXPECT_EQ(session.view()->accounts.openCount[std::size_t(acme)], 1);

    session.undoStack()->undo();
    o = stored(book.o1);
    EXPECT_EQ(o.stage, Stage::Propose);
    EXPECT_EQ(o.status, Status::Open);
    EXPECT_FALSE(o.closedDate.isValid());
    EXPECT_EQ(stageHistoryCount(book.o1), history);
    EXPECT_EQ(session.view()->accounts.openAmount[std::size_t(acme)], 1'250'000);
    EXPECT_EQ(session.view()->accounts.openCount[std::size_t(acme)], 2);

    session.undoStack()->redo();
    EXPECT_EQ(stored(book.o1).stage, Stage::Won);
    EXPECT_EQ(stageHistoryCount(book.o1), history + 1);
    EXPECT_EQ(session.view()->accounts.openAmount[std::size_t(acme)], 250'000);
    EXPECT_EQ(changed.count(), 3);
}

TEST_F(GuiSession, PushedCloseDateIsRecordedAndUndoForgetsIt)
{
    ASSERT_EQ(closeDateChangeCount(book.o1), 0u);
    ASSERT_TRUE(session.edit(&BookEditor::setCloseDate, only(book.o1), QDate(2027, 1, 15),
                             QDate::currentDate()));
    EXPECT_EQ(stored(book.o1).closeDate, QDate(2027, 1, 15));
    EXPECT_EQ(closeDateChangeCount(book.o1), 1u);
    EXPECT_EQ(session.view()->opportunities.closeDate[std::size_t(viewRow(book.o1))],
              QDate(2027, 1, 15).toJulianDay());
    session.undoStack()->undo();
    EXPECT_EQ(stored(book.o1).closeDate, QDate(2026, 12, 15));
    EXPECT_EQ(closeDateChangeCount(book.o1), 0u);
    session.undoStack()->redo();
    EXPECT_EQ(closeDateChangeCount(book.o1), 1u);
}

TEST_F(GuiSession, AmountProbabilityAndOwnerEditsUndoExactly)
{
    ASSERT_TRUE(session.edit(&BookEditor::setAmount, book.o2, 333'333));
    ASSERT_TRUE(session.edit(&BookEditor::setProbabilityOverride, only(book.o2), std::nullopt));
    ASSERT_TRUE(session.edit(&BookEditor::setOpportunityOwner, only(book.o5), book.bob));
    EXPECT_EQ(session.undoStack()->count(), 3);
    Opportunity o2 = stored(book.o2);
    EXPECT_EQ(o2.amount, 333'333);
    EXPECT_FALSE(o2.probabilityOverride.has_value());
    EXPECT_EQ(stored(book.o5).ownerId, book.bob);
    EXPECT_EQ(session.view()->probability(viewRow(book.o2)), 1000); // Qualify's default

    session.undoStack()->undo();
    EXPECT_FALSE(stored(book.o5).ownerId.has_value());
    EXPECT_EQ(session.view()->opportunities.owner[std::size_t(viewRow(book.o5))], -1);
    session.undoStack()->undo();
    EXPECT_EQ(stored(book.o2).probabilityOverride, 4000);
    EXPECT_EQ(session.view()->probability(viewRow(book.o2)), 4000);
    session.undoStack()->undo();
    EXPECT_EQ(stored(book.o2).amount, 250'000);
    EXPECT_EQ(session.view()->opportunities.amount[std::size_t(viewRow(book.o2))], 250'000);
}

TEST_F(GuiSession, RefusedEditsLeaveTheBookAndTheStackUnchanged)
{
    QSignalSpy errors(&session, &BookSession::errorOccurred);
    EXPECT_FALSE(session.edit(&BookEditor::setAmount, book.o1, -500));
    EXPECT_FALSE(session.edit(&BookEditor::setProbabilityOverride, only(book.o1), 15000));
    EXPECT_FALSE(
            session.edit(&BookEditor::setCloseDate, only(book.o1), QDate(), QDate::currentDate()));
    EXPECT_FALSE(session.edit(&BookEditor::setOpportunityOwner, only(book.o1), 987654));
    EXPECT_FALSE(session.edit(&BookEditor::setPotential, only(book.acme), -1));
    EXPECT_FALSE(session.edit(&BookEditor::setRepCapacity, only(book.alice), -3));
    EXPECT_FALSE(
            session.edit(&BookEditor::setQuota, only(book.bob), QStringLiteral("2026-Q4"), -100));
    EXPECT_FALSE(
            session.edit(&BookEditor::setStage, only(987654), Stage::Won, QDate::currentDate()));
    EXPECT_EQ(errors.count(), 8);
    EXPECT_EQ(errors.at(0).at(0).toString(), QStringLiteral("An amount cannot be negative."));
    EXPECT_EQ(session.undoStack()->count(), 0);
    const Opportunity o1 = stored(book.o1);
    EXPECT_EQ(o1.amount, 1'000'000);
    EXPECT_FALSE(o1.probabilityOverride.has_value());
    EXPECT_EQ(o1.closeDate, QDate(2026, 12, 15));
    EXPECT_EQ(o1.ownerId, book.alice);
    auto b = Book::open(book.path);
    EXPECT_EQ(RepRepository(*b).byId(book.alice)->capacity, 2);
    EXPECT_FALSE(RepRepository(*b).quota(book.bob, QStringLiteral("2026-Q4")).has_value());
}

TEST_F(GuiSession, AnEditThatChangesNothingIsNotAnUndoStep)
{
    EXPECT_TRUE(session.edit(&BookEditor::setAmount, book.o1, 1'000'000));
    EXPECT_TRUE(session.edit(&BookEditor::setStage, only(book.o1), Stage::Propose,
                             QDate::currentDate()));
    EXPECT_TRUE(session.edit(&BookEditor::setAccountOwner, only(book.acme), book.alice, false));
    EXPECT_EQ(session.undoStack()->count(), 0);
}

TEST_F(GuiSession, RepCapacityAndQuotaEditsUndo)
{
    QSignalSpy changed(&session, &BookSession::changed);
    const auto count = [&](ChangeAspect aspect) {
        int n = 0;
        for (const QList<QVariant> &signal : changed)
            n += signal.at(0).value<BookChange>().aspects().testFlag(aspect) ? 1 : 0;
        return n;
    };
    const QString q4 = QStringLiteral("2026-Q4");

    ASSERT_TRUE(session.edit(&BookEditor::setRepCapacity, only(book.bob), 7));
    ASSERT_TRUE(session.edit(&BookEditor::setQuota, only(book.alice), q4, 4'000'000));
    ASSERT_TRUE(session.edit(&BookEditor::setQuota, only(book.bob), q4, 10'000));
    EXPECT_EQ(count(ChangeAspect::Reps), 1);
    EXPECT_EQ(count(ChangeAspect::Quotas), 2);
    {
        auto b = Book::open(book.path);
        RepRepository reps(*b);
        EXPECT_EQ(reps.byId(book.bob)->capacity, 7);
        EXPECT_EQ(reps.quota(book.alice, q4), 4'000'000);
        EXPECT_EQ(reps.quota(book.bob, q4), 10'000);
    }
    EXPECT_EQ(session.view()->reps[std::size_t(session.view()->repIndex(book.bob))].capacity, 7);

    session.undoStack()->setIndex(0);
    auto b = Book::open(book.path);
    RepRepository reps(*b);
    EXPECT_FALSE(reps.byId(book.bob)->capacity.has_value());
    EXPECT_EQ(reps.quota(book.alice, q4), 3'000'000);
    EXPECT_FALSE(reps.quota(book.bob, q4).has_value());
    EXPECT_FALSE(session.view()
                         ->reps[std::size_t(session.view()->repIndex(book.bob))]
                         .capacity.has_value());
}

TEST_F(GuiSession, AccountEditsUndo)
{
    ASSERT_TRUE(session.edit(&BookEditor::setPotential, only(book.globex), 123'450));
    ASSERT_TRUE(session.edit(&BookEditor::setAccountOwner, only(book.initech), book.alice, false));
    const int globex = session.view()->accounts.indexOf(book.globex);
    bool derived = true;
    EXPECT_EQ(session.view()->accounts.revenuePotential(globex, &derived), 123'450);
    EXPECT_FALSE(derived);
    session.undoStack()->undo();
    session.undoStack()->undo();
    EXPECT_EQ(session.view()->accounts.revenuePotential(globex, &derived), 700'000);
    EXPECT_TRUE(derived);
    auto b = Book::open(book.path);
    EXPECT_FALSE(AccountRepository(*b).byId(book.globex)->potential.has_value());
    EXPECT_FALSE(AccountRepository(*b).byId(book.initech)->ownerId.has_value());
}

// Edits composed into one change (BookChange::mergeWith) are one transaction and one undo step.
TEST_F(GuiSession, SeveralEditsInOneChangeAreOneUndoStep)
{
    ASSERT_TRUE(session.edit([&](BookEditor &editor) {
        BookChange change = editor.setAmount(book.o1, 1);
        change.mergeWith(editor.setAmount(book.o2, 2));
        return change;
    }));
    EXPECT_EQ(stored(book.o1).amount, 1);
    EXPECT_EQ(stored(book.o2).amount, 2);
    EXPECT_EQ(session.undoStack()->count(), 1);
    session.undoStack()->undo();
    EXPECT_EQ(stored(book.o1).amount, 1'000'000);
    EXPECT_EQ(stored(book.o2).amount, 250'000);
}

TEST_F(GuiSession, SavesACopy)
{
    const QString copy = dir.path(QStringLiteral("copy.tpbook"));
    QString error;
    ASSERT_TRUE(session.saveCopyAs(copy, &error)) << qPrintable(error);
    auto b = Book::open(copy);
    EXPECT_EQ(OpportunityRepository(*b).count(), 6);
    EXPECT_FALSE(session.saveCopyAs(copy, &error)); // never overwrites
    EXPECT_FALSE(error.isEmpty());
}

} // namespace

// A selection is one edit: one transaction, one undo step, one changed() however many rows; a
// batch the book refuses in part changes nothing, pushes nothing and says nothing changed.
TEST_F(GuiSession, ASelectionIsOneEditOneStepOneSignal)
{
    QSignalSpy changed(&session, &BookSession::changed);
    const std::vector<Id> deals{ book.o1, book.o2, book.o3 };
    ASSERT_TRUE(session.edit(&BookEditor::markLost, deals, QStringLiteral("Budget cut"),
                             QDate::currentDate()));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<BookChange>().opportunityIds(), deals);
    EXPECT_EQ(session.undoStack()->count(), 1);
    for (const Id id : deals)
        EXPECT_EQ(stored(id).status, Status::Lost);

    session.undoStack()->undo();
    EXPECT_EQ(changed.count(), 2);
    for (const Id id : deals)
        EXPECT_EQ(stored(id).status, Status::Open);

    const std::vector<Id> withAMissingOne{ book.o1, 987654 };
    EXPECT_FALSE(
            session.edit(&BookEditor::markLost, withAMissingOne, QString(), QDate::currentDate()));
    EXPECT_EQ(changed.count(), 2);
    EXPECT_EQ(session.undoStack()->count(), 1) << "the undone step stays for redo";
    EXPECT_EQ(stored(book.o1).status, Status::Open);
    EXPECT_EQ(session.view()->opportunities.status[std::size_t(viewRow(book.o1))],
              std::uint8_t(Status::Open));
}

// Edits stay in the book's log while the user works; once they pause, a worker copies them into
// the book (a passive checkpoint), so no edit waits for it and the file catches up.
TEST_F(GuiSession, EditsReachTheBookFileOnceTheUserPauses)
{
    Book::checkpoint(book.path);
    const auto amountInTheFile = [&] {
        sql::Database file(book.path, sql::Database::Mode::Immutable);
        auto st = file.prepare("SELECT amount FROM opportunities WHERE id = ?");
        st.bind(1, book.o2);
        return st.step() ? st.int64(0) : -1;
    };
    ASSERT_NE(amountInTheFile(), 987'654);
    ASSERT_TRUE(session.edit(&BookEditor::setAmount, book.o2, 987'654));
    EXPECT_NE(amountInTheFile(), 987'654) << "not before the pause";
    QElapsedTimer waited;
    waited.start();
    while (amountInTheFile() != 987'654 && waited.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    EXPECT_EQ(amountInTheFile(), 987'654);
}
