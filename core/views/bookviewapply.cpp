// BookView::apply: a change record, written to the book by core (BookEditor), brought into the
// loaded view without reading the book again. Whatever the loader (storage/bookviewloader.cpp)
// fills, an edit must keep equal to what a fresh load gives; tests/core/test_editoracle.cpp
// checks it for every kind of edit, its undo and its redo.
#include "bookview.h"

#include "domain/dates.h"

#include <algorithm>

namespace tp {

void BookView::contributeToAccount(int row, int sign)
{
    const auto r = std::size_t(row);
    const int account = opportunities.account[r];
    if (account < 0 || opportunities.status[r] != std::uint8_t(Status::Open))
        return;
    accounts.openCount[std::size_t(account)] += sign;
    const std::uint8_t currency = opportunities.currency[r];
    if (currency < opportunities.currencies.size()
        && opportunities.currencies.at(currency) == settings.currency)
        accounts.openAmount[std::size_t(account)] += sign * opportunities.amount[r];
}

void BookView::applyOpportunity(const Opportunity &row, int pushDelta)
{
    const int r = opportunities.indexOf(row.id);
    if (r < 0)
        return;
    auto &o = opportunities;
    const auto i = std::size_t(r);
    // The account's open totals follow amount and status: take the row's share out and put it
    // back rather than summing a million rows again (recomputeAccountTotals gives the same).
    contributeToAccount(r, -1);
    o.owner[i] = row.ownerId ? repIndex(*row.ownerId) : -1;
    o.amount[i] = row.amount;
    o.stage[i] = std::uint8_t(row.stage);
    o.status[i] = std::uint8_t(row.status);
    o.override[i] = std::int16_t(row.probabilityOverride ? *row.probabilityOverride : -1);
    o.closeDate[i] = std::int32_t(dateToDay(row.closeDate));
    o.closedDate[i] = std::int32_t(dateToDay(row.closedDate));
    o.stageEntered[i] = std::int32_t(dateToDay(row.stageEntered));
    o.closedStage[i] = std::uint8_t(row.closedStage ? int(*row.closedStage) : 0);
    o.forecastCategory[i] = std::uint8_t(row.forecastCategory ? int(*row.forecastCategory) + 1 : 0);
    o.forecastCall[i] = std::uint8_t(row.forecastCall ? int(*row.forecastCall) + 1 : 0);
    o.lastActivity[i] = std::int32_t(dateToDay(row.lastActivity));
    // The loader counts at most 255 pushes.
    o.pushes[i] = std::uint8_t(std::clamp(int(o.pushes[i]) + pushDelta, 0, 255));
    contributeToAccount(r, +1);
}

void BookView::applyScoringModel(const ScoringModelDelta &delta)
{
    scores = remapScores(scores, std::size_t(accounts.size()), delta.before, delta.after);
    scoring = delta.after;
    // A factor that comes back brings its scores with it.
    for (std::size_t f = 0; f < scoring.factors.size(); ++f) {
        const Id factor = scoring.factors[f].id;
        const bool wasThere =
                std::any_of(delta.before.factors.begin(), delta.before.factors.end(),
                            [&](const EngagementFactor &e) { return e.id == factor; });
        if (wasThere)
            continue;
        for (const FactorRecord &record : delta.factors) {
            if (record.factor.id != factor)
                continue;
            for (const auto &[account, score] : record.scores) {
                const int row = accounts.indexOf(account);
                if (row >= 0)
                    scores.values[std::size_t(row) * std::size_t(scores.factorCount) + f] =
                            std::int8_t(score);
            }
        }
    }
}

void BookView::applyTerritories(const std::vector<RowDelta<Territory>> &deltas)
{
    std::vector<Id> idOf(territories.size());
    for (std::size_t t = 0; t < territories.size(); ++t)
        idOf[t] = territories[t].id;
    for (const RowDelta<Territory> &d : deltas) {
        auto it = std::find_if(territories.begin(), territories.end(),
                               [&d](const TerritoryRow &t) { return t.id == d.id; });
        if (!d.after) {
            if (it != territories.end())
                territories.erase(it);
            continue;
        }
        TerritoryRow row{ d.id, d.after->name, d.after->ownerId ? repIndex(*d.after->ownerId) : -1,
                          d.after->locked };
        if (it != territories.end())
            *it = std::move(row);
        else
            territories.push_back(std::move(row));
    }
    // SQLite's NOCASE folds ASCII letters only.
    const auto folded = [](const QString &name) {
        QString key = name;
        for (QChar &c : key)
            if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                c = QChar(c.unicode() + 32);
        return key;
    };
    std::stable_sort(territories.begin(), territories.end(),
                     [&folded](const TerritoryRow &a, const TerritoryRow &b) {
                         const QString x = folded(a.name), y = folded(b.name);
                         return x != y ? x < y : a.id < b.id;
                     });
    std::vector<int> remap(idOf.size(), -1);
    for (std::size_t old = 0; old < idOf.size(); ++old)
        remap[old] = territoryIndex(idOf[old]);
    for (int &t : accounts.territory)
        if (t >= 0)
            t = remap[std::size_t(t)];
}

void BookView::apply(const BookChange &change)
{
    if (change.settings)
        settings = change.settings->after;
    for (const Delta<RepCapacity> &d : change.capacities) {
        const int rep = repIndex(d.after.rep);
        if (rep >= 0)
            reps[std::size_t(rep)].capacity = d.after.capacity;
    }
    for (const Delta<RepIdentity> &d : change.identities) {
        const int rep = repIndex(d.after.rep);
        if (rep >= 0) {
            reps[std::size_t(rep)].crmUserId = d.after.crmUserId;
            reps[std::size_t(rep)].email = d.after.email;
        }
    }
    for (const Delta<QuotaValue> &d : change.quotas) {
        const int rep = repIndex(d.after.rep);
        if (rep >= 0)
            setQuota(rep, d.after.period, d.after.amount);
    }
    for (const OpportunityDelta &d : change.opportunities)
        applyOpportunity(d.after, d.pushDelta());
    if (!change.territories.empty())
        applyTerritories(change.territories);
    for (const Delta<Account> &d : change.accounts) {
        const int r = accounts.indexOf(d.after.id);
        if (r < 0)
            continue;
        const auto i = std::size_t(r);
        accounts.owner[i] = d.after.ownerId ? repIndex(*d.after.ownerId) : -1;
        accounts.potential[i] = d.after.potential ? *d.after.potential : -1;
        accounts.territory[i] = d.after.territoryId ? territoryIndex(*d.after.territoryId) : -1;
        accounts.lock[i] = std::int8_t(d.after.lock ? (*d.after.lock ? 1 : 0) : -1);
    }
    if (change.scoringModel)
        applyScoringModel(*change.scoringModel);
    for (const Delta<WeightValue> &d : change.weights) {
        for (WeightProfile &p : scoring.profiles) {
            if (p.id != d.after.profile)
                continue;
            for (std::size_t f = 0; f < scoring.factors.size(); ++f)
                if (scoring.factors[f].id == d.after.factor)
                    p.weights[f] = d.after.weight;
        }
    }
    for (const Delta<ScoreEdit> &d : change.scores) {
        const int row = accounts.indexOf(d.after.account);
        if (row < 0)
            continue;
        for (std::size_t f = 0; f < scoring.factors.size(); ++f)
            if (scoring.factors[f].id == d.after.factor)
                scores.values[std::size_t(row) * std::size_t(scores.factorCount) + f] =
                        std::int8_t(d.after.score.value_or(-1));
    }
    // Scoring notes and funnel assumptions are not part of the view: they are read from the
    // book where they are shown (BookReader).
}

} // namespace tp
