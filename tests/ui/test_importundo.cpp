// A committed import on the undo stack: undo puts the book back exactly, redo imports the same
// file again, or leaves the history when that cannot be done faithfully.
#include "importtesting.h"

#include "import/importer.h"
#include "import/importplan.h"
#include "import/importstep.h"
#include "import/importwizard.h"
#include "storage/book.h"

#include <QAction>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUndoStack>

using namespace tp;
using tp::ui::ImportWizard;

namespace {

class GuiImportUndo : public test::ImportTest
{
protected:
    // Imports `file` through the wizard; true when it committed.
    bool importThroughWizard(const QString &file)
    {
        ImportWizard *wizard = openWizard(file);
        if (!wizard || !toPreview(wizard))
            return false;
        const bool ok = commit(wizard);
        wizard->accept();
        return ok;
    }
};

TEST_F(GuiImportUndo, UndoRestoresTheBookAndRedoImportsTheSameFileAgain)
{
    // A book with data of its own, which the import updates and adds to.
    ASSERT_TRUE(importThroughWizard(test::importSample("salesforce-report.csv")));
    const QString before = test::dumpBook(bookPath, { QStringLiteral("import_mappings") });
    QUndoStack *stack = session->undoStack();
    ASSERT_EQ(stack->count(), 1);

    ASSERT_TRUE(importThroughWizard(test::importSample("salesforce-report-week2.csv")));
    const QString after = test::dumpBook(bookPath, { QStringLiteral("import_mappings") });
    ASSERT_NE(after, before);
    ASSERT_EQ(stack->count(), 2);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Import salesforce-report-week2.csv"));
    const int opportunitiesAfter = session->opportunityCount();

    // Undo Last Import is the stack's undo.
    ASSERT_TRUE(actions->undoImportAction()->isEnabled());
    actions->undoImportAction()->trigger();
    ASSERT_TRUE(actions->step()->waitForFinished());
    ASSERT_TRUE(session->waitUntilLoaded());
    EXPECT_EQ(test::dumpBook(bookPath, { QStringLiteral("import_mappings") }), before);
    EXPECT_EQ(stack->index(), 1);
    EXPECT_EQ(stack->redoText(), QStringLiteral("Import salesforce-report-week2.csv"));
    EXPECT_EQ(session->opportunityCount(), 200);

    ASSERT_TRUE(importStep(true));
    EXPECT_EQ(stack->index(), 2);
    // The same rows, ids and history; only the import's start time differs.
    EXPECT_EQ(test::dumpBook(bookPath,
                             { QStringLiteral("import_mappings"), QStringLiteral("imports") }),
              QString(after).remove(QRegularExpression(QStringLiteral("## imports\n[^#]*"))));
    EXPECT_EQ(session->opportunityCount(), opportunitiesAfter);

    // Both undone: the empty book of the start, but for the remembered mappings.
    ASSERT_TRUE(importStep(false));
    ASSERT_TRUE(importStep(false));
    auto book = Book::open(bookPath);
    auto st = book->db().prepare("SELECT (SELECT count(*) FROM opportunities) + "
                                 "(SELECT count(*) FROM imports) + (SELECT count(*) FROM reps)");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 0);
    EXPECT_FALSE(actions->undoImportAction()->isEnabled());
}

TEST_F(GuiImportUndo, ARedoOfAFileThatChangedIsRefusedAndLeavesTheHistory)
{
    const QString copy = dir.path(QStringLiteral("deals.csv"));
    ASSERT_TRUE(QFile::copy(test::importSample("salesforce-report.csv"), copy));
    const QString before = test::dumpBook(bookPath, { QStringLiteral("import_mappings") });
    ASSERT_TRUE(importThroughWizard(copy));
    QUndoStack *stack = session->undoStack();
    ASSERT_TRUE(importStep(false));
    {
        QFile f(copy);
        ASSERT_TRUE(f.open(QIODevice::Append));
        f.write("\n");
    }
    QSignalSpy errors(session.get(), &ui::BookSession::errorOccurred);
    ASSERT_TRUE(importStep(true));
    EXPECT_EQ(stack->count(), 0); // dropped: nothing faithful to redo
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("has changed")));
    EXPECT_EQ(test::dumpBook(bookPath, { QStringLiteral("import_mappings") }), before);
}

TEST_F(GuiImportUndo, ARedoCanBeCancelledAndThenLeavesTheHistory)
{
    const QString big = dir.path(QStringLiteral("big.csv"));
    test::writeBigReport(big, 20000);
    const QString before = test::dumpBook(bookPath, { QStringLiteral("import_mappings") });
    ASSERT_TRUE(importThroughWizard(big));
    QUndoStack *stack = session->undoStack();
    ASSERT_TRUE(importStep(false));
    ASSERT_EQ(test::dumpBook(bookPath, { QStringLiteral("import_mappings") }), before);

    // The redo runs in the background, and can be cancelled meanwhile (the main window's
    // status bar has the button: GuiImportMainWindow.ARedoIsCancelledFromTheStatusBar).
    QSignalSpy errors(session.get(), &ui::BookSession::errorOccurred);
    ASSERT_TRUE(actions->startStep(true));
    ASSERT_TRUE(actions->step()->isRunning());
    ASSERT_TRUE(actions->step()->canCancel());
    actions->step()->cancel();
    EXPECT_FALSE(actions->step()->canCancel()); // once is enough
    ASSERT_TRUE(actions->step()->waitForFinished());
    EXPECT_EQ(stack->count(), 0);
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("cancelled")));
    EXPECT_EQ(test::dumpBook(bookPath, { QStringLiteral("import_mappings") }), before);
}

TEST_F(GuiImportUndo, AnImportThatIsNotTheLastCannotBeUndoneAndIsDropped)
{
    ASSERT_TRUE(importThroughWizard(test::importSample("quotas.csv")));
    {
        // Another program imports into the same book meanwhile.
        auto book = Book::open(bookPath);
        ASSERT_TRUE(
                crm::importFile(*book, test::importSample("salesforce-report.csv"), {}).committed);
    }
    QSignalSpy errors(session.get(), &ui::BookSession::errorOccurred);
    ASSERT_TRUE(importStep(false));
    EXPECT_EQ(session->undoStack()->count(), 0);
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("most recent import")));
}

TEST_F(GuiImportUndo, AnUndoThatFailsLeavesTheStackAsItWasAndCanBeTriedAgain)
{
    ASSERT_TRUE(importThroughWizard(test::importSample("quotas.csv")));
    const QString imported = test::dumpBook(bookPath);
    QUndoStack *stack = session->undoStack();
    // The job opens the book by its name: with the file gone, the undo cannot be done.
    const QString away = bookPath + QStringLiteral(".away");
    ASSERT_TRUE(QFile::rename(bookPath, away));
    QSignalSpy errors(session.get(), &ui::BookSession::errorOccurred);
    ASSERT_TRUE(importStep(false));
    EXPECT_EQ(stack->index(), 1);
    EXPECT_EQ(stack->count(), 1);
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().startsWith(
            QStringLiteral("Cannot undo the import of quotas.csv: ")))
            << errors.at(0).at(0).toString().toStdString();
    EXPECT_TRUE(actions->undoImportAction()->isEnabled());

    ASSERT_TRUE(QFile::rename(away, bookPath));
    EXPECT_EQ(test::dumpBook(bookPath), imported);
    ASSERT_TRUE(importStep(false));
    EXPECT_EQ(stack->index(), 0);
    EXPECT_EQ(errors.count(), 1);
    EXPECT_NE(test::dumpBook(bookPath), imported);
}

TEST_F(GuiImportUndo, AnImportUndoneAroundItsStepLeavesTheHistoryAndTheBookAsItIs)
{
    ASSERT_TRUE(importThroughWizard(test::importSample("quotas.csv")));
    const QString imported = test::dumpBook(bookPath);
    // QUndoStack::undo() called directly writes nothing: the step cannot follow the book.
    session->undoStack()->undo();
    EXPECT_EQ(session->undoStack()->count(), 0);
    EXPECT_EQ(test::dumpBook(bookPath), imported);
}

} // namespace
