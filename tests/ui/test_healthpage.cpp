// The Pipeline Health page offscreen: the deals table with health and reasons, the charts'
// data without pixels, a chart click filtering the table, coverage and key metrics agreeing
// with summary --json, clean-up edits and rule changes with their undo.
#include "uitestbook.h"

#include "charts/coveragechart.h"
#include "charts/stalledchart.h"
#include "edits/bookeditor.h"
#include "mainwindow/mainwindow.h"
#include "models/formatter.h"
#include "pages/health/cleanupprompts.h"
#include "pages/health/coveragestrip.h"
#include "pages/health/healthdealsmodel.h"
#include "pages/health/healthpage.h"
#include "pages/health/healthstate.h"
#include "pages/health/keymetricspanel.h"
#include "pages/health/rulesdialog.h"
#include "report/summary.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/book.h"
#include "storage/opportunities.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::ui;

namespace {

// The small book as of 2026-11-20 with Globex pilot (O3, 7,000.00, Negotiate) untouched since
// August (111 days idle: stalled) and Acme expansion (O2, 2,500.00, Qualify) pushed twice (at
// risk); Acme renewal (O1, 10,000.00) and Initech new logo (O5, 1,200.50) are healthy. Alice's
// 2026-Q4 quota of 30,000.00 is the team's target; nothing was won in the quarter.
class GuiHealth : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        book = test::writeSmallBook(dir.path(QStringLiteral("small.tpbook")));
        {
            auto b = Book::open(book.path);
            b->db().exec(
                    QStringLiteral("UPDATE opportunities SET last_activity_date = '2026-08-01' "
                                   "WHERE id = %1")
                            .arg(book.o3)
                            .toStdString());
            OpportunityRepository opportunities(*b);
            opportunities.addCloseDateChange(
                    { 0, book.o2, QDate(2026, 11, 1), QDate(2026, 12, 1), QDate(2026, 10, 20) });
            opportunities.addCloseDateChange(
                    { 0, book.o2, QDate(2026, 12, 1), QDate(2026, 12, 20), QDate(2026, 11, 10) });
        }
        window = test::openWindow(book.path, QStringLiteral("health"), asOf);
        ASSERT_TRUE(window);
        page = qobject_cast<HealthPage *>(window->page(QStringLiteral("health")));
        ASSERT_NE(page, nullptr);
        QApplication::processEvents();
    }

    HealthDealsModel *model() const { return page->dealsModel(); }
    QString cell(int row, int column) const
    {
        return model()->index(row, column).data().toString();
    }
    std::vector<Id> shownIds() const
    {
        std::vector<Id> ids;
        for (int r = 0; r < model()->rowCount(); ++r)
            ids.push_back(model()->idAt(r));
        return ids;
    }
    void selectDeal(Id id) const
    {
        page->dealsTable()->clearSelection();
        for (int r = 0; r < model()->rowCount(); ++r) {
            if (model()->idAt(r) == id)
                page->dealsTable()->selectRow(r);
        }
    }
    void shoot(const QString &name) const
    {
        if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty()) {
            QApplication::processEvents();
            window->grab().save(shots + QLatin1Char('/') + name);
        }
    }

    const QDate asOf{ 2026, 11, 20 };
    test::TempDir dir;
    test::SmallBook book;
    std::unique_ptr<MainWindow> window;
    HealthPage *page = nullptr;
};

} // namespace

TEST_F(GuiHealth, DealsComeWorstFirstWithTheirReasons)
{
    test::ModelTestWarnings warnings;
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(shownIds(), (std::vector<Id>{ book.o3, book.o2, book.o1, book.o5 }));
    EXPECT_EQ(cell(0, HealthDealsModel::Health), QStringLiteral("Stalled"));
    EXPECT_EQ(cell(0, HealthDealsModel::Reasons),
              QStringLiteral("No activity for 111 days; Stage entry unknown"));
    EXPECT_EQ(cell(1, HealthDealsModel::Health), QStringLiteral("At risk"));
    EXPECT_EQ(cell(1, HealthDealsModel::Reasons),
              QStringLiteral("Close date pushed 2 times; Stage entry unknown"));
    EXPECT_EQ(cell(1, HealthDealsModel::Pushes), QStringLiteral("2"));
    EXPECT_EQ(cell(2, HealthDealsModel::Health), QStringLiteral("Healthy"));
    EXPECT_EQ(cell(0, HealthDealsModel::InStage), QStringLiteral("unknown"));
    EXPECT_EQ(page->countText(), QStringLiteral("4 of 4 open deals"));

    // Sorting by amount, descending, then back by the health column.
    page->dealsTable()->sortByColumn(HealthDealsModel::Amount, Qt::DescendingOrder);
    EXPECT_EQ(shownIds(), (std::vector<Id>{ book.o1, book.o3, book.o2, book.o5 }));
    page->dealsTable()->sortByColumn(HealthDealsModel::Idle, Qt::AscendingOrder);
    EXPECT_EQ(shownIds().back(), book.o3);
    EXPECT_TRUE(warnings.messages().isEmpty())
            << warnings.messages().join(QLatin1Char('\n')).toStdString();
    shoot(QStringLiteral("health-page.png"));
}

TEST_F(GuiHealth, ChartDataSplitsPipelineByStageAndAge)
{
    const StalledChartData &byStage = page->stalledChart()->data();
    ASSERT_EQ(byStage.categories,
              (QStringList{ QStringLiteral("Qualify"), QStringLiteral("Prove"),
                            QStringLiteral("Propose"), QStringLiteral("Negotiate") }));
    const auto at = [](const StalledChartData &d, health::Level level, int category) {
        return d.amounts[std::size_t(level)][std::size_t(category)];
    };
    EXPECT_EQ(at(byStage, health::Level::AtRisk, 0), 250'000);
    EXPECT_EQ(at(byStage, health::Level::Healthy, 0), 0);
    EXPECT_EQ(at(byStage, health::Level::Healthy, 1), 120'050);
    EXPECT_EQ(at(byStage, health::Level::Healthy, 2), 1'000'000);
    EXPECT_EQ(at(byStage, health::Level::Stalled, 3), 700'000);
    EXPECT_EQ(byStage.counts[std::size_t(health::Level::Stalled)][3], 1);

    page->groupingBox()->setCurrentIndex(1);
    const StalledChartData &byAge = page->stalledChart()->data();
    ASSERT_EQ(byAge.categories.size(), health::ageBucketCount);
    // No stage entry is known in this book: everything is in the last bucket.
    const int unknown = int(health::AgeBucket::Unknown);
    EXPECT_EQ(at(byAge, health::Level::Healthy, unknown), 1'120'050);
    EXPECT_EQ(at(byAge, health::Level::Stalled, unknown), 700'000);
    EXPECT_EQ(at(byAge, health::Level::Healthy, 0), 0);
    shoot(QStringLiteral("health-by-age.png"));
}

TEST_F(GuiHealth, ClickingASegmentFiltersTheTable)
{
    page->filterBySegment(3, int(health::Level::Stalled)); // Negotiate, stalled
    EXPECT_EQ(shownIds(), std::vector<Id>{ book.o3 });
    EXPECT_EQ(page->levelBox()->currentText(), QStringLiteral("Stalled"));
    EXPECT_EQ(page->countText(), QStringLiteral("1 of 4 open deals"));
    page->filterBySegment(0, int(health::Level::Healthy)); // Qualify, healthy: none
    EXPECT_TRUE(shownIds().empty());
    page->levelBox()->setCurrentIndex(1); // stalled and at risk, keeping the stage
    emit page->levelBox()->activated(1);
    EXPECT_EQ(shownIds(), std::vector<Id>{ book.o2 });
}

TEST_F(GuiHealth, CoverageShowsRawAgainstHonestAndWhatEachRuleRemoves)
{
    const CoverageStrip *strip = page->coverageStrip();
    EXPECT_EQ(strip->valueText(CoverageStrip::Target), QStringLiteral("$30,000.00"));
    EXPECT_EQ(strip->valueText(CoverageStrip::Won), QStringLiteral("$0.00"));
    EXPECT_EQ(strip->valueText(CoverageStrip::Raw), QStringLiteral("69.0%")); // 20,700.50 / 30,000
    EXPECT_EQ(strip->valueText(CoverageStrip::Honest),
              QStringLiteral("45.7%")); // 13,700.50 / 30,000
    const CoverageChartData &waterfall = page->coverageChart()->data();
    ASSERT_EQ(waterfall.categories.size(), 7);
    EXPECT_EQ(waterfall.kept.front(), 2'070'050);
    EXPECT_EQ(waterfall.removed[1], 700'000); // untouched for a quarter
    EXPECT_EQ(waterfall.base[1], 1'370'050);
    EXPECT_EQ(waterfall.kept[5], 1'370'050); // honest
    EXPECT_EQ(waterfall.remaining, 3'000'000);
}

TEST_F(GuiHealth, FiguresAgreeWithSummaryJson)
{
    auto b = Book::open(book.path);
    const QString json = SummaryBuilder::toJson(SummaryBuilder::build(*b, { asOf, {}, {}, {} }));
    const QJsonObject s = QJsonDocument::fromJson(json.toUtf8()).object();
    const QJsonObject coverage = s[QStringLiteral("coverage")].toObject();
    const QJsonObject metrics = s[QStringLiteral("metrics")].toObject();
    const Formatter format;
    const CoverageStrip *strip = page->coverageStrip();
    EXPECT_EQ(strip->valueText(CoverageStrip::Raw),
              format.ratio(coverage[QStringLiteral("raw")].toDouble()));
    EXPECT_EQ(strip->valueText(CoverageStrip::Honest),
              format.ratio(coverage[QStringLiteral("honest")].toDouble()));
    EXPECT_EQ(strip->valueText(CoverageStrip::Remaining),
              format.money(std::llround(coverage[QStringLiteral("remaining")].toDouble() * 100),
                           QStringLiteral("USD")));
    const health::HealthReport &report = page->state()->report();
    EXPECT_EQ(report.stalled.count,
              s[QStringLiteral("stalled")].toObject()[QStringLiteral("stalled_count")].toInt());
    EXPECT_DOUBLE_EQ(
            toMajor(report.atRisk.amount),
            s[QStringLiteral("stalled")].toObject()[QStringLiteral("at_risk_amount")].toDouble());

    // Key metrics: the team row, then Alice and Bob.
    QTableWidget *table = page->keyMetrics()->table();
    ASSERT_EQ(table->rowCount(), 3);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("Team"));
    EXPECT_EQ(table->item(0, 1)->text(),
              format.ratio(metrics[QStringLiteral("win_rate")].toDouble()));
    EXPECT_EQ(table->item(0, 1)->text(),
              QStringLiteral("100.0%")); // one win, the loss closes after the window
    EXPECT_EQ(table->item(1, 0)->text(), QStringLiteral("Alice Archer"));
    EXPECT_EQ(table->item(1, 5)->text(), QStringLiteral("0.0%")); // attainment
    EXPECT_EQ(table->item(1, 8)->text(), QStringLiteral("2 / 2")); // active / capacity
    EXPECT_EQ(table->item(2, 5)->text(), QStringLiteral("no quota"));
    EXPECT_EQ(table->item(2, 2)->text(), QStringLiteral("$20,000.00")); // Bob's average deal
    page->tabs()->setCurrentIndex(1);
    shoot(QStringLiteral("health-metrics.png"));
}

TEST_F(GuiHealth, CleanUpEditsAreUndoableSteps)
{
    BookSession *session = window->session();
    QUndoStack *undo = session->undoStack();
    const int before = undo->count();

    page->markLost({ book.o3 }, QStringLiteral("Went dark"));
    QApplication::processEvents(); // row changes are evaluated once, on the next turn
    EXPECT_EQ(undo->count(), before + 1);
    EXPECT_EQ(shownIds(), (std::vector<Id>{ book.o2, book.o1, book.o5 }));
    {
        auto b = Book::open(book.path);
        const auto o3 = OpportunityRepository(*b).byId(book.o3);
        ASSERT_TRUE(o3);
        EXPECT_EQ(o3->status, Status::Lost);
        EXPECT_EQ(o3->lostReason, QStringLiteral("Went dark"));
    }
    undo->undo();
    QApplication::processEvents();
    EXPECT_EQ(shownIds().front(), book.o3);
    EXPECT_EQ(page->state()->report().stalled.count, 1);

    // Pushing two deals is one step; each push counts against its deal.
    page->pushCloseDates({ book.o1, book.o2 }, QDate(2027, 2, 1));
    EXPECT_EQ(undo->count(), before + 1);
    const BookView *view = session->view();
    const auto pushes = [&](Id id) {
        return int(view->opportunities.pushes[std::size_t(view->opportunities.indexOf(id))]);
    };
    EXPECT_EQ(pushes(book.o2), 3);
    EXPECT_EQ(pushes(book.o1), 1);
    EXPECT_EQ(page->state()->report().coverage.open, 700'000 + 120'050)
            << "both now close after the period";
    undo->undo();
    EXPECT_EQ(pushes(book.o2), 2);
    EXPECT_EQ(pushes(book.o1), 0);

    page->setNextSteps({ book.o1 }, QStringLiteral("Call the CFO"));
    page->setNextActivities({ book.o1 }, QDate(2026, 11, 25));
    {
        auto b = Book::open(book.path);
        const auto o1 = OpportunityRepository(*b).byId(book.o1);
        EXPECT_EQ(o1->nextStep, QStringLiteral("Call the CFO"));
        EXPECT_EQ(o1->nextActivity, QDate(2026, 11, 25));
    }
    undo->undo();
    undo->undo();
    auto b = Book::open(book.path);
    EXPECT_TRUE(OpportunityRepository(*b).byId(book.o1)->nextStep.isEmpty());
}

TEST_F(GuiHealth, RuleChangesReevaluateAndUndo)
{
    BookSession *session = window->session();
    StallRules rules = session->view()->settings.stall;
    rules.idleStalledDays = 200; // 111 idle days are now only "at risk"
    ASSERT_TRUE(session->edit(&BookEditor::setPipelineRules, rules,
                              session->view()->settings.stageLimitDays));
    EXPECT_EQ(page->state()->report().stalled.count, 0);
    EXPECT_EQ(page->state()->report().atRisk.count, 2);
    {
        auto b = Book::open(book.path);
        EXPECT_EQ(SettingsRepository(*b).load().stall.idleStalledDays, 200);
    }
    session->undoStack()->undo();
    EXPECT_EQ(page->state()->report().stalled.count, 1);
    auto b = Book::open(book.path);
    EXPECT_EQ(SettingsRepository(*b).load().stall.idleStalledDays, 90);
}

TEST_F(GuiHealth, StageConversionArrivesFromTheHistoryReadInTheBackground)
{
    page->state()->waitForStageHistory();
    ASSERT_TRUE(page->state()->conversion());
    QTableWidget *table = page->keyMetrics()->conversionTable();
    ASSERT_EQ(table->rowCount(), 4);
    // Counted: the four open deals and the deal won in September (the loss closes after the
    // as-of date). Without history rows each deal reached the stage it is in.
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("Qualify"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("5"));
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("4"));
    EXPECT_EQ(table->item(0, 4)->text(), QStringLiteral("100.0%"));
    EXPECT_EQ(table->item(1, 1)->text(), QStringLiteral("4"));
    EXPECT_EQ(table->item(1, 2)->text(), QStringLiteral("3"));

    // A stage edit writes history: Acme expansion leaves Qualify for Prove today.
    ASSERT_TRUE(window->session()->edit(&BookEditor::setStage, only(book.o2), Stage::Prove,
                                        QDate::currentDate()));
    QApplication::processEvents();
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("5"));
    page->tabs()->setCurrentIndex(1);
    shoot(QStringLiteral("health-conversion.png"));
}

namespace {

// Runs `trigger` with a modal dialog answered by `inspect` (which closes it).
void whileDialog(const std::function<void()> &trigger,
                 const std::function<void(QDialog &)> &inspect)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        seen = true;
        inspect(*dialog);
        dialog->reject();
    });
    trigger();
    EXPECT_TRUE(seen);
}

QAction *actionNamed(const Page &page, const QString &text)
{
    for (QAction *action : page.pageActions())
        if (action->text() == text)
            return action;
    return nullptr;
}

} // namespace

TEST_F(GuiHealth, CleanUpPromptsNameTheDealOrCountTheDeals)
{
    page->state()->waitForStageHistory(); // its arrival evaluates the page again
    QApplication::processEvents();
    QTableView *table = page->dealsTable();
    const auto select = [&](const std::vector<Id> &ids) {
        table->clearSelection();
        for (const Id id : ids) {
            const auto shown = shownIds();
            const int row = int(std::find(shown.begin(), shown.end(), id) - shown.begin());
            table->selectionModel()->select(model()->index(row, 0),
                                            QItemSelectionModel::Select
                                                    | QItemSelectionModel::Rows);
        }
    };
    QAction *lost = actionNamed(*page, QStringLiteral("Mark &Lost…"));
    QAction *push = actionNamed(*page, QStringLiteral("&Push Close Date…"));
    QAction *step = actionNamed(*page, QStringLiteral("Set &Next Step…"));
    QAction *activity = actionNamed(*page, QStringLiteral("Set Next &Activity…"));
    ASSERT_TRUE(lost && push && step && activity);

    select({ book.o1 });
    whileDialog([&] { lost->trigger(); },
                [&](QDialog &dialog) {
                    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("Mark “Acme renewal” Lost"));
                    auto *heading = dialog.findChild<QLabel *>(QStringLiteral("heading"));
                    ASSERT_NE(heading, nullptr);
                    EXPECT_EQ(heading->text(), QStringLiteral("Mark “Acme renewal” Lost"))
                            << "not cut";
                    EXPECT_GE(dialog.width(),
                              heading->fontMetrics().horizontalAdvance(heading->text()));
                });
    whileDialog([&] { push->trigger(); },
                [&](QDialog &dialog) {
                    EXPECT_EQ(dialog.windowTitle(),
                              QStringLiteral("Push the Close Date of “Acme renewal”"));
                });
    whileDialog([&] { step->trigger(); },
                [&](QDialog &dialog) {
                    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("Next Step of “Acme renewal”"));
                });
    whileDialog([&] { activity->trigger(); },
                [&](QDialog &dialog) {
                    EXPECT_EQ(dialog.windowTitle(),
                              QStringLiteral("Next Activity of “Acme renewal”"));
                });

    select({ book.o1, book.o2, book.o3, book.o5 });
    whileDialog([&] { lost->trigger(); },
                [&](QDialog &dialog) {
                    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("Mark 4 Deals Lost"));
                    auto *deals = dialog.findChild<QLabel *>(QStringLiteral("deals"));
                    ASSERT_NE(deals, nullptr);
                    EXPECT_EQ(deals->toolTip(),
                              QStringLiteral("Acme renewal\nAcme expansion\nGlobex pilot\n"
                                             "Initech new logo"));
                });
    EXPECT_EQ(window->session()->undoStack()->count(), 0) << "cancelled: nothing changed";

    // A long name: the window title shortens it with an ellipsis, the heading elides it to the
    // dialog's width and has it whole in its tool-tip.
    const QString name = QStringLiteral("Renewal of the enterprise agreement for all the "
                                        "subsidiaries in the Nordics and the Baltics, phase two");
    EXPECT_EQ(CleanupPrompts::lostTitle({ name }),
              QStringLiteral("Mark “Renewal of the enterprise agreement for…” Lost"));
    whileDialog([&] { CleanupPrompts::lostReason(page, { name }); },
                [&](QDialog &dialog) {
                    auto *heading = dialog.findChild<QLabel *>(QStringLiteral("heading"));
                    ASSERT_NE(heading, nullptr);
                    EXPECT_TRUE(heading->text().endsWith(QChar(0x2026)))
                            << qPrintable(heading->text());
                    EXPECT_LE(heading->fontMetrics().horizontalAdvance(heading->text()),
                              heading->width());
                    EXPECT_EQ(heading->toolTip(), name);
                    if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS");
                        !shots.isEmpty())
                        dialog.grab().save(shots + QStringLiteral("/health-lost-prompt.png"));
                });
}

TEST_F(GuiHealth, OneDealMarkedLostIsAnUndoStepThatNamesIt)
{
    page->markLost({ book.o3 }, QStringLiteral("Went dark"));
    EXPECT_EQ(window->session()->undoStack()->undoText(),
              QStringLiteral("Mark “Globex pilot” lost"));
    page->markLost({ book.o1, book.o2 }, QStringLiteral("Timing"));
    EXPECT_EQ(window->session()->undoStack()->undoText(), QStringLiteral("Mark lost: 2 deals"));
}

TEST(GuiRulesDialog, ExplainsStageEntryUnknown)
{
    RulesDialog dialog(StallRules{}, BookSettings{}.stageLimitDays);
    dialog.show();
    QApplication::processEvents();
    // The reason a deal shows, word for word, and what the stage limit does about it.
    EXPECT_TRUE(dialog.unknownEntryText().contains(QStringLiteral("“Stage entry unknown”")))
            << qPrintable(dialog.unknownEntryText());
    EXPECT_TRUE(dialog.unknownEntryText().contains(QStringLiteral("never stalled by this rule")));
    bool shown = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text() != dialog.unknownEntryText())
            continue;
        shown = label->isVisible();
        EXPECT_GE(label->height(), label->heightForWidth(label->width())) << "every line of it";
    }
    EXPECT_TRUE(shown);
    if (const QString shots = qEnvironmentVariable("TP_TEST_SCREENSHOTS"); !shots.isEmpty())
        dialog.grab().save(shots + QStringLiteral("/rules-dialog.png"));
}
