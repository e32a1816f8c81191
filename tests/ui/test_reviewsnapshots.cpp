// The Review page's Changes tab on the demo book, offscreen (docs/METRICS.md, "Changes between
// two snapshots"): the two states are read on a background job ("Comparing the snapshots…"
// meanwhile, the newest pair wins) and kept, so that another rep is compared again at once; the
// Snapshots dialog labels (F2) and deletes (Delete, after asking) snapshots as undoable edits,
// and the snapshot lists follow each.
#include "uitestbook.h"

#include "demo/demobook.h"
#include "mainwindow/mainwindow.h"
#include "pages/review/changespanel.h"
#include "pages/review/reviewpage.h"
#include "pages/review/snapshotsdialog.h"
#include "report/reviewchanges.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "testsupport.h"
#include "views/bookview.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiReviewChangesDemo : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        path = dir.path(QStringLiteral("demo.tpbook"));
        demo::Options options;
        options.today = QDate(2026, 11, 20);
        demo::writeDemoBook(path, options, {});
        window = test::openWindow(path, QStringLiteral("review"), options.today);
        ASSERT_TRUE(window);
        page = qobject_cast<ReviewPage *>(window->page(QStringLiteral("review")));
        ASSERT_NE(page, nullptr);
        window->scope()->setRepIndex(0);
        page->tabs()->setCurrentWidget(page->changes());
        changes = page->changes();
    }

    // Spins the event loop until the read running has been delivered.
    bool compared() const
    {
        return QTest::qWaitFor([this] { return !changes->isComparing(); }, 60000);
    }
    QStringList items(QComboBox *box) const
    {
        QStringList out;
        for (int i = 0; i < box->count(); ++i)
            out << box->itemText(i);
        return out;
    }

    test::TempDir dir;
    QString path;
    std::unique_ptr<MainWindow> window;
    ReviewPage *page = nullptr;
    ChangesPanel *changes = nullptr;
};

} // namespace

TEST_F(GuiReviewChangesDemo, TheStatesAreReadInTheBackgroundAndKeptForAnotherRep)
{
    QSignalSpy spy(changes, &ChangesPanel::comparedChanged);
    ASSERT_TRUE(QTest::qWaitFor([&] { return spy.count() > 0 && !changes->isComparing(); }, 60000));
    EXPECT_FALSE(changes->comparingLabel()->isVisibleTo(changes));
    const Id from = changes->fromBox()->currentData().toLongLong();
    const Id to = changes->toBox()->currentData().toLongLong();
    ASSERT_NE(to, 0);
    EXPECT_GT(changes->compared().b.deals.size(), 0u);

    // Another rep: compared again at once (no read) on the states kept, as a fresh read
    // compares.
    const BookView &view = *window->session()->view();
    changes::Scope scope;
    scope.rep = view.reps[1].id;
    const Period period = window->scope()->period();
    int before = int(spy.count());
    changes->show(scope, period, std::nullopt, window->scope()->asOf());
    EXPECT_FALSE(changes->isComparing());
    EXPECT_EQ(spy.count(), before + 1);
    const auto fresh = ReviewChanges::compare(path, view, from, to, scope, period);
    const changes::Comparison &kept = changes->comparison();
    EXPECT_EQ(kept.start, fresh.comparison.start);
    EXPECT_EQ(kept.end, fresh.comparison.end);
    EXPECT_EQ(kept.deals.size(), fresh.comparison.deals.size());
    EXPECT_EQ(kept.flowEnd(), kept.end);
    // The same from the scope bar, as the user does it.
    before = int(spy.count());
    window->scope()->setRepIndex(1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return spy.count() > before; }, 10000));
    EXPECT_EQ(changes->comparison().deals.size(), fresh.comparison.deals.size());

    // Another pair is read in the background: nothing waits for it, "Comparing…" says so, and
    // the comparison before stays until it arrives. Of two pairs chosen one after the other the
    // read of the first is dropped, the second shown.
    QComboBox *fromBox = changes->fromBox();
    before = int(spy.count());
    fromBox->setCurrentIndex(0); // the empty book
    emit fromBox->activated(0);
    EXPECT_TRUE(changes->isComparing());
    EXPECT_TRUE(changes->comparingLabel()->isVisibleTo(changes));
    EXPECT_EQ(spy.count(), before);
    if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty()) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // not the read's end
        window->grab().save(shots + QStringLiteral("/review-comparing.png"));
    }
    EXPECT_EQ(changes->comparison().deals.size(), fresh.comparison.deals.size());
    fromBox->setCurrentIndex(fromBox->count() - 1); // the first snapshot
    emit fromBox->activated(fromBox->count() - 1);
    ASSERT_TRUE(compared());
    EXPECT_EQ(spy.count(), before + 1);
    const Id first = fromBox->currentData().toLongLong();
    ASSERT_NE(first, 0);
    const auto expected = ReviewChanges::compare(path, view, first, to, scope, period);
    EXPECT_EQ(changes->compared().a.date, expected.a.date);
    EXPECT_EQ(changes->compared().a.deals.size(), expected.a.deals.size());
    EXPECT_EQ(changes->comparison().deals.size(), expected.comparison.deals.size());
}

TEST_F(GuiReviewChangesDemo, SnapshotsAreLabelledAndDeletedAsUndoableEdits)
{
    ASSERT_TRUE(QTest::qWaitFor([this] { return changes->toBox()->count() > 0; }, 10000));
    ASSERT_TRUE(compared());
    const int snapshots = changes->toBox()->count();
    ASSERT_GE(snapshots, 3);
    QUndoStack *undo = window->session()->undoStack();

    changes->snapshotsButton()->click();
    SnapshotsDialog *dialog = changes->snapshotsDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isVisible());
    QTreeWidget *list = dialog->list();
    ASSERT_EQ(list->topLevelItemCount(), snapshots); // newest first, as the combos
    EXPECT_EQ(list->topLevelItem(0)->text(0), changes->toBox()->itemText(0).section(u' ', 0, 0));
    EXPECT_FALSE(list->topLevelItem(0)->text(1).isEmpty()); // where it came from
    EXPECT_FALSE(list->topLevelItem(0)->text(2).isEmpty()); // its rows
    test::shootSizesAndSchemes(*dialog, QStringLiteral("review-snapshots"));

    // F2 edits the label in place; the combos show it; Edit ▸ Undo takes it back.
    list->setCurrentItem(list->topLevelItem(1));
    QApplication::setActiveWindow(dialog);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    ASSERT_NE(editor, nullptr);
    editor->setText(QStringLiteral("Before the push"));
    QTest::keyClick(editor, Qt::Key_Return);
    QApplication::processEvents();
    EXPECT_TRUE(undo->undoText().startsWith(QStringLiteral("Label the snapshot of")))
            << qPrintable(undo->undoText());
    EXPECT_EQ(list->topLevelItem(1)->text(SnapshotsDialog::labelColumn),
              QStringLiteral("Before the push"));
    EXPECT_TRUE(items(changes->toBox()).join(u'\n').contains(QStringLiteral("Before the push")));
    EXPECT_FALSE(changes->isComparing()); // a label changes no state

    // Delete asks first, and says the later states are kept; Cancel keeps it.
    const auto answerWith = [](QMessageBox::ButtonRole role, QString *said) {
        QTimer::singleShot(0, [role, said] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            *said = box->text() + u'\n' + box->informativeText();
            if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty())
                box->grab().save(shots + QStringLiteral("/review-snapshot-delete.png"));
            for (QAbstractButton *button : box->buttons())
                if (box->buttonRole(button) == role)
                    button->click();
        });
    };
    QString said;
    list->setCurrentItem(list->topLevelItem(2));
    const QString deletedDate = list->topLevelItem(2)->text(0);
    answerWith(QMessageBox::RejectRole, &said);
    QTest::keyClick(list, Qt::Key_Delete);
    EXPECT_TRUE(said.contains(QStringLiteral("keep their states"))) << qPrintable(said);
    EXPECT_TRUE(said.contains(deletedDate)) << qPrintable(said);
    EXPECT_EQ(list->topLevelItemCount(), snapshots);

    said.clear();
    QApplication::setActiveWindow(dialog); // the question had it
    list->setFocus();
    answerWith(QMessageBox::DestructiveRole, &said);
    QTest::keyClick(list, Qt::Key_Delete);
    QApplication::processEvents();
    EXPECT_FALSE(said.isEmpty());
    EXPECT_EQ(list->topLevelItemCount(), snapshots - 1);
    EXPECT_EQ(changes->toBox()->count(), snapshots - 1);
    EXPECT_EQ(changes->fromBox()->count(), snapshots); // and the empty book
    EXPECT_TRUE(undo->undoText().startsWith(QStringLiteral("Delete the snapshot of")))
            << qPrintable(undo->undoText());
    ASSERT_TRUE(compared());

    // Undo brings it back, by its shortcut in the dialog (the window's Edit menu is out of reach
    // while it is open), then the label goes.
    QApplication::setActiveWindow(dialog);
    list->setFocus();
    QTest::keySequence(list, QKeySequence::Undo);
    QApplication::processEvents();
    EXPECT_EQ(list->topLevelItemCount(), snapshots);
    EXPECT_EQ(changes->toBox()->count(), snapshots);
    EXPECT_EQ(list->topLevelItem(2)->text(0), deletedDate);
    undo->undo();
    QApplication::processEvents();
    EXPECT_TRUE(list->topLevelItem(1)->text(SnapshotsDialog::labelColumn).isEmpty());
    EXPECT_FALSE(items(changes->toBox()).join(u'\n').contains(QStringLiteral("Before the push")));
    undo->redo();
    QTest::keySequence(list, QKeySequence::Redo);
    QApplication::processEvents();
    EXPECT_EQ(list->topLevelItemCount(), snapshots - 1);
    dialog->close();
    ASSERT_TRUE(compared());
}
