#include "bookview.h"

#include <algorithm>
#include <cmath>

namespace tp {

namespace {

int findSorted(const std::vector<Id> &ids, Id id)
{
    const auto it = std::lower_bound(ids.begin(), ids.end(), id);
    return it != ids.end() && *it == id ? int(it - ids.begin()) : -1;
}

} // namespace

int AccountColumns::indexOf(Id accountId) const
{
    return findSorted(id, accountId);
}

Minor AccountColumns::revenuePotential(int row, bool *derived) const
{
    const Minor set = potential[std::size_t(row)];
    if (derived)
        *derived = set <= 0;
    return set > 0 ? set : openAmount[std::size_t(row)];
}

int OpportunityColumns::indexOf(Id opportunityId) const
{
    return findSorted(id, opportunityId);
}

int BookView::repIndex(Id repId) const
{
    for (std::size_t i = 0; i < reps.size(); ++i) {
        if (reps[i].id == repId)
            return int(i);
    }
    return -1;
}

int BookView::territoryIndex(Id territoryId) const
{
    for (std::size_t i = 0; i < territories.size(); ++i) {
        if (territories[i].id == territoryId)
            return int(i);
    }
    return -1;
}

BasisPoints BookView::probability(int row) const
{
    const auto r = std::size_t(row);
    if (opportunities.override[r] >= 0)
        return opportunities.override[r];
    if (opportunities.probability[r] >= 0)
        return opportunities.probability[r];
    return settings.defaultProbability(Stage(opportunities.stage[r]));
}

Minor BookView::weightedAmount(int row) const
{
    return weighted(opportunities.amount[std::size_t(row)], probability(row));
}

ForecastCategory BookView::forecast(int opportunity) const
{
    const auto r = std::size_t(opportunity);
    const auto &o = opportunities;
    return effectiveForecastCategory(Status(o.status[r]), Stage(o.stage[r]),
                                     forecastCategoryFromInt(int(o.forecastCategory[r]) - 1),
                                     forecastCategoryFromInt(int(o.forecastCall[r]) - 1));
}

std::optional<Minor> BookView::reportingAmount(int row) const
{
    const auto r = std::size_t(row);
    const std::size_t currency = opportunities.currency[r];
    const double rate = currency < rates.size() ? rates[currency] : 0.0;
    if (rate == 1.0)
        return opportunities.amount[r];
    if (rate <= 0.0)
        return std::nullopt;
    // As SQLite's round() in the pipeline query: half away from zero.
    return Minor(std::llround(double(opportunities.amount[r]) * rate));
}

std::optional<Minor> BookView::quota(int rep, const QString &period) const
{
    for (const QuotaRow &q : quotas) {
        if (q.rep == rep && q.period == period)
            return q.amount;
    }
    return std::nullopt;
}

void BookView::setQuota(int rep, const QString &period, std::optional<Minor> amount)
{
    const auto it = std::find_if(quotas.begin(), quotas.end(), [&](const QuotaRow &q) {
        return q.rep == rep && q.period == period;
    });
    if (!amount) {
        if (it != quotas.end())
            quotas.erase(it);
    } else if (it != quotas.end()) {
        it->amount = *amount;
    } else {
        quotas.push_back({ rep, period, *amount });
    }
}

void BookView::setRates(const std::vector<std::pair<QString, double>> &bookRates)
{
    rates.assign(std::size_t(opportunities.currencies.size()), 0.0);
    for (qsizetype i = 0; i < opportunities.currencies.size(); ++i) {
        const QString &code = opportunities.currencies.at(i);
        if (code == settings.currency) {
            rates[std::size_t(i)] = 1.0;
            continue;
        }
        for (const auto &[c, rate] : bookRates) {
            if (c == code)
                rates[std::size_t(i)] = rate;
        }
    }
}

void BookView::recomputeAccountTotals()
{
    const auto n = std::size_t(accounts.size());
    accounts.openAmount.assign(n, 0);
    accounts.openCount.assign(n, 0);
    const int reporting = int(opportunities.currencies.indexOf(settings.currency));
    for (std::size_t i = 0; i < opportunities.id.size(); ++i) {
        const int a = opportunities.account[i];
        if (a < 0 || opportunities.status[i] != std::uint8_t(Status::Open))
            continue;
        accounts.openCount[std::size_t(a)] += 1;
        if (int(opportunities.currency[i]) == reporting)
            accounts.openAmount[std::size_t(a)] += opportunities.amount[i];
    }
}

} // namespace tp
