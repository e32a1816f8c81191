// The import wizard's parts on their own: rows/s and time left, the rejected-rows model, the
// CSV drop filter, the worker job.
#include "importtesting.h"
#include "uitestbook.h"

#include "import/csvdrophandler.h"
#include "import/fieldmappingtable.h"
#include "import/filepreview.h"
#include "import/importjob.h"
#include "import/importrate.h"
#include "import/rejectionmodel.h"
#include "storage/book.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QUrl>
#include <QWheelEvent>

using namespace tp;

namespace {

TEST(GuiImportRate, RowsPerSecondAndTimeLeftInTheLocale)
{
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    ui::ImportRate rate(100'000);
    rate.update(10, 100, 100);
    EXPECT_FALSE(rate.rowsPerSecond()); // too early to say
    EXPECT_EQ(rate.text(us), QStringLiteral("Estimating the time left…"));
    rate.update(25, 100, 2000); // a quarter of 100,000 rows in 2 s
    ASSERT_TRUE(rate.rowsPerSecond());
    EXPECT_DOUBLE_EQ(*rate.rowsPerSecond(), 12'500.0);
    EXPECT_EQ(rate.secondsLeft(), 6);
    EXPECT_EQ(rate.text(us), QStringLiteral("12,500 rows/s · about 6 seconds left"));
    EXPECT_EQ(ui::ImportRate::durationText(1), QStringLiteral("1 second"));
    const QLocale german(QLocale::German, QLocale::Germany);
    EXPECT_TRUE(rate.text(german).startsWith(QStringLiteral("12.500 rows/s")));
    rate.update(1, 100, 2000);
    EXPECT_EQ(rate.text(us), QStringLiteral("500 rows/s · about 3 min 18 s left"));
    EXPECT_EQ(ui::ImportRate::durationText(7300), QStringLiteral("2 h 1 min"));
}

TEST(GuiRejectionModel, ShowsLineColumnFieldValueAndReason)
{
    test::ModelTestWarnings warnings;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ui::RejectionModel model;
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(model.rowCount(), 0);
    model.setRejections({ { 12345, 4, QStringLiteral("Amount"), QStringLiteral("lots\nof"),
                            QStringLiteral("not an amount") },
                          { 9, 0, QString(), QString(), QStringLiteral("ragged row") } });
    ui::RejectionModel fresh; // the locale is taken when the model is made
    fresh.setRejections(model.rejections());
    ASSERT_EQ(fresh.rowCount(), 2);
    EXPECT_EQ(fresh.columnCount(), 5);
    EXPECT_EQ(fresh.index(0, ui::RejectionModel::Line).data().toString(), QStringLiteral("12,345"));
    EXPECT_EQ(fresh.index(0, ui::RejectionModel::Value).data().toString(),
              QStringLiteral("lots↵of"));
    EXPECT_EQ(fresh.index(0, ui::RejectionModel::Value).data(Qt::ToolTipRole).toString(),
              QStringLiteral("lots\nof"));
    EXPECT_EQ(fresh.index(1, ui::RejectionModel::ColumnNumber).data().toString(),
              QStringLiteral("whole row"));
    EXPECT_EQ(fresh.headerData(ui::RejectionModel::Reason, Qt::Horizontal).toString(),
              QStringLiteral("Reason"));
    EXPECT_TRUE(warnings.messages().isEmpty())
            << qPrintable(warnings.messages().join(QLatin1Char('\n')));
    QLocale::setDefault(QLocale::system());
}

TEST(GuiCsvDropHandler, TakesTheFirstLocalCsvTsvOrTxtFile)
{
    QMimeData mime;
    EXPECT_TRUE(ui::CsvDropHandler::importableFile(&mime).isEmpty());
    mime.setUrls({ QUrl(QStringLiteral("https://example.com/deals.csv")),
                   QUrl::fromLocalFile(QStringLiteral("/tmp/book.tpbook")),
                   QUrl::fromLocalFile(QStringLiteral("/tmp/Deals.TSV")),
                   QUrl::fromLocalFile(QStringLiteral("/tmp/other.csv")) });
    EXPECT_EQ(ui::CsvDropHandler::importableFile(&mime), QStringLiteral("/tmp/Deals.TSV"));
    mime.setUrls({ QUrl::fromLocalFile(QStringLiteral("/tmp/report.txt")) });
    EXPECT_EQ(ui::CsvDropHandler::importableFile(&mime), QStringLiteral("/tmp/report.txt"));
    mime.setUrls({ QUrl::fromLocalFile(QStringLiteral("/tmp/report.xlsx")) });
    EXPECT_TRUE(ui::CsvDropHandler::importableFile(&mime).isEmpty());
}

TEST(GuiImportJob, AnalysesOnAWorkerThreadAndReportsAMissingBook)
{
    test::TempDir dir;
    const QString bookPath = dir.path(QStringLiteral("a.tpbook"));
    Book::create(bookPath);
    ui::ImportJob job;
    QSignalSpy finished(&job, &ui::ImportJob::finished);
    job.start(ui::ImportJob::Mode::Analyse, bookPath, test::importSample("hubspot-deals.csv"), {});
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(job.waitForFinished());
    EXPECT_EQ(finished.count(), 1);
    ASSERT_EQ(job.result().outcome, ui::ImportJobResult::Outcome::Finished)
            << qPrintable(job.result().error);
    EXPECT_EQ(job.result().analysis.presetId, QStringLiteral("hubspot"));
    EXPECT_EQ(job.result().stamp, ui::FileStamp::of(test::importSample("hubspot-deals.csv")));

    job.start(ui::ImportJob::Mode::Import, dir.path(QStringLiteral("missing.tpbook")),
              test::importSample("hubspot-deals.csv"), {});
    ASSERT_TRUE(job.waitForFinished());
    EXPECT_EQ(job.result().outcome, ui::ImportJobResult::Outcome::Failed);
    EXPECT_TRUE(job.result().error.contains(QStringLiteral("does not exist")));
}

TEST(GuiFieldMappingTable, TheWheelScrollsTheTableRatherThanChangingAColumn)
{
    const crm::FilePreview preview = crm::previewFile(test::importSample("salesforce-report.csv"));
    ui::FieldMappingTable table;
    table.resize(600, 200);
    table.show();
    table.showMapping(crm::Kind::Opportunities, preview, { { crm::Field::Stage, 3 } });
    QComboBox *stage = table.comboOf(crm::Field::Stage);
    ASSERT_NE(stage, nullptr);
    EXPECT_EQ(stage->currentData().toInt(), 3);
    EXPECT_EQ(table.comboOf(crm::Field::Name)->currentData().toInt(), -1); // not imported
    QSignalSpy chosen(&table, &ui::FieldMappingTable::columnChosen);
    QWheelEvent wheel(QPointF(5, 5), stage->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(stage, &wheel);
    EXPECT_EQ(stage->currentData().toInt(), 3);
    EXPECT_EQ(chosen.count(), 0);
    // Chosen with the keyboard, as a user does after tabbing to it.
    stage->setFocus();
    test::choose(stage, 4);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.at(0).at(1).toInt(), 4);
}

} // namespace
