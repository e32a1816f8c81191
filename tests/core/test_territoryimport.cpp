// Issue 19: what imports bring for territories (docs/METRICS.md "Decisions of this repository",
// "Where an account is, and who owns it"): billing state and country, the CRM's owner beside
// the book's, a move made in the book that stands until the CRM brings the new owner, and the
// reps' CRM user ids and emails; all of it undone with the import.
#include "bookdump.h"
#include "testsupport.h"

#include "edits/bookeditor.h"
#include "import/importer.h"
#include "import/importjournal.h"
#include "storage/book.h"

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::crm;

namespace {

ImportOptions on(QDate date)
{
    ImportOptions o;
    o.asOf = date;
    return o;
}

QString text(Book &book, const char *sql)
{
    auto st = book.db().prepare(sql);
    return st.step() ? st.text(0) : QStringLiteral("<none>");
}

const QByteArray salesforceAccounts =
        "\"Account ID\",\"Account Name\",\"Billing State/Province\",\"Billing Country\","
        "\"Account Owner\",\"Account Owner ID\",\"Territory\"\n"
        "\"001A\",\"Acme\",\"Bayern\",\"Deutschland\",\"Ana\",\"005000000000001AAA\",\"DACH\"\n"
        "\"001B\",\"Bolt\",\"CA\",\"USA\",\"Ben\",\"005000000000002AAA\",\"West\"\n"
        "\"001C\",\"Crane\",\"\",\"\",\"Ben\",\"\",\"West\"\n";

} // namespace

TEST(TerritoryImport, AccountsKeepTheirBillingPlaceAndTheRepsTheirCrmIds)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const ImportReport r = importFile(*book, test::writeFile(dir, "a.csv", salesforceAccounts),
                                      on(QDate(2026, 11, 13)));
    ASSERT_TRUE(r.committed) << qPrintable(r.analysis.problems.join(QLatin1Char('\n')));
    EXPECT_GE(r.analysis.columnOf(Field::BillingState), 0);
    EXPECT_GE(r.analysis.columnOf(Field::BillingCountry), 0);
    EXPECT_EQ(text(*book,
                   "SELECT billing_state || '|' || billing_country FROM accounts "
                   "WHERE crm_id = '001A'"),
              QStringLiteral("Bayern|Deutschland"));
    EXPECT_EQ(text(*book, "SELECT crm_user_id FROM reps WHERE name = 'Ben'"),
              QStringLiteral("005000000000002AAA"));
    // The CRM's owner is the book's.
    EXPECT_EQ(test::scalar(book->db(),
                           "SELECT count(*) FROM accounts "
                           "WHERE crm_owner_id IS NOT owner_id"),
              0);

    // A file that leaves the ids blank keeps them; one with another email sets it.
    const ImportReport again =
            importFile(*book,
                       test::writeFile(dir, "b.csv",
                                       "Account ID,Account Name,Account Owner,Account Owner ID,"
                                       "Account Owner Email\n"
                                       "001B,Bolt,Ben,,ben@example.com\n"),
                       on(QDate(2026, 11, 14)));
    ASSERT_TRUE(again.committed) << qPrintable(again.analysis.problems.join(QLatin1Char('\n')));
    EXPECT_EQ(text(*book, "SELECT crm_user_id || ' ' || email FROM reps WHERE name = 'Ben'"),
              QStringLiteral("005000000000002AAA ben@example.com"));
    // The state stays where a file gives none.
    EXPECT_EQ(text(*book, "SELECT billing_state FROM accounts WHERE crm_id = '001B'"),
              QStringLiteral("CA"));
    undoImport(*book, again.importId);
    EXPECT_EQ(text(*book, "SELECT coalesce(email, '') FROM reps WHERE name = 'Ben'"), QString());
}

TEST(TerritoryImport, AMoveInTheBookStandsUntilTheCrmBringsTheNewOwner)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    ASSERT_TRUE(importFile(*book, test::writeFile(dir, "a.csv", salesforceAccounts),
                           on(QDate(2026, 11, 13)))
                        .committed);
    const Id acme = test::scalar(book->db(), "SELECT id FROM accounts WHERE crm_id = '001A'");
    const Id west = test::scalar(book->db(), "SELECT id FROM territories WHERE name = 'West'");
    const Id ana = test::scalar(book->db(), "SELECT id FROM reps WHERE name = 'Ana'");
    const Id ben = test::scalar(book->db(), "SELECT id FROM reps WHERE name = 'Ben'");
    BookEditor editor(*book);
    const Id moved[] = { acme };
    editor.setTerritory(moved, west); // West is Ben's
    EXPECT_EQ(test::scalar(book->db(), "SELECT owner_id FROM accounts WHERE crm_id = '001A'"), ben);
    EXPECT_EQ(test::scalar(book->db(), "SELECT crm_owner_id FROM accounts WHERE crm_id = '001A'"),
              ana);

    // Next week's export, before the move was published: Acme is still Ana's in the CRM.
    ASSERT_TRUE(importFile(*book, test::writeFile(dir, "b.csv", salesforceAccounts),
                           on(QDate(2026, 11, 20)))
                        .committed);
    EXPECT_EQ(test::scalar(book->db(), "SELECT owner_id FROM accounts WHERE crm_id = '001A'"), ben);
    EXPECT_EQ(test::scalar(book->db(), "SELECT territory_id FROM accounts WHERE crm_id = '001A'"),
              west);

    // Published: the CRM's export says Ben. The book's owner and the CRM's agree again.
    QByteArray published = salesforceAccounts;
    published.replace("\"Ana\",\"005000000000001AAA\",\"DACH\"",
                      "\"Ben\",\"005000000000002AAA\",\"West\"");
    ASSERT_TRUE(importFile(*book, test::writeFile(dir, "c.csv", published), on(QDate(2026, 11, 27)))
                        .committed);
    EXPECT_EQ(test::scalar(book->db(), "SELECT crm_owner_id FROM accounts WHERE crm_id = '001A'"),
              ben);
    EXPECT_EQ(test::scalar(book->db(), "SELECT owner_id FROM accounts WHERE crm_id = '001A'"), ben);

    // A later move in the CRM (to Ana, DACH) takes over.
    ASSERT_TRUE(importFile(*book, test::writeFile(dir, "d.csv", salesforceAccounts),
                           on(QDate(2026, 12, 4)))
                        .committed);
    EXPECT_EQ(test::scalar(book->db(), "SELECT owner_id FROM accounts WHERE crm_id = '001A'"), ana);
}

TEST(TerritoryImport, HubSpotCompaniesAndDealOwnersCarryTheirPlaceAndIds)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const ImportReport companies = importFile(
            *book,
            test::writeFile(dir, "companies.csv",
                            "Record ID,Company name,Industry,State/Region,Country/Region,"
                            "Company owner,HubSpot Owner ID\n"
                            "9001,Acme,Retail,Île-de-France,France,Chloé Martin,77001\n"),
            on(QDate(2026, 11, 13)));
    ASSERT_TRUE(companies.committed)
            << qPrintable(companies.analysis.problems.join(QLatin1Char('\n')));
    EXPECT_EQ(companies.analysis.presetId, QStringLiteral("hubspot-companies"));
    EXPECT_EQ(text(*book, "SELECT billing_state || '|' || billing_country FROM accounts"),
              QStringLiteral("Île-de-France|France"));
    EXPECT_EQ(text(*book, "SELECT crm_user_id FROM reps WHERE name = 'Chloé Martin'"),
              QStringLiteral("77001"));

    const ImportReport deals = importFile(
            *book,
            test::writeFile(dir, "deals.csv",
                            "Record ID,Deal Name,Deal Stage,Amount,Deal owner,Deal owner email\n"
                            "1,Acme renewal,Qualified to buy,100,Chloé Martin,chloe@example.com\n"
                            "2,Acme upsell,Qualified to buy,200,Chloé Martin,chloe@example.com\n"),
            on(QDate(2026, 11, 14)));
    ASSERT_TRUE(deals.committed) << qPrintable(deals.analysis.problems.join(QLatin1Char('\n')));
    EXPECT_EQ(text(*book, "SELECT email FROM reps WHERE name = 'Chloé Martin'"),
              QStringLiteral("chloe@example.com"));
}
