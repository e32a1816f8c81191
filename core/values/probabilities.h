#pragma once

// Probabilities: a deal's win probability, to basis points (tp::BasisPoints, 2500 = 25%).
//
// Accepted (after trimming, see common.h): 10   10%   10.5%   10,5 %   0.1   .25   +5
// The decimal separator is '.' or ',' (a probability has no thousands); a space or no-break
// space may stand before '%'.
// Scale, decided per column over all values (ProbabilityColumn):
// - a value with '%' is always percent;
// - a column with a '%' anywhere or a value above 1 is percent (25 = 25%);
// - a column whose values all lie in 0..1 with at least one strictly between is fractional
//   (0.25 = 25%);
// - a column of only 0 and 1 (no '%') cannot be told: it is reported ambiguous and read as the
//   caller says, else as percent (the rule above: 1 = 1%);
// - a column of only zeros (or empty) is percent, unambiguously (0 is 0 either way).
// Rounding: to the basis point, half away from zero, exactly (decimal digits). Range: 0..100%;
// anything outside (negative, 150%, 1.5 in a fractional column cannot happen: it makes the
// column percent) is rejected.

#include "common.h"
#include "domain/money.h"

#include <optional>

namespace tp::values {

enum class ProbabilityScale : std::uint8_t { Percent, Fraction };

struct ProbabilityFormat
{
    ProbabilityScale scale = ProbabilityScale::Percent;
    bool ambiguous = false; // only 0 and 1: the caller's choice (or percent) decided

    // Over the non-empty values observed:
    qint64 values = 0;
    qint64 withPercentSign = 0;
    qint64 aboveOne = 0; // without '%' and above 1 (25)
    qint64 strictlyBetween = 0; // without '%' and strictly between 0 and 1 (0.25)
    qint64 rejected = 0; // that parseProbability rejects with this format
    std::string rejectedExample;

    // A sentence for the user when the column is ambiguous, else empty (translated).
    QString problem() const;
};

class ProbabilityColumn
{
public:
    void observe(std::string_view value);
    void merge(const ProbabilityColumn &other);
    ProbabilityFormat decide(std::optional<ProbabilityScale> ifAmbiguous = std::nullopt) const;

private:
    qint64 m_values = 0, m_percentSign = 0, m_aboveOne = 0, m_between = 0, m_ones = 0;
    qint64 m_invalid = 0; // not a number
    qint64 m_negative = 0; // out of range either way
    qint64 m_percentAbove100 = 0; // "150%": out of range either way
    qint64 m_plainAbove100 = 0; // "150": out of range (the column is percent)
    std::string m_invalidExample, m_outOfRangeExample;
};

Result<BasisPoints> parseProbability(std::string_view value, ProbabilityScale scale);
inline Result<BasisPoints> parseProbability(std::string_view value, const ProbabilityFormat &format)
{
    return parseProbability(value, format.scale);
}

} // namespace tp::values
