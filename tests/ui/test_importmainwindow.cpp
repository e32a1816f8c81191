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
#include "session/booksession.h"

#include <QAction>
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
    ImportWizard *wizard = window->importActions()->openWizard(test::importSample("quotas.csv"));
    ASSERT_NE(wizard, nullptr);
    ASSERT_TRUE(wizard->plan()->waitUntilAnalysed());
    wizard->next();
    wizard->next();
    ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
    ASSERT_TRUE(wizard->previewPage()->job()->waitForFinished());
    wizard->next();
    ASSERT_TRUE(wizard->importPage()->job()->waitForFinished());
    ASSERT_TRUE(window->session()->waitUntilLoaded()); // the reload after the import
    EXPECT_EQ(window->statusBar()->currentMessage(), QStringLiteral("Imported quotas.csv."));
    EXPECT_EQ(window->windowTitle(), QStringLiteral("small.tpbook"));
    wizard->accept();

    window->undoAction()->trigger();
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Undid the import of quotas.csv."));
    EXPECT_TRUE(window->redoAction()->isEnabled());
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
