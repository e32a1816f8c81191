#pragma once

// Amounts: money in a CRM export, to integer minor units (cents, tp::Minor).
//
// Accepted (after trimming, see common.h):
//   125000.0   1,234,567.89   1.234.567,89   1 234 567,89   1'234.50   12,34,567.00
//   $1,234   US$1,234   € 1.234,00   1.234,00 €   EUR 1.234,00   1.234,00 EUR   £5   ¥500
//   -1,234.00   +5   −5 (U+2212)   1,234.00-   (1,234.00) = negative
//   1.25E7   4.5e+3   (scientific: the mantissa may have a decimal separator, no grouping)
// Thousands separators: ',' or '.' (whichever is not the decimal separator), the spaces ' ',
// U+00A0, U+202F, U+2009, U+2007, and the apostrophes ' and ’; one kind per value. Groups are
// three digits after a first group of 1 to 3 digits that does not start with 0, or Indian lakh
// grouping with ',' (12,34,567). No grouping after the decimal separator.
// Currency: $ and US$ (USD), € (EUR), £ (GBP), ¥ (JPY) or a three-letter upper-case code, before
// or after the number (one of them); it is reported with the amount, never converted.
// Rounding: to the cent, half away from zero (0.005 → 1, -0.005 → -1), computed on the decimal
// digits (no floating point), so it is exact for any number of digits.
// Range: |amount| ≤ kMaxAmount; larger values are rejected ("too large"), never wrapped: the book
// multiplies amounts by up to 10000 basis points in 64 bits (tp::weighted).
//
// The decimal separator is decided per column, over all its values (AmountColumn). Each value is
// read both ways, dot-decimal and comma-decimal. A value that reads only one way (1,234.56,
// 1.234,56, 125000.0, 1,234,567, 0,5) settles the column. A value that reads both ways with
// different results (1,234 or 1.234: one separator followed by exactly three digits) is ambiguous.
// A column where nothing settles it is reported ambiguous and decided by the caller's choice, or
// else by the rule that a lone separator followed by exactly three digits groups thousands
// (1,234 = 1234, 1.234 = 1234; if an unsettled column holds both 1,234 and 1.234, the more
// frequent one groups thousands and the other reads as decimals). A column where some values read
// only dot-decimal and others only comma-decimal is reported mixed; the majority wins and
// parseAmount rejects the others.

#include "common.h"
#include "domain/money.h"

#include <array>
#include <optional>
#include <vector>

namespace tp::values {

// 9,000,000,000,000.00: × 10000 basis points still fits in 64 bits.
inline constexpr Minor kMaxAmount = 900'000'000'000'000;

enum class DecimalSeparator : std::uint8_t { Dot, Comma };

// A three-letter currency code ("USD"), or none.
struct CurrencyCode
{
    std::array<char, 3> letters{};

    bool isEmpty() const { return letters[0] == 0; }
    std::string_view code() const
    {
        return isEmpty() ? std::string_view() : std::string_view(letters.data(), 3);
    }
    QString toString() const
    {
        return QString::fromLatin1(code().data(), qsizetype(code().size()));
    }
    friend bool operator==(const CurrencyCode &, const CurrencyCode &) = default;
};

struct Amount
{
    Minor minor = 0;
    CurrencyCode currency; // found in the value ("$" → USD), empty when the value has none
};

struct AmountFormat
{
    DecimalSeparator decimal = DecimalSeparator::Dot;
    bool ambiguous = false; // no value settled the separator (see above)
    bool mixed = false; // values settled it both ways; the majority won

    // Over the non-empty values observed:
    qint64 values = 0;
    qint64 dotOnly = 0; // read only as dot-decimal (1,234.56)
    qint64 commaOnly = 0; // read only as comma-decimal (1.234,56)
    qint64 eitherWay = 0; // ambiguous (1,234 or 1.234)
    qint64 rejected = 0; // that parseAmount rejects with this format
    std::string dotExample, commaExample, ambiguousExample, rejectedExample;
    std::vector<CurrencyCode> currencies; // distinct codes found in the values (first 8)
    qint64 withCurrency = 0; // values carrying a currency

    // A sentence for the user when the column is ambiguous or mixed, else empty (translated).
    QString problem() const;
};

class AmountColumn
{
public:
    void observe(std::string_view value);
    // Adds the values another detector observed (after this one's): for chunked scans.
    void merge(const AmountColumn &other);
    // `ifAmbiguous`: the caller's choice (user, preset) for a column that does not settle it.
    AmountFormat decide(std::optional<DecimalSeparator> ifAmbiguous = std::nullopt) const;

private:
    // Values by how they read dot-decimal and comma-decimal: [dot][comma], each 0 invalid,
    // 1 fine, 2 too large.
    qint64 m_buckets[3][3] = {};
    std::string m_examples[3][3];
    qint64 m_ambiguousComma = 0, m_ambiguousDot = 0; // 1,234 / 1.234
    qint64 m_withCurrency = 0;
    std::string m_ambiguousExample;
    std::vector<CurrencyCode> m_currencies;
};

Result<Amount> parseAmount(std::string_view value, DecimalSeparator decimal);
inline Result<Amount> parseAmount(std::string_view value, const AmountFormat &format)
{
    return parseAmount(value, format.decimal);
}

} // namespace tp::values
