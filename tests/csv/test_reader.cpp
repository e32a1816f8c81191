// The reader on one fixture per quirk of real exports (tests/data/csv, see make_fixtures.py).
#include "csvtesting.h"

#include "testsupport.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::test;
using csv::Encoding;

namespace {

csv::Dialect dialectOf(const QString &fixture)
{
    return csv::Reader(csvFixture(fixture)).dialect();
}

const Table utf16Table{ { "Name", "City" }, { "José", "Zürich" }, { "Grinning 😀", "tab\tinside" } };

} // namespace

TEST(CsvReader, Utf8WithoutBom)
{
    EXPECT_EQ(dialectOf(QStringLiteral("utf8.csv")).encoding, Encoding::Utf8);
    EXPECT_EQ(
            readFixture(QStringLiteral("utf8.csv")).records,
            (Table{ { "Name", "City" }, { "José", "Zürich" }, { "Grinning 😀", "comma, inside" } }));
}

TEST(CsvReader, Utf8WithBomDropsTheBom)
{
    EXPECT_EQ(dialectOf(QStringLiteral("utf8-bom.csv")).encoding, Encoding::Utf8Bom);
    const ReadResult r = readFixture(QStringLiteral("utf8-bom.csv"));
    ASSERT_FALSE(r.records.empty());
    EXPECT_EQ(r.records[0][0], "Name"); // not "\xEF\xBB\xBFName"
    EXPECT_EQ(r.records, readFixture(QStringLiteral("utf8.csv")).records);
}

TEST(CsvReader, Utf16WithBom)
{
    const csv::Dialect le = dialectOf(QStringLiteral("utf16le-bom.txt"));
    EXPECT_EQ(le.encoding, Encoding::Utf16LE);
    EXPECT_EQ(le.delimiter, '\t'); // Excel's "Unicode Text"
    EXPECT_EQ(dialectOf(QStringLiteral("utf16be-bom.txt")).encoding, Encoding::Utf16BE);
    EXPECT_EQ(readFixture(QStringLiteral("utf16le-bom.txt")).records, utf16Table);
    EXPECT_EQ(readFixture(QStringLiteral("utf16be-bom.txt")).records, utf16Table);
}

TEST(CsvReader, Utf16WithoutBomFromTheNulPattern)
{
    EXPECT_EQ(dialectOf(QStringLiteral("utf16le-nobom.txt")).encoding, Encoding::Utf16LE);
    EXPECT_EQ(dialectOf(QStringLiteral("utf16be-nobom.txt")).encoding, Encoding::Utf16BE);
    EXPECT_EQ(readFixture(QStringLiteral("utf16le-nobom.txt")).records, utf16Table);
    EXPECT_EQ(readFixture(QStringLiteral("utf16be-nobom.txt")).records, utf16Table);
}

TEST(CsvReader, Windows1252EuroAndCurlyQuotes)
{
    EXPECT_EQ(dialectOf(QStringLiteral("windows1252.csv")).encoding, Encoding::Windows1252);
    EXPECT_EQ(readFixture(QStringLiteral("windows1252.csv")).records,
              (Table{ { "Name", "Price", "Quote" },
                      { "Café", "€ 5", "“Hi”" },
                      { "\u0081\u008D", "Ÿ", "end" } }));
}

TEST(CsvReader, Windows1252DecidedOnTheWholeFileNotASample)
{
    // 1.2 MB of ASCII (past the sniffer's sample and the first 1 MiB block), then one
    // Windows-1252 euro sign.
    QByteArray bytes = "id,text\n";
    while (bytes.size() < 1200 * 1000)
        bytes += "12345,plain ascii text\n";
    bytes += "99,\x80 100\n";
    csv::Reader reader = csv::Reader::fromBytes(bytes);
    EXPECT_EQ(reader.dialect().encoding, Encoding::Windows1252);
    const ReadResult r = readAll(reader);
    EXPECT_EQ(r.records.back(), (std::vector<std::string>{ "99", "€ 100" }));
}

TEST(CsvReader, ABoundedEncodingCheckDecidesOnTheStartAndSaysSo)
{
    // 1.2 MB of ASCII, then one Windows-1252 euro sign: past a 64 KiB check.
    QByteArray bytes = "id,text\n";
    while (bytes.size() < 1200 * 1000)
        bytes += "12345,plain ascii text\n";
    bytes += "99,\x80 100\n";
    csv::Options bounded;
    bounded.encodingCheckBytes = 64 << 10;
    csv::Reader reader = csv::Reader::fromBytes(bytes, {}, bounded);
    EXPECT_EQ(reader.dialect().encoding, Encoding::Utf8);
    EXPECT_FALSE(reader.dialect().encodingSettled);
    const ReadResult r = readAll(reader);
    EXPECT_EQ(r.records.front(), (std::vector<std::string>{ "id", "text" }));
    EXPECT_EQ(r.records.back(), (std::vector<std::string>{ "99", "\uFFFD 100" }));

    // A check that reaches the bad byte decides as the whole-file one does.
    bounded.encodingCheckBytes = 2 << 20;
    const csv::Reader whole = csv::Reader::fromBytes(bytes, {}, bounded);
    EXPECT_EQ(whole.dialect().encoding, Encoding::Windows1252);
    EXPECT_TRUE(whole.dialect().encodingSettled);
    EXPECT_TRUE(csv::Reader::fromBytes(bytes).dialect().encodingSettled);

    // A bad byte within the bound reads as Windows-1252 so far: whether the rest writes UTF-8
    // characters (then the file is mixed, and the import asks) only the whole file tells. A
    // UTF-8 character within the bound as well settles it; so does a file no longer than the
    // bound.
    bounded.encodingCheckBytes = 64 << 10;
    const csv::Reader early = csv::Reader::fromBytes("a,b\n\x80,1\n" + bytes, {}, bounded);
    EXPECT_EQ(early.dialect().encoding, Encoding::Windows1252);
    EXPECT_FALSE(early.dialect().encodingSettled);
    const csv::Reader mixed = csv::Reader::fromBytes("a,b\n\x80,\xC3\xA9\n" + bytes, {}, bounded);
    EXPECT_EQ(mixed.dialect().encoding, Encoding::Utf8);
    EXPECT_TRUE(mixed.dialect().encodingSettled);
    EXPECT_TRUE(mixed.dialect().evidence->mixed());
    const QByteArray exact = bytes.left(64 << 10);
    const csv::Reader small = csv::Reader::fromBytes(exact, {}, bounded);
    EXPECT_EQ(small.dialect().encoding, Encoding::Utf8);
    EXPECT_TRUE(small.dialect().encodingSettled);
    const csv::Reader longer = csv::Reader::fromBytes(exact + "1\n", {}, bounded);
    EXPECT_FALSE(longer.dialect().encodingSettled);

    // A byte order mark decides whatever the check reads.
    const csv::Reader bom = csv::Reader::fromBytes("\xEF\xBB\xBF" + bytes, {}, bounded);
    EXPECT_EQ(bom.dialect().encoding, Encoding::Utf8Bom);
    EXPECT_TRUE(bom.dialect().encodingSettled);
}

TEST(CsvReader, ForcedEncodingOverridesDetection)
{
    csv::Options latin;
    latin.encoding = Encoding::Windows1252;
    // Valid UTF-8 "é" read as Windows-1252 is "Ã©": the caller's word wins.
    EXPECT_EQ(readBytes("a\n\xC3\xA9\n", latin).records, (Table{ { "a" }, { "Ã©" } }));

    csv::Options utf8;
    utf8.encoding = Encoding::Utf8;
    csv::Reader reader = csv::Reader::fromBytes("\xEF\xBB\xBFx,\x80y\n", {}, utf8);
    EXPECT_EQ(reader.dialect().encoding, Encoding::Utf8Bom);
    EXPECT_EQ(readAll(reader).records, (Table{ { "x", "\uFFFDy" } }));
}

TEST(CsvReader, BomWinsOverInvalidBytes)
{
    // A UTF-8 BOM with a stray invalid byte stays UTF-8; the byte becomes U+FFFD.
    csv::Reader reader = csv::Reader::fromBytes("\xEF\xBB\xBFJos\xC3\xA9,\xFF\n");
    EXPECT_EQ(reader.dialect().encoding, Encoding::Utf8Bom);
    EXPECT_EQ(readAll(reader).records, (Table{ { "José", "\uFFFD" } }));
}

TEST(CsvReader, EachDelimiterDespiteOthersInsideQuotes)
{
    EXPECT_EQ(dialectOf(QStringLiteral("comma.csv")).delimiter, ',');
    EXPECT_EQ(dialectOf(QStringLiteral("semicolon.csv")).delimiter, ';');
    EXPECT_EQ(dialectOf(QStringLiteral("tab.tsv")).delimiter, '\t');
    EXPECT_EQ(dialectOf(QStringLiteral("pipe.csv")).delimiter, '|');
    EXPECT_EQ(readFixture(QStringLiteral("comma.csv")).records,
              (Table{ { "name", "note", "n" },
                      { "Smith; John", "a|b\tc", "1" },
                      { "Doe; Jane", "d;e", "2" } }));
    EXPECT_EQ(readFixture(QStringLiteral("semicolon.csv")).records,
              (Table{ { "name", "amount", "n" },
                      { "Smith, John", "1,5", "1" },
                      { "Doe, Jane", "2,75", "2" } }));
    EXPECT_EQ(readFixture(QStringLiteral("tab.tsv")).records,
              (Table{ { "name", "note", "n" }, { "a,b", "c;d", "1" }, { "e|f", "g,h", "2" } }));
    EXPECT_EQ(readFixture(QStringLiteral("pipe.csv")).records,
              (Table{ { "name", "note", "n" }, { "a,b", "c;d", "1" }, { "e\tf", "g,h", "2" } }));
}

TEST(CsvReader, ForcedDelimiter)
{
    csv::Options options;
    options.delimiter = ';';
    csv::Reader reader(csvFixture(QStringLiteral("comma.csv")), options);
    EXPECT_EQ(reader.dialect().delimiter, ';');
    csv::Record record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields, (std::vector<std::string_view>{ "name,note,n" }));
    options.delimiter = '"';
    EXPECT_THROW(csv::Reader::fromBytes("a\n", {}, options), InputError);
}

TEST(CsvReader, ExcelSepLineIsConsumed)
{
    const csv::Dialect dialect = dialectOf(QStringLiteral("sep-line.csv"));
    EXPECT_TRUE(dialect.sepLine);
    EXPECT_EQ(dialect.delimiter, ';');
    const ReadResult r = readFixture(QStringLiteral("sep-line.csv"));
    EXPECT_EQ(r.records, (Table{ { "Name", "Amount" }, { "Ann", "1,5" } }));
    EXPECT_EQ(r.lines, (std::vector<qint64>{ 2, 3 }));
}

TEST(CsvReader, SepLineVariants)
{
    csv::Reader quoted = csv::Reader::fromBytes("\"sep=|\"\na|b\n");
    EXPECT_TRUE(quoted.dialect().sepLine);
    EXPECT_EQ(readAll(quoted).records, (Table{ { "a", "b" } }));

    csv::Options options; // a forced delimiter wins, but the line is still not a record
    options.delimiter = ',';
    csv::Reader forced = csv::Reader::fromBytes("sep=;\r\na,b;c\r\n", {}, options);
    EXPECT_TRUE(forced.dialect().sepLine);
    EXPECT_EQ(readAll(forced).records, (Table{ { "a", "b;c" } }));

    csv::Reader utf16 = csv::Reader::fromBytes(toUtf16("sep=;\r\na;b,c\r\n", true, true));
    EXPECT_TRUE(utf16.dialect().sepLine);
    EXPECT_EQ(utf16.dialect().encoding, Encoding::Utf16LE);
    const ReadResult utf16Records = readAll(utf16);
    EXPECT_EQ(utf16Records.records, (Table{ { "a", "b,c" } }));
    EXPECT_EQ(utf16Records.lines, (std::vector<qint64>{ 2 }));

    EXPECT_TRUE(readBytes("sep=;").records.empty());
    csv::Reader notSep = csv::Reader::fromBytes("sep=;x\n");
    EXPECT_FALSE(notSep.dialect().sepLine);
    EXPECT_EQ(readAll(notSep).records, (Table{ { "sep=", "x" } }));
}

TEST(CsvReader, EmbeddedLineBreaksKeptVerbatimAndCounted)
{
    const ReadResult r = readFixture(QStringLiteral("embedded-newlines.csv"));
    EXPECT_EQ(r.records,
              (Table{ { "id", "note" },
                      { "1", "line one\nline two" },
                      { "2", "cr\rinside" },
                      { "3", "crlf\r\ninside" },
                      { "4", "end" } }));
    EXPECT_EQ(r.lines, (std::vector<qint64>{ 1, 2, 4, 6, 8 }));
}

TEST(CsvReader, DoubledQuotes)
{
    EXPECT_EQ(readFixture(QStringLiteral("doubled-quotes.csv")).records,
              (Table{ { "a", "b" }, { "say \"hi\"", "\"quoted\"" }, { "\"", "" } }));
}

TEST(CsvReader, QuoteInsideAnUnquotedFieldIsText)
{
    EXPECT_EQ(readBytes("size,x\n5\" screen,a\"b\"\n").records,
              (Table{ { "size", "x" }, { "5\" screen", "a\"b\"" } }));
}

TEST(CsvReader, SpacesAfterClosingQuoteAreIgnored)
{
    EXPECT_EQ(readBytes("\"a\"  ,\"b\" \n").records, (Table{ { "a", "b" } }));
}

TEST(CsvReader, BareCarriageReturnLineEnds)
{
    const ReadResult r = readFixture(QStringLiteral("bare-cr.csv"));
    EXPECT_EQ(r.records, (Table{ { "a", "b" }, { "1", "2" }, { "3", "x\ry" }, { "4", "5" } }));
    EXPECT_EQ(r.lines, (std::vector<qint64>{ 1, 2, 4, 6 }));
}

TEST(CsvReader, MissingFinalNewline)
{
    EXPECT_EQ(readFixture(QStringLiteral("no-final-newline.csv")).records,
              (Table{ { "a", "b" }, { "1", "2" }, { "3", "last" } }));
    EXPECT_EQ(readBytes("a,").records, (Table{ { "a", "" } }));
    EXPECT_EQ(readBytes("\"a\"").records, (Table{ { "a" } }));
}

TEST(CsvReader, BlankLinesSkippedButCounted)
{
    const ReadResult r = readFixture(QStringLiteral("blank-lines.csv"));
    EXPECT_EQ(r.records, (Table{ { "h1", "h2" }, { "1", "2" }, { "2", "3" }, { "3", "4" } }));
    EXPECT_EQ(r.lines, (std::vector<qint64>{ 1, 3, 6, 8 }));
}

TEST(CsvReader, EmptyInput)
{
    EXPECT_TRUE(readBytes("").records.empty());
    EXPECT_TRUE(readBytes("\n\r\n\r").records.empty());
    EXPECT_TRUE(readBytes("\xEF\xBB\xBF").records.empty());
    EXPECT_TRUE(readBytes("\xFF\xFE").records.empty());
}

TEST(CsvReader, EmptyFieldsAreKept)
{
    EXPECT_EQ(readBytes(",,\n\"\",x,\n").records, (Table{ { "", "", "" }, { "", "x", "" } }));
}

TEST(CsvReader, NulBytesAreDropped)
{
    const ReadResult r = readFixture(QStringLiteral("nul-bytes.csv"));
    EXPECT_EQ(r.records,
              (Table{ { "name", "amount", "note" },
                      { "Ann", "10", "plain text here" },
                      { "Bob", "20", "xy" },
                      { "Cid", "30", "more plain text" } }));
    EXPECT_EQ(r.lines, (std::vector<qint64>{ 1, 2, 4, 5 })); // line 3 held only NULs
    EXPECT_EQ(dialectOf(QStringLiteral("nul-bytes.csv")).encoding, Encoding::Utf8);
}

TEST(CsvReader, NulBytesDroppedInWindows1252)
{
    csv::Reader reader = csv::Reader::fromBytes(QByteArray("a,\x00\x80\nb,c\n", 9));
    EXPECT_EQ(reader.dialect().encoding, Encoding::Windows1252);
    EXPECT_EQ(readAll(reader).records, (Table{ { "a", "€" }, { "b", "c" } }));
}

TEST(CsvReader, TitleRowsAboveTheHeaderAreRecords)
{
    const ReadResult r = readFixture(QStringLiteral("title-rows.csv"));
    ASSERT_EQ(r.records.size(), 6u);
    EXPECT_EQ(r.records[0], (std::vector<std::string>{ "Opportunity Pipeline Report" }));
    EXPECT_EQ(r.records[2],
              (std::vector<std::string>{ "Opportunity Owner", "Account Name", "Amount" }));
    EXPECT_EQ(r.records[4],
              (std::vector<std::string>{ "Tom O'Neill", "Orbit Energy, LLC", "391159.00" }));
    EXPECT_EQ(r.lines, (std::vector<qint64>{ 1, 2, 4, 5, 6, 8 }));
    EXPECT_EQ(dialectOf(QStringLiteral("title-rows.csv")).delimiter, ',');
}

TEST(CsvReader, SalesforceReportWithFooter)
{
    const ReadResult r = readFixture(QStringLiteral("salesforce-report.csv"));
    ASSERT_EQ(r.records.size(), 8u);
    EXPECT_EQ(r.records[0].size(), 16u);
    EXPECT_EQ(r.records[2][0], "José Álvarez");
    EXPECT_EQ(r.records[4][11], "Call the \"champion\" about budget,\nthen send the ROI model");
    EXPECT_EQ(r.records[5], (std::vector<std::string>{ "Grand Totals (200 records)" }));
    EXPECT_EQ(r.lines, (std::vector<qint64>{ 1, 2, 3, 4, 5, 8, 10, 11 }));
}

TEST(CsvReader, FieldOfTwoMegabytes)
{
    std::string big(2 * 1024 * 1024, 'x');
    for (std::size_t i = 0; i < big.size(); i += 1000)
        big[i] = i % 3000 == 0 ? '\n' : '"';
    const Table table{ { "id", "notes", "after" }, { "1", big, "tail" }, { "2", "small", "end" } };
    TempDir dir;
    QFile file(dir.path(QStringLiteral("big.csv")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    const std::string csvText = writeCsv(table, ',', "\r\n");
    file.write(csvText.data(), qint64(csvText.size()));
    file.close();

    csv::Options options;
    options.blockSize = 64 * 1024; // the field spans many blocks
    csv::Reader reader(file.fileName(), options);
    const ReadResult r = readAll(reader);
    EXPECT_EQ(r.records, table);
    EXPECT_EQ(r.lines[2], qint64(2 + std::count(big.begin(), big.end(), '\n') + 1));
}

TEST(CsvReader, RecordOverTheLimitIsAnErrorNotUnboundedMemory)
{
    csv::Options options;
    options.blockSize = 16;
    options.maxRecordBytes = 100;
    csv::Reader reader =
            csv::Reader::fromBytes("a,b\n1,\"" + QByteArray(500, 'x') + "\"\n", {}, options);
    csv::Record record;
    ASSERT_TRUE(reader.next(record));
    try {
        reader.next(record);
        FAIL() << "expected a ParseError";
    } catch (const csv::ParseError &e) {
        EXPECT_EQ(e.line(), 2);
        EXPECT_EQ(e.column(), 2);
        EXPECT_EQ(e.expected(), QStringLiteral("a closing quote"));
    }
}

TEST(CsvReader, SixHundredColumns)
{
    std::vector<std::string> header;
    std::vector<std::string> row;
    for (int i = 0; i < 600; ++i) {
        header.push_back("Column " + std::to_string(i + 1));
        row.push_back(i % 2 ? "v" + std::to_string(i) : "\"q, " + std::to_string(i) + "\"");
    }
    const Table table{ header, row, row };
    const std::string text = writeCsv(table, ';', "\n");
    csv::Reader reader = csv::Reader::fromBytes(QByteArray::fromStdString(text));
    EXPECT_EQ(reader.dialect().delimiter, ';');
    EXPECT_EQ(readAll(reader).records, table);
}

TEST(CsvReader, ProgressReachesTheFileSize)
{
    csv::Options options;
    options.blockSize = 8;
    csv::Reader reader(csvFixture(QStringLiteral("utf16le-bom.txt")), options);
    EXPECT_EQ(reader.totalBytes(), QFile(csvFixture(QStringLiteral("utf16le-bom.txt"))).size());
    EXPECT_LT(reader.bytesRead(), reader.totalBytes());
    readAll(reader);
    EXPECT_EQ(reader.bytesRead(), reader.totalBytes());
}

TEST(CsvReader, RewindGivesTheSameRecordsAgain)
{
    for (const char *name : { "same-windows1252-semicolon.csv", "salesforce-report.csv",
                              "utf16le-bom.txt", "utf16be-nobom.txt", "bare-cr.csv" }) {
        for (const qint64 blockSize : { 1, 2, 3, 5, 7, 1 << 20 }) {
            csv::Options options;
            options.blockSize = blockSize;
            csv::Reader reader(csvFixture(QString::fromLatin1(name)), options);
            const ReadResult first = readAll(reader);
            ASSERT_FALSE(first.records.empty()) << name;
            reader.rewind();
            const ReadResult second = readAll(reader);
            EXPECT_EQ(first.records, second.records) << name << " " << blockSize;
            EXPECT_EQ(first.lines, second.lines) << name << " " << blockSize;
            // Rewinds in the middle, after each record, with whatever the decoder holds.
            for (std::size_t k = 1; k < first.records.size(); ++k) {
                reader.rewind();
                csv::Record record;
                for (std::size_t i = 0; i < k; ++i)
                    ASSERT_TRUE(reader.next(record));
                reader.rewind();
                EXPECT_EQ(readAll(reader).records, first.records)
                        << name << " " << blockSize << " " << k;
            }
        }
    }
}

TEST(CsvReader, MissingFileIsAnInputError)
{
    TempDir dir;
    try {
        csv::Reader reader(dir.path(QStringLiteral("nope.csv")));
        FAIL() << "expected an InputError";
    } catch (const InputError &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("nope.csv"))) << e.what();
    }
    EXPECT_THROW(csv::Reader reader(dir.root()), InputError);
}

// The import reads a file again as its analysis did: the dialect it was given is used as it
// is while the file is the same, and detected afresh once the file has changed.
TEST(CsvReader, AKnownDialectIsUsedOnlyWhileTheFileIsUnchanged)
{
    TempDir dir;
    const QString path = writeFile(dir, "a.csv", "id;text\n1;caf\xC3\xA9\n");
    const csv::Reader first(path);
    ASSERT_EQ(first.dialect().delimiter, ';');
    EXPECT_TRUE(first.dialect().validUtf8);
    ASSERT_TRUE(first.dialect().source.has_value());

    // Proof that it is not detected again: a dialect with another delimiter is taken at its word.
    csv::Options again;
    again.known = first.dialect();
    again.known->delimiter = ',';
    csv::Reader trusted(path, again);
    EXPECT_EQ(trusted.dialect().delimiter, ',');
    EXPECT_EQ(readAll(trusted).records, (Table{ { "id;text" }, { "1;café" } }));

    // The same size, a later modification time: detected again.
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_TRUE(file.setFileTime(file.fileTime(QFileDevice::FileModificationTime).addSecs(5),
                                 QFileDevice::FileModificationTime));
    file.close();
    csv::Reader touched(path, again);
    EXPECT_EQ(touched.dialect().delimiter, ';');

    // Rewritten in Windows-1252 (no longer UTF-8): detected again, not passed through.
    writeFile(dir, "a.csv", "id;text\n1;caf\xE9 \x80\n");
    again.known = first.dialect();
    csv::Reader rewritten(path, again);
    EXPECT_EQ(rewritten.dialect().encoding, Encoding::Windows1252);
    EXPECT_EQ(readAll(rewritten).records, (Table{ { "id", "text" }, { "1", "café €" } }));

    // Bytes in memory have no stamp to compare, and a bounded check settles nothing: neither
    // is ever taken at its word.
    again.known->delimiter = ',';
    EXPECT_EQ(csv::Reader::fromBytes("id;text\n1;x\n", {}, again).dialect().delimiter, ';');
    csv::Options bounded;
    bounded.encodingCheckBytes = 4;
    csv::Dialect unsettled = csv::Reader(path, bounded).dialect();
    ASSERT_FALSE(unsettled.encodingSettled);
    unsettled.delimiter = ',';
    again.known = unsettled;
    EXPECT_EQ(csv::Reader(path, again).dialect().delimiter, ';');
}

// Issue 16, item 3: one bad byte in a file written in UTF-8 made the whole file Windows-1252, and
// "Zoë Müller" became "ZoÃ« MÃ¼ller" without a word. The reader now decides per file with
// evidence: without a UTF-8 character it is Windows-1252; with some, it stays UTF-8 (the bad
// byte as U+FFFD) and says where the bad bytes are, for the caller to ask.
TEST(CsvReader, AFileMostlyUtf8WithABadByteStaysUtf8AndSaysWhere)
{
    const QByteArray bytes = "Owner,Deal\r\n"
                             "Zo\xC3\xAB M\xC3\xBCller,Alpha\r\n"
                             "\"Ana, \"\"the\"\" rep\",Bet\xEB\r\n" // a Windows-1252 ë
                             "Zo\xC3\xAB M\xC3\xBCller,\"Multi\nline \xFC\"\n";
    csv::Reader reader = csv::Reader::fromBytes(bytes);
    const csv::Dialect &d = reader.dialect();
    EXPECT_EQ(d.encoding, Encoding::Utf8);
    ASSERT_TRUE(d.evidence);
    EXPECT_TRUE(d.evidence->mixed());
    EXPECT_EQ(d.evidence->badBytes, 2);
    EXPECT_EQ(d.evidence->utf8Characters, 4);
    ASSERT_EQ(d.evidence->firstBad.size(), 2u);
    EXPECT_EQ(d.evidence->firstBad[0].line, 3);
    EXPECT_EQ(d.evidence->firstBad[0].column, 2);
    EXPECT_EQ(d.evidence->firstBad[0].byte, 0xEB);
    EXPECT_EQ(d.evidence->firstBad[1].line, 5);
    EXPECT_EQ(d.evidence->firstBad[1].column, 2);
    EXPECT_EQ(readAll(reader).records,
              (Table{ { "Owner", "Deal" },
                      { "Zoë Müller", "Alpha" },
                      { "Ana, \"the\" rep", "Bet\uFFFD" },
                      { "Zoë Müller", "Multi\nline \uFFFD" } }));
}

TEST(CsvReader, AFileWithoutUtf8CharactersIsWindows1252WithItsEvidence)
{
    csv::Reader reader = csv::Reader::fromBytes("Owner;Deal\nZo\xEB M\xFCller;Alpha\n");
    const csv::Dialect &d = reader.dialect();
    EXPECT_EQ(d.encoding, Encoding::Windows1252);
    ASSERT_TRUE(d.evidence);
    EXPECT_TRUE(d.evidence->windows1252());
    EXPECT_EQ(d.evidence->badBytes, 2);
    EXPECT_EQ(d.evidence->firstBad[0].column, 1);
    EXPECT_EQ(readAll(reader).records, (Table{ { "Owner", "Deal" }, { "Zoë Müller", "Alpha" } }));

    // Valid UTF-8 has no evidence to give.
    EXPECT_FALSE(csv::Reader::fromBytes("a,b\nZo\xC3\xAB,1\n").dialect().evidence);
}

TEST(CsvReader, EvidenceScannerSplitAnywhere)
{
    const QByteArray bytes = "a,b\r\nx\xC3\xA9,\xE2\x82\xAC\xF0\x9F\x98\x80\r\n\"q\xE9\",\xC3\n";
    for (int step = 1; step <= 7; ++step) {
        csv::EvidenceScanner scanner(',');
        for (qsizetype at = 0; at < bytes.size(); at += step)
            scanner.feed(bytes.constData() + at,
                         std::size_t(std::min<qsizetype>(step, bytes.size() - at)));
        const csv::EncodingEvidence &e = scanner.finish();
        EXPECT_EQ(e.utf8Characters, 3) << step;
        EXPECT_EQ(e.badBytes, 2) << step;
        ASSERT_EQ(e.firstBad.size(), 2u);
        EXPECT_EQ(e.firstBad[0].line, 3);
        EXPECT_EQ(e.firstBad[0].column, 1);
        EXPECT_EQ(e.firstBad[0].byte, 0xE9);
        EXPECT_EQ(e.firstBad[1].column, 2);
        EXPECT_EQ(e.firstBad[1].byte, 0xC3); // cut off by the end
    }
}

// Issue 16, item 12: a 50 MB line took 28 s and 2.7 GB. A value longer than the cap is an error
// as soon as the reader is that far, naming its line and column; memory stays flat.
TEST(CsvReader, AValueLongerThanTheCapIsAnErrorAtItsPlace)
{
    csv::Options options;
    options.blockSize = 4096;
    options.maxFieldBytes = 10000;
    for (const QByteArray &cell :
         QList<QByteArray>{ QByteArray(50000, 'x'), "\"" + QByteArray(50000, 'y') }) {
        csv::Reader reader =
                csv::Reader::fromBytes("a,b,c\n1,2,3\n4," + cell + ",6\n", {}, options);
        csv::Record record;
        ASSERT_TRUE(reader.next(record));
        ASSERT_TRUE(reader.next(record));
        try {
            reader.next(record);
            FAIL() << "expected a ParseError";
        } catch (const csv::ParseError &e) {
            EXPECT_EQ(e.line(), 3);
            EXPECT_EQ(e.column(), 2);
            EXPECT_TRUE(e.message().contains(QStringLiteral("a value of at most")))
                    << e.message().toStdString();
            EXPECT_LT(reader.bytesRead(), 30000) << "read on past the cap";
        }
    }
    // A value within the cap, in a block of its own, is read.
    csv::Reader fits = csv::Reader::fromBytes("a\n" + QByteArray(9000, 'z') + "\n", {}, options);
    EXPECT_EQ(readAll(fits).records.back().front().size(), 9000u);
}
