// The day an export was taken (issue 16, item 16): the import wizard's as-of date when the user
// sets none, found in the file's name, the title lines above its header, or its modification
// time, and never after today.
#include "testsupport.h"

#include "import/exportdate.h"
#include "import/filepreview.h"

#include <QDateTime>
#include <QFile>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::crm;

namespace {

const QDate today(2026, 11, 25);

std::optional<QDate> inName(const char *name)
{
    return dateInFileName(QString::fromUtf8(name), today);
}

TEST(ExportDate, DatesInFileNames)
{
    const std::optional<QDate> nov13 = QDate(2026, 11, 13);
    EXPECT_EQ(inName("pipeline-2026-11-13.csv"), nov13);
    EXPECT_EQ(inName("report_20261113.csv"), nov13);
    EXPECT_EQ(inName("Pipeline 13.11.2026.csv"), nov13);
    EXPECT_EQ(inName("13.11.2026.csv"), nov13);
    EXPECT_EQ(inName("deals_2026_11_13.csv"), nov13);
    EXPECT_EQ(inName("deals 2026.11.13.csv"), nov13);
    EXPECT_EQ(inName("export-20261113-0930.csv"), nov13);
    EXPECT_EQ(inName("export_20261113093015.csv"), nov13);
    EXPECT_EQ(inName("deals-2026-11-13T09-30.csv"), nov13);
    EXPECT_EQ(inName("Opportunities 11-13-2026.csv"), nov13); // 13 is no month
    EXPECT_EQ(inName("Opportunities 13-11-2026.csv"), nov13);
    EXPECT_EQ(inName("Deals 13 Nov 2026.csv"), nov13);
    EXPECT_EQ(inName("Deals November 13, 2026.csv"), nov13);
    EXPECT_EQ(inName("pipeline-2026-1-5.csv"), QDate(2026, 1, 5));
}

TEST(ExportDate, NamesWithoutADateGiveNone)
{
    EXPECT_EQ(inName("salesforce-report.csv"), std::nullopt);
    EXPECT_EQ(inName("salesforce-report-week2.csv"), std::nullopt);
    EXPECT_EQ(inName("Q4-2026 pipeline.csv"), std::nullopt); // a period
    EXPECT_EQ(inName("deals 05-06-2026.csv"), std::nullopt); // May 6 or June 5
    EXPECT_EQ(inName("account-120261113.csv"), std::nullopt); // part of a longer number
    EXPECT_EQ(inName("export-2026-13-45.csv"), std::nullopt); // no such day
    EXPECT_EQ(inName("report-26-11-13.csv"), std::nullopt); // two-digit years are not read
    EXPECT_EQ(inName("id-20261113123.csv"), std::nullopt); // 11 digits: an id
}

TEST(ExportDate, NeverAfterToday)
{
    EXPECT_EQ(inName("plan-2026-12-31.csv"), std::nullopt);
    // Of several, the latest that is not in the future.
    EXPECT_EQ(inName("deals 2026-10-01 to 2026-11-20 closing 2027-03-31.csv"), QDate(2026, 11, 20));
}

TEST(ExportDate, TitleLinesAboveTheHeader)
{
    EXPECT_EQ(dateInTitleLines({ QStringLiteral("Opportunity Pipeline Report"),
                                 QStringLiteral("Generated 11/20/2026 9:31 AM") },
                               today),
              QDate(2026, 11, 20));
    EXPECT_EQ(dateInTitleLines({ QStringLiteral("Pipeline"), QStringLiteral("Stand: 13.11.2026") },
                               today),
              QDate(2026, 11, 13));
    EXPECT_EQ(dateInTitleLines({ QStringLiteral("As of November 13, 2026") }, today),
              QDate(2026, 11, 13));
    // A filter's dates are no export day; a line that says when wins over one that does not.
    EXPECT_EQ(dateInTitleLines({ QStringLiteral("Filtered By: Close Date between 10/1/2026 and "
                                                "11/24/2026") },
                               today),
              std::nullopt);
    EXPECT_EQ(dateInTitleLines({ QStringLiteral("Week of 2026-11-23"),
                                 QStringLiteral("Report date: 2026-11-13") },
                               today),
              QDate(2026, 11, 13));
    EXPECT_EQ(dateInTitleLines({ QStringLiteral("Opportunity Pipeline Report") }, today),
              std::nullopt);
}

TEST(ExportDate, FromTheNameElseTheTitleElseTheModificationTime)
{
    test::TempDir dir;
    const QString dated = test::writeFile(dir, "pipeline-2026-11-13.csv", "A,B\n1,2\n");
    const ExportDate fromName = exportDate(dated, { QStringLiteral("As of 11/20/2026") }, today);
    EXPECT_EQ(fromName.date, QDate(2026, 11, 13));
    EXPECT_EQ(fromName.source, ExportDate::Source::FileName);

    const QString plain = test::writeFile(dir, "pipeline.csv", "A,B\n1,2\n");
    const ExportDate fromTitle = exportDate(plain, { QStringLiteral("As of 11/20/2026") }, today);
    EXPECT_EQ(fromTitle.date, QDate(2026, 11, 20));
    EXPECT_EQ(fromTitle.source, ExportDate::Source::Title);

    // The modification time, as a local date.
    QFile file(plain);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.setFileTime(QDateTime(QDate(2026, 11, 6), QTime(23, 30)),
                                 QFileDevice::FileModificationTime));
    file.close();
    const ExportDate modified = exportDate(plain, {}, today);
    EXPECT_EQ(modified.date, QDate(2026, 11, 6));
    EXPECT_EQ(modified.source, ExportDate::Source::Modified);
    // A file "modified" after today (a clock ahead) is today's.
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.setFileTime(QDateTime(QDate(2027, 1, 2), QTime(8, 0)),
                                 QFileDevice::FileModificationTime));
    file.close();
    EXPECT_EQ(exportDate(plain, {}, today).date, today);

    const ExportDate missing = exportDate(dir.path(QStringLiteral("gone.csv")), {}, today);
    EXPECT_EQ(missing.date, today);
    EXPECT_EQ(missing.source, ExportDate::Source::Today);
}

TEST(ExportDate, ThePreviewKeepsTheTitleLines)
{
    const FilePreview preview = previewFile(test::dataFile(QStringLiteral("csv/title-rows.csv")));
    EXPECT_EQ(preview.titleLines,
              QStringList({ QStringLiteral("Opportunity Pipeline Report"),
                            QStringLiteral("Filtered By: Close Date = THIS FISCAL YEAR") }));
    EXPECT_TRUE(previewFile(test::dataFile(QStringLiteral("import/salesforce-report.csv")))
                        .titleLines.isEmpty());
}

} // namespace
