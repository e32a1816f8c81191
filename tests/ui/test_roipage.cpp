// The ROI page offscreen: the chart adapter's data without pixels, selection shared by the
// chart, the work list and the panels, keyboard scoring, weights, dragged thresholds, undo,
// the capacity warning and the chart's export.
#include "roitesting.h"

#include "charts/quadrantchart.h"
#include "charts/quadrantdata.h"
#include "charts/quadrantlayer.h"
#include "edits/bookeditor.h"
#include "mainwindow/mainwindow.h"
#include "models/booktablemodel.h"
#include "pages/roi/factorspanel.h"
#include "pages/roi/roipage.h"
#include "pages/roi/roistate.h"
#include "pages/roi/scoringpanel.h"
#include "pages/roi/worklistmodel.h"
#include "pages/tablepage.h"
#include "session/accountselection.h"
#include "session/booksession.h"
#include "storage/book.h"
#include "style/menubutton.h"
#include "style/theme.h"
#include "testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cmath>

using namespace tp;
using namespace tp::ui;

namespace {

using GuiRoi = test::RoiFixture;

TEST_F(GuiRoi, TheChartDataHasPointsSizesColoursAndThresholds)
{
    const QuadrantData data = quadrantData(result(), session()->view()->settings.roi);
    ASSERT_EQ(data.points.size(), 2u); // Initech needs scoring: not drawn at zero
    EXPECT_EQ(data.points[0].account, row(book.acme)); // the largest EV first
    EXPECT_DOUBLE_EQ(data.points[0].likelihood, 1.0);
    EXPECT_DOUBLE_EQ(data.points[0].potential, 500000.0);
    EXPECT_DOUBLE_EQ(data.points[0].radius, maxPointRadius);
    EXPECT_EQ(data.points[0].quadrant, roi::Quadrant::Pursue);
    EXPECT_EQ(data.points[1].account, row(book.globex));
    EXPECT_DOUBLE_EQ(data.points[1].potential, 7000.0);
    // Area grows with EV: 2.5² + (14² − 2.5²) × 3,500 / 500,000.
    EXPECT_NEAR(data.points[1].radius, std::sqrt(6.25 + 189.75 * 0.007), 1e-9);
    EXPECT_EQ(data.points[1].quadrant, roi::Quadrant::QuickWins);
    EXPECT_DOUBLE_EQ(data.likelihoodThreshold, 0.5);
    EXPECT_DOUBLE_EQ(data.potentialThreshold, 253500.0);
    EXPECT_TRUE(data.thresholdIsMedian);
    EXPECT_DOUBLE_EQ(data.floorLikelihood, 0.2);
    EXPECT_DOUBLE_EQ(data.maxPotential, 500000.0);
    EXPECT_DOUBLE_EQ(data.minPositivePotential, 7000.0);
    EXPECT_EQ(data.counts, (std::array<int, 4>{ 1, 0, 1, 0 }));
    EXPECT_EQ(quadrantColor(roi::Quadrant::Pursue, false), QColor(0x1e, 0x8e, 0x3e));
    EXPECT_NE(quadrantColor(roi::Quadrant::QuickWins, true),
              quadrantColor(roi::Quadrant::QuickWins, false));
    // Thresholds being dragged recolour by the METRICS rule.
    EXPECT_EQ(QuadrantData::quadrantAt(data.points[1], 0.6, 5000.0), roi::Quadrant::DevelopAccess);
    EXPECT_EQ(QuadrantData::quadrantAt(data.points[1], 0.5, 7000.0), roi::Quadrant::Pursue);
    EXPECT_DOUBLE_EQ(pointRadius(0, 100), minPointRadius);
    EXPECT_DOUBLE_EQ(pointRadius(100, 0), minPointRadius);
    // A crowded chart draws smaller points: 4,000 points at half the area of the largest.
    EXPECT_DOUBLE_EQ(crowdingScale(1000), 1.0);
    EXPECT_DOUBLE_EQ(crowdingScale(4000), 0.5);
    EXPECT_DOUBLE_EQ(crowdingScale(100000), 0.5);
    EXPECT_DOUBLE_EQ(pointRadius(100, 100, 0.5), 7.0);
}

TEST_F(GuiRoi, ASelectionRunsThroughTheChartTheWorkListAndThePanel)
{
    QuadrantChart *chart = page->chart();
    const QPoint acme = chart->positionOf(1.0, 500000.0);
    EXPECT_EQ(chart->accountAt(acme), row(book.acme));
    EXPECT_EQ(chart->accountAt(chart->positionOf(0.25, 400000.0)), -1);
    mouse(QEvent::MouseButtonPress, acme, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, acme, Qt::NoButton);
    EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.acme) });
    EXPECT_EQ(page->workList()->selectionModel()->selectedRows().size(), 1);
    EXPECT_TRUE(page->workList()->selectionModel()->isRowSelected(0));
    EXPECT_EQ(page->scoringPanel()->shownScore(0), 5);
    EXPECT_TRUE(
            page->scoringPanel()->profileLabel()->text().contains(QStringLiteral("Book default")));

    page->workList()->selectRow(1);
    EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.globex) });
    EXPECT_EQ(page->state()->current(), row(book.globex));
    EXPECT_EQ(page->scoringPanel()->shownScore(1), 0);
    EXPECT_EQ(page->scoringPanel()->shownScore(2), -1); // not scored, apart from 0
    EXPECT_EQ(page->scoringPanel()->potentialEdit()->text(), QString()); // derived
    EXPECT_EQ(page->scoringPanel()->potentialEdit()->placeholderText(),
              QStringLiteral("Derived: $7,000.00"));

    // Initech is listed apart, and picking it there selects it everywhere.
    ASSERT_EQ(page->needsScoringList()->model()->rowCount(), 1);
    page->needsScoringList()->setCurrentIndex(page->needsScoringList()->model()->index(0, 0));
    EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.initech) });
    EXPECT_FALSE(page->workList()->selectionModel()->hasSelection());

    if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty()) {
        page->workList()->selectRow(0);
        QApplication::processEvents();
        window->grab().save(shots + QStringLiteral("/roi-selected.png"));
        page->exportChart(shots + QStringLiteral("/roi-quadrant.pdf"));
    }
}

TEST_F(GuiRoi, DigitsScoreTheCurrentFactorAndUndoPutsItBack)
{
    page->state()->select({ row(book.initech) });
    ScoringPanel *panel = page->scoringPanel();
    panel->setFocus();
    EXPECT_EQ(panel->currentFactor(), 0);
    QTest::keyClick(panel, Qt::Key_4);
    EXPECT_EQ(panel->currentFactor(), 1); // moved on to the next factor
    EXPECT_EQ(result().workList.size(), 3u);
    EXPECT_TRUE(result().unscored.empty());
    EXPECT_EQ(page->chart()->data().points.size(), 3u);
    EXPECT_EQ(panel->shownScore(0), 4);
    QTest::keyClick(panel, Qt::Key_Delete); // access: not scored (it was already)
    QTest::keyClick(panel, Qt::Key_Up);
    EXPECT_EQ(panel->currentFactor(), 1);
    QTest::keyClick(panel, Qt::Key_2);
    EXPECT_EQ(panel->shownScore(1), 2);
    EXPECT_EQ(session()->undoStack()->count(), 2);

    session()->undoStack()->undo();
    EXPECT_EQ(panel->shownScore(1), -1);
    session()->undoStack()->undo();
    EXPECT_EQ(result().workList.size(), 2u);
    EXPECT_EQ(page->chart()->data().points.size(), 2u);
    EXPECT_EQ(result().unscored, std::vector<int>{ row(book.initech) });
    session()->undoStack()->redo();
    EXPECT_EQ(panel->shownScore(0), 4);

    // Page Down moves to the next account of the work list.
    page->state()->select({ row(book.acme) });
    QTest::keyClick(panel, Qt::Key_PageDown);
    EXPECT_EQ(page->state()->current(), result().workList[1].row);

    // Digits typed in the work list score its selection too.
    page->workList()->selectRow(page->workListModel()->rowOfAccount(row(book.globex)));
    panel->setCurrentFactor(2);
    QTest::keyClick(page->workList(), Qt::Key_3);
    EXPECT_EQ(session()->view()->scores.at(row(book.globex), 2), 3);
    EXPECT_EQ(panel->currentFactor(), 3);
}

TEST_F(GuiRoi, BulkScoringIsOneUndoStep)
{
    page->state()->select({ row(book.acme), row(book.globex), row(book.initech) });
    ScoringPanel *panel = page->scoringPanel();
    panel->setCurrentFactor(5);
    panel->scoreCurrentFactor(1);
    EXPECT_EQ(session()->undoStack()->count(), 1);
    EXPECT_EQ(panel->shownScore(5), 1);
    EXPECT_EQ(session()->undoStack()->undoText(), QStringLiteral("Score Timing of 3 accounts: 1"));
    session()->undoStack()->undo();
    EXPECT_EQ(panel->shownScore(5), std::nullopt); // Acme 5, the others not scored
    EXPECT_EQ(session()->view()->scores.at(row(book.acme), 5), 5);
}

TEST_F(GuiRoi, AWeightChangeMovesThePointsAndIsOneUndoStep)
{
    FactorsPanel *weights = page->factorsPanel();
    ASSERT_EQ(weights->profileCombo()->currentText(), QStringLiteral("Book default"));
    weights->weightBox(1)->setValue(2.0);
    weights->weightBox(1)->setValue(0.0); // access no longer counts: Globex's L is 15 / 15
    EXPECT_EQ(session()->undoStack()->count(), 1); // the steps of one weight merge
    const QuadrantData &data = page->chart()->data();
    ASSERT_EQ(data.points.size(), 2u);
    EXPECT_DOUBLE_EQ(data.points[1].likelihood, 1.0);
    EXPECT_EQ(quadrantOf(book.globex), roi::Quadrant::QuickWins);
    session()->undoStack()->undo();
    EXPECT_DOUBLE_EQ(page->chart()->data().points[1].likelihood, 0.5);
    EXPECT_DOUBLE_EQ(weights->weightBox(1)->value(), 3.0);
}

TEST_F(GuiRoi, DraggingTheLikelihoodLineSetsTheThresholdAndUndoes)
{
    QuadrantChart *chart = page->chart();
    const QPoint line = chart->positionOf(0.5, 100000.0);
    const QPoint to = chart->positionOf(0.8, 100000.0);
    mouse(QEvent::MouseButtonPress, line, Qt::LeftButton);
    mouse(QEvent::MouseMove, to, Qt::LeftButton);
    EXPECT_DOUBLE_EQ(chart->layer()->likelihoodThreshold(), 0.8); // drawn while dragging
    EXPECT_EQ(session()->undoStack()->count(), 0); // saved on release
    mouse(QEvent::MouseButtonRelease, to, Qt::NoButton);
    EXPECT_EQ(session()->undoStack()->count(), 1);
    EXPECT_DOUBLE_EQ(session()->view()->settings.roi.likelihoodThreshold, 0.8);
    EXPECT_DOUBLE_EQ(page->likelihoodThresholdBox()->value(), 80.0);
    EXPECT_EQ(quadrantOf(book.globex), roi::Quadrant::Deprioritize);
    EXPECT_TRUE(page->medianCheck()->isChecked()); // the potential line did not move

    session()->undoStack()->undo();
    EXPECT_DOUBLE_EQ(page->likelihoodThresholdBox()->value(), 50.0);
    EXPECT_EQ(quadrantOf(book.globex), roi::Quadrant::QuickWins);

    // The spin boxes set them too: a potential of 5,000 puts Globex in pursue.
    page->medianCheck()->setChecked(false);
    page->potentialThresholdBox()->setValue(5000.0);
    EXPECT_EQ(quadrantOf(book.globex), roi::Quadrant::Pursue);
    EXPECT_EQ(session()->view()->settings.roi.potentialThreshold, Minor(500000));
    page->medianCheck()->setChecked(true);
    EXPECT_FALSE(session()->view()->settings.roi.potentialThreshold.has_value());
}

TEST_F(GuiRoi, ARepOverCapacityIsNamed)
{
    EXPECT_TRUE(page->warningLabel()->isHidden()); // Alice: 2 open of 2
    ASSERT_TRUE(session()->edit(&BookEditor::setRepCapacity, only(book.alice), 1));
    QApplication::processEvents(); // rep changes are evaluated on the event loop's next turn
    EXPECT_FALSE(page->warningLabel()->isHidden());
    EXPECT_TRUE(page->warningLabel()->text().contains(QStringLiteral(
            "Alice Archer carries 2 active opportunities, more than a capacity of 1")));
    session()->undoStack()->undo();
    QApplication::processEvents();
    EXPECT_TRUE(page->warningLabel()->isHidden());
}

TEST_F(GuiRoi, TheChartExportsAsPngAndPdf)
{
    const QString png = dir.path(QStringLiteral("quadrant.png"));
    const QString pdf = dir.path(QStringLiteral("quadrant.pdf"));
    ASSERT_TRUE(page->exportChart(png));
    ASSERT_TRUE(page->exportChart(pdf));
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    // The chart under its caption.
    EXPECT_EQ(image.width(), page->chart()->width() * 2);
    const int caption = image.height() / 2 - page->chart()->height();
    EXPECT_GT(caption, 30);
    // The Acme point, in the pursue colour, where the chart puts it.
    const QPoint acme = (page->chart()->positionOf(1.0, 500000.0) + QPoint(0, caption)) * 2;
    const QColor pixel = image.pixelColor(acme - QPoint(4, 0));
    const QColor pursue = quadrantColor(roi::Quadrant::Pursue, theme::isDark());
    EXPECT_GT(pixel.green(), pixel.red())
            << qPrintable(pixel.name()) << " vs " << qPrintable(pursue.name());
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5).startsWith("%PDF"));
    QString error;
    EXPECT_FALSE(page->exportChart(dir.path(QStringLiteral("missing/folder/x.png")), &error));
    EXPECT_FALSE(error.isEmpty());

    // The selection and the hover are the screen's state, not the data: an export leaves their
    // rings and the callout out.
    page->state()->select({ row(book.acme) });
    mouse(QEvent::MouseMove, page->chart()->positionOf(1.0, 500000.0), Qt::NoButton);
    ASSERT_EQ(page->chart()->hoveredAccount(), row(book.acme));
    QApplication::processEvents();
    const QString selected = dir.path(QStringLiteral("selected.png"));
    ASSERT_TRUE(page->exportChart(selected));
    EXPECT_EQ(QImage(selected), image);
}

TEST_F(GuiRoi, TheExportButtonsArrowHasARoomOfItsOwn)
{
    auto *button = page->findChild<MenuButton *>(QStringLiteral("exportChart"));
    ASSERT_NE(button, nullptr);
    ASSERT_NE(button->menu(), nullptr);
    EXPECT_EQ(button->menu()->actions().size(), 2); // PNG and PDF
    EXPECT_EQ(button->popupMode(), QToolButton::InstantPopup);
    // As laid out in the page's bar: the label whole, the arrow right of it, both inside.
    EXPECT_GE(button->width(), button->sizeHint().width());
    const int text = button->fontMetrics().horizontalAdvance(button->text());
    EXPECT_GE(button->labelRect().width(), text + 4);
    EXPECT_FALSE(button->labelRect().intersects(button->arrowRect()));
    EXPECT_TRUE(button->rect().contains(button->arrowRect()));
    // Painted so: between the label's end and the arrow the button is blank.
    const QImage image = button->grab().toImage();
    const int labelEnd = (button->labelRect().width() + text) / 2 + 1;
    const QColor blank = image.pixelColor(labelEnd + 1, image.height() / 2);
    for (int x = labelEnd + 1; x < button->arrowRect().left() - 1; ++x)
        EXPECT_EQ(image.pixelColor(x, image.height() / 2), blank) << "column " << x;
    // The same button adds weight profiles.
    EXPECT_NE(qobject_cast<MenuButton *>(page->factorsPanel()->addProfileButton()), nullptr);
}

TEST_F(GuiRoi, AThinlyScoredAccountSaysOnHowManyFactorsItsLikelihoodRests)
{
    // Globex: ICP fit and access scored, four of the six factors not.
    const QuadrantData &data = page->chart()->data();
    EXPECT_FALSE(data.points[0].thin);
    EXPECT_TRUE(data.points[1].thin);
    EXPECT_EQ(data.thin, 1);
    EXPECT_TRUE(page->countText().startsWith(QStringLiteral("2 scored (1 hollow)")))
            << qPrintable(page->countText());
    WorkListModel *list = page->workListModel();
    const QModelIndex globex =
            list->index(list->rowOfAccount(row(book.globex)), WorkListModel::Likelihood);
    EXPECT_EQ(globex.data().toString(), QStringLiteral("50% · 2/6"));
    EXPECT_TRUE(globex.data(Qt::FontRole).value<QFont>().italic());
    EXPECT_TRUE(globex.data(Qt::ToolTipRole)
                        .toString()
                        .startsWith(QStringLiteral("Scored on 2 of 6 factors")));
    const QModelIndex acme =
            list->index(list->rowOfAccount(row(book.acme)), WorkListModel::Likelihood);
    EXPECT_EQ(acme.data().toString(), QStringLiteral("100%"));
    page->state()->select({ row(book.globex) });
    const QList<QLabel *> figures = page->scoringPanel()->findChildren<QLabel *>();
    bool said = false;
    for (QLabel *label : figures)
        said = said
                || label->text().contains(
                        QStringLiteral("likelihood 50% (scored on 2 of 6 factors)"));
    EXPECT_TRUE(said);
    // A third factor scored: half of them, no longer thin.
    ScoringPanel *panel = page->scoringPanel();
    panel->setCurrentFactor(2);
    panel->scoreCurrentFactor(3);
    EXPECT_EQ(page->chart()->data().thin, 0);
    EXPECT_EQ(list->index(list->rowOfAccount(row(book.globex)), WorkListModel::Likelihood)
                      .data()
                      .toString(),
              QStringLiteral("52.5% · 3/6"));
}

} // namespace

TEST_F(GuiRoi, FactorsAreAddedRenamedDescribedMovedAndRemovedEachAsOneUndoStep)
{
    FactorsPanel *factors = page->factorsPanel();
    QTableWidget *table = factors->factorTable();
    ASSERT_EQ(table->rowCount(), 6);
    QUndoStack *stack = session()->undoStack();

    ASSERT_TRUE(session()->edit(&BookEditor::addFactor, QStringLiteral("Budget"), QString()));
    ASSERT_EQ(table->rowCount(), 7);
    EXPECT_EQ(table->item(6, FactorsPanel::NameColumn)->text(), QStringLiteral("Budget"));
    EXPECT_DOUBLE_EQ(factors->weightBox(6)->value(), 1.0);
    page->scoringPanel()->setCurrentFactor(6);
    EXPECT_EQ(page->scoringPanel()->currentFactor(), 6); // the scoring panel has it too
    EXPECT_DOUBLE_EQ(result().workList[0].likelihood, 1.0); // unscored: it changes nothing

    // Renamed in place; a name taken already is refused and the old one stays.
    table->item(6, FactorsPanel::NameColumn)->setText(QStringLiteral("Budget approved"));
    EXPECT_EQ(session()->view()->scoring.factors[6].name, QStringLiteral("Budget approved"));
    EXPECT_EQ(stack->undoText(), QStringLiteral("Rename the factor “Budget” to “Budget approved”"));
    table->item(6, FactorsPanel::NameColumn)->setText(QStringLiteral("timing"));
    EXPECT_EQ(table->item(6, FactorsPanel::NameColumn)->text(), QStringLiteral("Budget approved"));
    EXPECT_EQ(stack->count(), 2);

    table->setCurrentCell(6, FactorsPanel::NameColumn);
    factors->descriptionEdit()->setText(QStringLiteral("Signed off by finance"));
    emit factors->descriptionEdit()->editingFinished();
    EXPECT_EQ(session()->view()->scoring.factors[6].description,
              QStringLiteral("Signed off by finance"));
    EXPECT_EQ(table->item(6, FactorsPanel::NameColumn)->toolTip(),
              QStringLiteral("Signed off by finance"));

    // Ctrl+Up moves it above Timing; Acme's Timing 5 follows its factor.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Up, Qt::ControlModifier);
    EXPECT_EQ(session()->view()->scoring.factors[5].name, QStringLiteral("Budget approved"));
    EXPECT_EQ(table->currentRow(), 5);
    EXPECT_EQ(session()->view()->scores.at(row(book.acme), 6), 5);
    EXPECT_EQ(session()->view()->scores.at(row(book.acme), 5), -1);
    EXPECT_TRUE(factors->moveUpButton()->isEnabled());
    table->setCurrentCell(6, FactorsPanel::NameColumn);
    EXPECT_FALSE(factors->moveDownButton()->isEnabled()); // the last cannot go further down

    // Delete removes Access to decision makers with its scores: Globex's ICP fit 5 alone is L 1.
    table->setCurrentCell(1, FactorsPanel::NameColumn);
    QTest::keyClick(table, Qt::Key_Delete);
    ASSERT_EQ(session()->view()->scoring.factors.size(), 6u);
    EXPECT_EQ(stack->undoText(), QStringLiteral("Remove the factor “Access to decision makers”"));
    EXPECT_DOUBLE_EQ(result().workList[1].likelihood, 1.0);
    stack->undo();
    EXPECT_EQ(session()->view()->scoring.factors[1].name,
              QStringLiteral("Access to decision makers"));
    EXPECT_EQ(session()->view()->scores.at(row(book.globex), 1), 0);
    EXPECT_DOUBLE_EQ(result().workList[1].likelihood, 0.5);

    // Undone to the start: the six factors as they were.
    while (stack->canUndo())
        stack->undo();
    EXPECT_EQ(table->rowCount(), 6);
    EXPECT_EQ(table->item(5, FactorsPanel::NameColumn)->text(), QStringLiteral("Timing"));
    EXPECT_EQ(session()->view()->scores.at(row(book.acme), 5), 5);
    stack->redo(); // the factor comes back with the same id
    EXPECT_EQ(table->rowCount(), 7);
}

TEST_F(GuiRoi, AProfileAddedForAnIndustryWeighsItsAccounts)
{
    FactorsPanel *factors = page->factorsPanel();
    QMenu *menu = factors->addProfileButton()->menu();
    ASSERT_NE(menu, nullptr);
    emit menu->aboutToShow();
    QAction *retail = nullptr;
    for (QAction *kind : menu->actions()) {
        if (kind->menu() && kind->text() == QStringLiteral("&Industry")) {
            QStringList offered;
            for (QAction *a : kind->menu()->actions()) {
                offered.append(a->text());
                if (a->text() == QStringLiteral("Retail"))
                    retail = a;
            }
            EXPECT_EQ(offered,
                      (QStringList{ QStringLiteral("Retail"), QStringLiteral("Software"), QString(),
                                    QStringLiteral("Other…") }));
        }
    }
    ASSERT_NE(retail, nullptr);
    retail->trigger();
    EXPECT_EQ(factors->profileCombo()->currentText(), QStringLiteral("Industry: Retail"));
    EXPECT_TRUE(factors->removeProfileButton()->isEnabled());
    factors->weightBox(1)->setValue(0.0); // Globex (Retail) no longer counts access
    EXPECT_DOUBLE_EQ(result().workList[1].likelihood, 1.0);
    page->state()->select({ row(book.globex) });
    EXPECT_TRUE(page->scoringPanel()->profileLabel()->text().contains(
            QStringLiteral("Industry: Retail")));
    if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty()) {
        auto *tabs = page->findChild<QTabWidget *>();
        tabs->setCurrentWidget(factors);
        factors->factorTable()->setCurrentCell(2, FactorsPanel::NameColumn);
        QApplication::processEvents();
        window->grab().save(shots + QStringLiteral("/roi-factors.png"));
        tabs->setCurrentIndex(0);
    }

    factors->removeProfileButton()->click();
    EXPECT_EQ(factors->profileCombo()->count(), 1);
    EXPECT_FALSE(factors->removeProfileButton()->isEnabled()); // the book default stays
    EXPECT_DOUBLE_EQ(result().workList[1].likelihood, 0.5);
    session()->undoStack()->undo();
    EXPECT_DOUBLE_EQ(result().workList[1].likelihood, 1.0); // back with its weights
    session()->undoStack()->undo();
    session()->undoStack()->undo();
    EXPECT_EQ(factors->profileCombo()->count(), 1);
}

namespace {

BookChange accountChange(Id id)
{
    BookChange change;
    Account before;
    before.id = id;
    Account after = before;
    after.potential = 1;
    change.accounts.push_back({ before, after });
    return change;
}

BookChange dealChange(Id id)
{
    BookChange change;
    Opportunity before;
    before.id = id;
    Opportunity after = before;
    after.amount = 1;
    change.opportunities.push_back({ before, after, {}, {}, true });
    return change;
}

} // namespace

TEST_F(GuiRoi, RowChangesFromABulkEditAreEvaluatedOnce)
{
    QSignalSpy evaluated(page->state(), &RoiState::evaluated);
    for (int i = 0; i < 1000; ++i)
        emit session()->changed(accountChange(book.acme)); // many edits before the loop runs
    emit session()->changed(dealChange(book.o1));
    EXPECT_EQ(evaluated.count(), 0);
    QApplication::processEvents();
    EXPECT_EQ(evaluated.count(), 1);

    // Figures read before the event loop runs are evaluated then, and not again after.
    emit session()->changed(accountChange(book.globex));
    EXPECT_EQ(result().workList.size(), 2u);
    EXPECT_EQ(evaluated.count(), 2);
    QApplication::processEvents();
    EXPECT_EQ(evaluated.count(), 2);
}

TEST_F(GuiRoi, TheSelectionIsSharedWithTheAccountsTable)
{
    auto *accounts = qobject_cast<TablePage *>(window->page(QStringLiteral("accounts")));
    ASSERT_NE(accounts, nullptr);
    QTableView *table = accounts->tableView();
    const auto selectedAccounts = [&] {
        std::vector<int> rows;
        for (const QModelIndex &index : table->selectionModel()->selectedRows())
            rows.push_back(accounts->model()->sourceRow(index.row()));
        std::sort(rows.begin(), rows.end());
        return rows;
    };

    // A point clicked on the chart is the account selected in the Accounts table.
    const QPoint acme = page->chart()->positionOf(1.0, 500000.0);
    mouse(QEvent::MouseButtonPress, acme, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, acme, Qt::NoButton);
    EXPECT_EQ(selectedAccounts(), std::vector<int>{ row(book.acme) });
    EXPECT_EQ(accounts->model()->sourceRow(table->currentIndex().row()), row(book.acme));

    // Accounts selected in the table are the ROI page's selection, highlighted on the chart.
    table->selectRow(accounts->model()->rowOfSource(row(book.globex)));
    EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.globex) });
    EXPECT_EQ(page->state()->current(), row(book.globex));
    EXPECT_TRUE(page->workList()->selectionModel()->isRowSelected(
            page->workListModel()->rowOfAccount(row(book.globex))));
    table->selectAll();
    EXPECT_EQ(page->state()->selection().size(), 3u);

    // A Select All of more accounts than it carries shares only the current one.
    std::vector<int> many(AccountSelection::carriedLimit + 1, row(book.acme));
    window->accountSelection()->select(many, row(book.initech), nullptr);
    EXPECT_EQ(window->accountSelection()->accounts(), std::vector<int>{ row(book.initech) });
    EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.initech) });
    EXPECT_EQ(selectedAccounts(), std::vector<int>{ row(book.initech) });

    // Searching the Accounts table hides rows; it does not change what is selected.
    table->selectRow(accounts->model()->rowOfSource(row(book.acme)));
    ASSERT_EQ(page->state()->selection(), std::vector<int>{ row(book.acme) });
    accounts->searchField()->setText(QStringLiteral("Glob"));
    QApplication::processEvents();
    EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.acme) });
    accounts->searchField()->clear();
    QApplication::processEvents();
    EXPECT_EQ(page->state()->selection(), std::vector<int>{ row(book.acme) });
    EXPECT_EQ(selectedAccounts(), std::vector<int>{ row(book.acme) })
            << "selected again when shown";
}
