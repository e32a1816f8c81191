#include "encoding.h"

#include <QCoreApplication>

#include <algorithm>
#include <bit>
#include <cstring>

namespace tp::csv {

namespace {

constexpr std::uint64_t highBits = 0x8080808080808080ULL;
constexpr std::uint64_t lowBits = 0x0101010101010101ULL;

bool hasZeroByte(std::uint64_t v)
{
    return ((v - lowBits) & ~v & highBits) != 0;
}

// The index of the first byte (in memory order) whose bit is set in `mask`, as loaded by memcpy.
int firstByte(std::uint64_t mask)
{
    if constexpr (std::endian::native == std::endian::little)
        return std::countr_zero(mask) / 8;
    else
        return std::countl_zero(mask) / 8;
}

// The number of continuation bytes after lead byte `b` (-1: not a lead byte), and the range
// allowed for the first of them, which excludes overlong forms, surrogates and > U+10FFFF.
int utf8Lead(std::uint8_t b, std::uint8_t &lower, std::uint8_t &upper)
{
    lower = 0x80;
    upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        return 1;
    if (b == 0xE0) {
        lower = 0xA0;
        return 2;
    }
    if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
        return 2;
    if (b == 0xED) {
        upper = 0x9F;
        return 2;
    }
    if (b == 0xF0) {
        lower = 0x90;
        return 3;
    }
    if (b >= 0xF1 && b <= 0xF3)
        return 3;
    if (b == 0xF4) {
        upper = 0x8F;
        return 3;
    }
    return -1;
}

char *putReplacement(char *out)
{
    *out++ = char(0xEF);
    *out++ = char(0xBF);
    *out++ = char(0xBD);
    return out;
}

char *putCodePoint(char *out, char32_t cp)
{
    if (cp < 0x80) {
        if (cp != 0)
            *out++ = char(cp);
    } else if (cp < 0x800) {
        *out++ = char(0xC0 | (cp >> 6));
        *out++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = char(0xE0 | (cp >> 12));
        *out++ = char(0x80 | ((cp >> 6) & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    } else {
        *out++ = char(0xF0 | (cp >> 18));
        *out++ = char(0x80 | ((cp >> 12) & 0x3F));
        *out++ = char(0x80 | ((cp >> 6) & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    }
    return out;
}

bool startsWith(const char *head, std::size_t size, const char *bom, std::size_t length)
{
    return size >= length && std::memcmp(head, bom, length) == 0;
}

} // namespace

QString encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QCoreApplication::translate("tp::csv", "UTF-8 with BOM");
    case Encoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Encoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return {};
}

std::optional<Encoding> encodingFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    if (k == QLatin1String("utf8"))
        return Encoding::Utf8;
    if (k == QLatin1String("windows1252") || k == QLatin1String("cp1252")
        || k == QLatin1String("latin1") || k == QLatin1String("iso88591"))
        return Encoding::Windows1252;
    if (k == QLatin1String("utf16le"))
        return Encoding::Utf16LE;
    if (k == QLatin1String("utf16be"))
        return Encoding::Utf16BE;
    return std::nullopt;
}

int bomLength(Encoding encoding, const char *head, std::size_t size)
{
    switch (encoding) {
    case Encoding::Utf8:
    case Encoding::Utf8Bom:
        return startsWith(head, size, "\xEF\xBB\xBF", 3) ? 3 : 0;
    case Encoding::Utf16LE:
        return startsWith(head, size, "\xFF\xFE", 2) ? 2 : 0;
    case Encoding::Utf16BE:
        return startsWith(head, size, "\xFE\xFF", 2) ? 2 : 0;
    case Encoding::Windows1252:
        return 0;
    }
    return 0;
}

EncodingGuess guessEncoding(const char *head, std::size_t size)
{
    for (const Encoding e : { Encoding::Utf8Bom, Encoding::Utf16LE, Encoding::Utf16BE }) {
        if (const int length = bomLength(e, head, size))
            return { e, length };
    }
    // Text in UTF-16 without BOM: CSV is mostly ASCII (digits, quotes, delimiters, Latin
    // names), a zero byte next to a non-zero one in every code unit. Sparse NULs in 8-bit text,
    // or a run of NUL padding, do not make this pattern.
    const std::size_t pairs = size / 2;
    std::size_t little = 0; // pairs like "a\0"
    std::size_t big = 0; // pairs like "\0a"
    for (std::size_t i = 0; i < pairs; ++i) {
        const bool evenZero = head[2 * i] == 0;
        const bool oddZero = head[2 * i + 1] == 0;
        little += !evenZero && oddZero;
        big += evenZero && !oddZero;
    }
    const auto dominant = [pairs](std::size_t these, std::size_t others) {
        return these >= 2 && these * 10 >= pairs * 3 && others * 10 <= these;
    };
    if (dominant(little, big))
        return { Encoding::Utf16LE, 0 };
    if (dominant(big, little))
        return { Encoding::Utf16BE, 0 };
    return { Encoding::Utf8, 0 };
}

bool Utf8Validator::feed(const char *data, std::size_t size)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(data);
    const auto *const end = p + size;
    while (m_valid && p < end) {
        if (m_need == 0) {
            // Skip ASCII sixteen bytes at a time, up to the next non-ASCII byte: most CSV text
            // is ASCII, with an accented name here and there.
            while (end - p >= 16) {
                std::uint64_t a;
                std::uint64_t b;
                std::memcpy(&a, p, 8);
                std::memcpy(&b, p + 8, 8);
                m_sawNul = m_sawNul || hasZeroByte(a) || hasZeroByte(b);
                if (const std::uint64_t high = a & highBits) {
                    p += firstByte(high);
                    break;
                }
                if (const std::uint64_t high = b & highBits) {
                    p += 8 + firstByte(high);
                    break;
                }
                p += 16;
            }
            if (p == end)
                break;
        }
        const std::uint8_t c = *p++;
        if (m_need > 0) {
            if (c < m_lower || c > m_upper) {
                m_valid = false;
                break;
            }
            m_lower = 0x80;
            m_upper = 0xBF;
            --m_need;
        } else if (c < 0x80) {
            m_sawNul = m_sawNul || c == 0;
        } else {
            const int need = utf8Lead(c, m_lower, m_upper);
            if (need < 0) {
                m_valid = false;
                break;
            }
            m_need = std::uint8_t(need);
        }
    }
    return m_valid;
}

std::size_t dropNuls(char *data, std::size_t size)
{
    char *const end = data + size;
    char *out = static_cast<char *>(std::memchr(data, 0, size));
    if (!out)
        return size;
    for (const char *in = out; in < end; ++in) {
        if (*in != 0)
            *out++ = *in;
    }
    return std::size_t(out - data);
}

Decoder::Decoder(Source source) : m_source(source) { }

void Decoder::reset()
{
    *this = Decoder(m_source);
}

std::size_t Decoder::decode(const char *data, std::size_t size, char *out)
{
    const auto *in = reinterpret_cast<const std::uint8_t *>(data);
    switch (m_source) {
    case Source::Utf8:
        return decodeUtf8(in, in + size, out);
    case Source::Utf16LE:
    case Source::Utf16BE:
        return decodeUtf16(in, in + size, out);
    case Source::Windows1252:
        return windows1252ToUtf8(data, size, out);
    }
    return 0;
}

std::size_t Decoder::finish(char *out)
{
    char *o = out;
    if (m_need > 0 || m_haveByte || m_highSurrogate != 0)
        o = putReplacement(o);
    reset();
    return std::size_t(o - out);
}

std::size_t Decoder::decodeUtf8(const std::uint8_t *in, const std::uint8_t *end, char *out)
{
    char *o = out;
    while (in < end) {
        const std::uint8_t c = *in;
        if (m_need > 0) {
            if (c < m_lower || c > m_upper) {
                // The sequence so far is invalid; `c` starts afresh.
                o = putReplacement(o);
                m_need = 0;
                m_pendingLength = 0;
                continue;
            }
            ++in;
            m_pending[m_pendingLength++] = c;
            m_lower = 0x80;
            m_upper = 0xBF;
            if (--m_need == 0) {
                std::memcpy(o, m_pending, m_pendingLength);
                o += m_pendingLength;
                m_pendingLength = 0;
            }
            continue;
        }
        ++in;
        if (c < 0x80) {
            if (c != 0)
                *o++ = char(c);
            continue;
        }
        const int need = utf8Lead(c, m_lower, m_upper);
        if (need < 0) {
            o = putReplacement(o);
            continue;
        }
        m_need = std::uint8_t(need);
        m_pending[0] = c;
        m_pendingLength = 1;
    }
    return std::size_t(o - out);
}

std::size_t Decoder::decodeUtf16(const std::uint8_t *in, const std::uint8_t *end, char *out)
{
    const bool little = m_source == Source::Utf16LE;
    char *o = out;
    for (;;) {
        if (std::endian::native == std::endian::little && !m_haveByte && m_highSurrogate == 0) {
            // Four ASCII code units at a time.
            const std::uint64_t notAscii = little ? 0xFF80FF80FF80FF80ULL : 0x80FF80FF80FF80FFULL;
            const int low = little ? 0 : 1;
            while (end - in >= 8) {
                std::uint64_t v;
                std::memcpy(&v, in, 8);
                if ((v & notAscii) != 0)
                    break;
                o[0] = char(in[low]);
                o[1] = char(in[low + 2]);
                o[2] = char(in[low + 4]);
                o[3] = char(in[low + 6]);
                if (!o[0] || !o[1] || !o[2] || !o[3])
                    break; // a NUL to drop: the slow path does it
                o += 4;
                in += 8;
            }
        }
        std::uint8_t first;
        std::uint8_t second;
        if (m_haveByte) {
            if (in == end)
                break;
            first = m_byte;
            second = *in++;
            m_haveByte = false;
        } else if (end - in >= 2) {
            first = in[0];
            second = in[1];
            in += 2;
        } else {
            if (in < end) {
                m_byte = *in++;
                m_haveByte = true;
            }
            break;
        }
        const auto unit = char16_t(little ? (first | (second << 8)) : ((first << 8) | second));
        const bool high = unit >= 0xD800 && unit <= 0xDBFF;
        const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
        if (m_highSurrogate != 0) {
            if (low) {
                o = putCodePoint(o,
                                 0x10000 + ((char32_t(m_highSurrogate) - 0xD800) << 10)
                                         + (unit - 0xDC00));
                m_highSurrogate = 0;
                continue;
            }
            o = putReplacement(o);
            m_highSurrogate = 0;
        }
        if (high)
            m_highSurrogate = unit;
        else if (low)
            o = putReplacement(o);
        else
            o = putCodePoint(o, unit);
    }
    return std::size_t(o - out);
}

} // namespace tp::csv
