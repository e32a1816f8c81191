// Publishing the moves in the window (issue 19, docs/METRICS.md "Territories", "Publishing"):
// File ▸ Publish Moves… explains when nothing moved, lists what a format cannot take and the
// open deals that stay, and writes both files; the Reps page edits a rep's CRM user id and email,
// each one undo step.
#include "testsupport.h"
#include "uitestbook.h"

#include "edits/bookeditor.h"
#include "mainwindow/mainwindow.h"
#include "models/reptablemodel.h"
#include "pages/reps/repspage.h"
#include "pages/territories/publishmovesdialog.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "storage/reps.h"
#include "views/bookview.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiPublishMoves : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        window = test::openWindow(book.path, QStringLiteral("reps"), QDate(2026, 11, 20));
        ASSERT_TRUE(window);
    }

    // Opens the dialog through File ▸ Publish Moves…
    PublishMovesDialog *openDialog()
    {
        QAction *action = window->publishMovesAction();
        EXPECT_TRUE(action->isEnabled());
        action->trigger();
        QApplication::processEvents();
        auto *dialog = window->findChild<PublishMovesDialog *>();
        EXPECT_NE(dialog, nullptr);
        EXPECT_TRUE(dialog && dialog->isVisible());
        return dialog;
    }

    static QStringList column(QTableWidget *table, int c)
    {
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            out.append(table->item(r, c)->text());
        return out;
    }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(GuiPublishMoves, TheFileMenuHoldsItAndANoMoveBookExplainsWithSaveOff)
{
    bool inFileMenu = false;
    for (QAction *menu : window->menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(window->publishMovesAction()))
            inFileMenu = menu->text() == QStringLiteral("&File");
    EXPECT_TRUE(inFileMenu);
    EXPECT_EQ(window->publishMovesAction()->text(), QStringLiteral("Publish &Moves…"));

    PublishMovesDialog *dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->plan().moves.empty());
    EXPECT_TRUE(dialog->summaryLabel()->text().startsWith(QStringLiteral("No account has moved")))
            << dialog->summaryLabel()->text().toStdString();
    EXPECT_FALSE(dialog->saveButton()->isEnabled());
    EXPECT_FALSE(dialog->unpublishedTable()->isVisibleTo(dialog));
    QString error;
    EXPECT_FALSE(dialog->save(dir.path(QStringLiteral("none.csv")), &error));
    EXPECT_FALSE(QFile::exists(dir.path(QStringLiteral("none.csv"))));
    test::shootSchemes(*dialog, QStringLiteral("publish-moves-none"));
    dialog->reject();
}

TEST_F(GuiPublishMoves, ListsWhatTheFormatCannotTakeAndWritesTheMovesAndTheDealsThatStay)
{
    BookSession *session = window->session();
    // Acme goes to Bob in the book; its open deals stay with Alice. The CRM still says Alice.
    ASSERT_TRUE(session->edit(&BookEditor::setAccountOwner, only(book.acme), book.bob, false));

    PublishMovesDialog *dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setFormat(MovesFormat::Salesforce);
    EXPECT_EQ(dialog->plan().moves.size(), 1u);
    EXPECT_FALSE(dialog->saveButton()->isEnabled()); // nothing Salesforce can take
    ASSERT_EQ(dialog->unpublishedTable()->rowCount(), 1);
    EXPECT_EQ(column(dialog->unpublishedTable(), 0), QStringList{ QStringLiteral("Acme Corp") });
    EXPECT_EQ(column(dialog->unpublishedTable(), 3),
              QStringList{ QStringLiteral("its CRM id \"ACC-1\" is not a Salesforce id; its new "
                                          "owner, Bob Baker, has no CRM user id") });
    EXPECT_TRUE(dialog->unpublishedTable()->isVisibleTo(dialog));
    test::shootSchemes(*dialog, QStringLiteral("publish-moves"));
    // The open deals that stay with Alice.
    EXPECT_EQ(column(dialog->stayingTable(), 0),
              (QStringList{ QStringLiteral("Acme expansion"), QStringLiteral("Acme renewal") }));
    EXPECT_EQ(column(dialog->stayingTable(), 2),
              (QStringList{ QStringLiteral("Alice Archer"), QStringLiteral("Alice Archer") }));
    EXPECT_EQ(column(dialog->stayingTable(), 4),
              (QStringList{ QStringLiteral("$2,500.00"), QStringLiteral("$10,000.00") }));

    dialog->setFormat(MovesFormat::Generic);
    EXPECT_TRUE(dialog->saveButton()->isEnabled());
    EXPECT_EQ(dialog->unpublishedTable()->rowCount(), 0);
    EXPECT_EQ(dialog->summaryLabel()->text(),
              QStringLiteral("1 account has a new owner in the book. Every move can be published "
                             "in this format."));
    QSignalSpy status(dialog, &PublishMovesDialog::statusMessage);
    const QString path = dir.path(QStringLiteral("moves.csv"));
    QString error;
    ASSERT_TRUE(dialog->save(path, &error)) << error.toStdString();
    EXPECT_EQ(test::readAll(path),
              QByteArray("\xEF\xBB\xBF"
                         "Account ID,Account Name,Territory,From,From Email,From CRM User ID,To,"
                         "To Email,To CRM User ID\r\n"
                         "ACC-1,Acme Corp,North,Alice Archer,,,Bob Baker,,\r\n"));
    const QByteArray deals = test::readAll(dir.path(QStringLiteral("moves-open-deals.csv")));
    EXPECT_TRUE(deals.contains("OPP-2,Acme expansion,ACC-1,Acme Corp,Alice Archer,,Bob Baker,"
                               "Qualify,2500.00,USD"))
            << deals.constData();
    EXPECT_TRUE(deals.contains("OPP-1,Acme renewal,ACC-1,Acme Corp,Alice Archer,,Bob Baker,"
                               "Propose,10000.00,USD"))
            << deals.constData();
    ASSERT_EQ(status.count(), 1);
    EXPECT_EQ(status.at(0).at(0).toString(),
              QStringLiteral("Published 1 move to moves.csv; the open deals that stay are in "
                             "moves-open-deals.csv."));

    // Undoing the move while the dialog is open: nothing is left to publish.
    session->undoStack()->undo();
    EXPECT_TRUE(dialog->plan().moves.empty());
    EXPECT_FALSE(dialog->saveButton()->isEnabled());
    dialog->reject();
}

TEST_F(GuiPublishMoves, TheRepsPageEditsTheCrmUserIdAndEmailEachOneUndoStep)
{
    auto *page = qobject_cast<RepsPage *>(window->page(QStringLiteral("reps")));
    ASSERT_NE(page, nullptr);
    RepTableModel *model = page->repModel();
    using RC = RepTableModel::Column;
    const int bob = model->rowOfId(book.bob);
    ASSERT_GE(bob, 0);
    EXPECT_EQ(model->headerData(int(RC::Email), Qt::Horizontal).toString(),
              QStringLiteral("Email"));
    EXPECT_EQ(model->headerData(int(RC::CrmUserId), Qt::Horizontal).toString(),
              QStringLiteral("CRM user id"));
    EXPECT_EQ(model->index(bob, int(RC::Email)).data().toString(), QStringLiteral("—"));
    EXPECT_TRUE(model->index(bob, int(RC::Email)).flags() & Qt::ItemIsEditable);
    EXPECT_TRUE(model->index(bob, int(RC::CrmUserId)).flags() & Qt::ItemIsEditable);

    QUndoStack *undo = window->session()->undoStack();
    const int steps = undo->count();
    ASSERT_TRUE(
            model->setData(model->index(bob, int(RC::Email)), QStringLiteral(" bob@example.com ")));
    ASSERT_TRUE(model->setData(model->index(bob, int(RC::CrmUserId)),
                               QStringLiteral("005B000003XyZab")));
    EXPECT_EQ(undo->count(), steps + 2);
    EXPECT_EQ(undo->undoText(), QStringLiteral("Change CRM user id of Bob Baker"));
    EXPECT_EQ(model->index(bob, int(RC::Email)).data().toString(),
              QStringLiteral("bob@example.com"));
    EXPECT_EQ(model->index(bob, int(RC::CrmUserId)).data(Qt::EditRole).toString(),
              QStringLiteral("005B000003XyZab"));
    {
        auto b = Book::open(book.path);
        const auto rep = RepRepository(*b).byId(book.bob);
        EXPECT_EQ(rep->email, QStringLiteral("bob@example.com"));
        EXPECT_EQ(rep->crmUserId, QStringLiteral("005B000003XyZab"));
    }

    // A value that is no email is refused with the reason; nothing changes.
    QSignalSpy errors(window->session(), &BookSession::errorOccurred);
    EXPECT_FALSE(model->setData(model->index(bob, int(RC::Email)), QStringLiteral("bob at home")));
    ASSERT_EQ(errors.count(), 1);
    EXPECT_EQ(errors.at(0).at(0).toString(),
              QStringLiteral("\"bob at home\" is not an email address (name@example.com)."));
    // Alice cannot take Bob's id.
    const int alice = model->rowOfId(book.alice);
    EXPECT_FALSE(model->setData(model->index(alice, int(RC::CrmUserId)),
                                QStringLiteral("005B000003XyZabIAF")));
    EXPECT_EQ(undo->count(), steps + 2);
    test::shootSizesAndSchemes(*window, QStringLiteral("reps-identity"));

    undo->undo();
    EXPECT_EQ(model->index(bob, int(RC::CrmUserId)).data().toString(), QStringLiteral("—"));
    EXPECT_EQ(model->index(bob, int(RC::Email)).data().toString(),
              QStringLiteral("bob@example.com"));
    undo->undo();
    EXPECT_EQ(model->index(bob, int(RC::Email)).data().toString(), QStringLiteral("—"));
    const BookView *view = window->session()->view();
    EXPECT_TRUE(view->reps[std::size_t(view->repIndex(book.bob))].email.isEmpty());
    auto b = Book::open(book.path);
    EXPECT_TRUE(RepRepository(*b).byId(book.bob)->email.isEmpty());
}
