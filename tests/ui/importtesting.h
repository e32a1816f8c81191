#pragma once

#include "import/importactions.h"
#include "session/booksession.h"
#include "testsupport.h"

#include <QComboBox>
#include <QStringList>
#include <QWidget>

#include <gtest/gtest.h>

#include <memory>

namespace tp::ui {
class ImportWizard;
}

namespace tp::test {

// A file of tests/data/import.
QString importSample(const char *name);
// A Salesforce-report-shaped export of `rows` opportunities (enough rows for progress and
// cancel to happen midway).
void writeBigReport(const QString &path, int rows);
// Picks the item with `data` as a user would: the combo's activated() signal follows.
void choose(QComboBox *combo, const QVariant &data);
// Every table of the book as text, through a connection of its own, without `tables`.
QString dumpBook(const QString &path, const QStringList &without = {});

// An empty book open in a session, and the import actions that open the wizard on it.
class ImportTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    // Opens the wizard on `file` and waits for the analysis: the wizard is on its preset page.
    ui::ImportWizard *openWizard(const QString &file);
    // From the preset page to the preview, waiting for the dry run. False where it stops.
    bool toPreview(ui::ImportWizard *wizard);
    // From the preview, imports; waits for the import and the view's reload. True if committed.
    bool commit(ui::ImportWizard *wizard);
    // Undoes (redo: redoes) the import the undo stack takes next, as Edit ▸ Undo and Redo do
    // (ImportActions::startStep), and waits for the step and the view's reload. False when
    // that step is no import or did not end.
    bool importStep(bool redo);

    TempDir dir;
    QString bookPath;
    std::unique_ptr<ui::BookSession> session;
    std::unique_ptr<QWidget> window;
    ui::ImportActions *actions = nullptr;
};

} // namespace tp::test
