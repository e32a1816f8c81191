#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace tp {

// Money is integer minor units (cents) of a currency.
using Minor = std::int64_t;

// Probabilities are basis points: 2500 = 25%. Exact, so weighting never drifts.
using BasisPoints = int;

// amount × probability, rounded half away from zero to the minor unit (docs/METRICS.md).
constexpr Minor weighted(Minor amount, BasisPoints probability)
{
    const std::int64_t product = amount * probability;
    const std::int64_t half = 5000;
    return product >= 0 ? (product + half) / 10000 : -((-product + half) / 10000);
}

// "1234.50" from 123450: plain, locale-free (JSON, CSV).
QString minorToDecimal(Minor amount);
// Parses a plain decimal ("1234.5", "-3", "12.345" rounds half away from zero) to minor units.
std::optional<Minor> decimalToMinor(const QString &text);
// Major units as double, for JSON numbers.
inline double toMajor(Minor amount)
{
    return double(amount) / 100.0;
}

} // namespace tp
