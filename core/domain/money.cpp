#include "money.h"

#include <cmath>

namespace tp {

QString minorToDecimal(Minor amount)
{
    const bool negative = amount < 0;
    const std::uint64_t magnitude =
            negative ? std::uint64_t(-(amount + 1)) + 1 : std::uint64_t(amount);
    QString text = QString::number(magnitude / 100) + QLatin1Char('.')
            + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + text : text;
}

std::optional<Minor> decimalToMinor(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (t[0] == QLatin1Char('-') || t[0] == QLatin1Char('+')) {
        negative = t[0] == QLatin1Char('-');
        ++i;
    }
    std::int64_t whole = 0;
    int digits = 0;
    for (; i < t.size() && t[i].isDigit(); ++i, ++digits) {
        if (whole > (INT64_MAX / 1000))
            return std::nullopt;
        whole = whole * 10 + t[i].digitValue();
    }
    std::int64_t fraction = 0;
    int fractionDigits = 0;
    bool roundUp = false;
    if (i < t.size() && t[i] == QLatin1Char('.')) {
        ++i;
        for (; i < t.size() && t[i].isDigit(); ++i) {
            if (fractionDigits < 2) {
                fraction = fraction * 10 + t[i].digitValue();
                ++fractionDigits;
            } else if (fractionDigits == 2) {
                roundUp = t[i].digitValue() >= 5;
                ++fractionDigits;
            }
            ++digits;
        }
    }
    if (i != t.size() || digits == 0)
        return std::nullopt;
    while (fractionDigits < 2) {
        fraction *= 10;
        ++fractionDigits;
    }
    Minor value = whole * 100 + fraction + (roundUp ? 1 : 0);
    return negative ? -value : value;
}

} // namespace tp
