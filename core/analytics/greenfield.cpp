// assign(): greenfield assignment of the accounts in no territory (rebalance.h).
#include "rebalance.h"

#include "rebalanceengine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tp::rebalance {

using namespace detail;

namespace {

// The first placement: whole regions, then the rest account by account.
class Placement
{
public:
    Placement(std::span<const Account> accounts, std::span<const Territory> territories)
        : m_accounts(accounts),
          m_territories(territories),
          m_count(int(territories.size())),
          m_regions(denseRegions(accounts))
    {
        const std::size_t n = accounts.size();
        where.assign(n, -1);
        m_room.assign(std::size_t(m_count), 0.0);
        m_active.assign(std::size_t(m_count), 0);
        m_accountsIn.assign(std::size_t(m_count), 0);
        m_members.resize(std::size_t(m_regions.count));
        double total = 0;
        for (std::size_t a = 0; a < n; ++a) {
            const Account &account = accounts[a];
            if (account.territory >= 0 && account.territory < m_count) {
                where[a] = account.territory;
                m_room[std::size_t(account.territory)] -= account.value;
                m_active[std::size_t(account.territory)] += account.active;
                ++m_accountsIn[std::size_t(account.territory)];
                total += account.value;
            } else if (!account.locked) {
                total += account.value;
                const int r = m_regions.ofAccount[a];
                (r >= 0 ? m_members[std::size_t(r)] : m_loose).push_back(int(a));
            }
        }
        const double mean = m_count ? total / m_count : 0.0;
        for (int t = 0; t < m_count; ++t)
            m_room[std::size_t(t)] = territories[std::size_t(t)].frozen
                    ? -std::numeric_limits<double>::infinity()
                    : m_room[std::size_t(t)] + mean;
        // The territory already holding most of each region.
        m_held.assign(std::size_t(m_regions.count) * std::size_t(m_count), 0);
        for (std::size_t a = 0; a < n; ++a)
            if (m_regions.ofAccount[a] >= 0 && where[a] >= 0)
                ++held(m_regions.ofAccount[a], where[a]);
    }

    std::vector<int> where;
    std::vector<int> unassigned;

    void run()
    {
        std::vector<int> order(std::size_t(m_regions.count));
        std::vector<double> value(order.size(), 0.0);
        std::vector<qint64> active(order.size(), 0);
        for (int r = 0; r < m_regions.count; ++r) {
            order[std::size_t(r)] = r;
            for (int a : m_members[std::size_t(r)]) {
                value[std::size_t(r)] += m_accounts[std::size_t(a)].value;
                active[std::size_t(r)] += m_accounts[std::size_t(a)].active;
            }
        }
        std::sort(order.begin(), order.end(), [&](int x, int y) {
            return value[std::size_t(x)] > value[std::size_t(y)]
                    || (value[std::size_t(x)] == value[std::size_t(y)] && x < y);
        });
        std::vector<int> deferred;
        for (int r : order) {
            if (m_members[std::size_t(r)].empty())
                continue;
            const int t = wholeRegion(r, value[std::size_t(r)], active[std::size_t(r)]);
            if (t < 0) {
                deferred.push_back(r);
                continue;
            }
            for (int a : m_members[std::size_t(r)])
                place(a, t);
        }
        for (int r : deferred) {
            auto &members = m_members[std::size_t(r)];
            sortLargerFirst(members);
            for (int a : members)
                placeWithRegion(a, r);
        }
        sortLargerFirst(m_loose);
        for (int a : m_loose)
            placeAlone(a);
    }

private:
    int &held(int r, int t)
    {
        return m_held[std::size_t(r) * std::size_t(m_count) + std::size_t(t)];
    }

    bool fits(int t, qint64 active) const
    {
        const Territory &territory = m_territories[std::size_t(t)];
        return !territory.frozen
                && (active <= 0 || territory.capacity < 0
                    || m_active[std::size_t(t)] + active <= territory.capacity);
    }

    void place(int a, int t)
    {
        const Account &account = m_accounts[std::size_t(a)];
        where[std::size_t(a)] = t;
        m_room[std::size_t(t)] -= account.value;
        m_active[std::size_t(t)] += account.active;
        ++m_accountsIn[std::size_t(t)];
        if (m_regions.ofAccount[std::size_t(a)] >= 0)
            ++held(m_regions.ofAccount[std::size_t(a)], t);
    }

    void sortLargerFirst(std::vector<int> &list) const
    {
        std::sort(list.begin(), list.end(), [&](int x, int y) {
            const double vx = m_accounts[std::size_t(x)].value;
            const double vy = m_accounts[std::size_t(y)].value;
            return vx > vy || (vx == vy && x < y);
        });
    }

    // The territory holding most of region r that fits `active`, -1 when none holds any.
    int holder(int r, qint64 active)
    {
        int best = -1;
        for (int t = 0; t < m_count; ++t)
            if (held(r, t) > 0 && fits(t, active) && (best < 0 || held(r, t) > held(r, best)))
                best = t;
        return best;
    }

    // Where region r goes whole: the territory holding most of it if it has the room, else
    // the one it fills best; -1 when it fits nowhere whole.
    int wholeRegion(int r, double value, qint64 active)
    {
        const int h = holder(r, active);
        if (h >= 0 && m_room[std::size_t(h)] >= value)
            return h;
        int best = -1;
        for (int t = 0; t < m_count; ++t)
            if (fits(t, active) && m_room[std::size_t(t)] >= value
                && (best < 0 || m_room[std::size_t(t)] < m_room[std::size_t(best)]))
                best = t;
        return best;
    }

    // The territory with the most room that fits the account (the fewest accounts for an
    // account of value 0, which changes no room), -1 when none.
    int mostRoom(int a)
    {
        const Account &account = m_accounts[std::size_t(a)];
        int best = -1;
        for (int t = 0; t < m_count; ++t) {
            if (!fits(t, account.active))
                continue;
            if (best < 0)
                best = t;
            else if (account.value > 0
                             ? m_room[std::size_t(t)] > m_room[std::size_t(best)]
                             : m_accountsIn[std::size_t(t)] < m_accountsIn[std::size_t(best)])
                best = t;
        }
        return best;
    }

    // To the territory holding most of region r that still has the room (a region split
    // fills one territory after the other), else to the one with the most room.
    void placeWithRegion(int a, int r)
    {
        const Account &account = m_accounts[std::size_t(a)];
        int best = -1;
        for (int t = 0; t < m_count; ++t) {
            if (held(r, t) > 0 && fits(t, account.active)
                && (m_room[std::size_t(t)] >= account.value || account.value <= 0)
                && (best < 0 || held(r, t) > held(r, best)))
                best = t;
        }
        if (best >= 0)
            place(a, best);
        else
            placeAlone(a);
    }

    void placeAlone(int a)
    {
        const int t = mostRoom(a);
        if (t < 0)
            unassigned.push_back(a);
        else
            place(a, t);
    }

    std::span<const Account> m_accounts;
    std::span<const Territory> m_territories;
    int m_count = 0;
    Regions m_regions;
    std::vector<double> m_room; // the mean after assignment, less the load so far
    std::vector<qint64> m_active;
    std::vector<int> m_accountsIn;
    std::vector<std::vector<int>> m_members; // the region's accounts to place
    std::vector<int> m_loose; // the accounts to place without a region
    std::vector<int> m_held; // [region * count + territory]: its accounts there
};

} // namespace

Proposal assign(std::span<const Account> accounts, std::span<const Territory> territories,
                const Options &options, const Progress &progress)
{
    const double tolerance = std::max(0.0, options.tolerance);
    Stopper stop(progress);
    stop.setTotal(3);

    Placement placement(accounts, territories);
    placement.run();
    std::vector<int> where = std::move(placement.where);
    std::vector<int> unassigned = std::move(placement.unassigned);
    stop.step();

    // The fix-up: the placed accounts may move among the territories (the others are fixed)
    // until every territory is within tolerance, regions kept together among equal gains.
    std::vector<Account> placed(accounts.begin(), accounts.end());
    for (std::size_t a = 0; a < placed.size(); ++a) {
        const bool newcomer = !accounts[a].locked
                && (accounts[a].territory < 0 || accounts[a].territory >= int(territories.size()));
        placed[a].territory = where[a];
        placed[a].locked = !newcomer || where[a] < 0;
    }
    Options fixUp;
    fixUp.tolerance = tolerance;
    const State start(placed, territories, fixUp);
    State state = start;
    if (!stop.stopped() && start.territoryCount > 1 && start.mean > 0
        && !reachBand(state, start.band(tolerance), true, repairEffort, stop) && !stop.stopped()) {
        // Out of reach: the smallest band the searches get to.
        const double from = std::max(tolerance, deviationLowerBound(start));
        const double reached = std::max(from, state.maxDeviation());
        if (auto smaller = smallestBand(start, from, reached, true, stop);
            smaller && smaller->maxDeviation() < state.maxDeviation())
            state = std::move(*smaller);
    }
    stop.step();

    Proposal proposal = proposalFrom(accounts, territories, tolerance, state.where);
    std::sort(unassigned.begin(), unassigned.end());
    proposal.unassigned = std::move(unassigned);
    proposal.cancelled = stop.stopped();
    return proposal;
}

} // namespace tp::rebalance
