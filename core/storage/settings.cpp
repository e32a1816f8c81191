#include "settings.h"

namespace tp {

QString SettingsRepository::value(const QString &key, const QString &fallback)
{
    auto st = m_db.prepare("SELECT value FROM settings WHERE key = ?");
    st.bind(1, key);
    return st.step() ? st.text(0) : fallback;
}

double SettingsRepository::real(const QString &key, double fallback)
{
    bool ok = false;
    const double v = value(key).toDouble(&ok);
    return ok ? v : fallback;
}

int SettingsRepository::integer(const QString &key, int fallback)
{
    bool ok = false;
    const int v = value(key).toInt(&ok);
    return ok ? v : fallback;
}

void SettingsRepository::setValue(const QString &key, const QString &value)
{
    auto st = m_db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value).run();
}

BookSettings SettingsRepository::load()
{
    BookSettings s;
    s.currency = value(QStringLiteral("currency"), s.currency);
    s.fiscalStartMonth = integer(QStringLiteral("fiscal_year_start_month"), s.fiscalStartMonth);
    s.defaultCapacity = integer(QStringLiteral("rep.default_capacity"), s.defaultCapacity);
    s.metricsWindowDays = integer(QStringLiteral("metrics.window_days"), s.metricsWindowDays);
    s.roi.likelihoodThreshold = real(QStringLiteral("roi.likelihood_threshold"),
                                     s.roi.likelihoodThreshold);
    s.roi.potentialThreshold = decimalToMinor(value(QStringLiteral("roi.potential_threshold")));
    s.roi.floorLikelihood = real(QStringLiteral("roi.floor_likelihood"), s.roi.floorLikelihood);
    s.roi.floorPotential = decimalToMinor(value(QStringLiteral("roi.floor_potential")))
                                   .value_or(s.roi.floorPotential);
    auto st = m_db.prepare("SELECT id, default_probability_bp, limit_days FROM stages");
    while (st.step()) {
        const int id = st.integer(0);
        if (id < 1 || id > 6)
            continue;
        s.stageProbability[std::size_t(id - 1)] = st.integer(1);
        if (id <= 4 && !st.isNull(2))
            s.stageLimitDays[std::size_t(id - 1)] = st.integer(2);
    }
    return s;
}

} // namespace tp
