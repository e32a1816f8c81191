#include "funnel.h"

#include <algorithm>
#include <cmath>

namespace tp::funnel {

QString rateKey(Rate rate)
{
    switch (rate) {
    case Rate::AverageDealSize:
        return QStringLiteral("avg_deal_size");
    case Rate::WinRate:
        return QStringLiteral("win_rate");
    case Rate::MeetingToOpportunity:
        return QStringLiteral("meeting_to_opportunity");
    case Rate::ActivityToMeeting:
        return QStringLiteral("activity_to_meeting");
    }
    return {};
}

QString sourceKey(Source source)
{
    return source == Source::History ? QStringLiteral("history") : QStringLiteral("assumption");
}

namespace {

RateValue pick(std::optional<double> entered, bool historyEnough, std::optional<double> history,
               std::optional<double> fallback, qint64 basis)
{
    RateValue r;
    r.basis = basis;
    if (entered) {
        r.value = entered;
        r.entered = true;
    } else if (historyEnough && history) {
        r.value = history;
        r.source = Source::History;
    } else {
        r.value = fallback;
    }
    return r;
}

std::optional<double> asDouble(const std::optional<Minor> &m)
{
    return m ? std::optional<double>(double(*m)) : std::nullopt;
}

} // namespace

Rates resolveRates(const History &h, const Assumptions &a, const FunnelSettings &d)
{
    Rates r;
    const qint64 closed = h.won + h.lost;
    r[std::size_t(Rate::AverageDealSize)] = pick(asDouble(a.averageDealSize), h.won >= 1,
                                                 asDouble(h.averageDealSize), std::nullopt, h.won);
    r[std::size_t(Rate::WinRate)] = pick(a.winRate, closed >= d.minClosedDeals,
                                         health::ratio(h.won, closed), d.winRate, closed);
    r[std::size_t(Rate::MeetingToOpportunity)] =
            pick(a.meetingToOpportunity, h.meetings >= d.minMeetings,
                 health::ratio(h.created, h.meetings), d.meetingToOpportunity, h.meetings);
    r[std::size_t(Rate::ActivityToMeeting)] =
            pick(a.activityToMeeting, h.activities >= d.minActivities,
                 health::ratio(h.meetings, h.activities), d.activityToMeeting, h.activities);
    return r;
}

qint64 ceilCount(double a, double b)
{
    const double q = a / b;
    // A billionth off a whole number is the binary fractions' noise, not a part of one.
    const double nearest = std::round(q);
    if (std::abs(q - nearest) <= 1e-9 * std::max(1.0, std::abs(q)))
        return qint64(nearest);
    return qint64(std::ceil(q));
}

Chain chain(Minor amount, const Rates &rates)
{
    Chain c;
    const auto valueOf = [&rates](Rate rate) { return rates[std::size_t(rate)].value; };
    const auto size = valueOf(Rate::AverageDealSize);
    if (!size || *size <= 0)
        return c;
    c.deals = ceilCount(double(std::max<Minor>(amount, 0)), *size);
    const auto step = [&](const std::optional<qint64> &from, Rate rate) -> std::optional<qint64> {
        const auto r = valueOf(rate);
        if (!from || !r || *r <= 0)
            return std::nullopt;
        return ceilCount(double(*from), *r);
    };
    c.opportunities = step(c.deals, Rate::WinRate);
    c.meetings = step(c.opportunities, Rate::MeetingToOpportunity);
    c.activities = step(c.meetings, Rate::ActivityToMeeting);
    return c;
}

Chain perWeek(const Chain &total, int weeks)
{
    const auto week = [weeks](const std::optional<qint64> &n) -> std::optional<qint64> {
        if (!n || weeks <= 0)
            return std::nullopt;
        return (*n + weeks - 1) / weeks;
    };
    return { week(total.deals), week(total.opportunities), week(total.meetings),
             week(total.activities) };
}

History historyOf(const health::HealthReport &report, qint64 meetings, qint64 activities)
{
    History h;
    h.averageDealSize = report.metrics.averageDealSize;
    h.won = report.metrics.won;
    h.lost = report.metrics.lost;
    h.created = report.metrics.created;
    h.meetings = meetings;
    h.activities = activities;
    return h;
}

int daysLeft(const QDate &asOf, const Period &period)
{
    return int(std::max<qint64>(asOf.daysTo(period.end), 0));
}

int weeksLeft(const QDate &asOf, const Period &period)
{
    return (daysLeft(asOf, period) + 6) / 7;
}

Plan plan(const health::HealthReport &report, const History &history,
          const Assumptions &assumptions, const FunnelSettings &settings)
{
    Plan p;
    const health::CoverageFigures &c = report.coverage;
    p.targetEntered = assumptions.target.has_value();
    p.hasTarget = c.hasTarget || p.targetEntered;
    p.target = assumptions.target.value_or(c.target);
    p.weeks = std::max(settings.weeks, 1);
    p.rates = resolveRates(history, assumptions, settings);
    p.total = chain(p.target, p.rates);
    p.weekly = perWeek(p.total, p.weeks);
    p.remaining = std::max<Minor>(p.target - c.won, 0);
    p.expected = c.weighted;
    p.needed = std::max<Minor>(p.remaining - p.expected, 0);
    p.gap = chain(p.needed, p.rates);
    p.daysLeft = daysLeft(report.asOf, report.period);
    p.weeksLeft = weeksLeft(report.asOf, report.period);
    p.gapWeekly = perWeek(p.gap, std::max(p.weeksLeft, 1));
    p.averageCycleDays = report.metrics.averageCycleDays;
    p.cycleOutrunsPeriod = p.averageCycleDays && double(p.daysLeft) < *p.averageCycleDays;
    return p;
}

QString Explain::missing(const Rates &rates)
{
    const RateValue &size = rates[std::size_t(Rate::AverageDealSize)];
    if (!size.value)
        return tr("No deal was won in the window: enter an average deal size to work the funnel "
                  "back.");
    if (*size.value <= 0)
        return tr("The average deal size must be above zero.");
    if (!(rates[std::size_t(Rate::WinRate)].value.value_or(0) > 0))
        return tr("A win rate of 0% turns no opportunity into a deal: enter a rate above zero.");
    if (!(rates[std::size_t(Rate::MeetingToOpportunity)].value.value_or(0) > 0))
        return tr("A meeting-to-opportunity rate of 0% makes no opportunity: enter a rate above "
                  "zero.");
    if (!(rates[std::size_t(Rate::ActivityToMeeting)].value.value_or(0) > 0))
        return tr("An activity-to-meeting rate of 0% books no meeting: enter a rate above zero.");
    return {};
}

} // namespace tp::funnel
