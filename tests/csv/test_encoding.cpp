// Encoding detection and the block-wise decoders, byte by byte.
#include "csvtesting.h"

#include "csv/encoding.h"

#include <QStringDecoder>

#include <gtest/gtest.h>

#include <string>

using namespace tp::csv;
using tp::test::toUtf16;

namespace {

EncodingGuess guess(const QByteArray &head)
{
    return guessEncoding(head.constData(), std::size_t(head.size()));
}

// Decodes in pieces of `step` bytes, then finishes.
std::string decode(Decoder::Source source, const QByteArray &bytes, int step)
{
    Decoder decoder(source);
    std::string out;
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        const auto n = std::size_t(std::min<qsizetype>(step, bytes.size() - at));
        std::string piece(Decoder::maxOutput(n), '\0');
        piece.resize(decoder.decode(bytes.constData() + at, n, piece.data()));
        out += piece;
    }
    std::string tail(Decoder::maxOutput(0), '\0');
    tail.resize(decoder.finish(tail.data()));
    return out + tail;
}

bool validUtf8(const QByteArray &bytes, int step = 1 << 20)
{
    Utf8Validator validator;
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        const auto n = std::size_t(std::min<qsizetype>(step, bytes.size() - at));
        validator.feed(bytes.constData() + at, n);
    }
    return validator.finish();
}

} // namespace

TEST(CsvEncoding, ByteOrderMarks)
{
    EXPECT_EQ(guess("\xEF\xBB\xBF"
                    "a,b")
                      .encoding,
              Encoding::Utf8Bom);
    EXPECT_EQ(guess("\xEF\xBB\xBF"
                    "a,b")
                      .bomLength,
              3);
    EXPECT_EQ(guess(QByteArray("\xFF\xFE"
                               "a\0",
                               4))
                      .encoding,
              Encoding::Utf16LE);
    EXPECT_EQ(guess(QByteArray("\xFE\xFF\0a", 4)).encoding, Encoding::Utf16BE);
    EXPECT_EQ(guess(QByteArray("\xFE\xFF\0a", 4)).bomLength, 2);
    EXPECT_EQ(guess("a,b\n").encoding, Encoding::Utf8);
    EXPECT_EQ(guess("").encoding, Encoding::Utf8);
}

TEST(CsvEncoding, Utf16WithoutBomFromNuls)
{
    EXPECT_EQ(guess(toUtf16("Name,City\nJosé,Zürich\n", true, false)).encoding, Encoding::Utf16LE);
    EXPECT_EQ(guess(toUtf16("Name,City\nJosé,Zürich\n", false, false)).encoding, Encoding::Utf16BE);
    // Sparse NULs in 8-bit text, or a run of NUL padding, are not UTF-16.
    EXPECT_EQ(guess(QByteArray("name,amount\nAnn\0,10,text\n", 25)).encoding, Encoding::Utf8);
    EXPECT_EQ(guess("a,b\n" + QByteArray(64, '\0')).encoding, Encoding::Utf8);
    EXPECT_EQ(guess(QByteArray("a,\0\x80\nb,c\n", 9)).encoding, Encoding::Utf8);
}

TEST(CsvEncoding, Utf8ValidatorIsStrict)
{
    EXPECT_TRUE(validUtf8("plain ascii, and some more to pass sixteen bytes"));
    EXPECT_TRUE(validUtf8("Zoë Müller € 😀 \xF4\x8F\xBF\xBF"));
    EXPECT_FALSE(validUtf8("Caf\xE9 au lait")); // Windows-1252 é
    EXPECT_FALSE(validUtf8("\xC0\xAF")); // overlong
    EXPECT_FALSE(validUtf8("\xE0\x80\xAF")); // overlong
    EXPECT_FALSE(validUtf8("\xED\xA0\x80")); // a surrogate
    EXPECT_FALSE(validUtf8("\xF4\x90\x80\x80")); // above U+10FFFF
    EXPECT_FALSE(validUtf8("\xF5\x80\x80\x80"));
    EXPECT_FALSE(validUtf8("ends inside \xE2\x82")); // truncated
    EXPECT_FALSE(validUtf8("\x80 lone continuation"));
    // The invalid byte far after the first block still counts.
    EXPECT_FALSE(validUtf8(QByteArray(100000, 'a') + "\x93quoted\x94", 4096));
}

TEST(CsvEncoding, Utf8ValidatorAcrossBlockBoundaries)
{
    const QByteArray text = "ab € 😀 Zoë, and ASCII long enough for the sixteen-byte path ü";
    for (int step = 1; step <= 17; ++step)
        EXPECT_TRUE(validUtf8(text, step)) << step;
    const QByteArray bad = text + "\xE2\x28\xA1";
    for (int step = 1; step <= 17; ++step)
        EXPECT_FALSE(validUtf8(bad, step)) << step;
}

TEST(CsvEncoding, Utf8ValidatorSeesNuls)
{
    Utf8Validator a;
    a.feed("no nul here, long enough for the fast path", 42);
    EXPECT_FALSE(a.sawNul());
    Utf8Validator b;
    const QByteArray bytes("sixteen bytes ok\0 and after", 27);
    b.feed(bytes.constData(), std::size_t(bytes.size()));
    EXPECT_TRUE(b.sawNul());
    EXPECT_TRUE(b.finish());
}

TEST(CsvEncoding, Utf16SplitAnywhere)
{
    const std::string text = "Zoë 😀 € \"a\"\r\nend 𝄞";
    for (const bool little : { true, false }) {
        const QByteArray bytes = toUtf16(text, little, false);
        const auto source = little ? Decoder::Source::Utf16LE : Decoder::Source::Utf16BE;
        for (int step = 1; step <= 9; ++step)
            EXPECT_EQ(decode(source, bytes, step), text) << little << step;
    }
}

TEST(CsvEncoding, Utf16InvalidBecomesReplacement)
{
    // A lone high surrogate, a lone low surrogate, an odd trailing byte; NUL is dropped.
    const QByteArray bytes("\x3D\xD8"
                           "a\0"
                           "\x00\xDC"
                           "\0\0"
                           "b\0"
                           "c",
                           11);
    EXPECT_EQ(decode(Decoder::Source::Utf16LE, bytes, 1), "\uFFFDa\uFFFDb\uFFFD");
    EXPECT_EQ(decode(Decoder::Source::Utf16LE, QByteArray("\x3D\xD8", 2), 2), "\uFFFD");
}

TEST(CsvEncoding, Windows1252MapsTheC1RangeToItsCharacters)
{
    EXPECT_EQ(decode(Decoder::Source::Windows1252, "\x80\x93\x94\x85\x96\x97\x99\x9F", 1),
              "€“”…–—™Ÿ");
    EXPECT_EQ(decode(Decoder::Source::Windows1252, "Caf\xE9 \xA0\xFF", 3), "Café \u00A0ÿ");
    EXPECT_EQ(decode(Decoder::Source::Windows1252, "\x81\x8D\x8F\x90\x9D", 2),
              "\u0081\u008D\u008F\u0090\u009D");
    EXPECT_EQ(decode(Decoder::Source::Windows1252, QByteArray("a\0b", 3), 1), "ab");
}

TEST(CsvEncoding, Windows1252AgreesWithIcu)
{
    QStringDecoder icu("windows-1252");
    if (!icu.isValid())
        GTEST_SKIP() << "Qt without ICU: no second opinion on Windows-1252";
    for (int b = 1; b < 256; ++b) {
        if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)
            continue; // undefined in Windows-1252; ICU and Windows disagree
        const QByteArray byte(1, char(b));
        const QString expected = icu.decode(byte);
        EXPECT_EQ(QString::fromStdString(decode(Decoder::Source::Windows1252, byte, 1)), expected)
                << std::hex << b;
    }
}

TEST(CsvEncoding, LossyUtf8SplitAnywhere)
{
    const QByteArray bytes = "ok \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 "
                             "bad \xE2\x82 x \xFF y \xED\xA0\x80 z";
    const std::string expected = "ok é € 😀 bad \uFFFD x \uFFFD y \uFFFD\uFFFD\uFFFD z";
    for (int step = 1; step <= 9; ++step)
        EXPECT_EQ(decode(Decoder::Source::Utf8, bytes, step), expected) << step;
    EXPECT_EQ(decode(Decoder::Source::Utf8, "end \xF0\x9F", 1), "end \uFFFD");
}

TEST(CsvEncoding, DropNuls)
{
    QByteArray bytes("\0a\0\0b\0", 6);
    EXPECT_EQ(dropNuls(bytes.data(), 6), 2u);
    EXPECT_EQ(bytes.left(2), QByteArray("ab"));
    char none[] = "abc";
    EXPECT_EQ(dropNuls(none, 3), 3u);
}

TEST(CsvEncoding, Names)
{
    EXPECT_EQ(encodingName(Encoding::Windows1252), QStringLiteral("Windows-1252"));
    EXPECT_EQ(encodingName(Encoding::Utf16LE), QStringLiteral("UTF-16LE"));
}
