#include "values/identifiers.h"

#include <gtest/gtest.h>

using namespace tp::values;

TEST(SalesforceIds, FifteenToEighteen)
{
    // The suffix, by hand: each 5-character chunk gives a 5-bit number, bit i set when
    // character i of the chunk is an upper-case letter; the number indexes
    // "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
    //
    // 001A0000006Vm9r: "001A0" → A at i=3 → 8 → I; "00000" → 0 → A; "6Vm9r" → V at i=1 → 2 → C.
    EXPECT_EQ(salesforceId18("001A0000006Vm9r"), std::optional<std::string>("001A0000006Vm9rIAC"));
    // 0015000000XYZAB: "00150" → 0 → A; "00000" → A; "XYZAB" → 1+2+4+8+16 = 31 → 5.
    EXPECT_EQ(salesforceId18("0015000000XYZAB"), std::optional<std::string>("0015000000XYZABAA5"));
    // a0Bx000000AbCdE: "a0Bx0" → B at i=2 → 4 → E; "00000" → A; "AbCdE" → 1+4+16 = 21 → V.
    EXPECT_EQ(salesforceId18("a0Bx000000AbCdE"), std::optional<std::string>("a0Bx000000AbCdEEAV"));
    // 003Dn00000ABCDE: "003Dn" → D at i=3 → 8 → I; "00000" → A; "ABCDE" → 31 → 5.
    EXPECT_EQ(salesforceId18("003Dn00000ABCDE"), std::optional<std::string>("003Dn00000ABCDEIA5"));
    // 006Kx0000000000 (the samples): "006Kx" → K at i=3 → 8 → I; "00000" → A; "00000" → A.
    EXPECT_EQ(salesforceId18("006Kx0000000000"), std::optional<std::string>("006Kx0000000000IAA"));
    // No upper case anywhere → AAA; all upper case → 555.
    EXPECT_EQ(salesforceId18("abcdeabcdeabcde"), std::optional<std::string>("abcdeabcdeabcdeAAA"));
    EXPECT_EQ(salesforceId18("ABCDEABCDEABCDE"), std::optional<std::string>("ABCDEABCDEABCDE555"));
    // "0Q0P0R0S0T0U0V0": upper case at i=1 and 3 of each chunk → 2+8 = 10 → K, except the third
    // chunk "0U0V0" → same → K.
    EXPECT_EQ(salesforceId18("0Q0P00R0S00T0U0"), std::optional<std::string>("0Q0P00R0S00T0U0KKK"));
    EXPECT_EQ(salesforceId18(" 001A0000006Vm9r "),
              std::optional<std::string>("001A0000006Vm9rIAC"));
}

TEST(SalesforceIds, EighteenIsValidatedAndItsCaseRestored)
{
    EXPECT_EQ(salesforceId18("001A0000006Vm9rIAC"),
              std::optional<std::string>("001A0000006Vm9rIAC"));
    // Lower-cased by a case-insensitive tool: the suffix restores the case.
    EXPECT_EQ(salesforceId18("001a0000006vm9riac"),
              std::optional<std::string>("001A0000006Vm9rIAC"));
    EXPECT_EQ(salesforceId18("001A0000006VM9RIAC"),
              std::optional<std::string>("001A0000006Vm9rIAC"));
    // A suffix that marks a digit as upper case is no Salesforce id (nor is any 18-digit number).
    EXPECT_FALSE(salesforceId18("001A0000006Vm9rZAC").has_value());
    EXPECT_FALSE(salesforceId18("123456789012345678").has_value());
    EXPECT_FALSE(salesforceId18("001A0000006Vm9rIA9").has_value()); // 9 is not in the alphabet
    EXPECT_FALSE(salesforceId18("001A0000006Vm9").has_value()); // 14
    EXPECT_FALSE(salesforceId18("001A0000006Vm9rIA").has_value()); // 17
    EXPECT_FALSE(salesforceId18("001A0000006-m9r").has_value());
    EXPECT_FALSE(salesforceId18("001A0000006V\xC3\xA9"
                                "9r")
                         .has_value());
    EXPECT_FALSE(salesforceId18("").has_value());
    EXPECT_TRUE(isSalesforceId("001A0000006Vm9r"));
    EXPECT_TRUE(isSalesforceId("001A0000006Vm9rIAC"));
    EXPECT_FALSE(isSalesforceId("12345"));
}

TEST(SalesforceIds, LookupKeyMatchesBothForms)
{
    const std::string key = idLookupKey("001A0000006Vm9r");
    EXPECT_EQ(key, "001A0000006Vm9rIAC");
    EXPECT_EQ(idLookupKey("001A0000006Vm9rIAC"), key);
    EXPECT_EQ(idLookupKey("001a0000006vm9riac"), key);
    EXPECT_EQ(idLookupKey(" 001A0000006Vm9r\t"), key);
    // 15-character ids are case-sensitive: another case is another record.
    EXPECT_NE(idLookupKey("001A0000006vm9r"), key);
    // Other ids stay text, exactly.
    EXPECT_EQ(idLookupKey("0001234"), "0001234");
    EXPECT_EQ(idLookupKey("1234567890123456789"), "1234567890123456789");
    EXPECT_EQ(idLookupKey("123456789012345678"), "123456789012345678");
    EXPECT_EQ(idLookupKey("c9a3f0e2-1b7d-4e5a-9f1e-0d2c3b4a5e6f"),
              "c9a3f0e2-1b7d-4e5a-9f1e-0d2c3b4a5e6f");
    EXPECT_EQ(idLookupKey("  42 "), "42");
}

TEST(Identifiers, ExcelMangledIds)
{
    for (const std::string_view mangled : { "4.87688E+15", "4,87688E+15", "1E+15", "1.23457E+17",
                                            " 4.87688e+15 ", "9.99999E+100" }) {
        EXPECT_TRUE(looksExcelMangled(mangled)) << mangled;
    }
    for (const std::string_view fine :
         { "4876880000000000", "12E45", "1.5E-3", "E+15", "4.87688E+", "4.87688E+1500", "4.E+15",
           "006Kx0000000000AAA", "1234567890123456789", "", "4.87688E+15x", "-4.87688E+15" }) {
        EXPECT_FALSE(looksExcelMangled(fine)) << fine;
    }
    const QString reason = excelMangledReason("4.87688E+15");
    EXPECT_TRUE(reason.contains(QStringLiteral("\"4.87688E+15\""))) << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("scientific notation")));
}

TEST(IdentifierColumn, Counts)
{
    IdentifierColumn column;
    for (const std::string_view v :
         { "001A0000006Vm9r", "001A0000006Vm9rIAC", "", "4.87688E+15", "4.87688E+15", "0042" })
        column.observe(v);
    const IdentifierReport r = column.decide();
    EXPECT_EQ(r.values, 5);
    EXPECT_EQ(r.mangled, 2);
    EXPECT_EQ(r.mangledExample, "4.87688E+15");
    EXPECT_EQ(r.salesforce15, 1);
    EXPECT_EQ(r.salesforce18, 1);
    EXPECT_FALSE(r.allSalesforce());

    IdentifierColumn sf;
    sf.observe("006Kx0000000000");
    sf.observe("006Kx0000000001");
    EXPECT_TRUE(sf.decide().allSalesforce());
    IdentifierColumn merged;
    merged.merge(column);
    merged.merge(sf);
    EXPECT_EQ(merged.decide().values, 7);
    EXPECT_EQ(merged.decide().salesforce15, 3);
}
