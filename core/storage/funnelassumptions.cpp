#include "funnelassumptions.h"

#include "domain/errors.h"

#include <cmath>

namespace tp {

namespace {

struct Field
{
    const char *name;
    bool perPeriod;
};

constexpr Field target{ "target", true };
constexpr Field dealSize{ "avg_deal_size", false };
constexpr Field winRate{ "win_rate", false };
constexpr Field meetingRate{ "meeting_to_opportunity", false };
constexpr Field activityRate{ "activity_to_meeting", false };

} // namespace

QString FunnelAssumptionRepository::scopeKey(std::optional<Id> rep, std::optional<Id> territory)
{
    QStringList parts;
    if (rep)
        parts.append(QStringLiteral("rep:%1").arg(*rep));
    if (territory)
        parts.append(QStringLiteral("territory:%1").arg(*territory));
    return parts.isEmpty() ? QStringLiteral("team") : parts.join(QLatin1Char(';'));
}

funnel::Assumptions FunnelAssumptionRepository::load(const QString &scope, const QString &period)
{
    funnel::Assumptions a;
    auto st = m_db.prepare("SELECT name, value FROM funnel_assumptions "
                           "WHERE scope = ? AND (period = '' OR period = ?)");
    st.bind(1, scope).bind(2, period);
    while (st.step()) {
        const QString name = st.text(0);
        const double value = st.real(1);
        if (name == QLatin1String(target.name))
            a.target = Minor(std::llround(value));
        else if (name == QLatin1String(dealSize.name))
            a.averageDealSize = Minor(std::llround(value));
        else if (name == QLatin1String(winRate.name))
            a.winRate = value;
        else if (name == QLatin1String(meetingRate.name))
            a.meetingToOpportunity = value;
        else if (name == QLatin1String(activityRate.name))
            a.activityToMeeting = value;
    }
    return a;
}

void FunnelAssumptionRepository::save(const QString &scope, const QString &period,
                                      const funnel::Assumptions &a)
{
    const auto rateOk = [](const std::optional<double> &r, double most) {
        return !r || (*r >= 0.0 && *r <= most);
    };
    if ((a.target && *a.target < 0) || (a.averageDealSize && *a.averageDealSize < 0))
        throw InputError(tr("An amount cannot be negative."));
    if (!rateOk(a.winRate, 1.0) || !rateOk(a.activityToMeeting, 1.0)
        || !rateOk(a.meetingToOpportunity, 10.0))
        throw InputError(tr("A rate lies between 0% and 100% (a meeting may bring up to ten "
                            "opportunities)."));
    // An empty, not a null, text: a null QString binds as NULL.
    const QString everyPeriod = QStringLiteral("");
    const QString thisPeriod = period.isEmpty() ? everyPeriod : period;
    sql::Transaction tx(m_db);
    auto clear = m_db.prepare("DELETE FROM funnel_assumptions "
                              "WHERE scope = ? AND (period = '' OR period = ?)");
    clear.bind(1, scope).bind(2, thisPeriod).run();
    auto insert = m_db.prepare("INSERT INTO funnel_assumptions (scope, name, period, value) "
                               "VALUES (?, ?, ?, ?)");
    const auto put = [&](const Field &field, const std::optional<double> &value) {
        if (!value)
            return;
        insert.bind(1, scope)
                .bind(2, QString::fromLatin1(field.name))
                .bind(3, field.perPeriod ? thisPeriod : everyPeriod)
                .bind(4, *value)
                .run();
    };
    const auto money = [](const std::optional<Minor> &m) {
        return m ? std::optional<double>(double(*m)) : std::nullopt;
    };
    put(target, money(a.target));
    put(dealSize, money(a.averageDealSize));
    put(winRate, a.winRate);
    put(meetingRate, a.meetingToOpportunity);
    put(activityRate, a.activityToMeeting);
    tx.commit();
}

} // namespace tp
