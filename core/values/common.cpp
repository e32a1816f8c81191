#include "common.h"

namespace tp::values {

namespace {

bool startsWith(std::string_view text, std::size_t at, std::string_view what)
{
    return text.size() - at >= what.size() && text.compare(at, what.size(), what) == 0;
}

// The multi-byte whitespace of common.h, in UTF-8.
constexpr std::string_view wideSpaces[] = {
    "\xC2\xA0", // U+00A0 no-break space
    "\xE2\x80\xAF", // U+202F narrow no-break space
    "\xE2\x80\x87", // U+2007 figure space
    "\xE2\x80\x89", // U+2009 thin space
    "\xE3\x80\x80", // U+3000 ideographic space
    "\xEF\xBB\xBF", // U+FEFF byte order mark
};

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

int wideSpaceEndingAt(std::string_view text, std::size_t end)
{
    // Each of them ends in a continuation byte; most text ends in ASCII.
    if (end == 0 || static_cast<unsigned char>(text[end - 1]) < 0x80)
        return 0;
    for (const std::string_view space : wideSpaces) {
        if (end >= space.size() && text.compare(end - space.size(), space.size(), space) == 0)
            return int(space.size());
    }
    return 0;
}

} // namespace

int whitespaceLength(std::string_view text, std::size_t at)
{
    if (at >= text.size())
        return 0;
    if (isAsciiSpace(text[at]))
        return 1;
    if (static_cast<unsigned char>(text[at]) < 0xC2)
        return 0;
    for (const std::string_view space : wideSpaces) {
        if (startsWith(text, at, space))
            return int(space.size());
    }
    return 0;
}

std::string_view withoutFormulaGuard(std::string_view value)
{
    if (value.size() < 2 || value[0] != '\'')
        return value;
    switch (value[1]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n':
    case '\'':
        return value.substr(1);
    default:
        return value;
    }
}

std::string_view trimmed(std::string_view value)
{
    std::size_t begin = 0;
    while (const int n = whitespaceLength(value, begin))
        begin += std::size_t(n);
    std::size_t end = value.size();
    while (end > begin) {
        if (isAsciiSpace(value[end - 1])) {
            --end;
            continue;
        }
        const int n = wideSpaceEndingAt(value, end);
        if (n == 0 || end - std::size_t(n) < begin)
            break;
        end -= std::size_t(n);
    }
    return value.substr(begin, end - begin);
}

QString quoted(std::string_view value)
{
    constexpr std::size_t limit = 60;
    bool cut = false;
    if (value.size() > limit) {
        std::size_t end = limit;
        // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
        while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80)
            --end;
        value = value.substr(0, end);
        cut = true;
    }
    QString text = QString::fromUtf8(value.data(), qsizetype(value.size()));
    return QLatin1Char('"') + text + (cut ? QStringLiteral("\u2026") : QString())
            + QLatin1Char('"');
}

void keepExample(std::string &slot, std::string_view value)
{
    if (!slot.empty() || value.empty())
        return;
    constexpr std::size_t limit = 200;
    if (value.size() > limit) {
        std::size_t end = limit;
        while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80)
            --end;
        value = value.substr(0, end);
    }
    slot.assign(value);
}

} // namespace tp::values
