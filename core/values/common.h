#pragma once

// What every value parser shares: the result type, trimming, and the quoting of a value in a
// message.
//
// Input values are UTF-8 bytes (the CSV reader's output). A value is first trimmed at both ends
// of ASCII whitespace (space, tab, CR, LF, VT, FF), no-break spaces (U+00A0, U+202F, U+2007,
// U+2009, U+3000) and the byte order mark U+FEFF; empty after trimming means "no value"
// (Outcome::Empty), never an error. NUL and other control characters are not whitespace: a
// value holding one is rejected by every parser, as is malformed UTF-8 (the parsers only accept
// the ASCII and UTF-8 sequences they know). Parsing never allocates unless it fails: the reason
// QString is built only for a rejected value.

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace tp::values {

enum class Outcome : std::uint8_t { Empty, Value, Invalid };

template<typename T>
struct Result
{
    Outcome outcome = Outcome::Empty;
    T value{};
    QString error; // only when Invalid: why, for the user (translated)

    bool hasValue() const { return outcome == Outcome::Value; }
    bool isEmpty() const { return outcome == Outcome::Empty; }
    bool isInvalid() const { return outcome == Outcome::Invalid; }

    static Result empty() { return {}; }
    static Result of(T v) { return { Outcome::Value, std::move(v), {} }; }
    static Result invalid(QString why) { return { Outcome::Invalid, T{}, std::move(why) }; }
};

// `value` without the surrounding whitespace described above.
std::string_view trimmed(std::string_view value);

// A cell that a spreadsheet-safe export guarded with a leading apostrophe (CsvWriter: '=SUM(…),
// '-5 %, '@home, ''quoted): the value without that apostrophe, so that the app's own exports
// import back as they were. Other apostrophes stay ("'t Hooft", "O'Brien").
std::string_view withoutFormulaGuard(std::string_view value);

// Byte length of the whitespace character (as trimmed above) starting at `at`, 0 if none.
int whitespaceLength(std::string_view text, std::size_t at);

// `value` for a message, in double quotes, cut at 60 bytes (on a UTF-8 boundary) with "…":
// a rejected value can be a whole broken line.
QString quoted(std::string_view value);

// Keeps the first example of a kind of value, cut at 200 bytes (examples are for messages).
void keepExample(std::string &slot, std::string_view value);

namespace detail {
constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
constexpr bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}
constexpr bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    }
    return true;
}
} // namespace detail

} // namespace tp::values
