// The delimiter sniffer and Excel's sep= line, on decoded text.
#include "csv/sniffer.h"

#include <gtest/gtest.h>

using namespace tp::csv;

TEST(CsvSniffer, SepLine)
{
    EXPECT_EQ(parseSepLine("sep=;\r\na;b", false), ';');
    EXPECT_EQ(parseSepLine("sep=,\n", false), ',');
    EXPECT_EQ(parseSepLine("SEP=|\n", false), '|');
    EXPECT_EQ(parseSepLine("sep=\t\n", false), '\t');
    EXPECT_EQ(parseSepLine("\"sep=;\"\n", false), ';');
    EXPECT_EQ(parseSepLine("sep=;", true), ';');
    EXPECT_EQ(parseSepLine("sep=;", false), std::nullopt); // the line may go on
    EXPECT_EQ(parseSepLine("sep=;;\n", false), std::nullopt);
    EXPECT_EQ(parseSepLine("sep=\n", false), std::nullopt);
    EXPECT_EQ(parseSepLine("sep=\"\n", false), std::nullopt);
    EXPECT_EQ(parseSepLine("name,sep\n", false), std::nullopt);
    EXPECT_EQ(parseSepLine("", true), std::nullopt);
}

TEST(CsvSniffer, EachCandidate)
{
    EXPECT_EQ(sniffDelimiter("a,b,c\n1,2,3\n", true), ',');
    EXPECT_EQ(sniffDelimiter("a;b;c\n1;2;3\n", true), ';');
    EXPECT_EQ(sniffDelimiter("a\tb\tc\n1\t2\t3\n", true), '\t');
    EXPECT_EQ(sniffDelimiter("a|b|c\n1|2|3\n", true), '|');
}

TEST(CsvSniffer, QuotedDelimitersDoNotCount)
{
    // Many semicolons, but all inside quotes.
    EXPECT_EQ(sniffDelimiter("\"a;b;c;d\",x\n\"e;f;g;h\",y\n\"i;j;k;l\",z\n", true), ',');
    // A quoted line break does not split a record.
    EXPECT_EQ(sniffDelimiter("a;b\n\"x\ny,z\";1\n\"p,q\";2\n", true), ';');
}

TEST(CsvSniffer, DecimalCommasInSemicolonFiles)
{
    EXPECT_EQ(sniffDelimiter("Name;Amount;Probability\nAnn;1234,50;0,25\nBob;99;0,5\nCid;7,5;1\n",
                             true),
              ';');
}

TEST(CsvSniffer, TextAfterClosingQuoteDisqualifies)
{
    // Read with ';' the first field would be "a" followed by `,"b"`: not this delimiter.
    EXPECT_EQ(sniffDelimiter("\"a\",\"b;c\"\n\"d\",\"e\"\n", true), ',');
    // Read with ';' these records split into more fields, as consistently; but `"x",` says no.
    EXPECT_EQ(sniffDelimiter("\"x\",a;b;c\n\"y\",d;e;f\n", true), ',');
}

TEST(CsvSniffer, ConsistentCountsWin)
{
    // Title rows and a footer do not outvote the table.
    EXPECT_EQ(sniffDelimiter("Report; Q4\n\nName,Stage,Amount\nAnn,Won,1\nBob,Lost,2\nTotal; 3\n",
                             true),
              ',');
    // Commas in free text vary per record; the tabs do not.
    EXPECT_EQ(sniffDelimiter("id\tnote\n1\ta, b, c\n2\td\n3\te, f\n", true), '\t');
}

TEST(CsvSniffer, IncompleteLastRecordIgnored)
{
    // The sample ends inside a record (the file goes on): that record is not counted.
    EXPECT_EQ(sniffDelimiter("a|b\n1|2\n3,4,5,6,7", false), '|');
}

TEST(CsvSniffer, SingleColumnDefaultsToComma)
{
    EXPECT_EQ(sniffDelimiter("name\nAnn\nBob\n", true), ',');
    EXPECT_EQ(sniffDelimiter("", true), ',');
}
