#include "values/booleans.h"

#include <gtest/gtest.h>

using namespace tp::values;

TEST(Booleans, Forms)
{
    for (const std::string_view yes :
         { "true", "TRUE", "True", "1", "Yes", "yes", "YES", "Y", "y", " true " }) {
        const Result<bool> r = parseBoolean(yes);
        ASSERT_TRUE(r.hasValue()) << yes;
        EXPECT_TRUE(r.value) << yes;
    }
    for (const std::string_view no :
         { "false", "FALSE", "False", "0", "No", "no", "NO", "N", "n" }) {
        const Result<bool> r = parseBoolean(no);
        ASSERT_TRUE(r.hasValue()) << no;
        EXPECT_FALSE(r.value) << no;
    }
    EXPECT_TRUE(parseBoolean("").isEmpty());
    EXPECT_TRUE(parseBoolean(" \t").isEmpty());
    for (const std::string_view bad : { "yess", "2", "on", "x", "-", "tru", "1.0", "ja" }) {
        EXPECT_TRUE(parseBoolean(bad).isInvalid()) << bad;
    }
    EXPECT_TRUE(parseBoolean(std::string_view("y\0", 2)).isInvalid());
    EXPECT_EQ(parseBoolean("maybe").error,
              QStringLiteral("expected yes/no, true/false or 1/0, found \"maybe\""));
}

TEST(BooleanColumn, Counts)
{
    BooleanColumn column;
    for (const std::string_view v : { "Yes", "No", "", "yes", "maybe", "1" })
        column.observe(v);
    const BooleanFormat f = column.decide();
    EXPECT_EQ(f.values, 5);
    EXPECT_EQ(f.trueCount, 3);
    EXPECT_EQ(f.falseCount, 1);
    EXPECT_EQ(f.rejected, 1);
    EXPECT_EQ(f.rejectedExample, "maybe");
    BooleanColumn other;
    other.observe("nope");
    other.merge(column);
    EXPECT_EQ(other.decide().rejected, 2);
    EXPECT_EQ(other.decide().rejectedExample, "nope");
}
