// The Accounts page offscreen: giving an account to another rep asks whether its open deals go
// too, does it as one undo step, and the row leaves the old rep's list at once.
#include "uitestbook.h"

#include "edits/bookeditor.h"
#include "mainwindow/mainwindow.h"
#include "models/accounttablemodel.h"
#include "models/booktablemodel.h"
#include "pages/accounts/accountspage.h"
#include "pages/tablepage.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/opportunities.h"
#include "testsupport.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiAccountsPage : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        window = test::openWindow(book.path, QStringLiteral("accounts"), {}, {});
        ASSERT_TRUE(window);
        page = qobject_cast<AccountsPage *>(window->page(QStringLiteral("accounts")));
        ASSERT_NE(page, nullptr);
        // The scope is Alice's: her accounts and her deals.
        window->scope()->setRepIndex(session()->view()->repIndex(book.alice));
        QApplication::processEvents();
    }
    void TearDown() override
    {
        window.reset();
        QLocale::setDefault(QLocale::system());
    }

    BookSession *session() const { return window->session(); }
    BookTableModel *opportunities() const
    {
        return window->tablePage(QStringLiteral("opportunities"))->model();
    }
    std::optional<Id> storedOwner(Id opportunity)
    {
        auto b = Book::open(book.path);
        return OpportunityRepository(*b).byId(opportunity)->ownerId;
    }
    std::optional<Id> storedAccountOwner(Id account)
    {
        auto b = Book::open(book.path);
        return AccountRepository(*b).byId(account)->ownerId;
    }

    // Gives Acme to Bob through its owner cell; `answer` reads the question and clicks a button.
    bool giveAcmeToBob(const std::function<QAbstractButton *(QMessageBox &)> &answer)
    {
        asked = false;
        QTimer::singleShot(0, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = true;
            question = box->text();
            details = box->informativeText();
            defaultText = box->defaultButton() ? box->defaultButton()->text() : QString();
            if (QAbstractButton *keep = box->findChild<QPushButton *>(QStringLiteral("keepDeals")))
                keepText = keep->text();
            if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty())
                box->grab().save(shots + QStringLiteral("/reassign-prompt.png"));
            if (QAbstractButton *button = answer(*box))
                button->click();
        });
        AccountTableModel *model = page->accountModel();
        const int row = model->rowOfId(book.acme);
        return model->setData(model->index(row, int(AccountColumn::Owner)), qlonglong(book.bob));
    }

    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
    AccountsPage *page = nullptr;
    bool asked = false;
    QString question, details, defaultText, keepText;
};

QAbstractButton *moveButton(QMessageBox &box)
{
    return box.findChild<QPushButton *>(QStringLiteral("moveDeals"));
}

TEST_F(GuiAccountsPage, ReassigningAskedMovesTheOpenDealsAsOneUndoStepAndTheRowLeaves)
{
    AccountTableModel *model = page->accountModel();
    ASSERT_EQ(model->rowCount(), 1); // Acme: Alice's
    ASSERT_EQ(opportunities()->rowCount(), 3); // her O1, O2 (open) and O6 (lost)

    ASSERT_TRUE(giveAcmeToBob(moveButton));
    EXPECT_TRUE(asked);
    EXPECT_EQ(question, QStringLiteral("Give “Acme Corp” to Bob Baker?"));
    EXPECT_EQ(details, QStringLiteral("Alice Archer owns its 2 open deals ($12,500.00)."));
    EXPECT_EQ(defaultText, QStringLiteral("&Move Its 2 Open Deals Too"));
    EXPECT_EQ(keepText, QStringLiteral("&Keep Them with Alice Archer"));

    EXPECT_EQ(storedAccountOwner(book.acme), book.bob);
    EXPECT_EQ(storedOwner(book.o1), book.bob);
    EXPECT_EQ(storedOwner(book.o2), book.bob);
    EXPECT_EQ(storedOwner(book.o6), book.alice) << "a lost deal keeps its owner";
    QUndoStack *stack = session()->undoStack();
    ASSERT_EQ(stack->count(), 1);
    EXPECT_EQ(stack->undoText(),
              QStringLiteral("Assign account “Acme Corp” and its 2 open deals to Bob Baker"));
    // Out of Alice's lists at once, no refresh.
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_EQ(model->rowOfId(book.acme), -1);
    EXPECT_EQ(opportunities()->rowCount(), 1);
    EXPECT_EQ(page->countText(), QStringLiteral("0 of 3 accounts"));

    stack->undo();
    EXPECT_EQ(storedAccountOwner(book.acme), book.alice);
    EXPECT_EQ(storedOwner(book.o1), book.alice);
    EXPECT_EQ(storedOwner(book.o2), book.alice);
    EXPECT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->rowOfId(book.acme), 0);
    EXPECT_EQ(opportunities()->rowCount(), 3);
    stack->redo();
    EXPECT_EQ(storedOwner(book.o2), book.bob);
    EXPECT_EQ(model->rowCount(), 0);

    // In Bob's scope the account and its deals are there.
    window->scope()->setRepIndex(session()->view()->repIndex(book.bob));
    EXPECT_EQ(model->rowCount(), 2);
    EXPECT_EQ(opportunities()->rowCount(), 4);
}

TEST_F(GuiAccountsPage, KeepingTheDealsMovesTheAccountAlone)
{
    ASSERT_TRUE(giveAcmeToBob([](QMessageBox &box) {
        return box.findChild<QPushButton *>(QStringLiteral("keepDeals"));
    }));
    EXPECT_EQ(storedAccountOwner(book.acme), book.bob);
    EXPECT_EQ(storedOwner(book.o1), book.alice);
    EXPECT_EQ(storedOwner(book.o2), book.alice);
    ASSERT_EQ(session()->undoStack()->count(), 1);
    EXPECT_EQ(session()->undoStack()->undoText(),
              QStringLiteral("Assign account “Acme Corp” to Bob Baker"));
    EXPECT_EQ(page->accountModel()->rowCount(), 0);
    EXPECT_EQ(opportunities()->rowCount(), 3) << "Alice keeps her deals";
}

TEST_F(GuiAccountsPage, CancellingChangesNothing)
{
    EXPECT_FALSE(giveAcmeToBob([](QMessageBox &box) { return box.escapeButton(); }));
    EXPECT_TRUE(asked);
    EXPECT_EQ(storedAccountOwner(book.acme), book.alice);
    EXPECT_EQ(storedOwner(book.o1), book.alice);
    EXPECT_EQ(session()->undoStack()->count(), 0);
    EXPECT_EQ(page->accountModel()->rowCount(), 1);
}

TEST_F(GuiAccountsPage, AnAccountWithoutOpenDealsIsNotAsked)
{
    // Globex's only open deal, its pilot, is lost: nothing to ask about.
    window->scope()->setRepIndex(-1);
    ASSERT_TRUE(session()->edit(&BookEditor::setStage, only(book.o3), Stage::Lost,
                                QDate::currentDate()));
    const int undoBefore = session()->undoStack()->count();
    AccountTableModel *model = page->accountModel();
    bool questioned = false;
    QTimer::singleShot(0, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            questioned = true;
            box->escapeButton()->click();
        }
    });
    ASSERT_TRUE(model->setData(model->index(model->rowOfId(book.globex), int(AccountColumn::Owner)),
                               qlonglong(book.alice)));
    QApplication::processEvents();
    EXPECT_FALSE(questioned) << "Globex has no open deal left";
    EXPECT_EQ(storedAccountOwner(book.globex), book.alice);
    EXPECT_EQ(session()->undoStack()->count(), undoBefore + 1);
}

} // namespace
