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
    // Each rep's plan on the rep's own deals once, whatever number of territories the rep has.
    std::vector<std::optional<RepPlan>> byRep(view.reps.size());
    std::vector<bool> done(view.reps.size(), false);
    m_entries.resize(layout.entries.size());
    for (std::size_t t = 0; t < layout.entries.size(); ++t) {
        const int rep = layout.entries[t].rep;
        if (rep < 0)
            continue;
        if (!done[std::size_t(rep)]) {
            done[std::size_t(rep)] = true;
            const health::HealthReport report =
                    health::evaluate(view, { rep, -1 }, asOf, period, &context);
            const RepActivity activity = read(rep, report.metrics.windowStart);
            RepPlan p;
            p.plan = funnel::plan(report,
                                  funnel::historyOf(report, activity.meetings, activity.activities),
                                  activity.assumptions, view.settings.funnel);
            p.pace = double(activity.activities) * 7.0
                    / double(std::max(report.metrics.windowDays, 1));
            byRep[std::size_t(rep)] = std::move(p);
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
        const funnel::Plan &plan = m_entries[t]->plan;
        c.pace = m_entries[t]->pace;
        c.hasQuota = plan.hasTarget;
        if (!plan.hasTarget) {
            c.missing = tr("The rep has no quota for the period.");
            continue;
        }
        c.needed = std::max<Minor>(plan.remaining - expected[t], 0);
        const funnel::Chain weekly =
                funnel::perWeek(funnel::chain(c.needed, plan.rates), std::max(plan.weeksLeft, 1));
        c.activitiesPerWeek = weekly.activities;
        if (!c.activitiesPerWeek)
            c.missing = funnel::Explain::missing(plan.rates);
    }
    return checks;
}

} // namespace tp::territories
