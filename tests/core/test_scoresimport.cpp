#include "bookdump.h"
#include "testsupport.h"

#include "import/importer.h"
#include "import/importjournal.h"
#include "report/csvexport.h"
#include "report/roireport.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::crm;

namespace {

QString sample(const char *name)
{
    return test::dataFile(QStringLiteral("import/") + QString::fromUtf8(name));
}

ImportOptions options(std::optional<Kind> kind = Kind::Scores)
{
    ImportOptions o;
    o.asOf = QDate(2026, 11, 20);
    o.kind = kind;
    return o;
}

// A book with the sample accounts, two of them scored already.
std::unique_ptr<Book> bookWithAccounts(const test::TempDir &dir)
{
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    EXPECT_TRUE(importFile(*book, sample("salesforce-accounts.csv"), options(Kind::Accounts))
                        .committed);
    book->db().exec("INSERT INTO account_scores SELECT id, 3, 4 FROM accounts WHERE name LIKE "
                    "'Acme Partners 1%'");
    book->db().exec("INSERT INTO account_scores SELECT id, 6, 2 FROM accounts WHERE name LIKE "
                    "'Acme Partners 1%'");
    book->db().exec("INSERT INTO account_scores SELECT id, 1, 1 FROM accounts WHERE name LIKE "
                    "'Orbit Labs 6%'");
    return book;
}

// The account's scores in the factors' order, "-" for not scored: "5 4 - 3 4 4".
QString scoresOf(Book &book, const char *namePrefix)
{
    auto st = book.db().prepare(
            "SELECT coalesce(s.score, '-') FROM engagement_factors f "
            "LEFT JOIN account_scores s ON s.factor_id = f.id "
            "AND s.account_id = (SELECT id FROM accounts WHERE name LIKE ? || '%') "
            "ORDER BY f.position");
    st.bind(1, QString::fromUtf8(namePrefix));
    QStringList out;
    while (st.step())
        out.append(st.text(0));
    return out.join(QLatin1Char(' '));
}

qint64 potentialOf(Book &book, const char *namePrefix)
{
    auto st = book.db().prepare(
            "SELECT coalesce(potential, -1) FROM accounts WHERE name LIKE ? || '%'");
    st.bind(1, QString::fromUtf8(namePrefix));
    return st.step() ? st.int64(0) : -2;
}

} // namespace

TEST(ScoresImport, SetsScoresAndPotentialsAndItsUndoPutsThemBack)
{
    test::TempDir dir;
    auto book = bookWithAccounts(dir);
    const QString before = test::dumpBook(book->db());

    const ImportReport report = importFile(*book, sample("scores.csv"), options());
    ASSERT_TRUE(report.committed) << report.analysis.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(report.rejectedRows, 0);
    EXPECT_EQ(report.counts.updated, 4);
    EXPECT_EQ(report.counts.created, 0);
    EXPECT_EQ(scoresOf(*book, "“Smart”"), QStringLiteral("5 4 5 3 4 4"));
    // Blank cells are "not scored": Acme's earlier Critical issue 4 and Timing 2 are cleared.
    EXPECT_EQ(scoresOf(*book, "Acme Partners 1"), QStringLiteral("3 2 - 1 2 -"));
    EXPECT_EQ(scoresOf(*book, "Orbit Energy 2"), QStringLiteral("4 5 3 4 3 5")); // "4.0" is 4
    EXPECT_EQ(scoresOf(*book, "Sakura Systems 3"), QStringLiteral("2 1 1 0 1 0")); // found by name
    EXPECT_EQ(scoresOf(*book, "Orbit Labs 6"), QStringLiteral("1 - - - - -")); // not in the file
    EXPECT_EQ(potentialOf(*book, "“Smart”"), 25'000'000);
    EXPECT_EQ(potentialOf(*book, "Orbit Energy 2"), 120'000'000);
    EXPECT_EQ(potentialOf(*book, "Acme Partners 1"), -1); // an empty potential changes nothing

    // The same file again changes nothing.
    const ImportReport again = importFile(*book, sample("scores.csv"), options());
    EXPECT_EQ(again.counts.unchanged, 4);
    EXPECT_EQ(again.counts.updated, 0);

    undoImport(*book, again.importId);
    undoImport(*book, report.importId);
    EXPECT_EQ(test::dumpBook(book->db()), before);
}

TEST(ScoresImport, AFileIsKnownAsScoresByItsFactorColumns)
{
    test::TempDir dir;
    auto book = bookWithAccounts(dir);
    const ImportReport report = importFile(*book, sample("scores.csv"), options(std::nullopt));
    const Analysis &a = report.analysis;
    EXPECT_EQ(a.kind, Kind::Scores);
    EXPECT_EQ(a.presetId, QStringLiteral("scores"));
    EXPECT_EQ(a.columnOf(Field::CrmId), 0);
    EXPECT_EQ(a.columnOf(Field::Name), 1);
    EXPECT_EQ(a.columnOf(Field::Potential), 2);
    // Headers match as presets match them: "relationship " and "Competitive Position" too.
    ASSERT_EQ(a.factors.size(), 6u);
    for (std::size_t f = 0; f < 6; ++f) {
        EXPECT_EQ(a.factors[f].factor, Id(f + 1));
        EXPECT_EQ(a.factors[f].column, int(f) + 3);
    }
    EXPECT_EQ(a.factors[3].name, QStringLiteral("Relationship")); // the book's spelling
    EXPECT_TRUE(a.unmappedColumns.isEmpty())
            << a.unmappedColumns.join(QLatin1Char(',')).toStdString();
    EXPECT_TRUE(a.warnings.isEmpty()) << a.warnings.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(report.committed);
}

TEST(ScoresImport, FactorsTheFileLeavesOutKeepTheirScores)
{
    test::TempDir dir;
    auto book = bookWithAccounts(dir);
    const QString path = test::writeFile(dir, "two.csv",
                                         "Account,Timing,ICP fit,Notes\n"
                                         "Acme Partners 1 Holdings Inc.,5,,\n");
    // The name must match the book's, comma and all: this one does not.
    ImportReport report = importFile(*book, path, options());
    EXPECT_FALSE(report.committed);
    ASSERT_EQ(report.rejections.size(), 1u);
    EXPECT_EQ(report.rejections[0].line, 2);
    EXPECT_EQ(report.rejections[0].column, 1);
    EXPECT_EQ(report.rejections[0].reason,
              QStringLiteral("expected the name of an account in the book, found \"Acme Partners 1 "
                             "Holdings Inc.\", which no account has"));

    const QString fixed = test::writeFile(dir, "two.csv",
                                          "Account,Timing,ICP fit,Notes\n"
                                          "\"acme partners 1 holdings, inc.\",5,,call back\n");
    report = importFile(*book, fixed, options());
    ASSERT_TRUE(report.committed);
    EXPECT_EQ(report.analysis.unmappedColumns, QStringList{ QStringLiteral("Notes") });
    EXPECT_EQ(report.analysis.warnings,
              QStringList{ QStringLiteral(
                      "Not in the file, so left as they are: Access to decision "
                      "makers, Critical issue, Relationship, Competitive position.") });
    // Timing set, ICP fit cleared (blank), the four others as they were.
    EXPECT_EQ(scoresOf(*book, "Acme Partners 1"), QStringLiteral("- - 4 - - 5"));
}

TEST(ScoresImport, BadScoresAndUnknownAccountsAreRejectedWhereTheyAre)
{
    test::TempDir dir;
    auto book = bookWithAccounts(dir);
    const QString before = test::dumpBook(book->db());
    const QString path = test::writeFile(dir, "bad.csv",
                                         "Account ID,ICP fit,Timing\n"
                                         "001Kx0000000000,6,3\n"
                                         "001Kx0000000001,2.5,\n"
                                         "001Kx9999999999,1,1\n"
                                         "001Kx0000000002,4,high\n"
                                         "001Kx0000000003,1,2\n");
    ImportReport report = importFile(*book, path, options());
    EXPECT_FALSE(report.committed);
    EXPECT_EQ(report.rejectedRows, 4);
    ASSERT_EQ(report.rejections.size(), 4u);
    const Rejection &six = report.rejections[0];
    EXPECT_EQ(six.line, 2);
    EXPECT_EQ(six.column, 2);
    EXPECT_EQ(six.field, QStringLiteral("ICP fit"));
    EXPECT_EQ(six.value, QStringLiteral("6"));
    EXPECT_EQ(six.reason,
              QStringLiteral("expected a score from 0 to 5 (or nothing: not scored), found \"6\""));
    EXPECT_EQ(report.rejections[1].value, QStringLiteral("2.5"));
    const Rejection &unknown = report.rejections[2];
    EXPECT_EQ(unknown.line, 4);
    EXPECT_EQ(unknown.column, 1);
    EXPECT_EQ(unknown.value, QStringLiteral("001Kx9999999999"));
    EXPECT_EQ(unknown.reason,
              QStringLiteral(
                      "expected the CRM id of an account in the book, found \"001Kx9999999999\", "
                      "which no account has"));
    EXPECT_EQ(report.rejections[3].line, 5);
    EXPECT_EQ(report.rejections[3].column, 3);
    EXPECT_EQ(report.rejections[3].field, QStringLiteral("Timing"));
    EXPECT_EQ(test::dumpBook(book->db()), before);

    ImportOptions skip = options();
    skip.skipInvalid = true;
    report = importFile(*book, path, skip);
    EXPECT_TRUE(report.committed);
    EXPECT_EQ(report.counts.updated, 1);
    EXPECT_EQ(scoresOf(*book, "Sakura Systems 3"), QStringLiteral("1 - - - - 2"));
}

TEST(ScoresImport, AFileWithNoFactorColumnOrOneFactorTwiceIsBlocked)
{
    test::TempDir dir;
    auto book = bookWithAccounts(dir);
    const QString none = test::writeFile(dir, "none.csv", "Account,Fit,Urgency\nAcme,1,2\n");
    ImportReport report = importFile(*book, none, options());
    EXPECT_FALSE(report.analysis.canImport());
    EXPECT_EQ(report.analysis.problems,
              QStringList{
                      QStringLiteral("No column is named as an engagement factor. Name one column "
                                     "after each factor to import: ICP fit, Access to decision "
                                     "makers, Critical issue, Relationship, Competitive position, "
                                     "Timing.") });
    EXPECT_EQ(report.importId, 0);

    const QString twice = test::writeFile(dir, "twice.csv", "Account,Timing,timing\nAcme,1,2\n");
    report = importFile(*book, twice, options());
    EXPECT_EQ(report.analysis.problems,
              QStringList{
                      QStringLiteral("More than one column is named Timing; keep one of them.") });

    const QString noAccount = test::writeFile(dir, "noaccount.csv", "Who,Timing\nAcme,1\n");
    report = importFile(*book, noAccount, options());
    EXPECT_TRUE(report.analysis.problems.contains(
            QStringLiteral("Map the account's CRM id or its name.")));
}

TEST(ScoresImport, AnExportedWorkListImportsBackUnchangedAndDerivedPotentialsStayDerived)
{
    test::TempDir dir;
    auto book = bookWithAccounts(dir);
    ASSERT_TRUE(importFile(*book, sample("scores.csv"), options()).committed);
    book->db().exec("UPDATE accounts SET potential = NULL WHERE name LIKE 'Sakura Systems 3%'");
    const QString path = dir.path(QStringLiteral("work.csv"));
    {
        const auto view = loadBookView(dir.path(QStringLiteral("a.tpbook")));
        QFile out(path);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        ASSERT_TRUE(CsvExport::workList(*view, buildRoiReport(*view, RowFilter()), out));
    }
    const QString before = test::dumpBook(book->db());
    ImportReport report = importFile(*book, path, options(std::nullopt));
    EXPECT_EQ(report.analysis.kind, Kind::Scores);
    EXPECT_EQ(report.analysis.columnOf(Field::PotentialDerived), 6);
    EXPECT_EQ(report.counts.unchanged, 5); // Orbit Labs 6 as well
    EXPECT_EQ(report.counts.updated, 0);
    undoImport(*book, report.importId);
    EXPECT_EQ(test::dumpBook(book->db()), before); // Sakura's potential still derived

    // A score edited in the spreadsheet is the one change.
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    const qsizetype orbit = text.indexOf(QStringLiteral("Orbit Energy 2 LLC"));
    ASSERT_GE(orbit, 0);
    qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), orbit);
    if (text.at(lineEnd - 1) == QLatin1Char('\r'))
        --lineEnd; // CSV writes CRLF
    ASSERT_EQ(text.mid(lineEnd - 11, 11), QStringLiteral("4,5,3,4,3,5"));
    text.replace(lineEnd - 1, 1, QStringLiteral("1"));
    test::writeFile(dir, "work.csv", text.toUtf8());
    report = importFile(*book, path, options());
    EXPECT_EQ(report.counts.updated, 1);
    EXPECT_EQ(scoresOf(*book, "Orbit Energy 2"), QStringLiteral("4 5 3 4 3 1"));
    EXPECT_EQ(potentialOf(*book, "Sakura Systems 3"), -1);
}
