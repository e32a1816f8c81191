#include "fixtures.h"
#include "testsupport.h"

#include "report/csvexport.h"
#include "report/csvwriter.h"
#include "report/rejectionscsv.h"
#include "storage/bookviewloader.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace tp;

TEST(CsvWriter, NeutralisesFormulaTextButNotNumbers)
{
    for (const char *risky : { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx" })
        EXPECT_TRUE(CsvWriter::neutralise(QString::fromLatin1(risky)).startsWith(QLatin1Char('\'')))
                << risky;
    EXPECT_EQ(CsvWriter::neutralise(QStringLiteral("Acme")), QStringLiteral("Acme"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter csv(buffer);
    csv.text(QStringLiteral("=HYPERLINK(\"x\")"));
    csv.number(QStringLiteral("-5.00"));
    csv.text(QStringLiteral("a,b"));
    csv.text(QStringLiteral("line\nbreak"));
    csv.endRow();
    const QByteArray bytes = buffer.data();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    EXPECT_EQ(
            bytes.mid(3),
            QByteArray("'=HYPERLINK(\"\"x\"\")\",-5.00,\"a,b\",\"line\nbreak\"\r\n").prepend('"'));
}

TEST(CsvExport, OpportunitiesAsTheTableShowsThem)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    const auto view = loadBookView(path);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(CsvExport::opportunities(*view, {}, buffer));
    const QStringList lines = QString::fromUtf8(buffer.data().mid(3))
                                      .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1 + 7);
    EXPECT_TRUE(
            lines[0].startsWith(QStringLiteral("Opportunity ID,Opportunity Name,Account Name")));
    const QString o8 = lines.filter(QStringLiteral("O8,")).value(0);
    EXPECT_EQ(o8,
              QStringLiteral("O8,'+Bolt half cent,'=Bolt Systems,Ben,Prove,open,2000.10,USD,25,"
                             "500.03,2026-06-01,2026-12-15,2026-11-01,pipeline"));
    const QString o2 = lines.filter(QStringLiteral("O2,")).value(0);
    EXPECT_TRUE(o2.contains(QStringLiteral(",3333.33,USD,33.33,1111.00,"))) << o2.toStdString();
    EXPECT_TRUE(lines[0].endsWith(QStringLiteral(",Last Activity,Forecast Category")))
            << "the forecast category comes last";
}

TEST(CsvExport, AccountsWithDerivedPotential)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    test::makeFixtureBook(path);
    const auto view = loadBookView(path);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    RowFilter filter;
    filter.scopeTerritory = 0;
    ASSERT_TRUE(CsvExport::accounts(*view, filter, buffer));
    const QStringList lines = QString::fromUtf8(buffer.data().mid(3))
                                      .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines[1],
              QStringLiteral("A1,Acme Ünited,Software,,,,,West,Ana,13333.33,yes,13333.33,2"));
}

TEST(RejectionsCsv, OneRowPerRejectionWithAnEmptyColumnForWholeRows)
{
    std::vector<crm::Rejection> rejections{
        { 3, 5, QStringLiteral("Amount"), QStringLiteral("lots"), QStringLiteral("not an amount") },
        { 7, 0, QString(), QString(), QStringLiteral("3 fields, the header has 6") },
        { 9, 2, QStringLiteral("Account"), QStringLiteral("=cmd()"), QStringLiteral("odd") }
    };
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(RejectionsCsv::write(QStringLiteral("deals.csv"), rejections, buffer));
    const QStringList lines = QString::fromUtf8(buffer.data().mid(3)).split(QStringLiteral("\r\n"));
    ASSERT_EQ(lines.size(), 5); // header, three rows, the empty rest after the last line end
    EXPECT_EQ(lines[0], QStringLiteral("File,Line,Column,Field,Value,Reason"));
    EXPECT_EQ(lines[1], QStringLiteral("deals.csv,3,5,Amount,lots,not an amount"));
    EXPECT_EQ(lines[2], QStringLiteral("deals.csv,7,,,,\"3 fields, the header has 6\""));
    EXPECT_EQ(lines[3], QStringLiteral("deals.csv,9,2,Account,'=cmd(),odd"));
}
