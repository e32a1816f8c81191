#include "territoryproposal.h"

#include <QHash>

#include <cmath>

namespace tp::territories {

std::vector<int> accountRegions(const BookView &view)
{
    geo::RegionMatcher matcher;
    return accountRegions(view, groupByRegion(view.accounts, matcher));
}

std::vector<int> accountRegions(const BookView &view, const RegionGrouping &grouping)
{
    const AccountColumns &a = view.accounts;
    std::vector<int> regions = grouping.regionOfAccount;
    // Accounts the map cannot place are kept together by their region text.
    const int mapRegions = geo::RegionCatalogue::instance().count();
    for (std::size_t r = 0; r < regions.size(); ++r)
        if (regions[r] < 0 && r < a.region.size() && a.region[r] >= 0)
            regions[r] = mapRegions + a.region[r];
    return regions;
}

std::vector<rebalance::Account> proposalAccounts(const BookView &view, const Layout &layout,
                                                 const Report &report, bool unlockOpen,
                                                 const std::vector<int> &regions)
{
    const AccountColumns &a = view.accounts;
    std::vector<rebalance::Account> accounts(std::size_t(a.size()));
    for (std::size_t r = 0; r < accounts.size(); ++r) {
        rebalance::Account &x = accounts[r];
        x.value = report.accountValue[r];
        x.territory = layout.accountEntry[r];
        x.locked = unlockOpen ? a.lock[r] == 1 : a.isLocked(int(r));
        x.region = regions[r];
        x.active = a.openCount[r];
    }
    return accounts;
}

std::vector<rebalance::Territory> proposalTerritories(const BookView &view, const Layout &layout,
                                                      const Report &report)
{
    std::vector<rebalance::Territory> territories(layout.entries.size());
    for (std::size_t t = 0; t < territories.size(); ++t) {
        territories[t].capacity = report.territories[t].capacity;
        const int row = layout.entries[t].territory;
        territories[t].frozen = row >= 0 && view.territories[std::size_t(row)].locked;
    }
    return territories;
}

Locks countLocks(const BookView &view, std::span<const rebalance::Account> accounts)
{
    Locks locks;
    for (std::size_t r = 0; r < accounts.size(); ++r) {
        if (accounts[r].territory < 0 || !accounts[r].locked)
            continue;
        ++locks.locked;
        locks.byUser += view.accounts.lock[r] == 1 ? 1 : 0;
    }
    return locks;
}

TerritoryProposal propose(const BookView &view, const Layout &layout, const Report &report,
                          const QString &period, const ProposalRequest &request,
                          const MixWeights &weights, const rebalance::Progress &progress)
{
    TerritoryProposal p;
    p.request = request;
    const std::vector<rebalance::Account> accounts =
            proposalAccounts(view, layout, report, request.unlockOpen, accountRegions(view));
    const std::vector<rebalance::Territory> territories = proposalTerritories(view, layout, report);
    rebalance::Options options;
    options.tolerance = request.tolerance;
    options.maxMoves = request.maxMoves;
    options.maxMovedShare = request.maxMovedShare;
    p.locks = countLocks(view, accounts);
    p.plan = rebalance::propose(accounts, territories, options, progress);
    describeMoves(view, layout, report, period, weights, p);
    return p;
}

void describeMoves(const BookView &view, const Layout &layout, const Report &report,
                   const QString &period, const MixWeights &weights, TerritoryProposal &p)
{
    const AccountColumns &a = view.accounts;
    p.accountEntryAfter = layout.accountEntry;
    p.gained.assign(layout.entries.size(), {});
    p.lost.assign(layout.entries.size(), {});
    double moved = 0, total = 0;
    for (std::size_t r = 0; r < p.accountEntryAfter.size(); ++r)
        if (p.accountEntryAfter[r] >= 0)
            total += report.accountValue[r];
    for (const rebalance::Move &m : p.plan.moves) {
        const auto r = std::size_t(m.account);
        p.accountEntryAfter[r] = m.to;
        moved += report.accountValue[r];
        const Carried c{ 1, a.revenuePotential(m.account), report.accountEv[r], a.openAmount[r] };
        const auto add = [](Carried &into, const Carried &x) {
            into.accounts += x.accounts;
            into.potential += x.potential;
            into.ev += x.ev;
            into.openPipeline += x.openPipeline;
        };
        if (m.from >= 0)
            add(p.lost[std::size_t(m.from)], c);
        if (m.to >= 0)
            add(p.gained[std::size_t(m.to)], c);
    }
    p.movedShare = total > 0 ? moved / total : 0.0;
    Layout after = layout;
    after.accountEntry = p.accountEntryAfter;
    after.unassigned = int(std::count(after.accountEntry.begin(), after.accountEntry.end(), -1));
    p.after = evaluate(view, after, report.metric, period, weights);
}

Id destinationId(const BookView &view, const Layout &layout, int entry)
{
    const Layout::Entry &e = layout.entries[std::size_t(entry)];
    return layout.byRep ? view.reps[std::size_t(e.rep)].id
                        : view.territories[std::size_t(e.territory)].id;
}

ScenarioPlacement placeScenario(const BookView &view, const Layout &layout,
                                const Scenario &scenario)
{
    ScenarioPlacement p;
    p.accountEntry = layout.accountEntry;
    QHash<Id, int> entryOf;
    for (std::size_t e = 0; e < layout.entries.size(); ++e)
        if (layout.byRep || layout.entries[e].territory >= 0)
            entryOf.insert(destinationId(view, layout, int(e)), int(e));
    for (const ScenarioMove &m : scenario.moves) {
        const int row = view.accounts.indexOf(m.account);
        const auto entry = entryOf.constFind(m.to);
        if (scenario.toReps != layout.byRep || row < 0 || entry == entryOf.constEnd()) {
            ++p.gone;
            continue;
        }
        if (p.accountEntry[std::size_t(row)] == *entry) {
            ++p.done;
            continue;
        }
        p.accountEntry[std::size_t(row)] = *entry;
        p.pending.emplace_back(row, *entry);
    }
    return p;
}

} // namespace tp::territories
