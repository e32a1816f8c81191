#include "importrate.h"

#include <cmath>

namespace tp::ui {

namespace {

constexpr qint64 settleMs = 300; // earlier figures jump about too much to show

} // namespace

void ImportRate::update(qint64 done, qint64 total, qint64 elapsedMs)
{
    m_fraction = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    m_elapsedMs = elapsedMs;
}

std::optional<double> ImportRate::rowsPerSecond() const
{
    if (m_elapsedMs < settleMs || m_fraction <= 0 || m_rows <= 0)
        return std::nullopt;
    return m_fraction * double(m_rows) * 1000.0 / double(m_elapsedMs);
}

std::optional<qint64> ImportRate::secondsLeft() const
{
    if (m_elapsedMs < settleMs || m_fraction <= 0)
        return std::nullopt;
    const double left = double(m_elapsedMs) * (1.0 - m_fraction) / m_fraction / 1000.0;
    return qint64(std::ceil(left));
}

QString ImportRate::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%n second(s)", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QString ImportRate::text(const QLocale &locale) const
{
    const auto rate = rowsPerSecond();
    const auto left = secondsLeft();
    if (!rate || !left)
        return tr("Estimating the time left…");
    return tr("%1 rows/s · about %2 left")
            .arg(locale.toString(qint64(std::llround(*rate))), durationText(*left));
}

} // namespace tp::ui
