#include "bookdump.h"
#include "testsupport.h"

#include "domain/errors.h"
#include "import/importer.h"
#include "import/importjournal.h"
#include "import/opportunityupsert.h"
#include "storage/book.h"
#include "storage/schema.h"
#include "storage/settings.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::crm;

namespace {

QString sample(const char *name)
{
    return test::dataFile(QStringLiteral("import/") + QString::fromUtf8(name));
}

ImportOptions asOf(QDate date)
{
    ImportOptions o;
    o.asOf = date;
    return o;
}

using test::writeFile;

qint64 scalar(Book &book, const char *sql)
{
    return test::scalar(book.db(), sql);
}

const QByteArray genericHeader = "Deal,Account,Owner,Stage,Amount,Close\n";

QString integrityOf(Book &book)
{
    auto st = book.db().prepare("PRAGMA integrity_check");
    return st.step() ? st.text(0) : QString();
}

QString schemaOf(Book &book)
{
    auto st = book.db().prepare(
            "SELECT group_concat(sql, ';') FROM "
            "(SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name)");
    st.step();
    return st.text(0);
}

} // namespace

TEST(Import, SalesforceReportTwiceThenALaterWeek)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    auto first = importFile(*book, sample("salesforce-report.csv"), asOf(QDate(2026, 11, 13)));
    ASSERT_TRUE(first.committed);
    EXPECT_EQ(first.analysis.presetId, QStringLiteral("salesforce-report"));
    EXPECT_EQ(first.analysis.rows, 200);
    EXPECT_EQ(first.analysis.footer.size(), 3);
    EXPECT_EQ(first.counts.created, 200);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM opportunities"), 200);

    const QString before = test::dumpBook(book->db());
    auto again = importFile(*book, sample("salesforce-report.csv"), asOf(QDate(2026, 11, 13)));
    EXPECT_EQ(again.counts.unchanged, 200);
    EXPECT_EQ(again.counts.created + again.counts.updated, 0);

    auto week2 =
            importFile(*book, sample("salesforce-report-week2.csv"), asOf(QDate(2026, 11, 20)));
    ASSERT_TRUE(week2.committed);
    EXPECT_GT(week2.counts.stageChanges, 0);
    EXPECT_GT(week2.counts.closeDatePushes, 0);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM stage_history WHERE entered_date = '2026-11-20'"),
              week2.counts.stageChanges
                      + scalar(*book,
                               "SELECT count(*) FROM opportunities o JOIN "
                               "stage_history h ON h.opportunity_id = o.id "
                               "WHERE h.import_id = 3 AND h.entered_date = "
                               "'2026-11-20' AND o.id > 200"));
    // Undo of the later week puts the book back as it was after the first.
    undoImport(*book, week2.importId);
    undoImport(*book, again.importId);
    EXPECT_EQ(test::dumpBook(book->db()), before);
}

TEST(Import, EverySampleExportImports)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    for (const char *file :
         { "hubspot-deals.csv", "pipedrive-deals.csv", "quotas.csv", "salesforce-accounts.csv" }) {
        const auto report = importFile(*book, sample(file), asOf(QDate(2026, 11, 20)));
        EXPECT_TRUE(report.committed)
                << file << " " << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(report.rejectedRows, 0) << file;
    }
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM quotas"), 6);
    // Pipedrive's status decides Won and Lost whatever its stage column says.
    EXPECT_GT(scalar(*book, "SELECT count(*) FROM opportunities WHERE status = 1"), 0);
}

TEST(Import, ARejectedRowFailsTheWholeImportUnlessSkipped)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "deals.csv",
                                   genericHeader
                                           + "Alpha,Acme,Mia,Prospecting,1000,2026-12-01\n"
                                             "Beta,Acme,Mia,Prospecting,lots,2026-12-02\n"
                                             "Gamma,Bolt,Tom,Closed Won,2500.50,2026-11-02\n");
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.kind = Kind::Opportunities;
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 },  { Field::AccountName, 1 }, { Field::Owner, 2 },
                        { Field::Stage, 3 }, { Field::Amount, 4 },      { Field::CloseDate, 5 } };
    const QString before = test::dumpBook(book->db());
    auto report = importFile(*book, path, options);
    EXPECT_FALSE(report.committed);
    EXPECT_EQ(report.rejectedRows, 1);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_EQ(report.rejections[0].line, 3);
    EXPECT_EQ(report.rejections[0].column, 5);
    EXPECT_EQ(report.rejections[0].value, QStringLiteral("lots"));
    EXPECT_EQ(test::dumpBook(book->db()), before);

    options.skipInvalid = true;
    report = importFile(*book, path, options);
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(report.counts.created, 2);
    EXPECT_EQ(scalar(*book, "SELECT amount FROM opportunities WHERE name = 'Gamma'"), 250050);
    EXPECT_EQ(scalar(*book, "SELECT rows_rejected FROM imports"), 1);
}

TEST(Import, ADryRunWritesNothingButCounts)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString before = test::dumpBook(book->db());
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.dryRun = true;
    const auto report = importFile(*book, sample("salesforce-report.csv"), options);
    EXPECT_FALSE(report.committed);
    EXPECT_EQ(report.counts.created, 200);
    EXPECT_EQ(test::dumpBook(book->db()), before);
}

TEST(Import, UnknownStagesAndAmbiguousDatesBlockUntilSettled)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "deals.csv",
                                   genericHeader
                                           + "Alpha,Acme,Mia,Scoping,1000,3/4/2026\n"
                                             "Beta,Acme,Mia,Scoping,1000,5/6/2026\n"
                                             "Gamma,Bolt,Tom,Closed Won,2500,7/8/2026\n");
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 },  { Field::AccountName, 1 }, { Field::Owner, 2 },
                        { Field::Stage, 3 }, { Field::Amount, 4 },      { Field::CloseDate, 5 } };
    auto report = importFile(*book, path, options);
    EXPECT_FALSE(report.committed);
    ASSERT_EQ(report.analysis.problems.size(), 2);
    EXPECT_TRUE(report.analysis.problems.join(QLatin1Char(' '))
                        .contains(QStringLiteral("\"Scoping\" (2 row")));
    // Core says what is unmapped; how to map it is the command line's or the wizard's to say.
    const int stageProblem = report.analysis.unmappedStagesProblem;
    ASSERT_GE(stageProblem, 0);
    ASSERT_LT(stageProblem, report.analysis.problems.size());
    EXPECT_TRUE(report.analysis.problems[stageProblem].startsWith(
            QStringLiteral("Stages with no mapping: \"Scoping\" (2 row")));
    EXPECT_FALSE(report.analysis.problems.join(QLatin1Char(' ')).contains(QStringLiteral("--")));
    const QStringList hinted = report.analysis.problemsWithHints(QStringLiteral("Map them."));
    ASSERT_EQ(hinted.size(), report.analysis.problems.size());
    for (int i = 0; i < hinted.size(); ++i)
        EXPECT_EQ(hinted[i].endsWith(QStringLiteral(". Map them.")), i == stageProblem) << i;
    ASSERT_EQ(report.analysis.stages.size(), 2u);
    EXPECT_EQ(report.analysis.stages[0].value, QStringLiteral("Scoping"));
    EXPECT_EQ(report.analysis.stages[0].rows, 2);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM opportunities"), 0);

    options.stageMap.insert(QStringLiteral("scoping"), Stage::Prove);
    options.dateOrder = values::DateOrder::DayMonthYear;
    report = importFile(*book, path, options);
    ASSERT_TRUE(report.committed) << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(report.analysis.unmappedStagesProblem, -1);
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM opportunities WHERE stage = 2 AND close_date = "
                     "'2026-04-03'"),
              1);
}

TEST(Import, ACsvErrorNamesFileLineAndLeavesTheBookAlone)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "broken.csv",
                                   genericHeader
                                           + "Alpha,Acme,Mia,Prospecting,1000,2026-12-01\n"
                                             "\"Beta,Acme,Mia,Prospecting,1000,2026-12-02\n");
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 }, { Field::Stage, 3 } };
    const QString before = test::dumpBook(book->db());
    try {
        importFile(*book, path, options);
        FAIL() << "expected an error";
    } catch (const InputError &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("broken.csv")))
                << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(QStringLiteral("line 3"))) << e.message().toStdString();
    }
    EXPECT_EQ(test::dumpBook(book->db()), before);
}

TEST(Import, AnAmbiguousDateColumnTakesTheOrderTheFilesOtherDatesSettle)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "deals.csv",
                                   "Deal,Stage,Close,Created\n"
                                   "Alpha,Prospecting,3/4/2026,25/1/2026\n"
                                   "Beta,Prospecting,5/6/2026,13/2/2026\n");
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.preset = QStringLiteral("generic");
    options.columns = {
        { Field::Name, 0 }, { Field::Stage, 1 }, { Field::CloseDate, 2 }, { Field::CreatedDate, 3 }
    };
    const auto report = importFile(*book, path, options);
    ASSERT_TRUE(report.committed) << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(report.analysis.warnings.size(), 1);
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM opportunities WHERE name = 'Alpha' "
                     "AND close_date = '2026-04-03' AND created_date = '2026-01-25'"),
              1);
}

namespace {

// A generic export of `rows` valid deals (several batches of the reading thread's pipeline).
QByteArray manyDeals(int rows)
{
    QByteArray out = genericHeader;
    for (int i = 0; i < rows; ++i)
        out += "Deal " + QByteArray::number(i) + ",Acme " + QByteArray::number(i % 97)
                + ",Mia,Prospecting," + QByteArray::number(1000 + i) + ",2026-12-01\n";
    return out;
}

ImportOptions genericOptions()
{
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 },  { Field::AccountName, 1 }, { Field::Owner, 2 },
                        { Field::Stage, 3 }, { Field::Amount, 4 },      { Field::CloseDate, 5 } };
    return options;
}

} // namespace

TEST(Import, CancelMidwayLeavesTheBookAsItWas)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "deals.csv", manyDeals(30000));
    const QString before = test::dumpBook(book->db());
    qint64 calls = 0;
    bool sawSecondHalf = false;
    try {
        importFile(*book, path, genericOptions(), [&](qint64 done, qint64 total) {
            ++calls;
            sawSecondHalf = sawSecondHalf || done > total / 2;
            return !(sawSecondHalf && done < total); // cancel once rows are being written
        });
        FAIL() << "expected the import to be cancelled";
    } catch (const InputError &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("cancelled"))) << e.message().toStdString();
    }
    EXPECT_TRUE(sawSecondHalf);
    EXPECT_EQ(test::dumpBook(book->db()), before);
    // And the book takes the same file afterwards.
    EXPECT_TRUE(importFile(*book, path, genericOptions()).committed);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM opportunities"), 30000);
}

TEST(Import, ABadRowFarDownFailsWithItsLineAndChangesNothing)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    // The last of 20,001 rows (the reading thread's fifth batch) has an amount that is no
    // number: the whole import fails, naming line and column.
    const QString path = writeFile(
            dir, "deals.csv", manyDeals(20000) + "Last,Acme,Mia,Prospecting,twelve,2026-12-01\n");
    const QString before = test::dumpBook(book->db());
    const QString schema = schemaOf(*book);
    const auto report = importFile(*book, path, genericOptions());
    EXPECT_FALSE(report.committed);
    EXPECT_EQ(schemaOf(*book), schema); // the indexes a large import drops come back
    EXPECT_EQ(report.rejectedRows, 1);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_EQ(report.rejections[0].line, 20002);
    EXPECT_EQ(report.rejections[0].column, 5);
    EXPECT_EQ(report.rejections[0].value, QStringLiteral("twelve"));
    EXPECT_EQ(test::dumpBook(book->db()), before);
}

TEST(Import, ALargeImportIntoAnEmptyBookBuildsItsIndexesAtTheEnd)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString schema = schemaOf(*book);
    // Opportunity ids, one listed twice: the second row updates the first, the index built at
    // the end finds no duplicate.
    QByteArray bytes = "Opportunity ID,Deal,Account,Owner,Stage,Amount,Close\n";
    const int rows = int(OpportunityUpserter::deferIndexesFromRows) + 10;
    for (int i = 0; i < rows; ++i)
        bytes += "006X" + QByteArray::number(i) + ",Deal " + QByteArray::number(i) + ",Account "
                + QByteArray::number(i % 97) + ",Mia,Prospecting,100,2026-12-01\n";
    bytes += "006X7,Deal 7 renamed,Account 7,Mia,Prospecting,100,2026-12-01\n";
    ImportOptions options = genericOptions();
    options.columns = { { Field::CrmId, 0 },    { Field::Name, 1 },  { Field::AccountName, 2 },
                        { Field::Owner, 3 },    { Field::Stage, 4 }, { Field::Amount, 5 },
                        { Field::CloseDate, 6 } };
    const auto report = importFile(*book, writeFile(dir, "deals.csv", bytes), options);
    ASSERT_TRUE(report.committed) << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(report.counts.created, rows);
    EXPECT_EQ(report.counts.updated, 1);
    EXPECT_EQ(schemaOf(*book), schema);
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM opportunities o INDEXED BY opportunities_account "
                     "JOIN accounts a ON a.id = o.account_id WHERE a.name = 'Account 7'"),
              scalar(*book,
                     "SELECT count(*) FROM opportunities o NOT INDEXED "
                     "JOIN accounts a ON a.id = o.account_id WHERE a.name = 'Account 7'"));
    EXPECT_EQ(integrityOf(*book), QStringLiteral("ok"));
    EXPECT_THROW(book->db().exec("INSERT INTO opportunities (crm_id, name, stage, created_date) "
                                 "VALUES ('006X7', 'Twin', 1, '2026-01-01')"),
                 sql::Error);
}

TEST(Import, UndoOfALargeImportRestoresTheBookAndItsIndexes)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    ASSERT_TRUE(importFile(*book, writeFile(dir, "few.csv", manyDeals(50)), genericOptions())
                        .committed);
    const QString before = test::dumpBook(book->db());
    const QString schema = schemaOf(*book);
    // Many more deals than the book holds, some of them the same as before (updated).
    const auto report =
            importFile(*book, writeFile(dir, "many.csv", manyDeals(25000)), genericOptions());
    ASSERT_TRUE(report.committed);
    ASSERT_GT(report.counts.created, OpportunityUpserter::deferIndexesFromRows);
    undoImport(*book, report.importId);
    EXPECT_EQ(test::dumpBook(book->db()), before);
    EXPECT_EQ(schemaOf(*book), schema);
    EXPECT_EQ(integrityOf(*book), QStringLiteral("ok"));
}

TEST(Import, SkippingInvalidRowsKeepsTheFirstThousandReasons)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    QByteArray bytes = manyDeals(100);
    for (int i = 0; i < 1500; ++i)
        bytes += "Bad " + QByteArray::number(i) + ",Acme,Mia,Prospecting,n/a,2026-12-01\n";
    const QString path = writeFile(dir, "deals.csv", bytes);
    ImportOptions options = genericOptions();
    options.skipInvalid = true;
    const auto report = importFile(*book, path, options);
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(report.counts.created, 100);
    EXPECT_EQ(report.rejectedRows, 1500);
    ASSERT_EQ(report.rejections.size(), ImportReport::maxRejections);
    EXPECT_EQ(report.rejections.front().line, 102);
    EXPECT_EQ(report.rejections.back().line, 102 + qint64(ImportReport::maxRejections) - 1);
}

TEST(Import, TheSameDataInDifferentDialectsMakesIdenticalBooks)
{
    // One small pipeline written the way different tools and locales write it.
    const QString rows[][6] = { { QStringLiteral("Renewal “Gold”"),
                                  QStringLiteral("Müller & Söhne"), QStringLiteral("Zoë Müller"),
                                  QStringLiteral("Prospecting"), QStringLiteral("1234567.89"),
                                  QStringLiteral("2026-12-01") },
                                { QStringLiteral("Pilot, phase 2"), QStringLiteral("Café Noir"),
                                  QStringLiteral("José Álvarez"), QStringLiteral("Closed Won"),
                                  QStringLiteral("2500.50"), QStringLiteral("2026-10-15") },
                                { QStringLiteral("Expansion €"), QStringLiteral("O'Brien Ltd."),
                                  QStringLiteral("Mia Rossi"), QStringLiteral("Negotiation/Review"),
                                  QStringLiteral("99.00"), QStringLiteral("2027-01-31") } };
    const auto csvCell = [](QString cell, QChar delimiter) {
        if (cell.contains(delimiter) || cell.contains(QLatin1Char('"')))
            cell = QLatin1Char('"') + cell.replace(QStringLiteral("\""), QStringLiteral("\"\""))
                    + QLatin1Char('"');
        return cell;
    };
    // Text in a dialect: delimiter, decimal comma (1.234.567,89), D.M.YYYY dates.
    const auto text = [&](QChar delimiter, bool german) {
        QString out =
                QStringLiteral("Deal%1Account%1Owner%1Stage%1Amount%1Close\r\n").arg(delimiter);
        for (const auto &r : rows) {
            QStringList cells;
            for (int c = 0; c < 6; ++c) {
                QString v = r[c];
                if (german && c == 4) {
                    const QLocale de(QLocale::German, QLocale::Germany);
                    v = de.toString(v.toDouble(), 'f', 2);
                } else if (german && c == 5) {
                    v = QDate::fromString(v, Qt::ISODate).toString(QStringLiteral("d.M.yyyy"));
                }
                cells << csvCell(v, delimiter);
            }
            out += cells.join(delimiter) + QStringLiteral("\r\n");
        }
        return out;
    };
    QByteArray utf16 = "\xFF\xFE";
    const QString tabbed = text(QLatin1Char('\t'), false);
    utf16.append(reinterpret_cast<const char *>(tabbed.utf16()), tabbed.size() * 2);
    const QString german = text(QLatin1Char(';'), true);
    QByteArray windows1252 = "sep=;\r\n";
    for (const QChar c : german) // the test's characters: Latin-1 plus € and curly quotes
        windows1252 += c == QChar(0x20AC) ? '\x80'
                : c == QChar(0x201C)      ? '\x93'
                : c == QChar(0x201D)      ? '\x94'
                                          : char(c.unicode());
    const QByteArray files[] = { "\xEF\xBB\xBF" + text(QLatin1Char(','), false).toUtf8(), utf16,
                                 windows1252, text(QLatin1Char('|'), false).toUtf8() };

    test::TempDir dir;
    QString first;
    int n = 0;
    for (const QByteArray &bytes : files) {
        const QString name = QStringLiteral("book%1.tpbook").arg(n);
        auto book = Book::create(dir.path(name));
        const QString path =
                writeFile(dir, QStringLiteral("deals%1.csv").arg(n).toUtf8().constData(), bytes);
        const auto report = importFile(*book, path, genericOptions());
        ASSERT_TRUE(report.committed)
                << n << ": " << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(report.counts.created, 3) << n;
        // The books differ only in the name of the file each import came from and the time
        // each import started.
        static const QRegularExpression timestamp(
                QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        const QString dump =
                test::dumpBook(book->db())
                        .replace(QStringLiteral("deals%1.csv").arg(n), QStringLiteral("deals.csv"))
                        .replace(timestamp, QStringLiteral("<started>"));
        if (n == 0)
            first = dump;
        else
            EXPECT_EQ(dump, first) << "dialect " << n;
        ++n;
    }
    EXPECT_TRUE(first.contains(QStringLiteral("Renewal “Gold”")));
    EXPECT_TRUE(first.contains(QStringLiteral("123456789")));
}

TEST(Import, ActivitiesLinkToDealsAndAccountsAndMoveTheLastActivityDate)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    ASSERT_TRUE(importFile(*book, sample("salesforce-report.csv"), asOf(QDate(2026, 11, 20)))
                        .committed);
    const qint64 accounts = scalar(*book, "SELECT count(*) FROM accounts");

    const auto report =
            importFile(*book, sample("salesforce-activities.csv"), asOf(QDate(2026, 11, 20)));
    ASSERT_TRUE(report.committed) << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(report.analysis.kind, Kind::Activities);
    EXPECT_EQ(report.counts.created, 6);
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM activities a JOIN opportunities o ON o.id = "
                     "a.opportunity_id "
                     "WHERE o.crm_id = '006Kx0000000000IAA'"),
              4);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM activities WHERE type = 'call'"),
              2); // Call, Anruf
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM activities WHERE type = 'email'"),
              2); // Email, ListEmail
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM activities WHERE type = 'meeting'"),
              2); // Meeting, Event
    // The latest past activity (11/18), not the planned QBR (12/15), is the deal's last activity.
    auto st = book->db().prepare(
            "SELECT last_activity_date FROM opportunities WHERE crm_id = '006Kx0000000000IAA'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), QStringLiteral("2026-11-18"));
    // One new account (the one the deals did not know), none for those they did.
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM accounts"), accounts + 1);

    const auto again =
            importFile(*book, sample("salesforce-activities.csv"), asOf(QDate(2026, 11, 20)));
    EXPECT_EQ(again.counts.created, 0);
    EXPECT_EQ(again.counts.unchanged, 6);
    // Undo of the activities import puts the deal's date back.
    undoImport(*book, again.importId);
    undoImport(*book, report.importId);
    auto back = book->db().prepare("SELECT coalesce(last_activity_date, '') FROM opportunities "
                                   "WHERE crm_id = '006Kx0000000000IAA'");
    ASSERT_TRUE(back.step());
    EXPECT_EQ(back.text(0), QString());
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM activities"), 0);
}

TEST(Import, AccountsWithoutIdsMatchByNameWhateverTheCaseAndOnlyOnce)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QByteArray header = "\"Account Name\",\"Industry\",\"Employees\",\"Account Owner\"\n";
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.kind = Kind::Accounts;
    const auto first = importFile(*book,
                                  writeFile(dir, "a.csv",
                                            header
                                                    + "\"Müller GmbH\",Retail,50,Mia Rossi\n"
                                                      "\"Acme\",Energy,5000,mia rossi\n"
                                                      "\"ACME \",Energy,5000,Mia Rossi\n"),
                                  options);
    ASSERT_TRUE(first.committed) << first.analysis.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(first.counts.created, 2);
    EXPECT_EQ(first.counts.unchanged, 0);
    EXPECT_EQ(first.counts.updated, 1); // the second Acme row renames it "ACME"
    EXPECT_EQ(first.counts.repsCreated, 1);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM accounts"), 2);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM accounts WHERE size_band = 'Enterprise'"), 1);

    const auto again = importFile(*book,
                                  writeFile(dir, "b.csv",
                                            header
                                                    + "\"MÜLLER GMBH\",,,\n"
                                                      "\"acme\",Energy,5000,Mia Rossi\n"),
                                  options);
    ASSERT_TRUE(again.committed);
    EXPECT_EQ(again.counts.created, 0);
    EXPECT_EQ(again.counts.updated, 2); // names as the file writes them now
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM accounts WHERE industry = 'Retail' AND name = 'MÜLLER "
                     "GMBH'"),
              1);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM reps"), 1);
}

TEST(Import, TheSnapshotKeepsDealsClosedWithinTheBooksMetricsWindow)
{
    const QByteArray bytes = genericHeader
            + "Open one,Acme,Mia,Prospecting,100,2026-12-01\n"
              "Won lately,Acme,Mia,Closed Won,100,2026-11-01\n"
              "Won in September,Acme,Mia,Closed Won,100,2026-09-21\n";
    for (const auto &[window, kept] : { std::pair{ 365, 3 }, std::pair{ 30, 2 } }) {
        test::TempDir dir;
        auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
        SettingsRepository(*book).setValue(QStringLiteral("metrics.window_days"),
                                           QString::number(window));
        ASSERT_TRUE(
                importFile(*book, writeFile(dir, "deals.csv", bytes), genericOptions()).committed);
        EXPECT_EQ(scalar(*book, "SELECT count(*) FROM snapshot_rows"), kept) << window << " days";
    }
}

TEST(Import, EveryKindImportsAFileOfItsKind)
{
    const std::pair<Kind, const char *> files[] = {
        { Kind::Opportunities, "salesforce-report.csv" },
        { Kind::Accounts, "salesforce-accounts.csv" },
        { Kind::Activities, "salesforce-activities.csv" },
        { Kind::Quotas, "quotas.csv" },
        { Kind::Scores, "scores.csv" }
    };
    std::vector<Kind> kinds;
    for (const auto &[kind, file] : files) {
        SCOPED_TRACE(kindKey(kind).toStdString());
        test::TempDir dir;
        auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
        if (kind == Kind::Scores) { // scores are for accounts the book has
            ASSERT_TRUE(
                    importFile(*book, sample("salesforce-accounts.csv"), asOf(QDate(2026, 11, 20)))
                            .committed);
        }
        ImportOptions options = asOf(QDate(2026, 11, 20));
        options.kind = kind;
        const ImportReport report = importFile(*book, sample(file), options);
        EXPECT_TRUE(report.analysis.canImport())
                << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(report.rejectedRows, 0);
        EXPECT_TRUE(report.committed);
        EXPECT_GT(report.counts.created + report.counts.updated, 0);
        kinds.push_back(kind);
    }
    EXPECT_EQ(allKinds(), kinds); // in the order of the enum
}

namespace {

QString journalMode(Book &book)
{
    auto st = book.db().prepare("PRAGMA journal_mode");
    return st.step() ? st.text(0) : QString();
}

} // namespace

// A book the import has just created and that nobody else can have open (the command line's
// first import into a new file) is written through a rollback journal, which holds only the
// pages that existed before, instead of logging every page and copying them again at the end;
// it is in WAL mode again afterwards. Any other book keeps the log (issue 16, item 9): in
// rollback mode a reader and a writer wait for each other, and one of them fails.
TEST(Import, LeavesWalModeOnlyForAPrivateNewBook)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    auto book = Book::create(path);
    ASSERT_EQ(journalMode(*book), QStringLiteral("wal"));
    {
        const ImportConnection alone(book->db(), ImportConnection::Book::PrivateAndNew);
        EXPECT_TRUE(alone.leftWal());
        EXPECT_EQ(journalMode(*book), QStringLiteral("delete"));
    }
    EXPECT_EQ(journalMode(*book), QStringLiteral("wal"));
    {
        const ImportConnection shared(book->db());
        EXPECT_FALSE(shared.leftWal());
        EXPECT_EQ(journalMode(*book), QStringLiteral("wal"));
    }

    // A reader on another connection keeps reading while the import writes and commits.
    auto other = Book::open(path);
    other->db().exec("BEGIN"); // a read snapshot held through the import
    EXPECT_EQ(scalar(*other, "SELECT count(*) FROM opportunities"), 0);
    EXPECT_TRUE(importFile(*book, sample("salesforce-report.csv"), asOf(QDate(2026, 11, 13)))
                        .committed);
    EXPECT_EQ(scalar(*other, "SELECT count(*) FROM opportunities"), 0);
    other->db().exec("COMMIT");
    EXPECT_EQ(scalar(*other, "SELECT count(*) FROM opportunities"), 200);
    EXPECT_EQ(journalMode(*book), QStringLiteral("wal"));
}

// The connection's own settings come back after an import, whatever it changed meanwhile
// (the page cache, temporary storage, the index builds' sort threads).
TEST(Import, GivesTheConnectionItsSettingsBack)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    sql::Database &db = book->db();
    const int cache = db.pragmaInt("cache_size"), temp = db.pragmaInt("temp_store"),
              threads = db.pragmaInt("threads");
    {
        const ImportConnection importing(db);
        EXPECT_EQ(db.pragmaInt("cache_size"), -65536);
        EXPECT_EQ(db.pragmaInt("foreign_keys"), 0);
        sql::Transaction tx(db);
        schema::dropOpportunityIndexes(db);
        schema::createOpportunityIndexes(db);
        EXPECT_EQ(db.pragmaInt("cache_size"), -65536);
        EXPECT_EQ(db.pragmaInt("threads"), threads);
        tx.commit();
    }
    EXPECT_EQ(db.pragmaInt("cache_size"), cache);
    EXPECT_EQ(db.pragmaInt("temp_store"), temp);
    EXPECT_EQ(db.pragmaInt("foreign_keys"), 1);
}

// Issue 16, item 10: an import into a book with a damaged page fails and writes nothing, even
// when the damage lies in a table the import does not read (here the activities).
TEST(Import, RefusesADamagedBook)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("a.tpbook"));
    int root = 0;
    {
        auto book = Book::create(path);
        book->db().exec(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                "INSERT INTO activities (type, activity_date, subject) "
                "SELECT 'call', '2026-01-01', printf('Call number %d about nothing much', i) FROM "
                "n");
        root = int(scalar(*book, "SELECT rootpage FROM sqlite_schema WHERE name = 'activities'"));
        book->db().exec("PRAGMA journal_mode = DELETE");
    }
    ASSERT_GT(root, 1);
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.seek(qint64(root - 1) * 16384 + 8);
        f.write(QByteArray(64, '\x7f'));
    }
    auto book = Book::open(path);
    try {
        importFile(*book, sample("salesforce-report.csv"), asOf(QDate(2026, 11, 13)));
        FAIL() << "imported into a damaged book";
    } catch (const BookError &e) {
        EXPECT_EQ(e.kind(), BookError::Kind::Corrupt);
        EXPECT_TRUE(e.message().contains(QStringLiteral("is damaged")))
                << e.message().toStdString();
        EXPECT_TRUE(e.message().contains(QStringLiteral("nothing was imported")));
    }
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM opportunities"), 0);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM imports"), 0);
}

namespace {

// The first `rows` data rows of a sample, with its header and without its footer.
QByteArray firstRows(const char *name, int rows)
{
    const QList<QByteArray> lines = test::readAll(sample(name)).split('\n');
    QByteArray out = lines.front() + '\n';
    for (int i = 1; i <= rows && i < lines.size(); ++i)
        out += lines[i] + '\n';
    return out;
}

} // namespace

// Issue 16, item 4: a header-only export declared complete removed every open deal of its
// source. Now a file with nothing under its header is not imported at all, and a complete file
// that would remove more than half of its source's open deals needs the user's word.
TEST(Import, ACompleteFileCutShortNeedsConfirmationToRemoveMostDeals)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    ASSERT_TRUE(importFile(*book, sample("salesforce-report.csv"), asOf(QDate(2026, 11, 13)))
                        .committed);
    const qint64 open = scalar(*book, "SELECT count(*) FROM opportunities WHERE status = 0");
    ASSERT_GT(open, 100);
    const QString before = test::dumpBook(book->db());

    ImportOptions complete = asOf(QDate(2026, 11, 20));
    complete.complete = true;
    const ImportReport empty = importFile(
            *book, writeFile(dir, "empty.csv", firstRows("salesforce-report.csv", 0)), complete);
    EXPECT_FALSE(empty.committed);
    ASSERT_FALSE(empty.analysis.problems.isEmpty());
    EXPECT_EQ(empty.analysis.problems.front(),
              QStringLiteral("empty.csv has a header but no data rows: nothing to import."));
    EXPECT_EQ(test::dumpBook(book->db()), before);

    const QString cut = writeFile(dir, "cut.csv", firstRows("salesforce-report.csv", 20));
    const ImportReport refused = importFile(*book, cut, complete);
    EXPECT_FALSE(refused.committed);
    ASSERT_EQ(refused.unconfirmed.size(), 1u);
    EXPECT_EQ(refused.unconfirmed.front().kind, Confirmation::Kind::MassRemoval);
    EXPECT_EQ(refused.counts.sourceOpen, open);
    EXPECT_GT(2 * refused.counts.removed, open);
    EXPECT_TRUE(refused.unconfirmed.front().text.contains(QStringLiteral("--allow-mass-removal")));
    EXPECT_EQ(test::dumpBook(book->db()), before);

    complete.allowMassRemoval = true;
    const ImportReport confirmed = importFile(*book, cut, complete);
    EXPECT_TRUE(confirmed.committed);
    EXPECT_EQ(confirmed.counts.removed, refused.counts.removed);
}

// A Salesforce report whose "Grand Totals (N records)" counts other rows than were read is cut
// short or edited: a warning, and for a complete import a problem.
TEST(Import, AFooterThatCountsOtherRowsIsSaid)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    QByteArray bytes = firstRows("salesforce-report.csv", 150);
    bytes += "\n\"Grand Totals (200 records)\"\n";
    const QString file = writeFile(dir, "cut.csv", bytes);
    const ImportReport partial = importFile(*book, file, asOf(QDate(2026, 11, 13)));
    EXPECT_TRUE(partial.committed);
    EXPECT_LT(partial.analysis.rows, 200);
    EXPECT_TRUE(partial.analysis.warnings.contains(
            QStringLiteral("The report's footer says 200 records, but %1 rows were read: the file "
                           "may be cut short or edited.")
                    .arg(partial.analysis.rows)))
            << qPrintable(partial.analysis.warnings.join(QLatin1Char('\n')));
    ImportOptions complete = asOf(QDate(2026, 11, 20));
    complete.complete = true;
    const ImportReport whole = importFile(*book, file, complete);
    EXPECT_FALSE(whole.committed);
    EXPECT_FALSE(whole.analysis.canImport());
    // The sample's own footer agrees with its rows.
    const ImportReport sampleReport = importFile(*book, sample("salesforce-report.csv"), complete);
    EXPECT_TRUE(sampleReport.analysis.canImport())
            << qPrintable(sampleReport.analysis.problems.join(QLatin1Char('\n')));
}

// Issue 16, item 5: the same deals exported by a second CRM (other ids, same names, accounts,
// amounts and dates) doubled the pipeline. New rows like deals of another source are counted,
// and imported only when the user says what to do with them.
TEST(Import, LikelyDuplicatesFromAnotherCrmAreCountedAndAskedFor)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    ASSERT_TRUE(importFile(*book, sample("salesforce-report.csv"), asOf(QDate(2026, 11, 13)))
                        .committed);
    const qint64 deals = scalar(*book, "SELECT count(*) FROM opportunities");
    const QString before = test::dumpBook(book->db());

    // HubSpot's export of the same deals, under HubSpot's own ids.
    const QString hubspot = writeFile(dir, "hubspot.csv",
                                      test::readAll(sample("hubspot-deals.csv"))
                                              .replace("006Kx", "78123")
                                              .replace("001Kx", "91456"));
    const ImportReport asked = importFile(*book, hubspot, asOf(QDate(2026, 11, 14)));
    EXPECT_FALSE(asked.committed);
    EXPECT_GT(asked.counts.duplicates, 150);
    ASSERT_EQ(asked.unconfirmed.size(), 1u);
    EXPECT_EQ(asked.unconfirmed.front().kind, Confirmation::Kind::Duplicates);
    EXPECT_TRUE(asked.unconfirmed.front().text.contains(QStringLiteral("--skip-duplicates")));
    ASSERT_FALSE(asked.duplicates.empty());
    EXPECT_EQ(asked.duplicates.front().line, 2);
    EXPECT_EQ(asked.duplicates.front().name, QStringLiteral("O'Brien expansion 0"));
    EXPECT_EQ(test::dumpBook(book->db()), before);

    ImportOptions skip = asOf(QDate(2026, 11, 14));
    skip.duplicates = DuplicatePolicy::Skip;
    const ImportReport skipped = importFile(*book, hubspot, skip);
    EXPECT_TRUE(skipped.committed);
    EXPECT_EQ(skipped.counts.duplicatesSkipped, asked.counts.duplicates);
    EXPECT_EQ(skipped.counts.created, asked.counts.created - asked.counts.duplicates);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM opportunities"), deals + skipped.counts.created);

    // The same CRM's next export is not a duplicate of itself.
    const ImportReport again =
            importFile(*book, sample("salesforce-report-week2.csv"), asOf(QDate(2026, 11, 20)));
    EXPECT_TRUE(again.committed);
    EXPECT_EQ(again.counts.duplicates, 0);
}

// Issue 16, item 8: a Territory column on an accounts import was shown as mapped and dropped.
// Territories are created by name (owned by the rep of their first account) and the accounts
// put in them; a later file moves them; a file without the column leaves them where they are.
TEST(Import, AnAccountsTerritoryColumnFillsTheTerritories)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const ImportReport r = importFile(*book, sample("salesforce-accounts-territory.csv"),
                                      asOf(QDate(2026, 11, 13)));
    ASSERT_TRUE(r.committed) << qPrintable(r.analysis.problems.join(QLatin1Char('\n')));
    EXPECT_GE(r.analysis.columnOf(Field::Territory), 0);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM accounts WHERE territory_id IS NULL"), 0);
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM territories"),
              scalar(*book, "SELECT count(DISTINCT territory_id) FROM accounts"));
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM territories t JOIN reps r ON r.id = t.owner_id "
                     "WHERE t.name = 'DACH' AND r.name = 'Zoë Müller'"),
              1);
    const qint64 dach =
            scalar(*book,
                   "SELECT count(*) FROM accounts a JOIN territories t ON t.id = a.territory_id "
                   "WHERE t.name = 'DACH'");
    EXPECT_GT(dach, 0);
    // The same accounts without the column: their territories stay.
    const ImportReport again =
            importFile(*book, sample("salesforce-accounts.csv"), asOf(QDate(2026, 11, 14)));
    ASSERT_TRUE(again.committed);
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM accounts a JOIN territories t ON t.id = a.territory_id "
                     "WHERE t.name = 'DACH'"),
              dach);
}

// Issue 16, item 11: where a CRM says at which stage a deal was lost (Pipedrive's stage beside
// a Lost status) the book keeps it; a deal it saw open and then closed keeps the stage it left.
TEST(Import, TheStageADealClosedFromIsKept)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString file = writeFile(
            dir, "deals.csv",
            "Deal - ID,Deal - Title,Deal - Stage,Deal - Status,Deal - Value,Deal - Owner\n"
            "1,Alpha,Proposal Made,Lost,100,Ana\n"
            "2,Beta,Demo Scheduled,Won,200,Ana\n"
            "3,Gamma,Negotiations Started,Open,300,Ana\n");
    ASSERT_TRUE(importFile(*book, file, asOf(QDate(2026, 11, 13))).committed);
    EXPECT_EQ(scalar(*book, "SELECT closed_stage FROM opportunities WHERE crm_id = '1'"),
              int(Stage::Propose));
    EXPECT_EQ(scalar(*book, "SELECT closed_stage FROM opportunities WHERE crm_id = '2'"),
              int(Stage::Prove));
    EXPECT_EQ(scalar(*book,
                     "SELECT count(*) FROM opportunities WHERE crm_id = '3' AND closed_stage IS "
                     "NULL"),
              1);
    // Next week Gamma is lost, and this export names no stage for it.
    const QString later = writeFile(
            dir, "later.csv",
            "Deal - ID,Deal - Title,Deal - Stage,Deal - Status,Deal - Value,Deal - Owner\n"
            "3,Gamma,,Lost,300,Ana\n");
    ImportOptions o = asOf(QDate(2026, 11, 20));
    o.skipInvalid = true; // (an empty stage beside a status is fine; nothing is rejected)
    const ImportReport r = importFile(*book, later, o);
    ASSERT_TRUE(r.committed) << qPrintable(r.analysis.problems.join(QLatin1Char('\n')));
    EXPECT_EQ(scalar(*book, "SELECT closed_stage FROM opportunities WHERE crm_id = '3'"),
              int(Stage::Negotiate));
}

// Issue 16, item 12: a negative amount (a credit note in the export) would take the pipeline
// down; it is rejected where it stands, like any other value that is not an amount.
TEST(Import, ANegativeAmountIsRejectedAtItsPlace)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "deals.csv",
                                   genericHeader
                                           + "Alpha,Acme,Mia,Prospecting,1000,2026-12-01\n"
                                             "Credit,Acme,Mia,Prospecting,-400,2026-12-02\n");
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.kind = Kind::Opportunities;
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 },  { Field::AccountName, 1 }, { Field::Owner, 2 },
                        { Field::Stage, 3 }, { Field::Amount, 4 },      { Field::CloseDate, 5 } };
    const ImportReport report = importFile(*book, path, options);
    EXPECT_FALSE(report.committed);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_EQ(report.rejections[0].line, 3);
    EXPECT_EQ(report.rejections[0].column, 5);
    EXPECT_EQ(report.rejections[0].value, QStringLiteral("-400"));
    EXPECT_TRUE(report.rejections[0].reason.contains(QStringLiteral("cannot be negative")));
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM opportunities"), 0);
}

// Issue 16, item 12: NUL bytes are dropped from the text, and the import says so and where.
TEST(Import, NulBytesAreDroppedAndSaidWithTheirPlace)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    QByteArray bytes = genericHeader
            + "Alpha,Acme,Mia,Prospecting,1000,2026-12-01\n"
              "Be";
    bytes += '\0';
    bytes += "ta,Bolt,Tom,Prospecting,2000,2026-12-02\n";
    const QString path = writeFile(dir, "deals.csv", bytes);
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.kind = Kind::Opportunities;
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 },  { Field::AccountName, 1 }, { Field::Owner, 2 },
                        { Field::Stage, 3 }, { Field::Amount, 4 },      { Field::CloseDate, 5 } };
    const ImportReport report = importFile(*book, path, options);
    EXPECT_TRUE(report.committed);
    EXPECT_TRUE(report.analysis.warnings.contains(QStringLiteral(
            "A NUL byte dropped (at line 3, column 1): it is no text, but a value it "
            "stood in may be cut or joined.")))
            << qPrintable(report.analysis.warnings.join(QLatin1Char('\n')));
    EXPECT_EQ(scalar(*book, "SELECT count(*) FROM opportunities WHERE name = 'Beta'"), 1);
}

// Issue 16, item 12: a header that names a column twice is read from one of them, and which one
// is said rather than left to chance.
TEST(Import, AHeaderNamedTwiceSaysWhichColumnIsRead)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "deals.csv",
                                   "Deal,Account,Owner,Stage,Amount,Close,Amount\n"
                                   "Alpha,Acme,Mia,Prospecting,1000,2026-12-01,9\n");
    ImportOptions options = asOf(QDate(2026, 11, 20));
    options.kind = Kind::Opportunities;
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 },  { Field::AccountName, 1 }, { Field::Owner, 2 },
                        { Field::Stage, 3 }, { Field::Amount, 4 },      { Field::CloseDate, 5 } };
    const ImportReport report = importFile(*book, path, options);
    EXPECT_TRUE(report.committed);
    EXPECT_TRUE(report.analysis.warnings.contains(
            QStringLiteral("The header names “Amount” more than once (columns 5, 7): column 5 is "
                           "read as Amount.")))
            << qPrintable(report.analysis.warnings.join(QLatin1Char('\n')));
    EXPECT_EQ(scalar(*book, "SELECT amount FROM opportunities"), 100000);
}
