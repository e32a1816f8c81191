// Properties over many inputs: what an RFC 4180 writer wrote reads back equal, in every
// encoding, line end and block size; dialects of the same data read the same.
#include "csvtesting.h"

#include <gtest/gtest.h>

#include <random>

using namespace tp;
using namespace tp::test;
using csv::Encoding;

namespace {

// Pieces random fields are made of: the delimiters, quotes, every line break, non-ASCII.
const std::vector<std::string> anyPieces{
    "a",  "Z",  "0",    "7", " ", ",", ";", "\t", "|",  "\"",
    "\n", "\r", "\r\n", "é", "€", "“", "ß", "😀",  "中", "\"\""
};
// The same, within Windows-1252.
const std::vector<std::string> windows1252Pieces{ "a",  "Z",  "0",  " ",    ",", ";", "\t", "|",
                                                  "\"", "\n", "\r", "\r\n", "é", "€", "“",  "ß" };

Table randomTable(std::mt19937 &rng, const std::vector<std::string> &pieces)
{
    const auto below = [&](int n) { return int(rng() % unsigned(n)); };
    Table table(std::size_t(1 + below(20)));
    const std::size_t columns = std::size_t(1 + below(6));
    for (auto &record : table) {
        record.resize(below(4) == 0 ? std::size_t(1 + below(8)) : columns); // some ragged
        for (auto &field : record) {
            const int length = below(3) == 0 ? 0 : below(12);
            for (int i = 0; i < length; ++i)
                field += pieces[std::size_t(below(int(pieces.size())))];
        }
    }
    return table;
}

QByteArray toWindows1252(const std::string &utf8)
{
    static const std::vector<std::pair<std::string, char>> map{
        { "é", '\xE9' }, { "€", '\x80' }, { "“", '\x93' }, { "ß", '\xDF' }
    };
    QByteArray out;
    for (std::size_t i = 0; i < utf8.size();) {
        bool mapped = false;
        for (const auto &[from, to] : map) {
            if (utf8.compare(i, from.size(), from) == 0) {
                out += to;
                i += from.size();
                mapped = true;
                break;
            }
        }
        if (!mapped)
            out += utf8[i++];
    }
    return out;
}

ReadResult readWithBlockSize(const QString &path, qint64 blockSize)
{
    csv::Options options;
    options.blockSize = blockSize;
    csv::Reader reader(path, options);
    return readAll(reader);
}

} // namespace

TEST(CsvRoundTrip, RandomTablesReadBackEqual)
{
    std::mt19937 rng(20261123);
    const std::string lineEnds[] = { "\n", "\r\n", "\r" };
    const char delimiters[] = { ',', ';', '\t', '|' };
    for (int round = 0; round < 400; ++round) {
        const int kind = round % 4; // UTF-8, UTF-8 BOM, UTF-16LE/BE, Windows-1252
        const Table table = randomTable(rng, kind == 3 ? windows1252Pieces : anyPieces);
        const char delimiter = delimiters[rng() % 4];
        const std::string text = writeCsv(table, delimiter, lineEnds[rng() % 3]);
        QByteArray bytes;
        switch (kind) {
        case 0:
            bytes = QByteArray::fromStdString(text);
            break;
        case 1:
            bytes = "\xEF\xBB\xBF" + QByteArray::fromStdString(text);
            break;
        case 2:
            bytes = toUtf16(text, round % 8 < 4, true);
            break;
        default:
            bytes = toWindows1252(text);
            break;
        }
        csv::Options options;
        options.delimiter = delimiter;
        options.blockSize = 1 + qint64(rng() % 64);
        if (kind == 3)
            options.encoding = Encoding::Windows1252; // tiny tables may be valid UTF-8 by chance
        const ReadResult r = readBytes(bytes, options);
        ASSERT_EQ(r.records, table) << "round " << round << "\n" << text;
    }
}

TEST(CsvRoundTrip, SniffedDelimiterOnRegularTables)
{
    std::mt19937 rng(7);
    for (const char delimiter : { ',', ';', '\t', '|' }) {
        for (int round = 0; round < 20; ++round) {
            Table table(8, std::vector<std::string>(5));
            for (auto &record : table) {
                for (auto &field : record)
                    field = "v" + std::to_string(rng() % 1000) + (rng() % 4 ? "" : ", ; | \t\"x\"");
            }
            const QByteArray bytes = QByteArray::fromStdString(writeCsv(table, delimiter, "\r\n"));
            csv::Reader reader = csv::Reader::fromBytes(bytes);
            ASSERT_EQ(reader.dialect().delimiter, delimiter) << bytes.constData();
            ASSERT_EQ(readAll(reader).records, table);
        }
    }
}

TEST(CsvRoundTrip, BlockBoundariesDoNotMatter)
{
    const char *fixtures[] = { "utf8.csv",
                               "utf8-bom.csv",
                               "utf16le-bom.txt",
                               "utf16be-bom.txt",
                               "utf16le-nobom.txt",
                               "utf16be-nobom.txt",
                               "windows1252.csv",
                               "same-utf8-comma.csv",
                               "same-utf16le-tab.txt",
                               "same-windows1252-semicolon.csv",
                               "comma.csv",
                               "semicolon.csv",
                               "tab.tsv",
                               "pipe.csv",
                               "sep-line.csv",
                               "embedded-newlines.csv",
                               "doubled-quotes.csv",
                               "bare-cr.csv",
                               "no-final-newline.csv",
                               "blank-lines.csv",
                               "nul-bytes.csv",
                               "title-rows.csv",
                               "salesforce-report.csv" };
    for (const char *fixture : fixtures) {
        const QString path = csvFixture(QString::fromLatin1(fixture));
        const csv::Dialect dialect = csv::Reader(path).dialect();
        const ReadResult expected = readWithBlockSize(path, 1 << 20);
        EXPECT_FALSE(expected.records.empty()) << fixture;
        for (qint64 blockSize = 1; blockSize <= 17; ++blockSize) {
            csv::Options options;
            options.blockSize = blockSize;
            csv::Reader reader(path, options);
            EXPECT_EQ(reader.dialect().encoding, dialect.encoding) << fixture << " " << blockSize;
            EXPECT_EQ(reader.dialect().delimiter, dialect.delimiter) << fixture << " " << blockSize;
            const ReadResult r = readAll(reader);
            EXPECT_EQ(r.records, expected.records) << fixture << " " << blockSize;
            EXPECT_EQ(r.lines, expected.lines) << fixture << " " << blockSize;
        }
    }
}

TEST(CsvRoundTrip, ErrorsDoNotDependOnBlockBoundaries)
{
    for (const char *fixture : { "error-unterminated-quote.csv", "error-text-after-quote.csv" }) {
        std::vector<std::pair<qint64, int>> places;
        for (qint64 blockSize : { 1, 2, 3, 5, 8, 13, 1 << 20 }) {
            csv::Options options;
            options.blockSize = blockSize;
            csv::Reader reader(csvFixture(QString::fromLatin1(fixture)), options);
            try {
                readAll(reader);
                ADD_FAILURE() << fixture << ": no error";
            } catch (const csv::ParseError &e) {
                places.emplace_back(e.line(), e.column());
            }
        }
        for (const auto &place : places)
            EXPECT_EQ(place, places.front()) << fixture;
    }
}

TEST(CsvRoundTrip, SameDataInThreeDialects)
{
    const csv::Reader utf8(csvFixture(QStringLiteral("same-utf8-comma.csv")));
    const csv::Reader utf16(csvFixture(QStringLiteral("same-utf16le-tab.txt")));
    const csv::Reader ansi(csvFixture(QStringLiteral("same-windows1252-semicolon.csv")));
    EXPECT_EQ(utf8.dialect().encoding, Encoding::Utf8);
    EXPECT_EQ(utf8.dialect().delimiter, ',');
    EXPECT_EQ(utf16.dialect().encoding, Encoding::Utf16LE);
    EXPECT_EQ(utf16.dialect().delimiter, '\t');
    EXPECT_EQ(ansi.dialect().encoding, Encoding::Windows1252);
    EXPECT_EQ(ansi.dialect().delimiter, ';');
    EXPECT_TRUE(ansi.dialect().sepLine);

    const ReadResult a = readFixture(QStringLiteral("same-utf8-comma.csv"));
    const ReadResult b = readFixture(QStringLiteral("same-utf16le-tab.txt"));
    const ReadResult c = readFixture(QStringLiteral("same-windows1252-semicolon.csv"));
    const Table expected{
        { "Account", "Owner", "Amount", "Notes" },
        { "Café Zürich", "José Álvarez", "€1.234,50", "Said “yes”, then\nasked for a discount" },
        { "O'Brien; Sons", "Zoë Müller", "12,5", "He said \"call me\"\ttomorrow|later" },
        { "Plain", "", "0", "" }
    };
    EXPECT_EQ(a.records, expected);
    EXPECT_EQ(b.records, expected);
    EXPECT_EQ(c.records, expected);
    EXPECT_EQ(a.lines, (std::vector<qint64>{ 1, 2, 4, 5 }));
    EXPECT_EQ(b.lines, a.lines);
    EXPECT_EQ(c.lines, (std::vector<qint64>{ 2, 3, 5, 6 })); // after the sep= line
}
