#include "values/scores.h"

#include <gtest/gtest.h>

using namespace tp::values;

TEST(Scores, WholeNumbersFromZeroToFiveAsSpreadsheetsWriteThem)
{
    for (int n = 0; n <= 5; ++n) {
        const std::string digit(1, char('0' + n));
        for (const std::string &form : { digit, digit + ".0", digit + ",00", " " + digit + "\t" }) {
            const Result<int> r = parseScore(form);
            ASSERT_TRUE(r.hasValue()) << form;
            EXPECT_EQ(r.value, n) << form;
        }
    }
}

TEST(Scores, BlankIsNotScoredAndAnythingElseIsRejected)
{
    EXPECT_TRUE(parseScore("").isEmpty()); // not scored, which is not 0
    EXPECT_TRUE(parseScore(" \xC2\xA0").isEmpty());
    for (const std::string_view bad :
         { "6", "-1", "2.5", "4.01", "4.", "05", "10", "high", "3/5", "\xC2\xBD", "+3" }) {
        EXPECT_TRUE(parseScore(bad).isInvalid()) << bad;
    }
    EXPECT_TRUE(parseScore(std::string_view("3\0", 2)).isInvalid());
    EXPECT_EQ(parseScore("high").error,
              QStringLiteral(
                      "expected a score from 0 to 5 (or nothing: not scored), found \"high\""));
}
