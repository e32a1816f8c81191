#include "probabilities.h"

#include <QCoreApplication>

#include <algorithm>

namespace tp::values {

using detail::isDigit;

namespace {

constexpr qint64 kOne = 100'000'000; // values are kept in units of 10^-8

struct Number
{
    bool ok = false;
    bool negative = false;
    bool percent = false;
    qint64 e8 = 0; // the value × 10^8, truncated; the whole part saturates at 10^6
};

Number readNumber(std::string_view t)
{
    Number n;
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
        n.negative = t[i] == '-';
        ++i;
    } else if (t.substr(0, 3) == "\xE2\x88\x92") { // U+2212 minus sign
        n.negative = true;
        i += 3;
    }
    qint64 whole = 0;
    int digits = 0;
    for (; i < t.size() && isDigit(t[i]); ++i, ++digits)
        whole = std::min<qint64>(whole * 10 + (t[i] - '0'), 1'000'000);
    qint64 fraction = 0; // in 10^-8
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
        ++i;
        qint64 scale = kOne / 10;
        for (; i < t.size() && isDigit(t[i]); ++i, ++digits) {
            fraction += (t[i] - '0') * scale;
            scale /= 10;
        }
        if (!isDigit(t[i - 1]))
            return n; // "5." or "."
    }
    if (digits == 0)
        return n;
    while (const int w = whitespaceLength(t, i))
        i += std::size_t(w);
    if (i < t.size() && t[i] == '%') {
        n.percent = true;
        ++i;
    }
    n.ok = i == t.size();
    n.e8 = whole * kOne + fraction;
    return n;
}

qint64 roundedDivision(qint64 value, qint64 divisor) // value ≥ 0: half away from zero is half up
{
    return (value + divisor / 2) / divisor;
}

} // namespace

void ProbabilityColumn::observe(std::string_view value)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return;
    ++m_values;
    const Number n = readNumber(t);
    if (!n.ok) {
        ++m_invalid;
        keepExample(m_invalidExample, t);
    } else if (n.negative && n.e8 != 0) {
        ++m_negative;
        keepExample(m_outOfRangeExample, t);
    } else if (n.percent) {
        ++m_percentSign;
        if (n.e8 > 100 * kOne) {
            ++m_percentAbove100;
            keepExample(m_outOfRangeExample, t);
        }
    } else if (n.e8 > kOne) {
        ++m_aboveOne;
        if (n.e8 > 100 * kOne) {
            ++m_plainAbove100;
            keepExample(m_outOfRangeExample, t);
        }
    } else if (n.e8 == kOne) {
        ++m_ones;
    } else if (n.e8 > 0) {
        ++m_between;
    }
}

void ProbabilityColumn::merge(const ProbabilityColumn &other)
{
    m_values += other.m_values;
    m_percentSign += other.m_percentSign;
    m_aboveOne += other.m_aboveOne;
    m_between += other.m_between;
    m_ones += other.m_ones;
    m_invalid += other.m_invalid;
    m_negative += other.m_negative;
    m_percentAbove100 += other.m_percentAbove100;
    m_plainAbove100 += other.m_plainAbove100;
    keepExample(m_invalidExample, other.m_invalidExample);
    keepExample(m_outOfRangeExample, other.m_outOfRangeExample);
}

ProbabilityFormat ProbabilityColumn::decide(std::optional<ProbabilityScale> ifAmbiguous) const
{
    ProbabilityFormat f;
    f.values = m_values;
    f.withPercentSign = m_percentSign;
    f.aboveOne = m_aboveOne;
    f.strictlyBetween = m_between;
    if (m_percentSign > 0 || m_aboveOne > 0) {
        f.scale = ProbabilityScale::Percent;
    } else if (m_between > 0) {
        f.scale = ProbabilityScale::Fraction;
    } else if (m_ones > 0) {
        f.ambiguous = true;
        f.scale = ifAmbiguous.value_or(ProbabilityScale::Percent);
    } else {
        f.scale = ProbabilityScale::Percent; // zeros only: the same either way
    }
    // Values above 1 make the column percent, so only these are out of range.
    f.rejected = m_invalid + m_negative + m_percentAbove100 + m_plainAbove100;
    f.rejectedExample = m_invalidExample.empty() ? m_outOfRangeExample : m_invalidExample;
    return f;
}

QString ProbabilityFormat::problem() const
{
    if (!ambiguous)
        return {};
    return scale == ProbabilityScale::Percent
            ? QCoreApplication::translate("tp::values",
                                          "The probabilities are all 0 or 1, which could be "
                                          "percent or fractions; they are read as percent "
                                          "(1 = 1%).")
            : QCoreApplication::translate("tp::values",
                                          "The probabilities are all 0 or 1, which could be "
                                          "percent or fractions; they are read as fractions "
                                          "(1 = 100%).");
}

Result<BasisPoints> parseProbability(std::string_view value, ProbabilityScale scale)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return Result<BasisPoints>::empty();
    const Number n = readNumber(t);
    if (!n.ok) {
        return Result<BasisPoints>::invalid(
                QCoreApplication::translate("tp::values",
                                            "expected a probability such as 25% or 0.25, found %1")
                        .arg(quoted(t)));
    }
    const bool percent = n.percent || scale == ProbabilityScale::Percent;
    if ((n.negative && n.e8 != 0) || n.e8 > (percent ? 100 * kOne : kOne)) {
        return Result<BasisPoints>::invalid(
                QCoreApplication::translate("tp::values", "the probability %1 is outside 0–100%")
                        .arg(quoted(t)));
    }
    return Result<BasisPoints>::of(
            BasisPoints(roundedDivision(n.e8, percent ? 1'000'000 : 10'000)));
}

} // namespace tp::values
