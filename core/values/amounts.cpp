#include "amounts.h"

#include <QCoreApplication>

#include <algorithm>

namespace tp::values {

using detail::isDigit;

namespace {

enum Reading : std::uint8_t { Invalid = 0, Ok = 1, TooLarge = 2 };

struct Read
{
    Reading status = Invalid;
    Minor magnitude = 0;
};

// An amount cut into its parts: sign, currency and the number itself ("1.234,56").
struct Scan
{
    bool ok = false;
    bool negative = false;
    CurrencyCode currency;
    std::string_view body;
};

bool startsWith(std::string_view text, std::size_t at, std::string_view what)
{
    return at <= text.size() && text.size() - at >= what.size()
            && text.compare(at, what.size(), what) == 0;
}

// Length of the currency symbol or code at `at`, 0 if there is none.
int currencyAt(std::string_view s, std::size_t at, CurrencyCode &currency)
{
    struct Symbol
    {
        std::string_view text;
        std::string_view code;
    };
    static constexpr Symbol symbols[] = {
        { "US$", "USD" },      { "$", "USD" }, { "\xE2\x82\xAC", "EUR" }, // €
        { "\xC2\xA3", "GBP" }, // £
        { "\xC2\xA5", "JPY" }, // ¥
    };
    for (const Symbol &symbol : symbols) {
        if (startsWith(s, at, symbol.text)) {
            currency = CurrencyCode{ { symbol.code[0], symbol.code[1], symbol.code[2] } };
            return int(symbol.text.size());
        }
    }
    const auto upper = [&](std::size_t i) { return i < s.size() && s[i] >= 'A' && s[i] <= 'Z'; };
    if (upper(at) && upper(at + 1) && upper(at + 2)
        && !(at + 3 < s.size() && detail::isAsciiLetter(s[at + 3]))) {
        currency = CurrencyCode{ { s[at], s[at + 1], s[at + 2] } };
        return 3;
    }
    return 0;
}

int signAt(std::string_view s, std::size_t at, bool &negative)
{
    if (at < s.size() && (s[at] == '-' || s[at] == '+')) {
        negative = s[at] == '-';
        return 1;
    }
    if (startsWith(s, at, "\xE2\x88\x92")) { // U+2212 minus sign
        negative = true;
        return 3;
    }
    return 0;
}

// Spaces that group digits, and the typographic apostrophe (Swiss 1’234.50).
int spaceGroupLength(std::string_view s, std::size_t at)
{
    if (at < s.size() && s[at] == ' ')
        return 1;
    for (const std::string_view space :
         { std::string_view("\xC2\xA0"), std::string_view("\xE2\x80\xAF"),
           std::string_view("\xE2\x80\x89"), std::string_view("\xE2\x80\x87") }) {
        if (startsWith(s, at, space))
            return int(space.size());
    }
    return 0;
}
constexpr std::string_view rightQuote = "\xE2\x80\x99"; // ’

Scan scan(std::string_view s)
{
    Scan r;
    std::size_t i = 0;
    const auto skipSpaces = [&] {
        while (const int n = whitespaceLength(s, i))
            i += std::size_t(n);
    };
    const auto digitAt = [&](std::size_t j) { return j < s.size() && isDigit(s[j]); };

    bool paren = false, sign = false, currency = false;
    for (;;) { // prefixes in any order: "(", a sign (not inside parentheses), a currency
        bool negative = false;
        int n = 0;
        if (!paren && !sign && i < s.size() && s[i] == '(') {
            paren = true;
            ++i;
        } else if (!sign && !paren && (n = signAt(s, i, negative)) > 0) {
            i += std::size_t(n);
            sign = true;
            r.negative = negative;
        } else if (!currency && (n = currencyAt(s, i, r.currency)) > 0) {
            i += std::size_t(n);
            currency = true;
        } else {
            break;
        }
        skipSpaces();
    }

    const std::size_t start = i;
    if (!(digitAt(i) || (i < s.size() && (s[i] == '.' || s[i] == ',') && digitAt(i + 1))))
        return r;
    while (i < s.size()) {
        const char c = s[i];
        if (isDigit(c)) {
            ++i;
        } else if (c == '.' || c == ',' || c == '\'') {
            if (!digitAt(i + 1))
                break;
            ++i;
        } else if ((c == 'E' || c == 'e') && isDigit(s[i - 1])) {
            std::size_t j = i + 1;
            if (j < s.size() && (s[j] == '+' || s[j] == '-'))
                ++j;
            if (digitAt(j)) {
                i = j;
                while (digitAt(i))
                    ++i;
            }
            break;
        } else if (const int n = startsWith(s, i, rightQuote) ? 3 : spaceGroupLength(s, i);
                   n > 0 && digitAt(i + std::size_t(n))) {
            i += std::size_t(n);
        } else {
            break;
        }
    }
    r.body = s.substr(start, i - start);

    skipSpaces();
    bool closed = false;
    for (;;) {
        if (paren && !closed && i < s.size() && s[i] == ')') {
            closed = true;
            ++i;
        } else if (int n = currency ? 0 : currencyAt(s, i, r.currency); n > 0) {
            i += std::size_t(n);
            currency = true;
        } else if (!sign && !paren && i < s.size() && s[i] == '-') { // SAP's 1,234.00-
            sign = true;
            r.negative = true;
            ++i;
        } else {
            break;
        }
        skipSpaces();
    }
    if (paren)
        r.negative = true;
    r.ok = i == s.size() && paren == closed;
    return r;
}

// Reads the number part with `dec` as the decimal separator: validates the grouping and computes
// the magnitude in cents from the decimal digits, rounding half away from zero.
Read readNumber(std::string_view b, char dec)
{
    const char other = dec == '.' ? ',' : '.';
    // The value is 0.d1d2d3… × 10^pos, d1 the first non-zero digit. Only the first 20
    // significant digits can matter: 19 for the cents and one for rounding.
    constexpr int kept = 21;
    char sig[kept];
    int stored = 0;
    bool nonZero = false;
    qint64 pos = 0;
    qint64 exponent = 0;

    bool sawDecimal = false;
    enum Group : std::uint8_t { NoGroup, OtherSeparator, Space, Apostrophe };
    Group groupKind = NoGroup;
    qint64 groups = 0, firstLen = 0, curLen = 0, intLen = 0;
    bool middleThree = true, middleTwo = true;
    const bool firstIsZero = !b.empty() && b[0] == '0';

    std::size_t i = 0;
    while (i < b.size()) {
        const char c = b[i];
        if (isDigit(c)) {
            if (c != '0' || nonZero) {
                nonZero = true;
                if (stored < kept)
                    sig[stored++] = c;
                if (!sawDecimal)
                    ++pos;
            } else if (sawDecimal) {
                --pos;
            }
            ++curLen;
            ++i;
            continue;
        }
        if (c == dec) {
            if (sawDecimal)
                return {};
            sawDecimal = true;
            intLen = curLen;
            curLen = 0;
            ++i;
            continue;
        }
        if (c == 'E' || c == 'e') {
            if (groups > 0)
                return {};
            ++i;
            bool negative = false;
            if (i < b.size() && (b[i] == '+' || b[i] == '-')) {
                negative = b[i] == '-';
                ++i;
            }
            if (i >= b.size())
                return {};
            for (; i < b.size(); ++i) {
                if (!isDigit(b[i]))
                    return {};
                exponent = std::min<qint64>(exponent * 10 + (b[i] - '0'), 1'000'000);
            }
            if (negative)
                exponent = -exponent;
            break;
        }
        Group kind = NoGroup;
        std::size_t length = 1;
        if (c == other) {
            kind = OtherSeparator;
        } else if (c == '\'') {
            kind = Apostrophe;
        } else if (startsWith(b, i, rightQuote)) {
            kind = Apostrophe;
            length = rightQuote.size();
        } else if (const int n = spaceGroupLength(b, i)) {
            kind = Space;
            length = std::size_t(n);
        }
        if (kind == NoGroup || sawDecimal)
            return {};
        if (groups == 0) {
            groupKind = kind;
            firstLen = curLen;
        } else {
            if (kind != groupKind)
                return {};
            middleThree = middleThree && curLen == 3;
            middleTwo = middleTwo && curLen == 2;
        }
        ++groups;
        curLen = 0;
        i += length;
    }
    if (groups > 0) {
        const qint64 last = sawDecimal ? intLen : curLen;
        const bool western = firstLen >= 1 && firstLen <= 3 && middleThree && last == 3;
        const bool indian = groupKind == OtherSeparator && other == ',' && groups >= 2
                && firstLen >= 1 && firstLen <= 2 && middleTwo && last == 3;
        if (firstIsZero || !(western || indian))
            return {};
    }
    if (sawDecimal && curLen == 0)
        return {};

    if (!nonZero)
        return { Ok, 0 };
    const qint64 centDigits = pos + exponent + 2; // digits of the magnitude in cents
    if (centDigits > 19)
        return { TooLarge, 0 };
    if (centDigits < 0)
        return { Ok, 0 };
    std::uint64_t magnitude = 0; // at most 19 digits: below 10^19 < 2^64
    for (qint64 j = 0; j < centDigits; ++j)
        magnitude = magnitude * 10 + std::uint64_t(j < stored ? sig[j] - '0' : 0);
    if (centDigits < stored && sig[centDigits] >= '5')
        ++magnitude;
    if (magnitude > std::uint64_t(kMaxAmount))
        return { TooLarge, 0 };
    return { Ok, Minor(magnitude) };
}

char separatorChar(DecimalSeparator decimal)
{
    return decimal == DecimalSeparator::Dot ? '.' : ',';
}

QString separatorExample(DecimalSeparator decimal)
{
    return decimal == DecimalSeparator::Dot ? QStringLiteral("1,234.56")
                                            : QStringLiteral("1.234,56");
}

} // namespace

void AmountColumn::observe(std::string_view value)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return;
    const Scan s = scan(t);
    Reading dot = Invalid, comma = Invalid;
    if (s.ok) {
        dot = readNumber(s.body, '.').status;
        comma = readNumber(s.body, ',').status;
        if (!s.currency.isEmpty()) {
            ++m_withCurrency;
            if (m_currencies.size() < 8
                && std::find(m_currencies.begin(), m_currencies.end(), s.currency)
                        == m_currencies.end())
                m_currencies.push_back(s.currency);
        }
        if (dot != Invalid && comma != Invalid) {
            if (s.body.find(',') != std::string_view::npos) {
                ++m_ambiguousComma;
                keepExample(m_ambiguousExample, t);
            } else if (s.body.find('.') != std::string_view::npos) {
                ++m_ambiguousDot;
                keepExample(m_ambiguousExample, t);
            }
        }
    }
    ++m_buckets[dot][comma];
    keepExample(m_examples[dot][comma], t);
}

void AmountColumn::merge(const AmountColumn &other)
{
    for (int d = 0; d < 3; ++d) {
        for (int c = 0; c < 3; ++c) {
            m_buckets[d][c] += other.m_buckets[d][c];
            keepExample(m_examples[d][c], other.m_examples[d][c]);
        }
    }
    m_ambiguousComma += other.m_ambiguousComma;
    m_ambiguousDot += other.m_ambiguousDot;
    m_withCurrency += other.m_withCurrency;
    keepExample(m_ambiguousExample, other.m_ambiguousExample);
    for (const CurrencyCode &code : other.m_currencies) {
        if (m_currencies.size() < 8
            && std::find(m_currencies.begin(), m_currencies.end(), code) == m_currencies.end())
            m_currencies.push_back(code);
    }
}

AmountFormat AmountColumn::decide(std::optional<DecimalSeparator> ifAmbiguous) const
{
    AmountFormat f;
    std::string neitherExample;
    for (int d = 0; d < 3; ++d) {
        for (int c = 0; c < 3; ++c) {
            const qint64 n = m_buckets[d][c];
            f.values += n;
            if (d != Invalid && c == Invalid) {
                f.dotOnly += n;
                keepExample(f.dotExample, m_examples[d][c]);
            } else if (d == Invalid && c != Invalid) {
                f.commaOnly += n;
                keepExample(f.commaExample, m_examples[d][c]);
            } else if (d == Invalid && c == Invalid) {
                keepExample(neitherExample, m_examples[d][c]);
            }
        }
    }
    f.eitherWay = m_ambiguousComma + m_ambiguousDot;
    f.withCurrency = m_withCurrency;
    f.currencies = m_currencies;

    if (f.dotOnly > 0 && f.commaOnly > 0) {
        f.mixed = true;
        f.decimal = f.dotOnly >= f.commaOnly ? DecimalSeparator::Dot : DecimalSeparator::Comma;
    } else if (f.dotOnly > 0) {
        f.decimal = DecimalSeparator::Dot;
    } else if (f.commaOnly > 0) {
        f.decimal = DecimalSeparator::Comma;
    } else if (f.eitherWay > 0) {
        f.ambiguous = true;
        // The rule: a lone separator followed by three digits groups thousands, so a column of
        // 1,234 is dot-decimal and a column of 1.234 comma-decimal.
        f.decimal = ifAmbiguous                      ? *ifAmbiguous
                : m_ambiguousComma >= m_ambiguousDot ? DecimalSeparator::Dot
                                                     : DecimalSeparator::Comma;
    } else {
        f.decimal = ifAmbiguous.value_or(DecimalSeparator::Dot);
    }
    f.ambiguousExample = m_ambiguousExample;

    const bool dot = f.decimal == DecimalSeparator::Dot;
    for (int d = 0; d < 3; ++d) {
        for (int c = 0; c < 3; ++c) {
            if ((dot ? d : c) != Ok) {
                f.rejected += m_buckets[d][c];
                keepExample(f.rejectedExample, m_examples[d][c]);
            }
        }
    }
    if (!neitherExample.empty())
        f.rejectedExample = neitherExample;
    return f;
}

QString AmountFormat::problem() const
{
    const QString separator =
            QLatin1Char('"') + QLatin1Char(separatorChar(decimal)) + QLatin1Char('"');
    if (mixed) {
        return QCoreApplication::translate("tp::values",
                                           "Some amounts use \".\" as the decimal separator (%1, "
                                           "such as %2) and others "
                                           "\",\" (%3, such as %4). They are read with %5 as the "
                                           "decimal separator; the "
                                           "others are rejected.")
                .arg(QString::number(dotOnly), quoted(dotExample), QString::number(commaOnly),
                     quoted(commaExample), separator);
    }
    if (ambiguous) {
        return QCoreApplication::translate(
                       "tp::values",
                       "The decimal separator cannot be told from the amounts: %1 values such as "
                       "%2 "
                       "read either way. They are read with %3 as the decimal separator.")
                .arg(QString::number(eitherWay), quoted(ambiguousExample), separator);
    }
    return {};
}

Result<Amount> parseAmount(std::string_view value, DecimalSeparator decimal)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return Result<Amount>::empty();
    const Scan s = scan(t);
    const Read r = s.ok ? readNumber(s.body, separatorChar(decimal)) : Read{};
    if (r.status == Ok)
        return Result<Amount>::of({ s.negative ? -r.magnitude : r.magnitude, s.currency });
    if (r.status == TooLarge) {
        return Result<Amount>::invalid(
                QCoreApplication::translate(
                        "tp::values", "the amount %1 is too large (more than 9,000,000,000,000)")
                        .arg(quoted(t)));
    }
    return Result<Amount>::invalid(
            QCoreApplication::translate("tp::values", "expected an amount such as %1, found %2")
                    .arg(separatorExample(decimal), quoted(t)));
}

} // namespace tp::values
