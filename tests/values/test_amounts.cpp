#include "values/amounts.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

using namespace tp;
using namespace tp::values;

namespace {

constexpr auto Dot = DecimalSeparator::Dot;
constexpr auto Comma = DecimalSeparator::Comma;

// The value in cents, or a sentinel that no test expects when it does not parse.
constexpr Minor kNoValue = std::numeric_limits<Minor>::min();
Minor cents(std::string_view value, DecimalSeparator decimal)
{
    const Result<Amount> r = parseAmount(value, decimal);
    return r.hasValue() ? r.value.minor : kNoValue;
}

std::string currencyOf(std::string_view value, DecimalSeparator decimal = Dot)
{
    const Result<Amount> r = parseAmount(value, decimal);
    EXPECT_TRUE(r.hasValue()) << value;
    return std::string(r.value.currency.code());
}

AmountFormat decideOver(const std::vector<std::string_view> &values,
                        std::optional<DecimalSeparator> ifAmbiguous = std::nullopt)
{
    AmountColumn column;
    for (const std::string_view v : values)
        column.observe(v);
    return column.decide(ifAmbiguous);
}

// How many of `values` parseAmount rejects with `format`.
qint64 rejectedBy(const std::vector<std::string_view> &values, const AmountFormat &format)
{
    qint64 n = 0;
    for (const std::string_view v : values)
        n += parseAmount(v, format).isInvalid() ? 1 : 0;
    return n;
}

} // namespace

TEST(Amounts, PlainAndGroupedDotDecimal)
{
    EXPECT_EQ(cents("125000.0", Dot), 12'500'000);
    EXPECT_EQ(cents("1,234,567.89", Dot), 123'456'789);
    EXPECT_EQ(cents("1234567.89", Dot), 123'456'789);
    EXPECT_EQ(cents("0.5", Dot), 50);
    EXPECT_EQ(cents(".5", Dot), 50);
    EXPECT_EQ(cents("42", Dot), 4200);
    EXPECT_EQ(cents("1'234.50", Dot), 123'450); // Swiss
    EXPECT_EQ(cents("1\xE2\x80\x99"
                    "234.50",
                    Dot),
              123'450); // 1’234.50
    EXPECT_EQ(cents("12,34,567.00", Dot), 123'456'700); // Indian lakh grouping
}

TEST(Amounts, CommaDecimalAndSpaceGrouping)
{
    EXPECT_EQ(cents("1.234.567,89", Comma), 123'456'789);
    EXPECT_EQ(cents("1 234 567,89", Comma), 123'456'789);
    EXPECT_EQ(cents("1\xC2\xA0"
                    "234\xC2\xA0"
                    "567,89",
                    Comma),
              123'456'789); // U+00A0
    EXPECT_EQ(cents("1\xE2\x80\xAF"
                    "234\xE2\x80\xAF"
                    "567,89",
                    Comma),
              123'456'789); // U+202F
    EXPECT_EQ(cents("1 234 567.89", Dot), 123'456'789);
    EXPECT_EQ(cents("0,25", Comma), 25);
}

TEST(Amounts, CurrencySymbolsAndCodesAreReported)
{
    EXPECT_EQ(cents("$1,234", Dot), 123'400);
    EXPECT_EQ(currencyOf("$1,234"), "USD");
    EXPECT_EQ(cents("\xE2\x82\xAC 1.234,00", Comma), 123'400); // € 1.234,00
    EXPECT_EQ(currencyOf("\xE2\x82\xAC 1.234,00", Comma), "EUR");
    EXPECT_EQ(cents("1.234,00 \xE2\x82\xAC", Comma), 123'400); // 1.234,00 €
    EXPECT_EQ(currencyOf("1.234,00 \xE2\x82\xAC", Comma), "EUR");
    EXPECT_EQ(cents("EUR 1.234,00", Comma), 123'400);
    EXPECT_EQ(currencyOf("EUR 1.234,00", Comma), "EUR");
    EXPECT_EQ(currencyOf("1.234,00 CHF", Comma), "CHF");
    EXPECT_EQ(currencyOf("\xC2\xA3"
                         "5"),
              "GBP"); // £5
    EXPECT_EQ(currencyOf("\xC2\xA5"
                         "500"),
              "JPY"); // ¥500
    EXPECT_EQ(currencyOf("US$5"), "USD");
    EXPECT_EQ(currencyOf("100EUR"), "EUR");
    EXPECT_EQ(currencyOf("1,234.00"), "");
    // One currency only, and codes are upper case.
    EXPECT_EQ(cents("$ 5 USD", Dot), kNoValue);
    EXPECT_EQ(cents("usd 5", Dot), kNoValue);
    EXPECT_EQ(cents("EURO 5", Dot), kNoValue);
}

TEST(Amounts, Negatives)
{
    EXPECT_EQ(cents("(1,234.00)", Dot), -123'400);
    EXPECT_EQ(cents("-1,234.00", Dot), -123'400);
    EXPECT_EQ(cents("+1,234.00", Dot), 123'400);
    EXPECT_EQ(cents("\xE2\x88\x92"
                    "5",
                    Dot),
              -500); // U+2212 minus
    EXPECT_EQ(cents("1,234.00-", Dot), -123'400);
    EXPECT_EQ(cents("-$1,234", Dot), -123'400);
    EXPECT_EQ(cents("$-1,234", Dot), -123'400);
    EXPECT_EQ(cents("($1,234)", Dot), -123'400);
    EXPECT_EQ(cents("(1.234,00 \xE2\x82\xAC)", Comma), -123'400);
    EXPECT_EQ(cents("EUR -1.234,00", Comma), -123'400);
    EXPECT_EQ(cents("(-5)", Dot), kNoValue);
    EXPECT_EQ(cents("(5", Dot), kNoValue);
    EXPECT_EQ(cents("5)", Dot), kNoValue);
    EXPECT_EQ(cents("--5", Dot), kNoValue);
    EXPECT_EQ(cents("-5-", Dot), kNoValue);
}

TEST(Amounts, ScientificNotation)
{
    EXPECT_EQ(cents("1.25E7", Dot), 1'250'000'000);
    EXPECT_EQ(cents("4.5e+3", Dot), 450'000);
    EXPECT_EQ(cents("4,5e+3", Comma), 450'000);
    EXPECT_EQ(cents("5E-3", Dot), 1); // 0.005 rounds away from zero
    EXPECT_EQ(cents("1e0", Dot), 100);
    EXPECT_EQ(cents("0E999999999", Dot), 0);
    EXPECT_EQ(cents("1E-999999999", Dot), 0);
    EXPECT_EQ(cents("1,234E5", Dot), kNoValue); // no grouping in a mantissa
    EXPECT_EQ(cents("1E", Dot), kNoValue);
}

TEST(Amounts, RoundsHalfAwayFromZero)
{
    EXPECT_EQ(cents("0.005", Dot), 1);
    EXPECT_EQ(cents("-0.005", Dot), -1);
    EXPECT_EQ(cents("0.004", Dot), 0);
    EXPECT_EQ(cents("0.0049999999", Dot), 0);
    EXPECT_EQ(cents("-0.0049", Dot), 0);
    EXPECT_EQ(cents("1.995", Dot), 200);
    EXPECT_EQ(cents("-1.995", Dot), -200);
    EXPECT_EQ(cents("2.345", Dot), 235); // not banker's rounding
    EXPECT_EQ(cents("2.335", Dot), 234);
    EXPECT_EQ(cents("1,005", Comma), 101);
    EXPECT_EQ(cents("(0.005)", Dot), -1);
    // Exact on the decimal digits, where a double would be off: 1.015 is 1.01499999… as a double.
    EXPECT_EQ(cents("1.015", Dot), 102);
    EXPECT_EQ(cents("0.00500000000000000000000000001", Dot), 1);
}

TEST(Amounts, HugeValuesAreRejectedNotWrapped)
{
    EXPECT_EQ(cents("9,000,000,000,000.00", Dot), kMaxAmount);
    EXPECT_EQ(cents("-9,000,000,000,000.00", Dot), -kMaxAmount);
    EXPECT_EQ(cents("9,000,000,000,000.01", Dot), kNoValue);
    EXPECT_EQ(cents("9000000000000.004", Dot), kMaxAmount); // rounds down to the limit
    EXPECT_EQ(cents("9000000000000.005", Dot), kNoValue); // rounds up past it
    EXPECT_EQ(cents("92233720368547758.07", Dot), kNoValue); // INT64_MAX cents
    EXPECT_EQ(cents("99999999999999999999999999999999", Dot), kNoValue);
    EXPECT_EQ(cents("1E300", Dot), kNoValue);
    EXPECT_EQ(cents("-1E19", Dot), kNoValue);
    EXPECT_EQ(cents("1E999999999999999999999", Dot), kNoValue);
    const Result<Amount> r = parseAmount("123456789012345678901234567890", Dot);
    ASSERT_TRUE(r.isInvalid());
    EXPECT_TRUE(r.error.contains(QStringLiteral("too large"))) << r.error.toStdString();
    // Leading zeros do not count.
    EXPECT_EQ(cents("0000000000000000000000000012.5", Dot), 1250);
}

TEST(Amounts, EmptyIsNoValueAndGarbageIsRejectedWithAReason)
{
    EXPECT_TRUE(parseAmount("", Dot).isEmpty());
    EXPECT_TRUE(parseAmount("  \t\xC2\xA0 ", Dot).isEmpty());
    const Result<Amount> abc = parseAmount("abc", Dot);
    ASSERT_TRUE(abc.isInvalid());
    EXPECT_EQ(abc.error, QStringLiteral("expected an amount such as 1,234.56, found \"abc\""));
    EXPECT_EQ(parseAmount(" abc ", Comma).error,
              QStringLiteral("expected an amount such as 1.234,56, found \"abc\""));
    // A successful parse carries no message.
    EXPECT_TRUE(parseAmount("5", Dot).error.isNull());

    for (const std::string_view bad : { "1.2.3",
                                        "1,,234",
                                        "1,23",
                                        "12,3456",
                                        "1,234,56",
                                        "0,123",
                                        "1 23",
                                        "1,234 567",
                                        "1.234,56.78",
                                        "5.",
                                        ".",
                                        "-",
                                        "$",
                                        "1 000 000 EUR $",
                                        "12%",
                                        "1/2",
                                        "0x10",
                                        "1\t234",
                                        "1,234.5.6",
                                        "1.000,5",
                                        "١٢٣",
                                        "1\xC2"
                                        "234" }) {
        EXPECT_EQ(cents(bad, Dot), kNoValue) << bad;
    }
    EXPECT_EQ(cents(std::string_view("12\0"
                                     "3",
                                     4),
                    Dot),
              kNoValue);
    EXPECT_EQ(cents(std::string_view("123\0", 4), Dot), kNoValue);
    // Long garbage is cut in the message.
    const std::string longValue(500, 'x');
    EXPECT_LT(parseAmount(longValue, Dot).error.size(), 150);
}

TEST(Amounts, GroupingMustBeConsistent)
{
    EXPECT_EQ(cents("1,234", Dot), 123'400);
    EXPECT_EQ(cents("1,234", Comma), 123); // 1.234 → 1.23
    EXPECT_EQ(cents("1.234", Comma), 123'400);
    EXPECT_EQ(cents("1.234", Dot), 123);
    EXPECT_EQ(cents("1,5", Dot), kNoValue); // a group of one digit
    EXPECT_EQ(cents("1.5", Comma), kNoValue);
    EXPECT_EQ(cents("1234,567.00", Dot), kNoValue); // first group too long
    EXPECT_EQ(cents("1,2345.00", Dot), kNoValue);
    EXPECT_EQ(cents("1 234,5 6", Comma), kNoValue); // no grouping after the decimal separator
    EXPECT_EQ(cents("1 234.567,00", Comma), kNoValue); // two kinds of grouping
}

TEST(AmountColumn, SettledByAnyValueNotTheFirst)
{
    // The example: a thousand values 1,234 and one 1.234,56 at the end.
    AmountColumn column;
    for (int i = 0; i < 1000; ++i)
        column.observe("1,234");
    column.observe("1.234,56");
    const AmountFormat f = column.decide();
    EXPECT_EQ(f.decimal, Comma);
    EXPECT_FALSE(f.ambiguous);
    EXPECT_FALSE(f.mixed);
    EXPECT_EQ(f.values, 1001);
    EXPECT_EQ(f.commaOnly, 1);
    EXPECT_EQ(f.eitherWay, 1000);
    EXPECT_EQ(f.rejected, 0);
    EXPECT_EQ(f.commaExample, "1.234,56");
    EXPECT_EQ(cents("1,234", f.decimal), 123);
    EXPECT_EQ(cents("1.234,56", f.decimal), 123'456);
    EXPECT_TRUE(f.problem().isEmpty());

    // And the other way round.
    const AmountFormat g = decideOver({ "1.234", "1.234", "1,234.56" });
    EXPECT_EQ(g.decimal, Dot);
    EXPECT_FALSE(g.ambiguous);
    EXPECT_EQ(cents("1.234", g.decimal), 123);
}

TEST(AmountColumn, SettledByOtherShapes)
{
    EXPECT_EQ(decideOver({ "1,234", "125000.0" }).decimal, Dot);
    EXPECT_EQ(decideOver({ "1.234", "0,5" }).decimal, Comma);
    EXPECT_EQ(decideOver({ "1.234", "1,234,567" }).decimal, Dot); // repeated ',' groups thousands
    EXPECT_EQ(decideOver({ "1,234", "1.234.567" }).decimal, Comma);
    EXPECT_EQ(decideOver({ "1,234", "1 234,5" }).decimal, Comma); // spaces group, so ',' is decimal
    EXPECT_EQ(decideOver({ "1.234", "0.123" }).decimal, Dot); // 0.123 cannot group thousands
    EXPECT_EQ(decideOver({ "1.234", "1.25E7" }).decimal, Dot);
    const AmountFormat plain = decideOver({ "1234", "", "99", "1 000" });
    EXPECT_EQ(plain.decimal, Dot);
    EXPECT_FALSE(plain.ambiguous);
    EXPECT_EQ(plain.values, 3);
}

TEST(AmountColumn, UnsettledColumnIsAmbiguousAndUsesTheThousandsRule)
{
    const AmountFormat commas = decideOver({ "1,234", "12,500", "7", "$250,000" });
    EXPECT_TRUE(commas.ambiguous);
    EXPECT_EQ(commas.decimal, Dot); // ',' then groups thousands: 1,234 = 1234
    EXPECT_EQ(commas.eitherWay, 3);
    EXPECT_EQ(commas.ambiguousExample, "1,234");
    EXPECT_EQ(cents("1,234", commas.decimal), 123'400);
    EXPECT_FALSE(commas.problem().isEmpty());
    EXPECT_TRUE(commas.problem().contains(QStringLiteral("\"1,234\"")))
            << commas.problem().toStdString();

    const AmountFormat dots = decideOver({ "1.234", "12.500" });
    EXPECT_TRUE(dots.ambiguous);
    EXPECT_EQ(dots.decimal, Comma); // 1.234 = 1234
    EXPECT_EQ(cents("1.234", dots.decimal), 123'400);

    // The caller's choice settles it instead of the rule.
    const AmountFormat chosen = decideOver({ "1,234", "12,500" }, Comma);
    EXPECT_TRUE(chosen.ambiguous);
    EXPECT_EQ(chosen.decimal, Comma);
    // ... but never overrides values that settle it.
    EXPECT_EQ(decideOver({ "1,234", "1,234.56" }, Comma).decimal, Dot);
}

TEST(AmountColumn, MixedConventionsAreReported)
{
    const std::vector<std::string_view> values{ "1,234.56", "2,000.00", "1.234,56", "7" };
    const AmountFormat f = decideOver(values);
    EXPECT_TRUE(f.mixed);
    EXPECT_EQ(f.decimal, Dot); // the majority
    EXPECT_EQ(f.dotOnly, 2);
    EXPECT_EQ(f.commaOnly, 1);
    EXPECT_EQ(f.rejected, 1);
    EXPECT_EQ(f.rejectedExample, "1.234,56");
    EXPECT_EQ(rejectedBy(values, f), 1);
    EXPECT_FALSE(f.problem().isEmpty());
}

TEST(AmountColumn, CountsRejectsAndCurrencies)
{
    const std::vector<std::string_view> values{ "$1,234.00", "abc", "EUR 5",  "",
                                                "1E400",     "$3",  "(12.00)" };
    const AmountFormat f = decideOver(values);
    EXPECT_EQ(f.values, 6);
    EXPECT_EQ(f.rejected, 2);
    EXPECT_EQ(f.rejectedExample, "abc");
    EXPECT_EQ(rejectedBy(values, f), f.rejected);
    EXPECT_EQ(f.withCurrency, 3);
    ASSERT_EQ(f.currencies.size(), 2u);
    EXPECT_EQ(f.currencies[0].code(), "USD");
    EXPECT_EQ(f.currencies[1].code(), "EUR");
}

TEST(AmountColumn, MergeEqualsOneScan)
{
    const std::vector<std::string_view> first{ "1,234", "2,500" };
    const std::vector<std::string_view> second{ "9", "1.234,56", "x" };
    AmountColumn a, b, all;
    for (const auto v : first) {
        a.observe(v);
        all.observe(v);
    }
    for (const auto v : second) {
        b.observe(v);
        all.observe(v);
    }
    a.merge(b);
    const AmountFormat merged = a.decide(), whole = all.decide();
    EXPECT_EQ(merged.decimal, whole.decimal);
    EXPECT_EQ(merged.decimal, Comma);
    EXPECT_EQ(merged.values, whole.values);
    EXPECT_EQ(merged.rejected, whole.rejected);
    EXPECT_EQ(merged.eitherWay, whole.eitherWay);
}

TEST(AmountColumn, SampleExports)
{
    // Amount columns of /work/shared/samples: plain dot-decimal numbers.
    const AmountFormat f = decideOver({ "239165.50", "64482.50", "349551.50", "391159.00" });
    EXPECT_EQ(f.decimal, Dot);
    EXPECT_EQ(f.rejected, 0);
    EXPECT_EQ(cents("239165.50", f.decimal), 23'916'550);
    const AmountFormat revenue = decideOver({ "400000000", "15000000", "2500000000" });
    EXPECT_EQ(cents("2500000000", revenue.decimal), 250'000'000'000);
}
