// The editors: each delegate reads the model's EditRole value and writes back what the user
// chose, through setData (and so through the session and the undo stack).
#include "uitestbook.h"

#include "delegates/datedelegate.h"
#include "delegates/forecastdelegate.h"
#include "delegates/moneydelegate.h"
#include "delegates/ownerdelegate.h"
#include "delegates/spinboxdelegate.h"
#include "delegates/stagedelegate.h"
#include "models/accounttablemodel.h"
#include "models/modelroles.h"
#include "models/opportunitytablemodel.h"
#include "models/reptablemodel.h"
#include "session/booksession.h"
#include "testsupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QSpinBox>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QUndoStack>
#include <QWidget>

#include <gtest/gtest.h>

#include <memory>

using namespace tp;
using OC = tp::OpportunityColumn;

namespace {

class GuiDelegates : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        ASSERT_TRUE(test::openAndWait(session, book.path));
        model = std::make_unique<ui::OpportunityTableModel>(&session);
    }
    void TearDown() override { QLocale::setDefault(QLocale::system()); }

    template<typename Editor>
    Editor *edit(QStyledItemDelegate &delegate, const QModelIndex &index)
    {
        QWidget *editor = delegate.createEditor(&parent, QStyleOptionViewItem(), index);
        delegate.setEditorData(editor, index);
        return qobject_cast<Editor *>(editor);
    }

    test::TempDir dir;
    test::SmallBook book;
    ui::BookSession session;
    std::unique_ptr<ui::OpportunityTableModel> model;
    QWidget parent;
};

TEST_F(GuiDelegates, StageComboOffersEveryStageAndWritesTheChoice)
{
    ui::StageDelegate delegate;
    const QModelIndex index = model->index(model->rowOfId(book.o1), int(OC::Stage));
    auto *combo = edit<QComboBox>(delegate, index);
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Propose"));
    EXPECT_GE(combo->findText(QStringLiteral("Won")), 0);
    EXPECT_GE(combo->findText(QStringLiteral("Lost")), 0);
    combo->setCurrentIndex(combo->findText(QStringLiteral("Negotiate")));
    delegate.setModelData(combo, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("Negotiate"));
    EXPECT_EQ(session.undoStack()->count(), 1);
}

// The rep's forecast call: the categories, and what the CRM or the stage says to clear the call.
TEST_F(GuiDelegates, ForecastComboOffersTheCategoriesAndClearingTheCall)
{
    ui::ForecastDelegate delegate;
    const QModelIndex index = model->index(model->rowOfId(book.o1), int(OC::Forecast));
    auto *combo = edit<QComboBox>(delegate, index);
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("From CRM or stage (Best Case)"))
            << "no call yet: Propose gives Best Case";
    for (const char *name : { "Pipeline", "Best Case", "Commit", "Closed", "Omitted" })
        EXPECT_GE(combo->findText(QString::fromLatin1(name)), 0) << name;
    combo->setCurrentIndex(combo->findText(QStringLiteral("Commit")));
    delegate.setModelData(combo, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("Commit"));
    EXPECT_EQ(session.undoStack()->count(), 1);

    combo = edit<QComboBox>(delegate, index);
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Commit")) << "the call in place";
    combo->setCurrentIndex(0);
    delegate.setModelData(combo, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("Best Case")) << "the call cleared";
    EXPECT_EQ(session.undoStack()->count(), 2);
}

TEST_F(GuiDelegates, MoneyEditorUsesTheLocale)
{
    ui::MoneyDelegate delegate(false);
    const QModelIndex index = model->index(model->rowOfId(book.o1), int(OC::Amount));
    auto *line = edit<QLineEdit>(delegate, index);
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->text(), QStringLiteral("10,000.00"));
    line->setText(QStringLiteral("12,500.25"));
    delegate.setModelData(line, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("$12,500.25"));
    line->clear(); // a required amount left empty keeps its value
    delegate.setModelData(line, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("$12,500.25"));
    EXPECT_EQ(session.undoStack()->count(), 1);
}

TEST_F(GuiDelegates, ClearableMoneyEditorClearsAPotential)
{
    ui::AccountTableModel accounts(&session);
    ui::MoneyDelegate delegate(true);
    const QModelIndex index =
            accounts.index(accounts.rowOfId(book.acme), int(AccountColumn::Potential));
    auto *line = edit<QLineEdit>(delegate, index);
    EXPECT_EQ(line->text(), QStringLiteral("500,000.00"));
    line->clear();
    delegate.setModelData(line, &accounts, index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("$12,500.00")); // derived: open pipeline
}

TEST_F(GuiDelegates, DateEditorWritesTheDate)
{
    ui::DateDelegate delegate;
    const QModelIndex index = model->index(model->rowOfId(book.o1), int(OC::CloseDate));
    auto *date = edit<QDateEdit>(delegate, index);
    ASSERT_NE(date, nullptr);
    EXPECT_TRUE(date->calendarPopup());
    EXPECT_EQ(date->date(), QDate(2026, 12, 15));
    date->setDate(QDate(2027, 3, 31));
    delegate.setModelData(date, model.get(), index);
    EXPECT_EQ(index.data(ui::RawValueRole).toDate(), QDate(2027, 3, 31));
}

TEST_F(GuiDelegates, DateEditorTakesADateTypedWhole)
{
    // The view's delegate reads the editor on Enter before the editor sees the key.
    ui::DateDelegate delegate;
    const QModelIndex index = model->index(model->rowOfId(book.o1), int(OC::CloseDate));
    QWidget host; // made in the test's locale
    auto *date = qobject_cast<QDateEdit *>(delegate.createEditor(&host, {}, index));
    ASSERT_NE(date, nullptr);
    delegate.setEditorData(date, index);
    EXPECT_EQ(date->text(), QStringLiteral("12/15/2026"));
    host.show();
    date->setFocus();
    date->findChild<QLineEdit *>()->selectAll();
    QTest::keyClicks(date, QStringLiteral("3/31/27"));
    delegate.setModelData(date, model.get(), index);
    EXPECT_EQ(index.data(ui::RawValueRole).toDate(), QDate(2027, 3, 31));
    EXPECT_EQ(index.data().toString(), QStringLiteral("3/31/2027"));
}

TEST_F(GuiDelegates, ProbabilitySpinBoxHasAStageDefaultValue)
{
    std::unique_ptr<ui::SpinBoxDelegate> delegate(ui::SpinBoxDelegate::probability(nullptr));
    const QModelIndex index = model->index(model->rowOfId(book.o2), int(OC::Probability));
    auto *spin = edit<QSpinBox>(*delegate, index);
    ASSERT_NE(spin, nullptr);
    EXPECT_EQ(spin->value(), 40);
    EXPECT_EQ(spin->maximum(), 100);
    spin->setValue(spin->minimum()); // "—": back to the stage default
    EXPECT_EQ(spin->text(), QStringLiteral("—"));
    delegate->setModelData(spin, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("10%"));
    spin->setValue(65);
    delegate->setModelData(spin, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("65%"));
}

TEST_F(GuiDelegates, OwnerComboListsRepsAndUnassigned)
{
    ui::OwnerDelegate delegate(&session);
    const QModelIndex index = model->index(model->rowOfId(book.o5), int(OC::Owner));
    auto *combo = edit<QComboBox>(delegate, index);
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentText(), QStringLiteral("Unassigned"));
    EXPECT_GE(combo->findText(QStringLiteral("Alice Archer")), 0);
    combo->setCurrentIndex(combo->findText(QStringLiteral("Bob Baker")));
    delegate.setModelData(combo, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("Bob Baker"));
    combo->setCurrentIndex(0);
    delegate.setModelData(combo, model.get(), index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("Unassigned"));
}

TEST_F(GuiDelegates, CapacitySpinBoxFallsBackToTheDefault)
{
    ui::RepTableModel reps(&session);
    std::unique_ptr<ui::SpinBoxDelegate> delegate(ui::SpinBoxDelegate::capacity(nullptr));
    const QModelIndex index =
            reps.index(reps.rowOfId(book.alice), int(ui::RepTableModel::Column::Capacity));
    auto *spin = edit<QSpinBox>(*delegate, index);
    EXPECT_EQ(spin->value(), 2);
    spin->setValue(spin->minimum());
    EXPECT_EQ(spin->text(), QStringLiteral("Default"));
    delegate->setModelData(spin, &reps, index);
    EXPECT_EQ(index.data().toString(), QStringLiteral("20"));
}

} // namespace
