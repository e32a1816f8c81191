#pragma once

// Text encodings of CSV files: detection from the first bytes, and block-wise decoding to UTF-8.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace tp::csv {

enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };

// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252": for the import dialog.
QString encodingName(Encoding encoding);
// The command line's names (--encoding): utf-8, windows-1252, utf-16le, utf-16be (any case;
// cp1252, latin-1 and utf8 too). A BOM is recognised whatever the name says.
std::optional<Encoding> encodingFromKey(const QString &key);

struct EncodingGuess
{
    Encoding encoding = Encoding::Utf8;
    int bomLength = 0;
};

// Looks at the first bytes of a file (a few KiB are enough): a byte order mark, or else the NUL
// pattern of UTF-16 without BOM (ASCII text in UTF-16 has a zero byte in every other position).
// Otherwise it answers Utf8, and the caller checks the whole file (Utf8Validator).
EncodingGuess guessEncoding(const char *head, std::size_t size);

// Length of the byte order mark of `encoding` at the start of `head`, 0 if there is none.
int bomLength(Encoding encoding, const char *head, std::size_t size);

// Streaming UTF-8 validation for the whole-file pre-pass (strict: no overlong forms, no
// surrogates, nothing above U+10FFFF). Also notes whether the text contains NUL bytes.
class Utf8Validator
{
public:
    // False as soon as the bytes so far cannot be UTF-8; feeding more changes nothing then.
    bool feed(const char *data, std::size_t size);
    // Valid text that does not end inside a sequence.
    bool finish() const { return m_valid && m_need == 0; }
    bool sawNul() const { return m_sawNul; }

private:
    bool m_valid = true;
    bool m_sawNul = false;
    std::uint8_t m_need = 0; // continuation bytes still expected
    std::uint8_t m_lower = 0x80;
    std::uint8_t m_upper = 0xBF;
};

// Removes NUL bytes in place and returns the new size. NUL characters are dropped in every
// encoding: they carry no text, and downstream (QString, SQLite, the UI) would misread them.
std::size_t dropNuls(char *data, std::size_t size);

// Converts bytes in a given encoding to UTF-8, one block at a time: a character or surrogate pair
// split between two blocks is completed with the next block. Invalid input becomes U+FFFD; NUL
// characters are dropped.
class Decoder
{
public:
    enum class Source { Utf8, Utf16LE, Utf16BE, Windows1252 };
    explicit Decoder(Source source);

    // An upper bound of the output of decode(size bytes) or finish().
    static constexpr std::size_t maxOutput(std::size_t size) { return 3 * size + 16; }

    // Decodes `size` bytes into `out` (room for maxOutput(size)); returns the bytes written.
    std::size_t decode(const char *data, std::size_t size, char *out);
    // The end of the input: an incomplete sequence left over becomes U+FFFD.
    std::size_t finish(char *out);
    void reset();

private:
    std::size_t decodeUtf8(const std::uint8_t *in, const std::uint8_t *end, char *out);
    std::size_t decodeUtf16(const std::uint8_t *in, const std::uint8_t *end, char *out);

    Source m_source;
    // UTF-8: the incomplete sequence so far.
    std::uint8_t m_need = 0;
    std::uint8_t m_lower = 0x80;
    std::uint8_t m_upper = 0xBF;
    std::uint8_t m_pendingLength = 0;
    std::uint8_t m_pending[4] = {};
    // UTF-16: an odd byte left over, and a high surrogate waiting for its low half.
    bool m_haveByte = false;
    std::uint8_t m_byte = 0;
    char16_t m_highSurrogate = 0;
};

// Windows-1252 (windows1252.cpp) to UTF-8, NULs dropped; `out` has room for 3 * size bytes.
std::size_t windows1252ToUtf8(const char *data, std::size_t size, char *out);

} // namespace tp::csv
