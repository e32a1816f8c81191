#include "values/probabilities.h"

#include <gtest/gtest.h>

#include <vector>

using namespace tp;
using namespace tp::values;

namespace {

constexpr auto Percent = ProbabilityScale::Percent;
constexpr auto Fraction = ProbabilityScale::Fraction;

constexpr BasisPoints kNoValue = -1;
BasisPoints bp(std::string_view value, ProbabilityScale scale)
{
    const Result<BasisPoints> r = parseProbability(value, scale);
    return r.hasValue() ? r.value : kNoValue;
}

ProbabilityFormat decideOver(const std::vector<std::string_view> &values,
                             std::optional<ProbabilityScale> ifAmbiguous = std::nullopt)
{
    ProbabilityColumn column;
    for (const std::string_view v : values)
        column.observe(v);
    return column.decide(ifAmbiguous);
}

qint64 rejectedBy(const std::vector<std::string_view> &values, const ProbabilityFormat &format)
{
    qint64 n = 0;
    for (const std::string_view v : values)
        n += parseProbability(v, format).isInvalid() ? 1 : 0;
    return n;
}

} // namespace

TEST(Probabilities, Forms)
{
    EXPECT_EQ(bp("10", Percent), 1000);
    EXPECT_EQ(bp("10%", Percent), 1000);
    EXPECT_EQ(bp("10.5%", Percent), 1050);
    EXPECT_EQ(bp("10,5 %", Percent), 1050);
    EXPECT_EQ(bp("10,5\xC2\xA0%", Percent), 1050);
    EXPECT_EQ(bp("0.1", Fraction), 1000);
    EXPECT_EQ(bp("0,25", Fraction), 2500);
    EXPECT_EQ(bp(".25", Fraction), 2500);
    EXPECT_EQ(bp("1", Fraction), 10000);
    EXPECT_EQ(bp("0", Fraction), 0);
    EXPECT_EQ(bp("100", Percent), 10000);
    EXPECT_EQ(bp("100%", Percent), 10000);
    EXPECT_EQ(bp("+25", Percent), 2500);
    EXPECT_EQ(bp("-0", Percent), 0);
    // A '%' is percent even in a fractional column.
    EXPECT_EQ(bp("25%", Fraction), 2500);
    EXPECT_EQ(bp("0.5%", Fraction), 50);
    EXPECT_TRUE(parseProbability("", Percent).isEmpty());
    EXPECT_TRUE(parseProbability("  ", Fraction).isEmpty());
}

TEST(Probabilities, RoundsToTheBasisPointHalfAwayFromZero)
{
    EXPECT_EQ(bp("33.335%", Percent), 3334);
    EXPECT_EQ(bp("33.3349999%", Percent), 3333);
    EXPECT_EQ(bp("0.33335", Fraction), 3334);
    EXPECT_EQ(bp("0.333349999999999", Fraction), 3333);
    EXPECT_EQ(bp("0.00005", Fraction), 1);
    EXPECT_EQ(bp("0.004%", Percent), 0);
    EXPECT_EQ(bp("0.005%", Percent), 1);
}

TEST(Probabilities, RangeIsChecked)
{
    EXPECT_EQ(bp("150", Percent), kNoValue);
    EXPECT_EQ(bp("100.01%", Percent), kNoValue);
    EXPECT_EQ(bp("1.0001", Fraction), kNoValue);
    EXPECT_EQ(bp("-5", Percent), kNoValue);
    EXPECT_EQ(bp("-0.1", Fraction), kNoValue);
    EXPECT_EQ(bp("99999999999999999999999", Percent), kNoValue);
    const Result<BasisPoints> r = parseProbability("150%", Percent);
    ASSERT_TRUE(r.isInvalid());
    EXPECT_EQ(r.error, QStringLiteral("the probability \"150%\" is outside 0–100%"));
    for (const std::string_view bad :
         { "abc", "10%%", "%", "1.2.3", "5.", ".", "1e2", "10 0", "% 10", "25 percent" })
        EXPECT_EQ(bp(bad, Percent), kNoValue) << bad;
    EXPECT_EQ(parseProbability("high", Percent).error,
              QStringLiteral("expected a probability such as 25% or 0.25, found \"high\""));
}

TEST(ProbabilityColumn, FractionalColumn)
{
    // The HubSpot sample's "Deal probability".
    const std::vector<std::string_view> values{ "0.25", "1", "0", "0.5", "0.1", "", "0.75" };
    const ProbabilityFormat f = decideOver(values);
    EXPECT_EQ(f.scale, Fraction);
    EXPECT_FALSE(f.ambiguous);
    EXPECT_EQ(f.values, 6);
    EXPECT_EQ(f.strictlyBetween, 4);
    EXPECT_EQ(f.rejected, 0);
    EXPECT_EQ(bp("1", f.scale), 10000);
    EXPECT_EQ(bp("0.25", f.scale), 2500);
}

TEST(ProbabilityColumn, PercentColumns)
{
    // The Salesforce and Pipedrive samples.
    const ProbabilityFormat f = decideOver({ "25", "100", "0", "50", "10", "75" });
    EXPECT_EQ(f.scale, Percent);
    EXPECT_FALSE(f.ambiguous);
    EXPECT_EQ(bp("25", f.scale), 2500);
    // One value above 1 anywhere makes the column percent: 0.5 is then 0.5%.
    const ProbabilityFormat g = decideOver({ "0.5", "0.25", "1", "10" });
    EXPECT_EQ(g.scale, Percent);
    EXPECT_EQ(bp("0.5", g.scale), 50);
    // So does a '%' sign.
    EXPECT_EQ(decideOver({ "0.5", "0.25%" }).scale, Percent);
    // Zeros only: nothing to tell, nothing ambiguous.
    const ProbabilityFormat zeros = decideOver({ "0", "0", "" });
    EXPECT_EQ(zeros.scale, Percent);
    EXPECT_FALSE(zeros.ambiguous);
}

TEST(ProbabilityColumn, OnlyZerosAndOnesAreAmbiguous)
{
    const std::vector<std::string_view> values{ "0", "1", "1", "0" };
    const ProbabilityFormat f = decideOver(values);
    EXPECT_TRUE(f.ambiguous);
    EXPECT_EQ(f.scale, Percent); // the rule: not fractional without a value strictly between
    EXPECT_FALSE(f.problem().isEmpty());
    const ProbabilityFormat chosen = decideOver(values, Fraction);
    EXPECT_TRUE(chosen.ambiguous);
    EXPECT_EQ(chosen.scale, Fraction);
    EXPECT_EQ(bp("1", chosen.scale), 10000);
    // The caller's choice never overrides what the values say.
    EXPECT_EQ(decideOver({ "0", "1", "50" }, Fraction).scale, Percent);
}

TEST(ProbabilityColumn, RejectsAreCountedAsParseRejectsThem)
{
    const std::vector<std::string_view> values{ "10", "150", "-5", "abc", "200%", "", "99.5%" };
    const ProbabilityFormat f = decideOver(values);
    EXPECT_EQ(f.scale, Percent);
    EXPECT_EQ(f.rejected, 4);
    EXPECT_EQ(f.rejectedExample, "abc");
    EXPECT_EQ(rejectedBy(values, f), 4);

    ProbabilityColumn a, b;
    a.observe("0.5");
    b.observe("50");
    a.merge(b);
    EXPECT_EQ(a.decide().scale, Percent);
}
