// The table models: QAbstractItemModelTester through sort, filter and edits; displayed values
// in the locale; setData → command → undo → redo against the book itself.
#include "uitestbook.h"

#include "edits/bookeditor.h"
#include "models/accounttablemodel.h"
#include "models/formatter.h"
#include "models/modelroles.h"
#include "models/opportunitytablemodel.h"
#include "models/reptablemodel.h"
#include "session/booksession.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/opportunities.h"
#include "storage/reps.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using tp::ui::AccountTableModel;
using tp::ui::BookSession;
using tp::ui::OpportunityTableModel;
using tp::ui::RepTableModel;
using OC = tp::OpportunityColumn;
using AC = tp::AccountColumn;
using RC = tp::ui::RepTableModel::Column;

namespace {

class ModelFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Displayed values are asserted literally, in US English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        ASSERT_TRUE(test::openAndWait(session, book.path));
    }
    void TearDown() override
    {
        EXPECT_TRUE(warnings.messages().isEmpty())
                << qPrintable(warnings.messages().join(QLatin1Char('\n')));
        QLocale::setDefault(QLocale::system());
    }

    Opportunity stored(Id id)
    {
        auto b = Book::open(book.path);
        return *OpportunityRepository(*b).byId(id);
    }

    test::ModelTestWarnings warnings;
    test::TempDir dir;
    test::SmallBook book;
    BookSession session;
};

using GuiOpportunityModel = ModelFixture;
using GuiAccountModel = ModelFixture;
using GuiRepModel = ModelFixture;

QString text(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

QList<qlonglong> ids(const QAbstractItemModel &model)
{
    QList<qlonglong> list;
    for (int row = 0; row < model.rowCount(); ++row)
        if (const QVariant id = model.index(row, 0).data(ui::IdRole); id.isValid())
            list.append(id.toLongLong()); // a total row has no id
    return list;
}

// --- Opportunities --------------------------------------------------------------------------

TEST_F(GuiOpportunityModel, PassesTheModelTesterThroughSortFilterAndEdit)
{
    OpportunityTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(model.rowCount(), 6);
    EXPECT_EQ(model.columnCount(), 13);
    model.sort(int(OC::Amount), Qt::DescendingOrder);
    model.setTextFilter(QStringLiteral("acme"));
    EXPECT_EQ(model.rowCount(), 2);
    model.setTextFilter(QString());
    model.setStageFilter(Stage::Won);
    EXPECT_EQ(model.rowCount(), 1);
    model.setStageFilter(std::nullopt);
    EXPECT_TRUE(model.setData(model.index(0, int(OC::Amount)), 5.0));
    session.undoStack()->undo();
    model.sort(int(OC::Name), Qt::AscendingOrder);
    EXPECT_EQ(model.rowCount(), 6);
}

TEST_F(GuiOpportunityModel, ShowsValuesInTheLocale)
{
    OpportunityTableModel model(&session);
    model.sort(int(OC::Name), Qt::AscendingOrder);
    // Acme expansion, Acme renewal, Globex pilot, Globex platform, Initech new logo, Old deal
    ASSERT_EQ(ids(model),
              (QList<qlonglong>{ book.o2, book.o1, book.o3, book.o4, book.o5, book.o6 }));
    EXPECT_EQ(text(model, 1, int(OC::Name)), QStringLiteral("Acme renewal"));
    EXPECT_EQ(text(model, 1, int(OC::Account)), QStringLiteral("Acme Corp"));
    EXPECT_EQ(text(model, 1, int(OC::Owner)), QStringLiteral("Alice Archer"));
    EXPECT_EQ(text(model, 1, int(OC::Stage)), QStringLiteral("Propose"));
    EXPECT_EQ(text(model, 1, int(OC::Status)), QStringLiteral("Open"));
    EXPECT_EQ(text(model, 1, int(OC::Amount)), QStringLiteral("$10,000.00"));
    EXPECT_EQ(text(model, 1, int(OC::Probability)), QStringLiteral("50%"));
    EXPECT_EQ(text(model, 1, int(OC::Weighted)), QStringLiteral("$5,000.00"));
    EXPECT_EQ(text(model, 1, int(OC::CloseDate)), QStringLiteral("12/15/2026"));
    EXPECT_EQ(text(model, 1, int(OC::CrmId)), QStringLiteral("OPP-1"));
    EXPECT_EQ(text(model, 0, int(OC::Probability)), QStringLiteral("40%")); // override
    EXPECT_EQ(text(model, 2, int(OC::Probability)), QStringLiteral("60%")); // import
    EXPECT_EQ(text(model, 2, int(OC::Weighted)), QStringLiteral("$4,200.00"));
    EXPECT_EQ(text(model, 3, int(OC::Status)), QStringLiteral("Won"));
    EXPECT_EQ(text(model, 4, int(OC::Owner)), QStringLiteral("Unassigned"));
    EXPECT_EQ(text(model, 4, int(OC::Amount)), QStringLiteral("$1,200.50"));
    EXPECT_EQ(model.index(1, int(OC::Amount)).data(ui::RawValueRole).toLongLong(), 1'000'000);
    EXPECT_EQ(model.index(1, int(OC::CloseDate)).data(ui::RawValueRole).toDate(),
              QDate(2026, 12, 15));
    const auto alignment =
            model.index(1, int(OC::Amount)).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    EXPECT_TRUE(alignment & Qt::AlignRight);
    EXPECT_EQ(model.headerData(int(OC::CloseDate), Qt::Horizontal).toString(),
              QStringLiteral("Expected close"));
    EXPECT_TRUE(model.flags(model.index(1, int(OC::Stage))) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.flags(model.index(1, int(OC::Name))) & Qt::ItemIsEditable);
}

TEST_F(GuiOpportunityModel, DatesHaveFourDigitYearsInTheLocaleOrder)
{
    // As the scope bar shows them: 12/15/26 in a table next to 12/15/2026 in the bar read badly.
    for (const auto &[locale, expected] :
         { std::pair{ QLocale(QLocale::English, QLocale::UnitedStates), "12/15/2026" },
           std::pair{ QLocale(QLocale::English, QLocale::UnitedKingdom), "15/12/2026" },
           std::pair{ QLocale(QLocale::German, QLocale::Germany), "15.12.2026" } }) {
        QLocale::setDefault(locale);
        OpportunityTableModel model(&session);
        EXPECT_EQ(text(model, model.rowOfId(book.o1), int(OC::CloseDate)),
                  QString::fromUtf8(expected));
    }
}

TEST_F(GuiOpportunityModel, SortsAndFiltersByPermutation)
{
    OpportunityTableModel model(&session);
    model.sort(int(OC::Amount), Qt::DescendingOrder);
    EXPECT_EQ(ids(model),
              (QList<qlonglong>{ book.o4, book.o1, book.o3, book.o2, book.o5, book.o6 }));
    model.setTextFilter(QStringLiteral("ACME")); // account names match, case-insensitively
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o1, book.o2 }));
    model.setTextFilter(QString());
    model.setStatusFilter(Status::Open);
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o1, book.o3, book.o2, book.o5 }));
    model.setOwnerFilter(session.view()->repIndex(book.bob));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o3 }));
    model.setOwnerFilter(-1);
    model.setStatusFilter(std::nullopt);
    model.setScope(-1, session.view()->territoryIndex(book.north));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o1, book.o2, book.o5, book.o6 }));
    model.setScope(session.view()->repIndex(book.alice), -1);
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o1, book.o2, book.o6 }));
    model.sort(int(OC::Amount), Qt::AscendingOrder); // the filter stays
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o6, book.o2, book.o1 }));
    EXPECT_EQ(model.totalCount(), 6);
}

TEST_F(GuiOpportunityModel, StageEditRoundTripsThroughTheUndoStack)
{
    OpportunityTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const int row = model.rowOfId(book.o1);
    ASSERT_GE(row, 0);
    const auto historyBefore = [&] {
        auto b = Book::open(book.path);
        return OpportunityRepository(*b).stageHistory(book.o1).size();
    };
    const std::size_t history = historyBefore();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    ASSERT_TRUE(model.setData(model.index(row, int(OC::Stage)), int(Stage::Won)));
    ASSERT_EQ(changed.count(), 1); // that row only
    EXPECT_EQ(changed.at(0).at(0).toModelIndex().row(), row);
    EXPECT_EQ(changed.at(0).at(1).toModelIndex().row(), row);
    EXPECT_EQ(text(model, row, int(OC::Stage)), QStringLiteral("Won"));
    EXPECT_EQ(text(model, row, int(OC::Status)), QStringLiteral("Won"));
    EXPECT_EQ(text(model, row, int(OC::Probability)), QStringLiteral("100%"));
    EXPECT_EQ(stored(book.o1).stage, Stage::Won);
    EXPECT_EQ(historyBefore(), history + 1);

    session.undoStack()->undo();
    EXPECT_EQ(text(model, row, int(OC::Stage)), QStringLiteral("Propose"));
    EXPECT_EQ(text(model, row, int(OC::Status)), QStringLiteral("Open"));
    EXPECT_EQ(stored(book.o1).stage, Stage::Propose);
    EXPECT_EQ(historyBefore(), history);

    session.undoStack()->redo();
    EXPECT_EQ(text(model, row, int(OC::Stage)), QStringLiteral("Won"));
    EXPECT_EQ(stored(book.o1).status, Status::Won);
    EXPECT_EQ(historyBefore(), history + 1);
}

TEST_F(GuiOpportunityModel, AmountCloseDateProbabilityAndOwnerEdits)
{
    OpportunityTableModel model(&session);
    const int o1 = model.rowOfId(book.o1);
    const int o2 = model.rowOfId(book.o2);
    const int o5 = model.rowOfId(book.o5);

    EXPECT_TRUE(model.setData(model.index(o1, int(OC::Amount)), QStringLiteral("$12,345.67")));
    EXPECT_EQ(text(model, o1, int(OC::Amount)), QStringLiteral("$12,345.67"));
    EXPECT_EQ(text(model, o1, int(OC::Weighted)),
              QStringLiteral("$6,172.84")); // half away from zero
    EXPECT_EQ(stored(book.o1).amount, 1'234'567);

    EXPECT_TRUE(model.setData(model.index(o1, int(OC::CloseDate)), QDate(2027, 2, 1)));
    EXPECT_EQ(text(model, o1, int(OC::CloseDate)), QStringLiteral("2/1/2027"));
    // Pasted text: the table's own four-digit form, a short form, ISO 8601.
    EXPECT_TRUE(model.setData(model.index(o1, int(OC::CloseDate)), QStringLiteral("2/3/2027")));
    EXPECT_EQ(stored(book.o1).closeDate, QDate(2027, 2, 3));
    EXPECT_TRUE(model.setData(model.index(o1, int(OC::CloseDate)), QStringLiteral("2/2/27")));
    EXPECT_EQ(stored(book.o1).closeDate, QDate(2027, 2, 2));
    EXPECT_TRUE(model.setData(model.index(o1, int(OC::CloseDate)), QStringLiteral("2027-02-01")));
    EXPECT_EQ(stored(book.o1).closeDate, QDate(2027, 2, 1));

    EXPECT_TRUE(model.setData(model.index(o1, int(OC::Probability)), QStringLiteral("45%")));
    EXPECT_EQ(stored(book.o1).probabilityOverride, 4500);
    EXPECT_TRUE(model.setData(model.index(o2, int(OC::Probability)), QVariant())); // clears
    EXPECT_EQ(text(model, o2, int(OC::Probability)), QStringLiteral("10%"));
    EXPECT_FALSE(stored(book.o2).probabilityOverride.has_value());

    EXPECT_TRUE(model.setData(model.index(o5, int(OC::Owner)), qlonglong(book.bob)));
    EXPECT_EQ(text(model, o5, int(OC::Owner)), QStringLiteral("Bob Baker"));

    EXPECT_EQ(session.undoStack()->count(), 8);
    session.undoStack()->setIndex(0);
    EXPECT_EQ(text(model, o1, int(OC::Amount)), QStringLiteral("$10,000.00"));
    EXPECT_EQ(text(model, o1, int(OC::CloseDate)), QStringLiteral("12/15/2026"));
    EXPECT_EQ(text(model, o2, int(OC::Probability)), QStringLiteral("40%"));
    EXPECT_EQ(text(model, o5, int(OC::Owner)), QStringLiteral("Unassigned"));
    const Opportunity o = stored(book.o1);
    EXPECT_EQ(o.amount, 1'000'000);
    EXPECT_EQ(o.closeDate, QDate(2026, 12, 15));
    EXPECT_FALSE(o.probabilityOverride.has_value());
}

// METRICS "Forecast categories": the column shows the category a deal counts in; the rep's call
// is set in the table, reads in italics with what the CRM said, and is undone like any edit.
TEST_F(GuiOpportunityModel, ForecastCallShowsApartAndUndoes)
{
    OpportunityTableModel model(&session);
    const int o1 = model.rowOfId(book.o1); // Propose, nothing imported
    const QModelIndex forecast = model.index(o1, int(OC::Forecast));
    EXPECT_EQ(model.headerData(int(OC::Forecast), Qt::Horizontal).toString(),
              QStringLiteral("Forecast"));
    EXPECT_EQ(forecast.data().toString(), QStringLiteral("Best Case"));
    EXPECT_EQ(forecast.data(Qt::ToolTipRole).toString(),
              QStringLiteral("Default of the Propose stage"));
    EXPECT_FALSE(forecast.data(Qt::FontRole).isValid());
    EXPECT_TRUE(model.flags(forecast) & Qt::ItemIsEditable);

    ASSERT_TRUE(model.setData(forecast, QStringLiteral("commit")));
    EXPECT_EQ(forecast.data().toString(), QStringLiteral("Commit"));
    EXPECT_TRUE(forecast.data(Qt::FontRole).value<QFont>().italic());
    EXPECT_EQ(forecast.data(Qt::ToolTipRole).toString(),
              QStringLiteral("Rep's call; the CRM gives none, the Propose stage says Best Case"));
    EXPECT_EQ(forecast.data(ui::RawValueRole).toInt(), int(ForecastCategory::Commit));
    EXPECT_EQ(stored(book.o1).forecastCall, ForecastCategory::Commit);
    EXPECT_EQ(session.undoStack()->undoText(), QStringLiteral("Call “Acme renewal” Commit"));

    // What the CRM said shows beside the call.
    {
        auto b = Book::open(book.path);
        b->db().exec("UPDATE opportunities SET forecast_category = 0 WHERE id = "
                     + std::to_string(book.o3));
    }
    ASSERT_TRUE(test::openAndWait(session, book.path));
    const int o3 = model.rowOfId(book.o3);
    ASSERT_TRUE(model.setData(model.index(o3, int(OC::Forecast)), int(ForecastCategory::Commit)));
    EXPECT_EQ(model.index(o3, int(OC::Forecast)).data(Qt::ToolTipRole).toString(),
              QStringLiteral("Rep's call; CRM says Pipeline"));
    session.undoStack()->undo();
    EXPECT_EQ(model.index(o3, int(OC::Forecast)).data().toString(), QStringLiteral("Pipeline"));
    EXPECT_EQ(model.index(o3, int(OC::Forecast)).data(Qt::ToolTipRole).toString(),
              QStringLiteral("From the CRM import"));
    EXPECT_FALSE(stored(book.o3).forecastCall);
    session.undoStack()->redo();
    EXPECT_EQ(model.index(o3, int(OC::Forecast)).data().toString(), QStringLiteral("Commit"));

    EXPECT_FALSE(model.setData(model.index(o3, int(OC::Forecast)), QStringLiteral("Upside")));
    // A won deal is Closed whatever anyone calls it.
    model.sort(int(OC::Name), Qt::AscendingOrder);
    const QModelIndex won = model.index(model.rowOfId(book.o4), int(OC::Forecast));
    EXPECT_EQ(won.data().toString(), QStringLiteral("Closed"));
    EXPECT_FALSE(model.flags(won) & Qt::ItemIsEditable);
}

TEST_F(GuiOpportunityModel, RefusesInvalidValuesWithAMessage)
{
    OpportunityTableModel model(&session);
    QSignalSpy errors(&session, &BookSession::errorOccurred);
    const int row = model.rowOfId(book.o1);
    EXPECT_FALSE(model.setData(model.index(row, int(OC::Amount)), QStringLiteral("lots")));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::Amount)), -5.0));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::Probability)), 150));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::Probability)), -1));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::CloseDate)), QDate()));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::CloseDate)), QStringLiteral("someday")));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::Stage)), QStringLiteral("Dreaming")));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::Owner)), QStringLiteral("Nobody Known")));
    EXPECT_FALSE(model.setData(model.index(row, int(OC::Name)), QStringLiteral("renamed")));
    EXPECT_EQ(errors.count(), 8);
    EXPECT_EQ(errors.at(1).at(0).toString(), QStringLiteral("An amount cannot be negative."));
    EXPECT_EQ(session.undoStack()->count(), 0);
    const Opportunity o = stored(book.o1);
    EXPECT_EQ(o.amount, 1'000'000);
    EXPECT_EQ(o.stage, Stage::Propose);
    EXPECT_EQ(o.closeDate, QDate(2026, 12, 15));
    EXPECT_EQ(o.ownerId, book.alice);
    EXPECT_EQ(text(model, row, int(OC::Amount)), QStringLiteral("$10,000.00"));
}

// --- Accounts -------------------------------------------------------------------------------

TEST_F(GuiAccountModel, PassesTheModelTesterAndShowsDerivedPotential)
{
    AccountTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.sort(int(AC::Name), Qt::AscendingOrder);
    ASSERT_EQ(ids(model), (QList<qlonglong>{ book.acme, book.globex, book.initech }));
    EXPECT_EQ(text(model, 0, int(AC::Potential)), QStringLiteral("$500,000.00"));
    EXPECT_FALSE(model.index(0, int(AC::Potential)).data(Qt::FontRole).value<QFont>().italic());
    EXPECT_EQ(text(model, 0, int(AC::OpenPipeline)), QStringLiteral("$12,500.00"));
    EXPECT_EQ(text(model, 0, int(AC::OpenOpportunities)), QStringLiteral("2"));
    EXPECT_EQ(text(model, 0, int(AC::Territory)), QStringLiteral("North"));
    EXPECT_EQ(text(model, 0, int(AC::Industry)), QStringLiteral("Software"));
    // Globex has no potential set: it is its open pipeline, in italics, and says so.
    EXPECT_EQ(text(model, 1, int(AC::Potential)), QStringLiteral("$7,000.00"));
    EXPECT_TRUE(model.index(1, int(AC::Potential)).data(Qt::FontRole).value<QFont>().italic());
    EXPECT_EQ(text(model, 1, int(AC::Potential), Qt::ToolTipRole),
              QStringLiteral("Derived from open pipeline"));
    EXPECT_EQ(text(model, 2, int(AC::Owner)), QStringLiteral("Unassigned"));

    model.sort(int(AC::Potential), Qt::DescendingOrder);
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.acme, book.globex, book.initech }));
    model.setTextFilter(QStringLiteral("software")); // industry matches
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.acme, book.initech }));
    model.setTextFilter(QString());
    model.setScope(-1, session.view()->territoryIndex(book.south));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.globex }));
}

TEST_F(GuiAccountModel, PotentialAndOwnerEditsUndo)
{
    AccountTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const int globex = model.rowOfId(book.globex);
    ASSERT_TRUE(model.setData(model.index(globex, int(AC::Potential)), QStringLiteral("1,234.50")));
    EXPECT_EQ(text(model, globex, int(AC::Potential)), QStringLiteral("$1,234.50"));
    EXPECT_FALSE(
            model.index(globex, int(AC::Potential)).data(Qt::FontRole).value<QFont>().italic());
    {
        auto b = Book::open(book.path);
        EXPECT_EQ(AccountRepository(*b).byId(book.globex)->potential, 123'450);
    }
    ASSERT_TRUE(
            model.setData(model.index(globex, int(AC::Potential)), QVariant())); // back to derived
    EXPECT_EQ(text(model, globex, int(AC::Potential)), QStringLiteral("$7,000.00"));
    const int initech = model.rowOfId(book.initech);
    ASSERT_TRUE(model.setData(model.index(initech, int(AC::Owner)), QStringLiteral("Bob Baker")));
    EXPECT_EQ(text(model, initech, int(AC::Owner)), QStringLiteral("Bob Baker"));

    QSignalSpy errors(&session, &BookSession::errorOccurred);
    EXPECT_FALSE(model.setData(model.index(globex, int(AC::Potential)), -10.0));
    EXPECT_EQ(errors.count(), 1);

    session.undoStack()->setIndex(0);
    EXPECT_EQ(text(model, initech, int(AC::Owner)), QStringLiteral("Unassigned"));
    EXPECT_EQ(text(model, globex, int(AC::Potential)), QStringLiteral("$7,000.00"));
    EXPECT_TRUE(model.index(globex, int(AC::Potential)).data(Qt::FontRole).value<QFont>().italic());
    auto b = Book::open(book.path);
    EXPECT_FALSE(AccountRepository(*b).byId(book.globex)->potential.has_value());
    EXPECT_FALSE(AccountRepository(*b).byId(book.initech)->ownerId.has_value());
}

// Issue 16, item 8: an account's territory is edited in its cell, by the territory's name or
// id, with undo; a territory with an owner makes its rep the account's owner (docs/METRICS.md,
// "Territories").
TEST_F(GuiAccountModel, TerritoryEditsMoveTheAccountAndUndo)
{
    AccountTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const int initech = model.rowOfId(book.initech);
    EXPECT_TRUE(model.flags(model.index(initech, int(AC::Territory))) & Qt::ItemIsEditable);
    ASSERT_TRUE(model.setData(model.index(initech, int(AC::Territory)), QStringLiteral("south")));
    EXPECT_EQ(text(model, initech, int(AC::Territory)), QStringLiteral("South"));
    EXPECT_EQ(model.index(initech, int(AC::Territory)).data(Qt::EditRole), qlonglong(book.south));
    EXPECT_EQ(text(model, initech, int(AC::Owner)), QStringLiteral("Bob Baker"));
    EXPECT_EQ(session.undoStack()->undoText(),
              QStringLiteral("Move account “Initech” to territory South"));
    {
        auto b = Book::open(book.path);
        EXPECT_EQ(AccountRepository(*b).byId(book.initech)->territoryId, book.south);
        EXPECT_EQ(AccountRepository(*b).byId(book.initech)->ownerId, book.bob);
    }
    ASSERT_TRUE(model.setData(model.index(initech, int(AC::Territory)), QVariant()));
    EXPECT_EQ(session.undoStack()->undoText(),
              QStringLiteral("Take account “Initech” out of its territory"));
    EXPECT_FALSE(model.index(initech, int(AC::Territory)).data(Qt::EditRole).isValid());

    QSignalSpy errors(&session, &BookSession::errorOccurred);
    EXPECT_FALSE(model.setData(model.index(initech, int(AC::Territory)), QStringLiteral("Mars")));
    EXPECT_EQ(errors.count(), 1);

    session.undoStack()->setIndex(0);
    EXPECT_EQ(text(model, initech, int(AC::Territory)), QStringLiteral("North"));
    EXPECT_EQ(text(model, initech, int(AC::Owner)), QStringLiteral("Unassigned"));
    session.undoStack()->redo();
    EXPECT_EQ(text(model, initech, int(AC::Territory)), QStringLiteral("South"));
    auto b = Book::open(book.path);
    EXPECT_EQ(AccountRepository(*b).byId(book.initech)->territoryId, book.south);
}

TEST_F(GuiAccountModel, FollowsOpportunityEditsOfItsPipeline)
{
    AccountTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const int globex = model.rowOfId(book.globex);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(session.edit(&BookEditor::setAmount, book.o3, 900'000));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex().row(), globex);
    EXPECT_EQ(text(model, globex, int(AC::OpenPipeline)), QStringLiteral("$9,000.00"));
    EXPECT_EQ(text(model, globex, int(AC::Potential)), QStringLiteral("$9,000.00"));
    ASSERT_TRUE(
            session.edit(&BookEditor::setStage, only(book.o3), Stage::Lost, QDate::currentDate()));
    EXPECT_EQ(text(model, globex, int(AC::OpenPipeline)), QStringLiteral("$0.00"));
    EXPECT_EQ(text(model, globex, int(AC::OpenOpportunities)), QStringLiteral("0"));
    session.undoStack()->setIndex(0);
    EXPECT_EQ(text(model, globex, int(AC::OpenPipeline)), QStringLiteral("$7,000.00"));
    EXPECT_EQ(text(model, globex, int(AC::OpenOpportunities)), QStringLiteral("1"));
}

// Edits that take rows out of the scope or the filter and bring others in remove and insert
// those rows one by one (BookTableModel::updateRow), watched by the model tester.
TEST_F(GuiAccountModel, RowsLeaveAndJoinTheScopeOneByOne)
{
    AccountTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.sort(int(AC::Name), Qt::AscendingOrder);
    model.setScope(-1, session.view()->territoryIndex(book.south));
    ASSERT_EQ(ids(model), (QList<qlonglong>{ book.globex }));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    ASSERT_TRUE(session.edit(&BookEditor::setTerritory, only(book.acme), book.south));
    ASSERT_TRUE(session.edit(&BookEditor::setTerritory, only(book.initech), book.south));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.acme, book.globex, book.initech }));
    ASSERT_TRUE(session.edit(&BookEditor::setTerritory, only(book.globex), book.north));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.acme, book.initech }));
    EXPECT_EQ(inserted.count(), 2);
    EXPECT_EQ(removed.count(), 1);

    session.undoStack()->setIndex(0);
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.globex }));
    session.undoStack()->redo();
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.acme, book.globex }));
}

TEST_F(GuiOpportunityModel, RowsLeaveAndJoinTheOwnerFilterOneByOne)
{
    OpportunityTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.sort(int(OC::Amount), Qt::DescendingOrder);
    model.setOwnerFilter(session.view()->repIndex(book.bob));
    ASSERT_EQ(ids(model), (QList<qlonglong>{ book.o4, book.o3 }));

    ASSERT_TRUE(session.edit(&BookEditor::setOpportunityOwner, only(book.o1), book.bob));
    ASSERT_TRUE(session.edit(&BookEditor::setOpportunityOwner, only(book.o5), book.bob));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o4, book.o1, book.o3, book.o5 }));
    ASSERT_TRUE(session.edit(&BookEditor::setOpportunityOwner, only(book.o4), book.alice));
    ASSERT_TRUE(session.edit(&BookEditor::setOpportunityOwner, only(book.o3), std::nullopt));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o1, book.o5 }));
    session.undoStack()->setIndex(0);
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.o4, book.o3 }));
}

// --- Reps -----------------------------------------------------------------------------------

TEST_F(GuiRepModel, ShowsQuotaWonAttainmentCapacityAndLoad)
{
    RepTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPeriod(*Period::parse(QStringLiteral("2026-Q4")), QDate(2026, 11, 15));
    model.sort(int(RC::Rep), Qt::AscendingOrder);
    ASSERT_EQ(ids(model), (QList<qlonglong>{ book.alice, book.bob }));
    EXPECT_EQ(model.headerData(int(RC::Quota), Qt::Horizontal).toString(),
              QStringLiteral("Quota (2026-Q4)"));
    EXPECT_EQ(model.headerData(int(RC::Won), Qt::Horizontal).toString(),
              QStringLiteral("Won (2026-Q4)"));
    EXPECT_EQ(text(model, 0, int(RC::Quota)), QStringLiteral("$30,000.00"));
    EXPECT_EQ(text(model, 1, int(RC::Quota)), QStringLiteral("—"));
    EXPECT_EQ(text(model, 0, int(RC::Won)), QStringLiteral("$0.00"));
    EXPECT_EQ(text(model, 0, int(RC::Attainment)), QStringLiteral("0.0%"));
    EXPECT_TRUE(model.index(0, int(RC::Attainment)).data(Qt::ForegroundRole).isValid())
            << "below the 80% bar";
    EXPECT_EQ(text(model, 1, int(RC::Attainment)), QStringLiteral("no quota"));
    EXPECT_FALSE(model.index(1, int(RC::Attainment)).data(ui::RawValueRole).isValid());
    EXPECT_EQ(text(model, 0, int(RC::Capacity)), QStringLiteral("2"));
    EXPECT_EQ(text(model, 1, int(RC::Capacity)), QStringLiteral("20"));
    EXPECT_TRUE(model.index(1, int(RC::Capacity)).data(Qt::FontRole).value<QFont>().italic());
    EXPECT_EQ(text(model, 0, int(RC::Active)), QStringLiteral("2"));
    EXPECT_EQ(text(model, 1, int(RC::Active)), QStringLiteral("1"));
    EXPECT_EQ(text(model, 0, int(RC::OpenPipeline)), QStringLiteral("$12,500.00"));
    EXPECT_EQ(text(model, 1, int(RC::OpenPipeline)), QStringLiteral("$7,000.00"));
    EXPECT_FALSE(model.index(0, int(RC::Active)).data(Qt::ForegroundRole).isValid()); // 2 of 2

    // Bob's Globex platform was won on 30 September: the third quarter shows it.
    model.setPeriod(*Period::parse(QStringLiteral("2026-Q3")), QDate(2026, 11, 15));
    EXPECT_EQ(text(model, model.rowOfId(book.bob), int(RC::Won)), QStringLiteral("$20,000.00"));
    EXPECT_EQ(text(model, model.rowOfId(book.alice), int(RC::Attainment)),
              QStringLiteral("no quota"));
    model.setPeriod(*Period::parse(QStringLiteral("2026-Q4")), QDate(2026, 11, 15));

    model.sort(int(RC::OpenPipeline), Qt::AscendingOrder);
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.bob, book.alice }));
    model.sort(int(RC::Attainment), Qt::DescendingOrder);
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.alice, book.bob })) << "undefined last";
    model.setScope(-1, session.view()->territoryIndex(book.south));
    EXPECT_EQ(ids(model), (QList<qlonglong>{ book.bob }));
    model.setScope(-1, -1);
    model.setPeriod(*Period::parse(QStringLiteral("2027-Q1")), QDate(2027, 1, 15));
    EXPECT_EQ(text(model, model.rowOfId(book.alice), int(RC::Quota)), QStringLiteral("—"));
}

TEST_F(GuiRepModel, TheTeamLineComesLastWithTheTeamsTotals)
{
    RepTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPeriod(*Period::parse(QStringLiteral("2026-Q4")), QDate(2026, 11, 15));
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_EQ(model.shownCount(), 2);
    const int team = model.teamRow();
    ASSERT_EQ(team, 2);
    EXPECT_EQ(text(model, team, int(RC::Rep)), QStringLiteral("Team (2 reps)"));
    EXPECT_EQ(text(model, team, int(RC::Quota)), QStringLiteral("$30,000.00"));
    EXPECT_EQ(text(model, team, int(RC::Won)), QStringLiteral("$0.00"));
    EXPECT_EQ(text(model, team, int(RC::Attainment)), QStringLiteral("0.0%"));
    EXPECT_EQ(text(model, team, int(RC::Capacity)), QStringLiteral("22"));
    EXPECT_EQ(text(model, team, int(RC::Active)), QStringLiteral("3"));
    // The team's open pipeline holds Initech's new logo, which no rep owns.
    EXPECT_EQ(text(model, team, int(RC::OpenPipeline)), QStringLiteral("$20,700.50"));
    EXPECT_EQ(text(model, team, int(RC::OpenPipeline), Qt::ToolTipRole),
              QStringLiteral("Includes $1,200.50 in 1 open deal that no rep owns"));
    EXPECT_FALSE(model.index(team, 0).data(ui::IdRole).isValid());

    // Distinct, never edited or selected, and never sorted in among the reps.
    EXPECT_TRUE(model.index(team, 0).data(Qt::FontRole).value<QFont>().bold());
    EXPECT_TRUE(model.index(team, 0).data(Qt::BackgroundRole).isValid());
    EXPECT_FALSE(model.index(0, 0).data(Qt::BackgroundRole).isValid());
    const Qt::ItemFlags flags = model.flags(model.index(team, int(RC::Quota)));
    EXPECT_FALSE(flags & Qt::ItemIsEditable);
    EXPECT_FALSE(flags & Qt::ItemIsSelectable);
    EXPECT_FALSE(model.setData(model.index(team, int(RC::Quota)), QStringLiteral("1000")));
    for (const auto order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        for (const RC column : { RC::Rep, RC::Quota, RC::Won, RC::OpenPipeline }) {
            model.sort(int(column), order);
            EXPECT_EQ(text(model, model.rowCount() - 1, int(RC::Rep)),
                      QStringLiteral("Team (2 reps)"));
        }
    }
    // The team line stays the team's when a search shows one rep, and goes with the last.
    model.setTextFilter(QStringLiteral("bob"));
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(text(model, 1, int(RC::Quota)), QStringLiteral("$30,000.00"));
    model.setTextFilter(QStringLiteral("nobody"));
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.teamRow(), -1);
    model.setTextFilter(QString());

    // A quota for Bob: the team's target and attainment follow.
    ASSERT_TRUE(session.edit(&BookEditor::setQuota, only(book.bob), QStringLiteral("2026-Q4"),
                             1'000'000));
    EXPECT_EQ(text(model, model.teamRow(), int(RC::Quota)), QStringLiteral("$40,000.00"));
    session.undoStack()->undo();
    EXPECT_EQ(text(model, model.teamRow(), int(RC::Quota)), QStringLiteral("$30,000.00"));
}

TEST_F(GuiRepModel, QuotaAndCapacityEditsUndo)
{
    RepTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPeriod(*Period::parse(QStringLiteral("2026-Q4")), QDate(2026, 11, 15));
    const int alice = model.rowOfId(book.alice);
    const int bob = model.rowOfId(book.bob);

    ASSERT_TRUE(model.setData(model.index(bob, int(RC::Quota)), QStringLiteral("5000")));
    EXPECT_EQ(text(model, bob, int(RC::Quota)), QStringLiteral("$5,000.00"));
    ASSERT_TRUE(model.setData(model.index(alice, int(RC::Capacity)), 1));
    EXPECT_EQ(text(model, alice, int(RC::Capacity)), QStringLiteral("1"));
    // Two active opportunities against a capacity of one: flagged.
    EXPECT_TRUE(model.index(alice, int(RC::Active)).data(Qt::ForegroundRole).isValid());
    EXPECT_FALSE(text(model, alice, int(RC::Active), Qt::ToolTipRole).isEmpty());
    {
        auto b = Book::open(book.path);
        EXPECT_EQ(RepRepository(*b).quota(book.bob, QStringLiteral("2026-Q4")), 500'000);
        EXPECT_EQ(RepRepository(*b).byId(book.alice)->capacity, 1);
    }

    QSignalSpy errors(&session, &BookSession::errorOccurred);
    EXPECT_FALSE(model.setData(model.index(alice, int(RC::Capacity)), -3));
    EXPECT_FALSE(model.setData(model.index(alice, int(RC::Capacity)), QStringLiteral("many")));
    EXPECT_FALSE(model.setData(model.index(alice, int(RC::Quota)), QStringLiteral("-1")));
    EXPECT_EQ(errors.count(), 3);
    EXPECT_EQ(errors.at(0).at(0).toString(), QStringLiteral("Capacity cannot be negative."));

    ASSERT_TRUE(model.setData(model.index(alice, int(RC::Capacity)), QVariant())); // book default
    EXPECT_EQ(text(model, alice, int(RC::Capacity)), QStringLiteral("20"));

    session.undoStack()->setIndex(0);
    EXPECT_EQ(text(model, bob, int(RC::Quota)), QStringLiteral("—"));
    EXPECT_EQ(text(model, alice, int(RC::Capacity)), QStringLiteral("2"));
    auto b = Book::open(book.path);
    EXPECT_FALSE(RepRepository(*b).quota(book.bob, QStringLiteral("2026-Q4")).has_value());
    EXPECT_EQ(RepRepository(*b).byId(book.alice)->capacity, 2);
}

TEST_F(GuiRepModel, FollowsOpportunityEdits)
{
    RepTableModel model(&session);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    // A stage edit is dated today: the period that holds today shows the win.
    model.setPeriod(Period::containing(QDate::currentDate()), QDate::currentDate());
    const int alice = model.rowOfId(book.alice);
    ASSERT_TRUE(session.edit(&BookEditor::setQuota, only(book.alice), model.period(), 3'000'000));
    ASSERT_TRUE(
            session.edit(&BookEditor::setStage, only(book.o1), Stage::Won, QDate::currentDate()));
    EXPECT_EQ(text(model, alice, int(RC::Active)), QStringLiteral("1"));
    EXPECT_EQ(text(model, alice, int(RC::OpenPipeline)), QStringLiteral("$2,500.00"));
    EXPECT_EQ(text(model, alice, int(RC::Won)), QStringLiteral("$10,000.00"));
    EXPECT_EQ(text(model, alice, int(RC::Attainment)), QStringLiteral("33.3%"));
    EXPECT_EQ(text(model, model.teamRow(), int(RC::Won)), QStringLiteral("$10,000.00"));
    session.undoStack()->undo();
    EXPECT_EQ(text(model, alice, int(RC::Active)), QStringLiteral("2"));
    EXPECT_EQ(text(model, alice, int(RC::Won)), QStringLiteral("$0.00"));
    EXPECT_EQ(text(model, alice, int(RC::Attainment)), QStringLiteral("0.0%"));
}

TEST_F(GuiRepModel, ResetsWhenAnotherBookLoads)
{
    OpportunityTableModel opportunities(&session);
    RepTableModel reps(&session);
    QAbstractItemModelTester t1(&opportunities,
                                QAbstractItemModelTester::FailureReportingMode::Warning);
    QAbstractItemModelTester t2(&reps, QAbstractItemModelTester::FailureReportingMode::Warning);
    opportunities.setOwnerFilter(session.view()->repIndex(book.bob));
    ASSERT_EQ(opportunities.rowCount(), 2);
    QSignalSpy reset(&opportunities, &QAbstractItemModel::modelReset);

    const QString empty = dir.path(QStringLiteral("empty.tpbook"));
    QString error;
    ASSERT_TRUE(session.createBook(empty, &error)) << qPrintable(error);
    ASSERT_TRUE(session.waitUntilLoaded());
    EXPECT_EQ(reset.count(), 1);
    EXPECT_EQ(opportunities.rowCount(), 0);
    EXPECT_EQ(reps.rowCount(), 0); // no rep, no team line
    EXPECT_EQ(opportunities.filter().owner, -1); // rep indexes of the old book are gone

    ASSERT_TRUE(test::openAndWait(session, book.path));
    EXPECT_EQ(opportunities.rowCount(), 6);
    EXPECT_EQ(reps.rowCount(), 3); // and the team's line
}

} // namespace

namespace {

TEST(GuiFormatter, ParsesWhatUsersTypeInTheirLocale)
{
    bool ok = false;
    const ui::Formatter us(QLocale(QLocale::English, QLocale::UnitedStates));
    EXPECT_EQ(us.parseMoney(QStringLiteral("$1,234.50"), &ok), 123'450);
    EXPECT_TRUE(ok);
    EXPECT_EQ(us.parseMoney(QStringLiteral("USD 12"), &ok), 1'200);
    EXPECT_EQ(us.parseMoney(QStringLiteral("0.005"), &ok), 1); // half away from zero
    EXPECT_FALSE(us.parseMoney(QStringLiteral("  "), &ok).has_value());
    EXPECT_TRUE(ok); // empty is "no value", not an error
    EXPECT_FALSE(us.parseMoney(QStringLiteral("twelve"), &ok).has_value());
    EXPECT_FALSE(ok);
    const ui::Formatter de(QLocale(QLocale::German, QLocale::Germany));
    EXPECT_EQ(de.parseMoney(QStringLiteral("1.234,50 €"), &ok), 123'450);
    EXPECT_TRUE(ok);
    EXPECT_EQ(us.money(123'450, QStringLiteral("USD")), QStringLiteral("$1,234.50"));
    EXPECT_EQ(us.money(-5, QStringLiteral("EUR")).contains(QStringLiteral("€")), true);
    EXPECT_EQ(us.percent(1250), QStringLiteral("12.5%"));
    EXPECT_EQ(us.percent(10000), QStringLiteral("100%"));
}

} // namespace
