#include "settings.h"

#include "domain/errors.h"

#include <QCoreApplication>

#include <algorithm>
#include <stdexcept>

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
    s.stall.idleAtRiskDays =
            integer(QStringLiteral("stalled.idle_at_risk_days"), s.stall.idleAtRiskDays);
    s.stall.idleStalledDays =
            integer(QStringLiteral("stalled.idle_stalled_days"), s.stall.idleStalledDays);
    s.stall.pushesAtRisk = integer(QStringLiteral("stalled.pushes_at_risk"), s.stall.pushesAtRisk);
    s.stall.agedCycleMultiple =
            real(QStringLiteral("stalled.aged_cycle_multiple"), s.stall.agedCycleMultiple);
    s.funnel.weeks = integer(QStringLiteral("funnel.weeks"), s.funnel.weeks);
    s.funnel.winRate = real(QStringLiteral("funnel.default_win_rate"), s.funnel.winRate);
    s.funnel.meetingToOpportunity = real(QStringLiteral("funnel.default_meeting_to_opportunity"),
                                         s.funnel.meetingToOpportunity);
    s.funnel.activityToMeeting =
            real(QStringLiteral("funnel.default_activity_to_meeting"), s.funnel.activityToMeeting);
    s.funnel.minClosedDeals =
            integer(QStringLiteral("funnel.min_closed_deals"), int(s.funnel.minClosedDeals));
    s.funnel.minMeetings =
            integer(QStringLiteral("funnel.min_meetings"), int(s.funnel.minMeetings));
    s.funnel.minActivities =
            integer(QStringLiteral("funnel.min_activities"), int(s.funnel.minActivities));
    s.attainmentBar = real(QStringLiteral("metrics.attainment_bar"), s.attainmentBar);
    s.spreadBar = real(QStringLiteral("metrics.spread_bar"), s.spreadBar);
    s.roi.likelihoodThreshold =
            real(QStringLiteral("roi.likelihood_threshold"), s.roi.likelihoodThreshold);
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

void SettingsRepository::saveStallRules(const StallRules &rules,
                                        const std::array<int, 4> &stageLimitDays)
{
    const bool daysValid = rules.idleAtRiskDays >= 0 && rules.idleStalledDays >= 0
            && rules.pushesAtRisk >= 1
            && std::all_of(stageLimitDays.begin(), stageLimitDays.end(),
                           [](int d) { return d >= 0; });
    if (!daysValid || !(rules.agedCycleMultiple > 0))
        throw InputError(QCoreApplication::translate(
                "tp::SettingsRepository",
                "Day counts must not be negative, pushes must be at least 1 and the cycle "
                "multiple must be above 0."));
    sql::Transaction tx(m_db);
    setValue(QStringLiteral("stalled.idle_at_risk_days"), QString::number(rules.idleAtRiskDays));
    setValue(QStringLiteral("stalled.idle_stalled_days"), QString::number(rules.idleStalledDays));
    setValue(QStringLiteral("stalled.pushes_at_risk"), QString::number(rules.pushesAtRisk));
    setValue(QStringLiteral("stalled.aged_cycle_multiple"),
             QString::number(rules.agedCycleMultiple, 'g', 10));
    auto st = m_db.prepare("UPDATE stages SET limit_days = ? WHERE id = ?");
    for (std::size_t i = 0; i < stageLimitDays.size(); ++i) {
        st.bind(1, stageLimitDays[i]).bind(2, qint64(i + 1)).run();
    }
    tx.commit();
}

void SettingsRepository::save(const BookSettings &before, const BookSettings &after)
{
    sql::Transaction tx(m_db);
    if (after.stall != before.stall || after.stageLimitDays != before.stageLimitDays)
        saveStallRules(after.stall, after.stageLimitDays);
    if (after.roi.likelihoodThreshold != before.roi.likelihoodThreshold)
        setValue(QStringLiteral("roi.likelihood_threshold"),
                 QString::number(after.roi.likelihoodThreshold, 'g', 10));
    if (after.roi.potentialThreshold != before.roi.potentialThreshold)
        setValue(QStringLiteral("roi.potential_threshold"),
                 after.roi.potentialThreshold ? minorToDecimal(*after.roi.potentialThreshold)
                                              : QStringLiteral(""));
    BookSettings rest = after;
    rest.stall = before.stall;
    rest.stageLimitDays = before.stageLimitDays;
    rest.roi.likelihoodThreshold = before.roi.likelihoodThreshold;
    rest.roi.potentialThreshold = before.roi.potentialThreshold;
    if (!(rest == before))
        throw std::logic_error("SettingsRepository::save: a setting the app does not edit changed");
    tx.commit();
}

} // namespace tp
