#include "territoryfunnel.h"

#include "analytics/pipelinehealth.h"

#include <algorithm>

namespace tp::territories {

FunnelChecker::FunnelChecker(const BookView &view, const Layout &layout, const QDate &asOf,
                             const Period &period, const ReadRep &read)
{
    const health::RuleContext context = health::ruleContext(view, asOf);
    // The weighted amount each account's open deals bring to the period, as coverage counts it.
    const health::HealthReport team = health::evaluate(view, {}, asOf, period, &context);
    const auto &o = view.opportunities;
    const qint64 periodEnd = period.end.toJulianDay();
    m_accountExpected.assign(std::size_t(view.accounts.size()), 0);
    for (const int r : team.openRows) {
        const auto row = std::size_t(r);
        if (team.assessments[row].level == health::Level::Stalled || o.closeDate[row] == 0
            || o.closeDate[row] > periodEnd || o.account[row] < 0)
            continue;
        if (const std::optional<Minor> amount = view.reportingAmount(r))
            m_accountExpected[std::size_t(o.account[row])] +=
                    weighted(*amount, view.probability(r));
    }
    // Each rep's figures come from the same pass (a rep's scope is the deals the rep owns), so
    // a book of 50 reps costs one pass over the deals, not 50.
    std::vector<const health::RepFigures *> figuresOf(view.reps.size(), nullptr);
    for (const health::RepFigures &f : team.reps)
        figuresOf[std::size_t(f.rep)] = &f;
    const QDate windowStart = team.metrics.windowStart;
    m_weeksLeft = std::max(funnel::weeksLeft(asOf, period), 1);
    std::vector<std::optional<RepPlan>> byRep(view.reps.size());
    std::vector<bool> done(view.reps.size(), false);
    m_entries.resize(layout.entries.size());
    for (std::size_t t = 0; t < layout.entries.size(); ++t) {
        const int rep = layout.entries[t].rep;
        if (rep < 0)
            continue;
        if (!done[std::size_t(rep)]) {
            done[std::size_t(rep)] = true;
            const RepActivity activity = read(rep, windowStart);
            const health::RepFigures *f = figuresOf[std::size_t(rep)];
            funnel::History history;
            if (f) {
                history.averageDealSize = f->averageDealSize;
                history.won = f->won;
                history.lost = f->lost;
                history.created = f->created;
            }
            history.meetings = activity.meetings;
            history.activities = activity.activities;
            RepPlan p;
            p.rates = funnel::resolveRates(history, activity.assumptions, view.settings.funnel);
            // As funnel::plan() works out the target and what remains of it.
            const std::optional<Minor> quota = view.quota(rep, period.label());
            p.hasTarget = quota.has_value() || activity.assumptions.target.has_value();
            const Minor target = activity.assumptions.target.value_or(quota.value_or(0));
            p.remaining = std::max<Minor>(target - (f ? f->wonInPeriod : 0), 0);
            p.pace = double(activity.activities) * 7.0
                    / double(std::max(team.metrics.windowDays, 1));
            byRep[std::size_t(rep)] = p;
        }
        m_entries[t] = byRep[std::size_t(rep)];
    }
}

std::vector<FunnelCheck> FunnelChecker::checks(const std::vector<int> &accountEntry) const
{
    std::vector<Minor> expected(m_entries.size(), 0);
    for (std::size_t r = 0; r < accountEntry.size() && r < m_accountExpected.size(); ++r)
        if (accountEntry[r] >= 0)
            expected[std::size_t(accountEntry[r])] += m_accountExpected[r];
    std::vector<FunnelCheck> checks(m_entries.size());
    for (std::size_t t = 0; t < m_entries.size(); ++t) {
        FunnelCheck &c = checks[t];
        if (!m_entries[t]) {
            c.missing = tr("The territory has no rep.");
            continue;
        }
        const RepPlan &plan = *m_entries[t];
        c.pace = plan.pace;
        c.hasQuota = plan.hasTarget;
        if (!plan.hasTarget) {
            c.missing = tr("The rep has no quota for the period.");
            continue;
        }
        c.needed = std::max<Minor>(plan.remaining - expected[t], 0);
        const funnel::Chain weekly =
                funnel::perWeek(funnel::chain(c.needed, plan.rates), m_weeksLeft);
        c.activitiesPerWeek = weekly.activities;
        if (!c.activitiesPerWeek)
            c.missing = funnel::Explain::missing(plan.rates);
    }
    return checks;
}

} // namespace tp::territories
