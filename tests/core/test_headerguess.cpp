#include "testsupport.h"

#include "csv/reader.h"
#include "import/headerguess.h"

#include <gtest/gtest.h>

using namespace tp::crm;

namespace {

QStringList header(std::initializer_list<const char *> cells)
{
    QStringList out;
    for (const char *c : cells)
        out.append(QString::fromUtf8(c));
    return out;
}

int columnOf(const std::vector<std::pair<Field, int>> &columns, Field field)
{
    for (const auto &[f, c] : columns) {
        if (f == field)
            return c;
    }
    return -1;
}

} // namespace

TEST(HeaderGuess, HeadersReadAsWordsWhateverTheirSpelling)
{
    EXPECT_EQ(headerWords(u"sales_agent"), QStringLiteral("sales agent"));
    EXPECT_EQ(headerWords(u"salesAgent"), QStringLiteral("sales agent"));
    EXPECT_EQ(headerWords(u" Sales-Agent "), QStringLiteral("sales agent"));
    EXPECT_EQ(headerWords(u"SALES AGENT"), QStringLiteral("sales agent"));
    EXPECT_EQ(headerWords(u"OpportunityID"), QStringLiteral("opportunity id"));
    EXPECT_EQ(headerWords(u"Account.Name"), QStringLiteral("account name"));
    EXPECT_EQ(headerWords(u"Probability (%)"), QStringLiteral("probability %"));
    EXPECT_EQ(headerWords(u"Letzte Aktivität"), QStringLiteral("letzte aktivität"));
}

// Issue 16, item 21: a plain CSV from another tool (snake_case, no deal name).
TEST(HeaderGuess, SnakeCaseHeadersOfAnotherToolAreRecognised)
{
    const QStringList h = header({ "opportunity_id", "sales_agent", "product", "account",
                                   "deal_stage", "engage_date", "close_date", "close_value" });
    const auto columns = guessColumns(h, Kind::Opportunities);
    EXPECT_EQ(columnOf(columns, Field::CrmId), 0);
    EXPECT_EQ(columnOf(columns, Field::Owner), 1);
    EXPECT_EQ(columnOf(columns, Field::AccountName), 3);
    EXPECT_EQ(columnOf(columns, Field::Stage), 4);
    EXPECT_EQ(columnOf(columns, Field::CreatedDate), 5);
    EXPECT_EQ(columnOf(columns, Field::CloseDate), 6);
    EXPECT_EQ(columnOf(columns, Field::Amount), 7);
    EXPECT_EQ(columnOf(columns, Field::Name), -1);
    EXPECT_EQ(columns.size(), 7u); // the product is no field: it names the deal (below)
}

TEST(HeaderGuess, CamelCaseAndSynonyms)
{
    const QStringList h = header({ "dealId", "dealName", "companyName", "repName", "dealStage",
                                   "dealValue", "currencyCode", "expectedCloseDate", "createdAt",
                                   "lastActivityDate", "winProbability" });
    const auto columns = guessColumns(h, Kind::Opportunities);
    EXPECT_EQ(columnOf(columns, Field::CrmId), 0);
    EXPECT_EQ(columnOf(columns, Field::Name), 1);
    EXPECT_EQ(columnOf(columns, Field::AccountName), 2);
    EXPECT_EQ(columnOf(columns, Field::Owner), 3);
    EXPECT_EQ(columnOf(columns, Field::Stage), 4);
    EXPECT_EQ(columnOf(columns, Field::Amount), 5);
    EXPECT_EQ(columnOf(columns, Field::Currency), 6);
    EXPECT_EQ(columnOf(columns, Field::CloseDate), 7);
    EXPECT_EQ(columnOf(columns, Field::CreatedDate), 8);
    EXPECT_EQ(columnOf(columns, Field::LastActivity), 9);
    EXPECT_EQ(columnOf(columns, Field::Probability), 10);
}

TEST(HeaderGuess, GermanHeaders)
{
    const QStringList h =
            header({ "Verkaufschance", "Firma", "Verantwortlicher", "Phase", "Betrag", "Währung",
                     "Abschlussdatum", "Erstellt am", "Wahrscheinlichkeit", "Nächster Schritt" });
    const auto columns = guessColumns(h, Kind::Opportunities);
    EXPECT_EQ(columnOf(columns, Field::Name), 0);
    EXPECT_EQ(columnOf(columns, Field::AccountName), 1);
    EXPECT_EQ(columnOf(columns, Field::Owner), 2);
    EXPECT_EQ(columnOf(columns, Field::Stage), 3);
    EXPECT_EQ(columnOf(columns, Field::Amount), 4);
    EXPECT_EQ(columnOf(columns, Field::Currency), 5);
    EXPECT_EQ(columnOf(columns, Field::CloseDate), 6);
    EXPECT_EQ(columnOf(columns, Field::CreatedDate), 7);
    EXPECT_EQ(columnOf(columns, Field::Probability), 8);
    EXPECT_EQ(columnOf(columns, Field::NextStep), 9);
}

TEST(HeaderGuess, EachColumnIsUsedOnceAndAccountsHaveTheirOwnNames)
{
    // "Account" is the deal's account in a deals file, the account's name in an accounts file.
    const QStringList deals = header({ "Account", "Account ID", "Deal", "Owner" });
    const auto d = guessColumns(deals, Kind::Opportunities);
    EXPECT_EQ(columnOf(d, Field::AccountName), 0);
    EXPECT_EQ(columnOf(d, Field::AccountCrmId), 1);
    EXPECT_EQ(columnOf(d, Field::CrmId), -1);
    EXPECT_EQ(columnOf(d, Field::Name), 2);
    const QStringList accounts = header({ "account_id", "account", "sector", "employees",
                                          "territory", "country", "revenue_potential", "owner" });
    const auto a = guessColumns(accounts, Kind::Accounts);
    EXPECT_EQ(columnOf(a, Field::CrmId), 0);
    EXPECT_EQ(columnOf(a, Field::Name), 1);
    EXPECT_EQ(columnOf(a, Field::Industry), 2);
    EXPECT_EQ(columnOf(a, Field::Employees), 3);
    EXPECT_EQ(columnOf(a, Field::Territory), 4);
    EXPECT_EQ(columnOf(a, Field::BillingCountry), 5); // where the map places it
    EXPECT_EQ(columnOf(a, Field::Region), -1);
    EXPECT_EQ(columnOf(a, Field::Potential), 6);
    EXPECT_EQ(columnOf(a, Field::Owner), 7);
    // Quotas: rep, quarter, target.
    const auto q = guessColumns(header({ "sales_rep", "quarter", "target" }), Kind::Quotas);
    EXPECT_EQ(columnOf(q, Field::Owner), 0);
    EXPECT_EQ(columnOf(q, Field::Period), 1);
    EXPECT_EQ(columnOf(q, Field::Amount), 2);
}

TEST(HeaderGuess, ADealWithoutANameColumnIsNamedByAccountAndProductElseItsId)
{
    const QStringList h = header({ "opportunity_id", "product", "account", "deal_stage" });
    const std::vector<std::pair<Field, int>> mapped{ { Field::CrmId, 0 },
                                                     { Field::AccountName, 2 },
                                                     { Field::Stage, 3 } };
    const DealNaming naming = dealNamingFor(h, mapped);
    EXPECT_EQ(naming.columns, (std::vector<int>{ 2, 1 }));
    EXPECT_EQ(naming.idColumn, 0);

    tp::csv::Record record;
    record.fields = { "1C1I7A6R", "GTX Pro", "Cancity", "Won" };
    EXPECT_EQ(dealNameOf(record, naming), "Cancity \u2013 GTX Pro");
    record.fields = { "HAXMC4IX", "MG Advanced", " ", "Prospecting" };
    EXPECT_EQ(dealNameOf(record, naming), "MG Advanced");
    record.fields = { "HAXMC4IX", "", "", "Prospecting" };
    EXPECT_EQ(dealNameOf(record, naming), "HAXMC4IX");

    // Without a product: account and id; without an account either: the id.
    const DealNaming noProduct = dealNamingFor(header({ "id", "account", "stage" }),
                                               { { Field::CrmId, 0 }, { Field::AccountName, 1 } });
    EXPECT_EQ(noProduct.columns, (std::vector<int>{ 1, 0 }));
    const DealNaming idOnly = dealNamingFor(header({ "id", "stage" }), { { Field::CrmId, 0 } });
    EXPECT_EQ(idOnly.columns, (std::vector<int>{ 0 }));
    // A name column: nothing to do; nothing to name by: nothing used.
    EXPECT_FALSE(dealNamingFor(h, { { Field::Name, 1 } }).used());
    EXPECT_FALSE(dealNamingFor(header({ "stage", "amount" }), { { Field::Stage, 0 } }).used());
}

// A forecast category column of another tool maps to the field; a "Forecast" of amounts does not.
TEST(HeaderGuess, ForecastCategoryColumns)
{
    const auto forecastColumn = [](const char *name) {
        const QStringList h = header({ "deal_name", "deal_stage", "amount", name });
        return columnOf(guessColumns(h, Kind::Opportunities), Field::ForecastCategory);
    };
    EXPECT_EQ(forecastColumn("forecast_category"), 3);
    EXPECT_EQ(forecastColumn("ForecastCategoryName"), 3);
    EXPECT_EQ(forecastColumn("hs_forecast_category"), 3);
    EXPECT_EQ(forecastColumn("Forecast"), -1);
}
