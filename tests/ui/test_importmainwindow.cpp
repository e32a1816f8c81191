// The main window's import: File ▸ Import CSV… and Undo Last Import, CSV files dropped on the
// window, and the wizard's pages rendered for the documentation.
#include "importtesting.h"
#include "uitestbook.h"

#include "edits/bookeditor.h"
#include "import/importactions.h"
#include "import/importjob.h"
#include "import/importplan.h"
#include "import/importrunpage.h"
#include "import/importscreenshots.h"
#include "import/importstep.h"
#include "import/importwizard.h"
#include "import/previewpage.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/scopebar.h"
#include "models/booktablemodel.h"
#include "pages/opportunities/opportunitiespage.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/book.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>

using namespace tp;
using tp::ui::ImportWizard;
using tp::ui::TablePage;

namespace {

class GuiImportMainWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        window = std::make_unique<ui::MainWindow>();
        window->setInteractive(false);
        ASSERT_TRUE(window->openBook(book.path));
        ASSERT_TRUE(window->session()->waitUntilLoaded());
    }

    // Imports tests/data/import/quotas.csv through the wizard and waits for the view's reload.
    // It adds reps, among them Avery Chen, who sorts before Bob Baker.
    void importQuotas() { importFile(test::importSample("quotas.csv")); }
    void importFile(const QString &file)
    {
        ImportWizard *wizard = window->importActions()->openWizard(file);
        ASSERT_NE(wizard, nullptr);
        ASSERT_TRUE(wizard->plan()->waitUntilAnalysed());
        wizard->next();
        wizard->next();
        ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
        ASSERT_TRUE(wizard->previewPage()->job()->waitForFinished());
        wizard->next();
        ASSERT_TRUE(wizard->importPage()->job()->waitForFinished());
        ASSERT_TRUE(window->session()->waitUntilLoaded());
        wizard->accept();
    }

    // Undo or Redo, then waits for the import's step and the view's reload.
    void trigger(QAction *action)
    {
        ASSERT_TRUE(action->isEnabled());
        action->trigger();
        ASSERT_TRUE(window->importActions()->step()->waitForFinished());
        ASSERT_TRUE(window->session()->waitUntilLoaded());
    }

    int repIndex(Id rep) const { return window->session()->view()->repIndex(rep); }

    QDropEvent drop(const QMimeData &mime)
    {
        return QDropEvent(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<ui::MainWindow> window;
};

TEST_F(GuiImportMainWindow, TheFileMenuImportsAndUndoesTheLastImport)
{
    QMenu *file = window->menuBar()->actions().at(0)->menu();
    ASSERT_NE(file, nullptr);
    QAction *import = window->importActions()->importAction();
    EXPECT_TRUE(file->actions().contains(import));
    EXPECT_TRUE(file->actions().contains(window->importActions()->undoImportAction()));
    EXPECT_EQ(import->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    EXPECT_TRUE(import->isEnabled());
    EXPECT_FALSE(window->importActions()->undoImportAction()->isEnabled());
    import->trigger();
    ImportWizard *wizard = window->importActions()->wizard();
    ASSERT_NE(wizard, nullptr);
    EXPECT_EQ(wizard->currentId(), ImportWizard::FilePageId);
    wizard->reject();
    EXPECT_EQ(window->importActions()->wizard(), nullptr);
}

TEST_F(GuiImportMainWindow, SaysWhatAnImportAndItsUndoDidInTheStatusBar)
{
    ASSERT_NO_FATAL_FAILURE(importQuotas());
    EXPECT_EQ(window->statusBar()->currentMessage(), QStringLiteral("Imported quotas.csv."));
    EXPECT_EQ(window->windowTitle(), QStringLiteral("small.tpbook"));

    window->undoAction()->trigger();
    ASSERT_TRUE(window->importActions()->step()->waitForFinished());
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Undid the import of quotas.csv."));
    EXPECT_TRUE(window->redoAction()->isEnabled());
}

TEST_F(GuiImportMainWindow, AnImportsUndoRunsInTheBackgroundAndTheStackMovesWhenItIsDone)
{
    ASSERT_NO_FATAL_FAILURE(importQuotas());
    ui::BookSession *session = window->session();
    QUndoStack *stack = session->undoStack();
    ASSERT_EQ(stack->index(), 1);
    QSignalSpy errors(session, &ui::BookSession::errorOccurred);
    auto *progress = window->statusBar()->findChild<QProgressBar *>();
    auto *cancel = window->statusBar()->findChild<QToolButton *>(QStringLiteral("StatusCancel"));
    ASSERT_NE(progress, nullptr);
    ASSERT_NE(cancel, nullptr);

    window->undoAction()->trigger();
    // Started, not done: the stack has not moved, and what would change the book waits.
    ui::ImportStep *step = window->importActions()->step();
    ASSERT_TRUE(step->isRunning());
    EXPECT_EQ(stack->index(), 1);
    EXPECT_EQ(stack->count(), 1);
    EXPECT_FALSE(window->undoAction()->isEnabled());
    EXPECT_FALSE(window->redoAction()->isEnabled());
    EXPECT_FALSE(window->importActions()->importAction()->isEnabled());
    EXPECT_FALSE(window->importActions()->undoImportAction()->isEnabled());
    const QString waiting = QStringLiteral(
            "Undoing the import of quotas.csv… Edits, Undo and Redo wait until it is done.");
    EXPECT_EQ(window->statusBar()->currentMessage(), waiting);
    EXPECT_EQ(window->undoAction()->statusTip(), waiting);
    EXPECT_TRUE(progress->isVisibleTo(window.get()));
    EXPECT_FALSE(cancel->isVisibleTo(window.get())); // an undo is one short transaction
    EXPECT_FALSE(session->edit(&BookEditor::setQuota, only(book.bob), QStringLiteral("2026-Q4"),
                               Minor(1'000'000)));
    ASSERT_EQ(errors.count(), 1);
    EXPECT_EQ(errors.at(0).at(0).toString(),
              QStringLiteral("The import of quotas.csv is being undone: edits wait until it is "
                             "done."));
    // Reading goes on: another scope is evaluated, the funnel's activities read from the book.
    test::choose(window->scopeBar()->repCombo(), repIndex(book.alice));
    EXPECT_EQ(window->scope()->repIndex(), repIndex(book.alice));
    EXPECT_EQ(errors.count(), 1);

    ASSERT_TRUE(step->waitForFinished());
    EXPECT_EQ(stack->index(), 0);
    EXPECT_EQ(stack->count(), 1);
    EXPECT_TRUE(window->redoAction()->isEnabled());
    EXPECT_TRUE(window->importActions()->importAction()->isEnabled());
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Undid the import of quotas.csv."));
    ASSERT_TRUE(session->waitUntilLoaded());
    EXPECT_FALSE(progress->isVisibleTo(window.get()));
    EXPECT_TRUE(session->edit(&BookEditor::setQuota, only(book.bob), QStringLiteral("2026-Q4"),
                              Minor(1'000'000)));
    EXPECT_EQ(errors.count(), 1);
}

TEST_F(GuiImportMainWindow, ARedoIsCancelledFromTheStatusBar)
{
    const QString big = dir.path(QStringLiteral("big.csv"));
    test::writeBigReport(big, 20000);
    ASSERT_NO_FATAL_FAILURE(importFile(big));
    ASSERT_NO_FATAL_FAILURE(trigger(window->undoAction()));
    const QString before = test::dumpBook(book.path, { QStringLiteral("import_mappings") });
    QUndoStack *stack = window->session()->undoStack();
    ASSERT_EQ(stack->count(), 1);
    QSignalSpy errors(window->session(), &ui::BookSession::errorOccurred);

    window->redoAction()->trigger();
    auto *cancel = window->statusBar()->findChild<QToolButton *>(QStringLiteral("StatusCancel"));
    ASSERT_NE(cancel, nullptr);
    ASSERT_TRUE(cancel->isVisibleTo(window.get()));
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Importing big.csv again… Edits, Undo and Redo wait until it is "
                             "done."));
    cancel->click();
    EXPECT_FALSE(cancel->isVisibleTo(window.get()));
    ASSERT_TRUE(window->importActions()->step()->waitForFinished());
    EXPECT_EQ(stack->count(), 0); // as ever, a cancelled redo leaves the history
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("cancelled")));
    EXPECT_EQ(test::dumpBook(book.path, { QStringLiteral("import_mappings") }), before);
    EXPECT_TRUE(window->importActions()->importAction()->isEnabled());
}

TEST_F(GuiImportMainWindow, TheWindowStaysLiveWhileARedoWaitsForTheBook)
{
    ASSERT_NO_FATAL_FAILURE(importQuotas());
    ASSERT_NO_FATAL_FAILURE(trigger(window->undoAction()));
    window->show();
    ui::ImportStep *step = window->importActions()->step();
    QSignalSpy finished(step, &ui::ImportStep::finished);
    {
        // Another program holds the book for a while: the redo waits for it, in the background.
        auto other = Book::open(book.path);
        other->db().exec("BEGIN IMMEDIATE");
        window->redoAction()->trigger();
        ASSERT_TRUE(step->isRunning());
        EXPECT_FALSE(finished.wait(300)); // the window's events go on meanwhile
        ASSERT_TRUE(step->isRunning());
        EXPECT_EQ(window->session()->undoStack()->index(), 0);
        EXPECT_EQ(window->statusBar()->currentMessage(),
                  QStringLiteral("Importing quotas.csv again… Edits, Undo and Redo wait until it "
                                 "is done."));
        auto *cancel =
                window->statusBar()->findChild<QToolButton *>(QStringLiteral("StatusCancel"));
        ASSERT_NE(cancel, nullptr);
        EXPECT_TRUE(cancel->isVisible());
        EXPECT_FALSE(window->undoAction()->isEnabled());
        EXPECT_FALSE(window->redoAction()->isEnabled());
        test::shootSizesAndSchemes(*window, QStringLiteral("import-redo-running"));
        EXPECT_FALSE(window->session()->edit(&BookEditor::setQuota, only(book.bob),
                                             QStringLiteral("2026-Q4"), Minor(1'000'000)));
        EXPECT_EQ(window->statusBar()->currentMessage(),
                  QStringLiteral("quotas.csv is being imported again: edits wait until it is "
                                 "done."));
        test::shootSizesAndSchemes(*window, QStringLiteral("import-redo-edit-waits"));
        // That message passes (as after its 10 seconds); the step's comes back, not nothing.
        window->statusBar()->clearMessage();
        EXPECT_EQ(window->statusBar()->currentMessage(),
                  QStringLiteral("Importing quotas.csv again… Edits, Undo and Redo wait until it "
                                 "is done."));
        ASSERT_TRUE(step->isRunning());
        other->db().exec("ROLLBACK");
    }
    ASSERT_TRUE(step->waitForFinished());
    EXPECT_EQ(window->session()->undoStack()->index(), 1);
    EXPECT_EQ(window->statusBar()->currentMessage(), QStringLiteral("Imported quotas.csv again."));
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    EXPECT_TRUE(window->undoAction()->isEnabled());
}

TEST_F(GuiImportMainWindow, OpeningAnotherBookWhileAnImportIsUndoneLeavesThatStepBehind)
{
    ASSERT_NO_FATAL_FAILURE(importQuotas());
    const auto other = test::writeSmallBook(dir.path(QStringLiteral("other.tpbook")));
    window->undoAction()->trigger();
    ASSERT_TRUE(window->importActions()->step()->isRunning());
    ASSERT_TRUE(window->openBook(other.path));
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    // The step went with its book's history; the other book takes edits at once.
    EXPECT_FALSE(window->importActions()->step()->isRunning());
    EXPECT_EQ(window->session()->undoStack()->count(), 0);
    EXPECT_TRUE(window->importActions()->importAction()->isEnabled());
    EXPECT_TRUE(window->session()->edit(&BookEditor::setQuota, only(other.bob),
                                        QStringLiteral("2026-Q4"), Minor(1'000'000)));
    EXPECT_TRUE(window->undoAction()->isEnabled());
}

TEST_F(GuiImportMainWindow, AnImportItsUndoAndRedoKeepTheScopeAndThePageFilters)
{
    ui::ScopeBar *bar = window->scopeBar();
    test::choose(bar->repCombo(), repIndex(book.bob));
    test::choose(bar->territoryCombo(), window->session()->view()->territoryIndex(book.south));
    const QString period = bar->periodCombo()->itemData(0).toString();
    test::choose(bar->periodCombo(), period);
    auto *page = qobject_cast<ui::OpportunitiesPage *>(
            window->tablePage(QStringLiteral("opportunities")));
    ASSERT_NE(page, nullptr);
    test::choose(page->ownerFilter(), repIndex(book.bob));
    test::choose(page->statusFilter(), int(Status::Open));
    ASSERT_EQ(page->model()->rowCount(), 1); // O3 Globex pilot
    ASSERT_EQ(repIndex(book.bob), 1);

    const auto expectBobInSouth = [&](const char *after) {
        SCOPED_TRACE(after);
        const int bob = repIndex(book.bob);
        EXPECT_EQ(window->scope()->repIndex(), bob);
        EXPECT_EQ(bar->repCombo()->currentText(), QStringLiteral("Bob Baker"));
        EXPECT_EQ(window->scope()->territoryIndex(),
                  window->session()->view()->territoryIndex(book.south));
        EXPECT_EQ(bar->territoryCombo()->currentText(), QStringLiteral("South"));
        EXPECT_EQ(bar->periodCombo()->currentData().toString(), period);
        EXPECT_EQ(page->model()->filter().scopeRep, bob);
        EXPECT_EQ(page->ownerFilter()->currentText(), QStringLiteral("Bob Baker"));
        EXPECT_EQ(page->model()->filter().owner, bob);
        EXPECT_EQ(page->statusFilter()->currentData().toInt(), int(Status::Open));
        EXPECT_EQ(page->model()->rowCount(), 1);
    };
    importQuotas();
    ASSERT_EQ(repIndex(book.bob), 2); // Avery Chen came before him
    expectBobInSouth("the import");
    trigger(window->undoAction());
    ASSERT_EQ(repIndex(book.bob), 1);
    expectBobInSouth("its undo");
    trigger(window->redoAction());
    ASSERT_EQ(repIndex(book.bob), 2);
    expectBobInSouth("its redo");
}

TEST_F(GuiImportMainWindow, AScopedRepThatAnUndoRemovesFallsBackToAllReps)
{
    importQuotas();
    ui::ScopeBar *bar = window->scopeBar();
    const int avery = bar->repCombo()->findText(QStringLiteral("Avery Chen"));
    ASSERT_GE(avery, 0);
    test::choose(bar->repCombo(), bar->repCombo()->itemData(avery));
    test::choose(bar->territoryCombo(), window->session()->view()->territoryIndex(book.north));
    TablePage *page = window->tablePage(QStringLiteral("opportunities"));
    EXPECT_EQ(page->model()->rowCount(), 0); // Avery owns nothing yet

    trigger(window->undoAction());
    EXPECT_EQ(bar->repCombo()->findText(QStringLiteral("Avery Chen")), -1);
    EXPECT_EQ(window->scope()->repIndex(), -1);
    EXPECT_EQ(bar->repCombo()->currentText(), QStringLiteral("All reps"));
    EXPECT_EQ(page->model()->filter().scopeRep, -1);
    EXPECT_EQ(bar->territoryCombo()->currentText(), QStringLiteral("North"));
    EXPECT_EQ(page->model()->rowCount(), 4); // O1, O2, O5, O6: North's accounts
}

TEST_F(GuiImportMainWindow, ACsvDroppedOnTheWindowOpensTheWizardOnIt)
{
    window->show();
    QMimeData text;
    text.setUrls({ QUrl::fromLocalFile(dir.path(QStringLiteral("notes.pdf"))) });
    QDragEnterEvent refused(QPoint(100, 100), Qt::CopyAction, &text, Qt::LeftButton,
                            Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &refused);
    EXPECT_FALSE(refused.isAccepted());

    QMimeData csv;
    csv.setUrls({ QUrl::fromLocalFile(test::importSample("salesforce-report.csv")) });
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &csv, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent dropped = drop(csv);
    QCoreApplication::sendEvent(window.get(), &dropped);
    EXPECT_TRUE(dropped.isAccepted());
    ImportWizard *wizard = window->importActions()->wizard();
    ASSERT_NE(wizard, nullptr);
    EXPECT_TRUE(wizard->plan()->filePath().endsWith(QStringLiteral("salesforce-report.csv")));
    EXPECT_EQ(wizard->currentId(), ImportWizard::PresetPageId);
    wizard->plan()->waitUntilAnalysed();
    wizard->reject();
}

TEST_F(GuiImportMainWindow, RendersTheWizardsPagesWithoutImporting)
{
    const QString before = test::dumpBook(book.path);
    const QString shots = dir.path(QStringLiteral("shots"));
    QString error;
    ASSERT_TRUE(ui::saveImportScreenshots(*window, test::importSample("salesforce-quirks.csv"),
                                          shots, &error))
            << qPrintable(error);
    for (const char *name :
         { "import-file", "import-preset", "import-mapping", "import-preview" }) {
        const QImage image(
                QDir(shots).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
        ASSERT_FALSE(image.isNull()) << name;
        EXPECT_EQ(image.size(), QSize(960, 720) * image.devicePixelRatio()) << name;
    }
    EXPECT_EQ(test::dumpBook(book.path), before); // it imported into a copy
    EXPECT_EQ(window->importActions()->wizard(), nullptr);
    EXPECT_EQ(window->session()->undoStack()->count(), 0);
}

} // namespace
