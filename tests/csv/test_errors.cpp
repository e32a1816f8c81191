// What the reader reports for CSV that is not CSV: where (file, physical line, field number),
// what it expected and what it found. Never a crash, never a silent guess.
#include "csvtesting.h"

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::test;

namespace {

// Reads until the error; returns it, and how many records came before it.
csv::ParseError firstError(csv::Reader &reader, int *recordsBefore = nullptr)
{
    csv::Record record;
    int count = 0;
    try {
        while (reader.next(record))
            ++count;
    } catch (const csv::ParseError &e) {
        if (recordsBefore)
            *recordsBefore = count;
        return e;
    }
    ADD_FAILURE() << "no ParseError";
    return csv::ParseError({}, 0, 0, {}, {});
}

csv::ParseError errorIn(const QByteArray &bytes, const csv::Options &options = {})
{
    csv::Reader reader = csv::Reader::fromBytes(bytes, QStringLiteral("deals.csv"), options);
    return firstError(reader);
}

} // namespace

TEST(CsvErrors, UnterminatedQuoteReportedWhereItOpened)
{
    csv::Reader reader(csvFixture(QStringLiteral("error-unterminated-quote.csv")));
    int before = 0;
    const csv::ParseError e = firstError(reader, &before);
    EXPECT_EQ(before, 2);
    EXPECT_EQ(e.file(), QStringLiteral("error-unterminated-quote.csv"));
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 3);
    EXPECT_EQ(e.message(),
              QStringLiteral("error-unterminated-quote.csv, line 3, column 3: expected a closing "
                             "quote, found the end of the file."));
}

TEST(CsvErrors, TextAfterClosingQuote)
{
    csv::Reader reader(csvFixture(QStringLiteral("error-text-after-quote.csv")));
    int before = 0;
    const csv::ParseError e = firstError(reader, &before);
    EXPECT_EQ(before, 3);
    EXPECT_EQ(e.line(), 5); // the quoted line break of record 3 counts
    EXPECT_EQ(e.column(), 4);
    EXPECT_EQ(e.expected(), QStringLiteral("a delimiter or line end after the closing quote"));
    EXPECT_EQ(e.found(), QStringLiteral("\"d\""));
    EXPECT_EQ(e.message(),
              QStringLiteral("error-text-after-quote.csv, line 5, column 4: expected a delimiter "
                             "or line end after the closing quote, found \"d\"."));
}

TEST(CsvErrors, TextAfterAQuoteClosedOnALaterLine)
{
    const csv::ParseError e = errorIn("a,b\n1,\"two\nlines\"x\n");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 2);
}

TEST(CsvErrors, FoundNamesTheCharacter)
{
    EXPECT_EQ(errorIn("\"a\"é\n").found(), QStringLiteral("\"é\""));
    EXPECT_EQ(errorIn("\"a\"\x01\n").found(), QStringLiteral("U+0001"));
    EXPECT_EQ(errorIn("x;\"a\"\"b\"c;d\nx;y;z\n").column(), 2);
}

TEST(CsvErrors, UnterminatedQuoteInOtherEncodings)
{
    const csv::ParseError e = errorIn(toUtf16("a\tb\r\n1\t\"open\r\n\r\nstill\r\n", true, true));
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), 2);
}

TEST(CsvErrors, TheErrorStaysUntilRewind)
{
    csv::Reader reader = csv::Reader::fromBytes("a\n\"b\"c\n");
    csv::Record record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_THROW(reader.next(record), csv::ParseError);
    EXPECT_THROW(reader.next(record), csv::ParseError);
    reader.rewind();
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields[0], "a");
}

TEST(CsvErrors, ParseErrorIsAnInputError)
{
    try {
        csv::Reader reader = csv::Reader::fromBytes("\"x", QStringLiteral("deals.csv"));
        csv::Record record;
        reader.next(record);
        FAIL() << "expected an error";
    } catch (const InputError &e) {
        EXPECT_TRUE(e.message().startsWith(QStringLiteral("deals.csv, line 1, column 1:")))
                << e.what();
    }
}

TEST(CsvErrors, BytesWithoutANameAreCalledPastedText)
{
    csv::Reader reader = csv::Reader::fromBytes("\"x");
    csv::Record record;
    try {
        reader.next(record);
        FAIL() << "expected an error";
    } catch (const csv::ParseError &e) {
        EXPECT_EQ(e.file(), QStringLiteral("pasted text"));
    }
}
