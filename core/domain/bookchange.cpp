#include "bookchange.h"

#include <algorithm>

namespace tp {

namespace {

template<typename T>
bool anyChanged(const std::vector<T> &deltas)
{
    return std::any_of(deltas.begin(), deltas.end(), [](const T &d) { return d.changed(); });
}

template<typename T>
std::vector<Delta<T>> swapped(const std::vector<Delta<T>> &deltas)
{
    std::vector<Delta<T>> result;
    result.reserve(deltas.size());
    for (const Delta<T> &d : deltas)
        result.push_back(d.swapped());
    return result;
}

// Merges `next`'s deltas into `into`: a row both touch keeps its value before `into` and takes
// its value after `next`; rows only `next` touches are added. `sameRow` says what a row is.
template<typename D, typename SameRow>
void mergeDeltas(std::vector<D> &into, const std::vector<D> &next, SameRow sameRow)
{
    for (const D &n : next) {
        auto it = std::find_if(into.begin(), into.end(),
                               [&](const D &d) { return sameRow(d.after, n.before); });
        if (it == into.end())
            into.push_back(n);
        else
            it->after = n.after;
    }
}

template<typename T>
std::vector<RowDelta<T>> swapped(const std::vector<RowDelta<T>> &deltas)
{
    std::vector<RowDelta<T>> result;
    result.reserve(deltas.size());
    for (const RowDelta<T> &d : deltas)
        result.push_back(d.swapped());
    return result;
}

template<typename T>
void mergeRows(std::vector<RowDelta<T>> &into, const std::vector<RowDelta<T>> &next)
{
    for (const RowDelta<T> &n : next) {
        auto it = std::find_if(into.begin(), into.end(),
                               [&](const RowDelta<T> &d) { return d.id == n.id; });
        if (it == into.end())
            into.push_back(n);
        else
            it->after = n.after;
    }
}

template<typename T, typename Key>
std::vector<Id> idsOf(const std::vector<T> &deltas, Key key)
{
    std::vector<Id> ids;
    ids.reserve(deltas.size());
    for (const T &d : deltas)
        if (d.changed())
            ids.push_back(key(d));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace

int OpportunityDelta::pushDelta() const
{
    const auto pushes = std::count_if(closeDateRows.begin(), closeDateRows.end(),
                                      [](const CloseDateChangeRow &row) {
                                          return row.oldDate.isValid() && row.newDate > row.oldDate;
                                      });
    return int(addsHistory ? pushes : -pushes);
}

bool BookChange::isEmpty() const
{
    return !anyChanged(opportunities) && !anyChanged(accounts) && !anyChanged(capacities)
            && !anyChanged(identities) && !anyChanged(quotas) && !anyChanged(scores)
            && !anyChanged(notes) && !anyChanged(weights) && !(settings && settings->changed())
            && !(scoringModel && scoringModel->changed()) && !anyChanged(funnel)
            && !anyChanged(reviews) && !anyChanged(commitments) && !anyChanged(gateways)
            && !anyChanged(territories) && !anyChanged(snapshotLabels)
            && !anyChanged(snapshotDeletions) && !anyChanged(scenarios);
}

BookChange BookChange::inverse() const
{
    BookChange inverse;
    inverse.text = text;
    inverse.mergeKey = mergeKey;
    inverse.opportunities.reserve(opportunities.size());
    for (const OpportunityDelta &d : opportunities) {
        OpportunityDelta back = d;
        std::swap(back.before, back.after);
        back.addsHistory = !d.addsHistory;
        inverse.opportunities.push_back(std::move(back));
    }
    inverse.accounts = swapped(accounts);
    inverse.capacities = swapped(capacities);
    inverse.identities = swapped(identities);
    inverse.quotas = swapped(quotas);
    // Scores are written in order: going back, the last edit of a score is undone first.
    inverse.scores = swapped(scores);
    std::reverse(inverse.scores.begin(), inverse.scores.end());
    inverse.notes = swapped(notes);
    inverse.weights = swapped(weights);
    if (settings)
        inverse.settings = settings->swapped();
    if (scoringModel) {
        inverse.scoringModel = *scoringModel;
        std::swap(inverse.scoringModel->before, inverse.scoringModel->after);
    }
    inverse.funnel = swapped(funnel);
    inverse.reviews = swapped(reviews);
    inverse.territories = swapped(territories);
    inverse.commitments = swapped(commitments);
    inverse.gateways = swapped(gateways);
    inverse.snapshotLabels = swapped(snapshotLabels);
    inverse.scenarios = swapped(scenarios);
    // Several deletions are taken back in the opposite order: each one's next snapshot is then
    // as it was when it was deleted.
    inverse.snapshotDeletions.reserve(snapshotDeletions.size());
    for (const SnapshotDeletion &d : snapshotDeletions)
        inverse.snapshotDeletions.push_back(d.swapped());
    std::reverse(inverse.snapshotDeletions.begin(), inverse.snapshotDeletions.end());
    inverse.handEdits = handEdits;
    inverse.addsHandEdits = !addsHandEdits;
    return inverse;
}

void BookChange::mergeWith(const BookChange &next)
{
    text = next.text;
    for (const OpportunityDelta &n : next.opportunities) {
        auto it =
                std::find_if(opportunities.begin(), opportunities.end(),
                             [&](const OpportunityDelta &d) { return d.after.id == n.before.id; });
        if (it == opportunities.end() || it->addsHistory != n.addsHistory) {
            opportunities.push_back(n);
            continue;
        }
        it->after = n.after;
        it->stageRows.insert(it->stageRows.end(), n.stageRows.begin(), n.stageRows.end());
        it->closeDateRows.insert(it->closeDateRows.end(), n.closeDateRows.begin(),
                                 n.closeDateRows.end());
    }
    mergeDeltas(accounts, next.accounts,
                [](const Account &a, const Account &b) { return a.id == b.id; });
    mergeDeltas(capacities, next.capacities,
                [](const RepCapacity &a, const RepCapacity &b) { return a.rep == b.rep; });
    mergeDeltas(identities, next.identities,
                [](const RepIdentity &a, const RepIdentity &b) { return a.rep == b.rep; });
    mergeDeltas(quotas, next.quotas, [](const QuotaValue &a, const QuotaValue &b) {
        return a.rep == b.rep && a.period == b.period;
    });
    mergeDeltas(scores, next.scores, [](const ScoreEdit &a, const ScoreEdit &b) {
        return a.account == b.account && a.factor == b.factor;
    });
    mergeDeltas(notes, next.notes,
                [](const ScoringNote &a, const ScoringNote &b) { return a.account == b.account; });
    mergeDeltas(weights, next.weights, [](const WeightValue &a, const WeightValue &b) {
        return a.profile == b.profile && a.factor == b.factor;
    });
    if (next.settings) {
        if (settings)
            settings->after = next.settings->after;
        else
            settings = next.settings;
    }
    if (next.scoringModel) {
        if (scoringModel) {
            scoringModel->after = next.scoringModel->after;
            scoringModel->factors.insert(scoringModel->factors.end(),
                                         next.scoringModel->factors.begin(),
                                         next.scoringModel->factors.end());
            scoringModel->profiles.insert(scoringModel->profiles.end(),
                                          next.scoringModel->profiles.begin(),
                                          next.scoringModel->profiles.end());
        } else {
            scoringModel = next.scoringModel;
        }
    }
    mergeDeltas(funnel, next.funnel,
                [](const FunnelAssumptionsValue &a, const FunnelAssumptionsValue &b) {
                    return a.scope == b.scope && a.period == b.period;
                });
    mergeRows(reviews, next.reviews);
    mergeRows(territories, next.territories);
    mergeRows(commitments, next.commitments);
    mergeRows(scenarios, next.scenarios);
    mergeDeltas(gateways, next.gateways, [](const CriterionTick &a, const CriterionTick &b) {
        return a.opportunity == b.opportunity && a.criterion == b.criterion;
    });
    mergeDeltas(snapshotLabels, next.snapshotLabels,
                [](const SnapshotLabel &a, const SnapshotLabel &b) {
                    return a.snapshot == b.snapshot;
                });
    snapshotDeletions.insert(snapshotDeletions.end(), next.snapshotDeletions.begin(),
                             next.snapshotDeletions.end());
    if (next.addsHandEdits == addsHandEdits)
        handEdits.insert(handEdits.end(), next.handEdits.begin(), next.handEdits.end());
}

ChangeAspects BookChange::aspects() const
{
    ChangeAspects aspects;
    aspects.setFlag(ChangeAspect::Opportunities, anyChanged(opportunities));
    aspects.setFlag(ChangeAspect::Accounts, anyChanged(accounts));
    aspects.setFlag(ChangeAspect::Reps, anyChanged(capacities) || anyChanged(identities));
    aspects.setFlag(ChangeAspect::Quotas, anyChanged(quotas));
    aspects.setFlag(ChangeAspect::Scores, anyChanged(scores));
    aspects.setFlag(ChangeAspect::ScoringNotes, anyChanged(notes));
    aspects.setFlag(ChangeAspect::Weights, anyChanged(weights));
    aspects.setFlag(ChangeAspect::ScoringModel, scoringModel && scoringModel->changed());
    aspects.setFlag(ChangeAspect::Settings, settings && settings->changed());
    aspects.setFlag(ChangeAspect::FunnelAssumptions, anyChanged(funnel));
    aspects.setFlag(ChangeAspect::Reviews, anyChanged(reviews) || anyChanged(commitments));
    aspects.setFlag(ChangeAspect::Territories, anyChanged(territories));
    aspects.setFlag(ChangeAspect::Gateways, anyChanged(gateways));
    aspects.setFlag(ChangeAspect::Snapshots,
                    anyChanged(snapshotLabels) || anyChanged(snapshotDeletions));
    aspects.setFlag(ChangeAspect::Scenarios, anyChanged(scenarios));
    return aspects;
}

OpportunityFields BookChange::opportunityFields() const
{
    OpportunityFields fields;
    for (const OpportunityDelta &d : opportunities) {
        const Opportunity &a = d.before, &b = d.after;
        fields.setFlag(OpportunityField::Owner,
                       fields.testFlag(OpportunityField::Owner) || a.ownerId != b.ownerId);
        fields.setFlag(OpportunityField::Amount,
                       fields.testFlag(OpportunityField::Amount) || a.amount != b.amount
                               || a.currency != b.currency);
        fields.setFlag(OpportunityField::Stage,
                       fields.testFlag(OpportunityField::Stage) || a.stage != b.stage
                               || a.status != b.status || a.closedDate != b.closedDate
                               || a.stageEntered != b.stageEntered || a.closedStage != b.closedStage
                               || !d.stageRows.empty());
        fields.setFlag(OpportunityField::CloseDate,
                       fields.testFlag(OpportunityField::CloseDate) || a.closeDate != b.closeDate
                               || !d.closeDateRows.empty());
        fields.setFlag(OpportunityField::Probability,
                       fields.testFlag(OpportunityField::Probability)
                               || a.probabilityOverride != b.probabilityOverride
                               || a.probability != b.probability);
        fields.setFlag(OpportunityField::NextStep,
                       fields.testFlag(OpportunityField::NextStep) || a.nextStep != b.nextStep
                               || a.nextActivity != b.nextActivity);
        fields.setFlag(OpportunityField::LostReason,
                       fields.testFlag(OpportunityField::LostReason)
                               || a.lostReason != b.lostReason);
        fields.setFlag(OpportunityField::Forecast,
                       fields.testFlag(OpportunityField::Forecast)
                               || a.forecastCategory != b.forecastCategory
                               || a.forecastCall != b.forecastCall
                               || a.forecastCallCrm != b.forecastCallCrm);
    }
    return fields;
}

AccountFields BookChange::accountFields() const
{
    AccountFields fields;
    for (const Delta<Account> &d : accounts) {
        if (d.before.ownerId != d.after.ownerId)
            fields |= AccountField::Owner;
        if (d.before.territoryId != d.after.territoryId)
            fields |= AccountField::Territory;
        if (d.before.potential != d.after.potential)
            fields |= AccountField::Potential;
        if (d.before.lock != d.after.lock)
            fields |= AccountField::Lock;
    }
    return fields;
}

std::vector<Id> BookChange::opportunityIds() const
{
    return idsOf(opportunities, [](const OpportunityDelta &d) { return d.after.id; });
}

std::vector<Id> BookChange::accountIds() const
{
    return idsOf(accounts, [](const Delta<Account> &d) { return d.after.id; });
}

std::vector<Id> BookChange::repIds() const
{
    std::vector<Id> ids =
            idsOf(capacities, [](const Delta<RepCapacity> &d) { return d.after.rep; });
    for (Id id : idsOf(quotas, [](const Delta<QuotaValue> &d) { return d.after.rep; }))
        ids.push_back(id);
    for (Id id : idsOf(identities, [](const Delta<RepIdentity> &d) { return d.after.rep; }))
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace tp
