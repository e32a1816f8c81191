// The import wizard's manners (issue 16, item 20): Tab leaves its tables as it leaves every
// table of the window, Ctrl+Tab moves within them, and the rejected rows' Export… starts in the
// folder of the last export, like every export dialog.
#include "importtesting.h"
#include "uitestbook.h"

#include "import/fieldmappingtable.h"
#include "import/importjob.h"
#include "import/importplan.h"
#include "import/importwizard.h"
#include "import/mappingpage.h"
#include "import/previewpage.h"
#include "import/stagemappingtable.h"
#include "widgets/exportpath.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace tp;
using tp::ui::ImportWizard;

namespace {

class GuiImportWizardKeys : public test::ImportTest
{
protected:
    // The quirks file on its mapping page, shown and active for the keyboard: its stage table
    // and its date order are asked for.
    ImportWizard *quirksOnMapping()
    {
        ImportWizard *wizard = openWizard(test::importSample("salesforce-quirks.csv"));
        if (!wizard)
            return nullptr;
        wizard->show();
        QApplication::setActiveWindow(wizard);
        wizard->next();
        return wizard->currentId() == ImportWizard::MappingPageId ? wizard : nullptr;
    }

    // The quirks file settled and on its preview, with its two rejected rows.
    ImportWizard *quirksOnPreview()
    {
        ImportWizard *wizard = quirksOnMapping();
        if (!wizard)
            return nullptr;
        ui::MappingPage *mapping = wizard->mappingPage();
        test::choose(mapping->stageTable()->comboOf(QStringLiteral("Verbal Commit")),
                     int(Stage::Negotiate));
        test::choose(mapping->dateOrderCombo(), int(values::DateOrder::MonthDayYear));
        if (!wizard->plan()->waitUntilAnalysed())
            return nullptr;
        wizard->next();
        if (wizard->currentId() != ImportWizard::PreviewPageId
            || !wizard->previewPage()->job()->waitForFinished())
            return nullptr;
        return wizard;
    }

    static QWidget *focus() { return QApplication::focusWidget(); }
    static bool within(const QWidget *table) { return focus() && table->isAncestorOf(focus()); }
    static void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(focus(), Qt::Key(key), modifiers);
    }
};

TEST_F(GuiImportWizardKeys, TabLeavesTheMappingTablesAndCtrlTabMovesBetweenTheirChoices)
{
    ImportWizard *wizard = quirksOnMapping();
    ASSERT_NE(wizard, nullptr);
    ui::MappingPage *mapping = wizard->mappingPage();
    ui::FieldMappingTable *fields = mapping->fieldTable();
    ui::StageMappingTable *stages = mapping->stageTable();
    ASSERT_GT(fields->rowCount(), 2);
    ASSERT_TRUE(mapping->dateOrderCombo()->isVisible());
    auto *first =
            qobject_cast<QComboBox *>(fields->cellWidget(0, ui::FieldMappingTable::SourceColumn));
    auto *second =
            qobject_cast<QComboBox *>(fields->cellWidget(1, ui::FieldMappingTable::SourceColumn));
    ASSERT_NE(first, nullptr);
    first->setFocus(Qt::OtherFocusReason);
    ASSERT_EQ(focus(), first);

    // Ctrl+Tab and Ctrl+Shift+Tab: from choice to choice in the table.
    press(Qt::Key_Tab, Qt::ControlModifier);
    EXPECT_EQ(focus(), second);
    press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(focus(), first);
    second->setFocus(Qt::OtherFocusReason);

    // Tab: out of the fields, into the stages (one stop), out of them to the date order.
    press(Qt::Key_Tab);
    EXPECT_FALSE(within(fields));
    EXPECT_TRUE(within(stages)) << (focus() ? focus()->metaObject()->className() : "none");
    press(Qt::Key_Tab);
    EXPECT_EQ(focus(), mapping->dateOrderCombo());

    // Shift+Tab: back through the stages to the fields, at the choice used last.
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_TRUE(within(stages));
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_EQ(focus(), second);
    wizard->reject();
}

TEST_F(GuiImportWizardKeys, TabLeavesTheRejectedRows)
{
    ImportWizard *wizard = quirksOnPreview();
    ASSERT_NE(wizard, nullptr);
    ui::PreviewPage *preview = wizard->previewPage();
    QTableView *view = preview->rejectionView();
    ASSERT_EQ(view->model()->rowCount(), 2);
    test::shootSizesAndSchemes(*wizard, QStringLiteral("import-preview-rejections"));
    view->setFocus(Qt::OtherFocusReason);
    view->setCurrentIndex(view->model()->index(0, 1));
    ASSERT_EQ(focus(), view);

    press(Qt::Key_Tab, Qt::ControlModifier);
    EXPECT_EQ(view->currentIndex().column(), 2) << "Ctrl+Tab: the next cell";
    press(Qt::Key_Tab);
    EXPECT_EQ(focus(), preview->skipInvalidCheck()) << "Tab: the next widget";
    view->setFocus(Qt::OtherFocusReason);
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_NE(focus(), view) << "Shift+Tab: the widget before";
    wizard->reject();
}

TEST_F(GuiImportWizardKeys, ExportingRejectedRowsStartsInTheFolderOfTheLastExport)
{
    const QDir folder(dir.path(QStringLiteral("exports")));
    ASSERT_TRUE(folder.mkpath(QStringLiteral(".")));
    ui::exportpath::remember(folder.filePath(QStringLiteral("stalled-deals.csv")));

    ImportWizard *wizard = quirksOnPreview();
    ASSERT_NE(wizard, nullptr);
    ui::PreviewPage *preview = wizard->previewPage();
    ASSERT_TRUE(preview->exportButton()->isEnabled());
    QString started, suggested;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        started = dialog->directory().absolutePath();
        suggested = dialog->selectedFiles().value(0);
        static_cast<QDialog *>(dialog)->accept();
    });
    preview->exportButton()->click();
    EXPECT_EQ(started, folder.absolutePath());
    EXPECT_EQ(QFileInfo(suggested).fileName(),
              QStringLiteral("salesforce-quirks rejected rows.csv"));
    EXPECT_TRUE(
            QFile::exists(folder.filePath(QStringLiteral("salesforce-quirks rejected rows.csv"))));
    EXPECT_EQ(QDir(ui::exportpath::lastFolder()).absolutePath(), folder.absolutePath());
    QSettings().remove(QStringLiteral("export/lastFolder"));
    wizard->reject();
}

} // namespace
