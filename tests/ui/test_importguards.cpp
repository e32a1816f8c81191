// What the main window guards (issue 16): undoing an import asks first when edits made after it
// would be lost (item 6), and a book that can only be read says so and takes no import
// (item 10).
#include "importtesting.h"
#include "uitestbook.h"

#include "import/importactions.h"
#include "import/importjob.h"
#include "import/importplan.h"
#include "import/importrunpage.h"
#include "import/importstep.h"
#include "import/importwizard.h"
#include "import/previewpage.h"
#include "mainwindow/infobanner.h"
#include "mainwindow/mainwindow.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "style/colorscheme.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <functional>

using namespace tp;
using tp::ui::ImportWizard;
using tp::ui::MainWindow;

namespace {

class GuiImportUndoAsks : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        bookPath = dir.path(QStringLiteral("import.tpbook"));
        window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        window->show();
        QApplication::setActiveWindow(window.get());
        ASSERT_TRUE(window->createBook(bookPath));
        ASSERT_TRUE(window->session()->waitUntilLoaded());
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }

    void importReport()
    {
        ImportWizard *wizard =
                window->importActions()->openWizard(test::importSample("salesforce-report.csv"));
        ASSERT_NE(wizard, nullptr);
        ASSERT_TRUE(wizard->plan()->waitUntilAnalysed());
        wizard->next();
        wizard->next();
        ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
        ASSERT_TRUE(wizard->previewPage()->job()->waitForFinished());
        wizard->next();
        ASSERT_TRUE(wizard->importPage()->job()->waitForFinished());
        ASSERT_TRUE(wizard->importPage()->wasCommitted());
        ASSERT_TRUE(window->session()->waitUntilLoaded());
        wizard->accept();
    }

    // Another program (the command line, another window) edits two of the deals the import
    // made.
    void editTwoImportedDealsElsewhere()
    {
        auto book = Book::open(bookPath);
        book->db().exec("UPDATE opportunities SET amount = amount + 100 WHERE id IN "
                        "(SELECT id FROM opportunities ORDER BY id LIMIT 2)");
    }

    // Triggers `action`; `answer` reads the question and clicks one of its buttons. False when
    // no question came.
    bool triggerAnswering(QAction *action,
                          const std::function<QAbstractButton *(QMessageBox &)> &answer)
    {
        bool asked = false;
        QTimer::singleShot(0, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = true;
            question = box->text();
            details = box->informativeText();
            defaultText = box->defaultButton() ? box->defaultButton()->text() : QString();
            if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS");
                !shots.isEmpty()) {
                for (const auto scheme : { ui::ColorScheme::Dark, ui::ColorScheme::Light }) {
                    ui::ColorSchemeFollower::apply(scheme);
                    QApplication::processEvents();
                    box->grab().save(QStringLiteral("%1/undo-import-prompt-%2.png")
                                             .arg(shots,
                                                  scheme == ui::ColorScheme::Dark
                                                          ? QStringLiteral("dark")
                                                          : QStringLiteral("light")));
                }
            }
            if (QAbstractButton *button = answer(*box))
                button->click();
        });
        action->trigger();
        window->importActions()->step()->waitForFinished();
        window->session()->waitUntilLoaded();
        return asked;
    }

    static QAbstractButton *keep(QMessageBox &box)
    {
        return box.findChild<QPushButton *>(QStringLiteral("keepEverything"));
    }
    static QAbstractButton *undoAnyway(QMessageBox &box)
    {
        return box.findChild<QPushButton *>(QStringLiteral("undoAnyway"));
    }

    qint64 opportunities()
    {
        auto book = Book::open(bookPath);
        auto st = book->db().prepare("SELECT count(*) FROM opportunities");
        return st.step() ? st.int64(0) : -1;
    }

    test::TempDir dir;
    QString bookPath;
    std::unique_ptr<MainWindow> window;
    QString question, details, defaultText;
};

TEST_F(GuiImportUndoAsks, KeepingEverythingLeavesTheBookAndTheHistory)
{
    importReport();
    editTwoImportedDealsElsewhere();
    const QString before = test::dumpBook(bookPath);
    QUndoStack *stack = window->session()->undoStack();
    ASSERT_EQ(stack->index(), 1);

    // Edit ▸ Undo asks, names the edits, and keeps everything unless told otherwise.
    EXPECT_TRUE(triggerAnswering(window->undoAction(), keep));
    EXPECT_EQ(question,
              QStringLiteral("Undoing the import of salesforce-report.csv would lose 2 "
                             "edits made after it."));
    EXPECT_TRUE(details.contains(QStringLiteral("changed since, would be deleted")))
            << details.toStdString();
    EXPECT_EQ(defaultText, QStringLiteral("&Keep Everything"));
    EXPECT_EQ(stack->index(), 1);
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(test::dumpBook(bookPath), before);

    // So does File ▸ Undo Last Import.
    EXPECT_TRUE(triggerAnswering(window->importActions()->undoImportAction(), keep));
    EXPECT_EQ(stack->index(), 1);
    EXPECT_EQ(test::dumpBook(bookPath), before);
    EXPECT_TRUE(window->importActions()->undoImportAction()->isEnabled());
}

TEST_F(GuiImportUndoAsks, UndoingAnywayLosesTheLaterEditsAndCanBeRedone)
{
    importReport();
    ASSERT_EQ(opportunities(), 200);
    editTwoImportedDealsElsewhere();
    QUndoStack *stack = window->session()->undoStack();

    EXPECT_TRUE(triggerAnswering(window->undoAction(), undoAnyway));
    EXPECT_EQ(opportunities(), 0);
    EXPECT_EQ(stack->index(), 0);
    EXPECT_EQ(stack->count(), 1);
    EXPECT_EQ(window->session()->opportunityCount(), 0);
    EXPECT_EQ(window->statusBar()->currentMessage(),
              QStringLiteral("Undid the import of salesforce-report.csv."));

    // Nothing was edited after the import done again: its undo asks nothing.
    window->redoAction()->trigger();
    ASSERT_TRUE(window->importActions()->step()->waitForFinished());
    ASSERT_TRUE(window->session()->waitUntilLoaded());
    EXPECT_EQ(opportunities(), 200);
    EXPECT_FALSE(triggerAnswering(window->importActions()->undoImportAction(), keep));
    EXPECT_EQ(opportunities(), 0);
}

// --- A read-only book ---------------------------------------------------------------------

class GuiReadOnlyBook : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        folder = dir.path(QStringLiteral("shared"));
        ASSERT_TRUE(QDir().mkpath(folder));
        book = test::writeSmallBook(folder + QStringLiteral("/team.tpbook"));
        window = std::make_unique<MainWindow>();
        window->setInteractive(false);
        window->show();
        QApplication::setActiveWindow(window.get());
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }
    bool open(const QString &path)
    {
        return window->openBook(path) && window->session()->waitUntilLoaded();
    }

    test::TempDir dir;
    QString folder;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
};

TEST_F(GuiReadOnlyBook, TheBannerSaysWhyAndImportsAreOff)
{
    {
        const test::Unwritable readOnly(folder);
        if (!readOnly.ok())
            GTEST_SKIP() << "cannot make a folder read-only here";
        ASSERT_TRUE(open(book.path));
        ASSERT_TRUE(window->session()->isReadOnly());

        ui::InfoBanner *banner = window->banner();
        EXPECT_TRUE(banner->isVisible());
        EXPECT_TRUE(banner->text().startsWith(
                QStringLiteral("team.tpbook is open read-only: its folder %1 is read-only.")
                        .arg(QDir::toNativeSeparators(folder))))
                << banner->text().toStdString();
        EXPECT_TRUE(banner->text().contains(QStringLiteral("edits and imports are off")));
        EXPECT_TRUE(banner->text().contains(QStringLiteral("Save Copy As")));
        EXPECT_EQ(window->windowTitle(), QStringLiteral("team.tpbook (read-only)"));
        test::shootSizesAndSchemes(*window, QStringLiteral("read-only-book"));

        // Import is off, by its action and by a dropped file alike.
        ui::ImportActions *imports = window->importActions();
        EXPECT_FALSE(imports->importAction()->isEnabled());
        EXPECT_EQ(imports->openWizard(test::importSample("quotas.csv")), nullptr);
        EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("read-only")));
        EXPECT_EQ(imports->wizard(), nullptr);

        // Another book: the banner goes with this one.
        const QString other = dir.path(QStringLiteral("mine.tpbook"));
        ASSERT_TRUE(window->createBook(other));
        ASSERT_TRUE(window->session()->waitUntilLoaded());
        EXPECT_FALSE(banner->isVisible());
        EXPECT_TRUE(imports->importAction()->isEnabled());
    }

    // The folder writable again, the same book opens for writing, without the banner.
    ASSERT_TRUE(open(book.path));
    EXPECT_FALSE(window->session()->isReadOnly());
    EXPECT_FALSE(window->banner()->isVisible());
    EXPECT_TRUE(window->importActions()->importAction()->isEnabled());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("team.tpbook"));
}

} // namespace
