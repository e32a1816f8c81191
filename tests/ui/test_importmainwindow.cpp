// The main window's import: File ▸ Import CSV… and Undo Last Import, CSV files dropped on the
// window, and the wizard's pages rendered for the documentation.
#include "importtesting.h"
#include "uitestbook.h"

#include "import/importactions.h"
#include "import/importjob.h"
#include "import/importplan.h"
#include "import/importrunpage.h"
#include "import/importscreenshots.h"
#include "import/importwizard.h"
#include "import/previewpage.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/scopebar.h"
#include "models/booktablemodel.h"
#include "pages/opportunities/opportunitiespage.h"
#include "session/booksession.h"
#include "session/scopestate.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QStatusBar>
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
    void importQuotas()
    {
        ImportWizard *wizard =
                window->importActions()->openWizard(test::importSample("quotas.csv"));
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

    // Undo or Redo, then waits for the view's reload.
    void trigger(QAction *action)
    {
        ASSERT_TRUE(action->isEnabled());
        action->trigger();
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
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Undid the import of quotas.csv."));
    EXPECT_TRUE(window->redoAction()->isEnabled());
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
