// The ROI work list's model under QAbstractItemModelTester (its warnings fail the test) while
// the page shows it: a text filter, scope changes, edits that add, change and remove rows,
// undo, a reload of the book and another book.
#include "roitesting.h"

#include "edits/bookeditor.h"
#include "pages/roi/roipage.h"
#include "pages/roi/roistate.h"
#include "pages/roi/worklistmodel.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

class GuiWorkListModel : public test::RoiFixture
{
protected:
    void TearDown() override
    {
        EXPECT_TRUE(warnings.messages().isEmpty())
                << qPrintable(warnings.messages().join(QLatin1Char('\n')));
        test::RoiFixture::TearDown();
    }

    WorkListModel *model() const { return page->workListModel(); }
    QStringList names() const
    {
        QStringList list;
        for (int r = 0; r < model()->rowCount(); ++r)
            list.append(model()->index(r, WorkListModel::Account).data().toString());
        return list;
    }

    test::ModelTestWarnings warnings;
};

TEST_F(GuiWorkListModel, PassesTheModelTesterThroughScopeEditsAndReload)
{
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(names(), (QStringList{ QStringLiteral("Acme Corp"), QStringLiteral("Globex") }));
    EXPECT_EQ(model()->columnCount(), int(WorkListModel::ColumnCount));

    model()->setTextFilter(QStringLiteral("glob"));
    EXPECT_EQ(names(), QStringList{ QStringLiteral("Globex") });
    model()->setTextFilter(QString());

    // Scope: Bob's accounts, then the North territory, then everything.
    ScopeState *scope = window->scope();
    scope->setRepIndex(session()->view()->repIndex(book.bob));
    EXPECT_EQ(names(), QStringList{ QStringLiteral("Globex") });
    scope->setRepIndex(-1);
    scope->setTerritoryIndex(session()->view()->territoryIndex(book.north));
    EXPECT_EQ(names(), QStringList{ QStringLiteral("Acme Corp") });

    // Scoring Initech (North) adds a row; its undo takes it away again.
    ASSERT_TRUE(session()->edit(&BookEditor::setScores,
                                std::vector<ScoreEdit>{ { book.initech, 1, 4 } },
                                QStringLiteral("Score")));
    QApplication::processEvents();
    EXPECT_EQ(names(), (QStringList{ QStringLiteral("Acme Corp"), QStringLiteral("Initech") }));
    session()->undoStack()->undo();
    QApplication::processEvents();
    EXPECT_EQ(names(), QStringList{ QStringLiteral("Acme Corp") });

    // Globex moved into North joins the list, moved back it leaves.
    ASSERT_TRUE(session()->edit(&BookEditor::setTerritory, only(book.globex), book.north));
    QApplication::processEvents();
    EXPECT_EQ(names(), (QStringList{ QStringLiteral("Acme Corp"), QStringLiteral("Globex") }));
    session()->undoStack()->undo();
    QApplication::processEvents();
    EXPECT_EQ(names(), QStringList{ QStringLiteral("Acme Corp") });
    scope->setTerritoryIndex(-1);

    // An edit of a figure in the list: Acme's potential.
    ASSERT_TRUE(session()->edit(&BookEditor::setPotential, only(book.acme), 100'000));
    QApplication::processEvents();
    EXPECT_EQ(model()->index(model()->rowOfAccount(row(book.acme)), WorkListModel::Potential)
                      .data()
                      .toString(),
              QStringLiteral("$1,000.00"));

    // The book reloaded keeps the list; another book empties it; the first one fills it again.
    ASSERT_TRUE(session()->reloadView() && session()->waitUntilLoaded());
    QApplication::processEvents();
    EXPECT_EQ(names(), (QStringList{ QStringLiteral("Globex"), QStringLiteral("Acme Corp") }));
    QString error;
    ASSERT_TRUE(session()->createBook(dir.path(QStringLiteral("empty.tpbook")), &error))
            << qPrintable(error);
    ASSERT_TRUE(session()->waitUntilLoaded());
    QApplication::processEvents();
    EXPECT_EQ(model()->rowCount(), 0);
    ASSERT_TRUE(test::openAndWait(*session(), book.path));
    QApplication::processEvents();
    EXPECT_EQ(model()->rowCount(), 2);
}

TEST_F(GuiWorkListModel, ReadingARowBeforeAnEditIsEvaluatedShowsTheRowsAnnounced)
{
    // An edit is evaluated on the event loop's next turn; a view that paints or a tool tip
    // asked for before that reads the rows the model announced, and data() never resets the
    // model under its caller (it did: the figures were evaluated inside data(), which then
    // read the old row's position in the new, shorter list).
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    window->scope()->setTerritoryIndex(session()->view()->territoryIndex(book.south));
    ASSERT_EQ(names(), QStringList{ QStringLiteral("Globex") });
    QSignalSpy resets(model(), &QAbstractItemModel::modelAboutToBeReset);

    ASSERT_TRUE(session()->edit(&BookEditor::setTerritory, only(book.globex), book.north));
    EXPECT_EQ(model()->rowCount(), 1);
    for (int column = 0; column < model()->columnCount(); ++column)
        for (const int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::FontRole) })
            model()->index(0, column).data(role);
    EXPECT_EQ(model()->index(0, WorkListModel::Account).data().toString(),
              QStringLiteral("Globex"));
    EXPECT_EQ(model()->accountAt(0), row(book.globex));
    EXPECT_EQ(resets.count(), 0);

    QApplication::processEvents();
    EXPECT_EQ(resets.count(), 1);
    EXPECT_EQ(model()->rowCount(), 0);
}

TEST_F(GuiWorkListModel, IsEmptyFromTheMomentAnotherViewIsAnnounced)
{
    // The ROI figures of a view are dropped when another one is announced (aboutToSwitchBook):
    // from then on the list has no rows until the new view's figures are in, so nothing that
    // hears of the switch after the model reads the rows of a list that is gone.
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_EQ(model()->rowCount(), 2);
    std::vector<int> rowsSeen;
    QObject::connect(session(), &BookSession::aboutToSwitchBook, model(), [&] {
        rowsSeen.push_back(model()->rowCount());
        for (int r = 0; r < model()->rowCount(); ++r)
            model()->index(r, WorkListModel::ExpectedValue).data();
    });

    ASSERT_TRUE(session()->reloadView() && session()->waitUntilLoaded());
    EXPECT_EQ(model()->rowCount(), 2);
    QString error;
    ASSERT_TRUE(session()->createBook(dir.path(QStringLiteral("empty.tpbook")), &error))
            << qPrintable(error);
    ASSERT_TRUE(session()->waitUntilLoaded());
    EXPECT_EQ(model()->rowCount(), 0);
    EXPECT_EQ(rowsSeen, (std::vector<int>{ 0, 0 }));
}

} // namespace
