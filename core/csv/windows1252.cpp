// Windows-1252, the "ANSI" code page Excel writes on Western Windows. Unlike Latin-1 it puts
// printable characters in 0x80-0x9F: the euro sign, curly quotes, dashes, the ellipsis.
#include "encoding.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace tp::csv {

namespace {

struct Utf8Bytes
{
    char bytes[3];
    std::uint8_t length;
};

// 0x80-0x9F. The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the
// C1 controls of the same value, as Windows itself and the WHATWG encoding standard do.
constexpr char16_t high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 98-9F
};

constexpr Utf8Bytes encode(char16_t c)
{
    if (c == 0)
        return { { 0, 0, 0 }, 0 }; // NUL is dropped
    if (c < 0x80)
        return { { char(c), 0, 0 }, 1 };
    if (c < 0x800)
        return { { char(0xC0 | (c >> 6)), char(0x80 | (c & 0x3F)), 0 }, 2 };
    return { { char(0xE0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3F)), char(0x80 | (c & 0x3F)) },
             3 };
}

constexpr std::array<Utf8Bytes, 256> makeTable()
{
    std::array<Utf8Bytes, 256> table{};
    for (int b = 0; b < 256; ++b)
        table[b] = encode(b >= 0x80 && b < 0xA0 ? high[b - 0x80] : char16_t(b));
    return table;
}

constexpr std::array<Utf8Bytes, 256> table = makeTable();

} // namespace

std::size_t windows1252ToUtf8(const char *data, std::size_t size, char *out)
{
    char *o = out;
    std::size_t i = 0;
    for (;;) {
        // Eight ASCII bytes without NUL at a time are copied as they are.
        while (size - i >= 8) {
            std::uint64_t v;
            std::memcpy(&v, data + i, 8);
            const bool nul = ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) != 0;
            if ((v & 0x8080808080808080ULL) != 0 || nul)
                break;
            std::memcpy(o, data + i, 8);
            o += 8;
            i += 8;
        }
        if (i == size)
            break;
        const std::size_t stop = std::min(size, i + 8);
        for (; i < stop; ++i) {
            const Utf8Bytes &u = table[std::uint8_t(data[i])];
            std::memcpy(o, u.bytes, 3);
            o += u.length;
        }
    }
    return std::size_t(o - out);
}

} // namespace tp::csv
