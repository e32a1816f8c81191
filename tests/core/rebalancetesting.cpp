#include "rebalancetesting.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include <gtest/gtest.h>

namespace tp::rebalance::testing {

namespace {

constexpr double epsilon = 1e-9;

bool placed(const Account &a, std::size_t territories)
{
    return a.territory >= 0 && std::size_t(a.territory) < territories;
}

std::vector<double> loadsOf(const std::vector<Account> &accounts, const std::vector<int> &where,
                            std::size_t territories)
{
    std::vector<double> loads(territories, 0.0);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (where[a] >= 0)
            loads[std::size_t(where[a])] += accounts[a].value;
    return loads;
}

double totalOf(const std::vector<double> &loads)
{
    double total = 0;
    for (double l : loads)
        total += l;
    return total;
}

// A uniform double in [0, 1) from the generator's raw output (the same on every platform).
double uniform(std::mt19937 &rng)
{
    return double(rng()) / 4294967296.0;
}

} // namespace

double maxDeviation(const std::vector<double> &loads, const std::vector<Territory> &territories)
{
    const double mean = loads.empty() ? 0.0 : totalOf(loads) / double(loads.size());
    double d = 0;
    if (mean > 0)
        for (std::size_t t = 0; t < loads.size(); ++t)
            if (!territories[t].frozen)
                d = std::max(d, std::abs(loads[t] / mean - 1));
    return d;
}

RandomBook randomBook(std::mt19937 &rng, int count, int territoryCount)
{
    RandomBook book;
    book.territories.resize(std::size_t(territoryCount));
    std::vector<double> weight;
    weight.reserve(std::size_t(territoryCount));
    for (int t = 0; t < territoryCount; ++t)
        weight.push_back(0.4 + 1.2 * uniform(rng));
    std::discrete_distribution<int> territory(weight.begin(), weight.end());
    for (int i = 0; i < count; ++i) {
        Account a;
        // exp of a sum of uniforms: a log-normal-like spread, rounded to cents; 3% are 0.
        const double u = uniform(rng) + uniform(rng) + uniform(rng);
        a.value = uniform(rng) < 0.03 ? 0.0 : std::round(std::exp(3 * u) * 100) / 100;
        a.territory = uniform(rng) < 0.02 ? -1 : territory(rng);
        a.locked = uniform(rng) < 0.3;
        a.region = int(rng() % 15);
        if (a.locked || uniform(rng) < 0.05)
            a.active = 1 + int(rng() % 3);
        book.accounts.push_back(a);
    }
    std::vector<int> active(std::size_t(territoryCount), 0);
    for (const Account &a : book.accounts)
        if (a.territory >= 0)
            active[std::size_t(a.territory)] += a.active;
    for (int t = 0; t < territoryCount; ++t)
        if (rng() % 2)
            book.territories[std::size_t(t)].capacity = active[std::size_t(t)] + int(rng() % 6);
    return book;
}

RandomBook smallBook(std::mt19937 &rng, int count, int territoryCount)
{
    RandomBook book;
    book.territories.resize(std::size_t(territoryCount));
    for (int i = 0; i < count; ++i) {
        Account a;
        a.value = double(1 + rng() % 40);
        a.territory = int(rng() % unsigned(territoryCount));
        a.locked = rng() % 4 == 0;
        a.region = int(rng() % 3);
        if (rng() % 6 == 0)
            a.active = 1 + int(rng() % 2);
        book.accounts.push_back(a);
    }
    if (rng() % 3 == 0)
        book.territories[rng() % unsigned(territoryCount)].capacity = int(rng() % 3);
    return book;
}

Key bruteForce(const std::vector<Account> &accounts, const std::vector<Territory> &territories,
               const Options &options)
{
    const std::size_t count = territories.size();
    std::vector<int> home(accounts.size(), -1);
    std::vector<std::size_t> free;
    for (std::size_t a = 0; a < accounts.size(); ++a) {
        if (!placed(accounts[a], count))
            continue;
        home[a] = accounts[a].territory;
        if (!accounts[a].locked && !territories[std::size_t(home[a])].frozen)
            free.push_back(a);
    }
    // Kept as the accounts are placed, one at a time: the loads, the active opportunities, how
    // many accounts with active ones each territory took, the moves and the value moved.
    std::vector<double> loads = loadsOf(accounts, home, count);
    const double total = totalOf(loads);
    std::vector<int> active(count, 0), tookActive(count, 0);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (home[a] >= 0)
            active[std::size_t(home[a])] += accounts[a].active;
    Key now;
    Key best;
    bool found = false;
    auto leaf = [&] {
        for (std::size_t t = 0; t < count; ++t)
            if (tookActive[t] > 0 && territories[t].capacity >= 0
                && active[t] > territories[t].capacity)
                return;
        if ((options.maxMoves && now.moves > *options.maxMoves)
            || (options.maxMovedShare && now.movedValue > *options.maxMovedShare * total + epsilon))
            return;
        Key key = now;
        key.maxDeviation = maxDeviation(loads, territories);
        key.within = key.maxDeviation <= options.tolerance + epsilon;
        auto better = [&](const Key &x, const Key &y) {
            if (x.within != y.within)
                return x.within;
            if (!x.within && std::abs(x.maxDeviation - y.maxDeviation) > epsilon)
                return x.maxDeviation < y.maxDeviation;
            if (x.moves != y.moves)
                return x.moves < y.moves;
            return x.movedValue < y.movedValue - epsilon;
        };
        if (!found || better(key, best)) {
            best = key;
            found = true;
        }
    };
    // Places account free[i] in territory t (its home: no move), or takes it out again.
    auto place = [&](std::size_t i, std::size_t t, int sign) {
        const Account &a = accounts[free[i]];
        const auto from = std::size_t(home[free[i]]);
        if (t == from)
            return;
        loads[from] -= sign * a.value;
        loads[t] += sign * a.value;
        active[from] -= sign * a.active;
        active[t] += sign * a.active;
        tookActive[t] += sign * (a.active > 0);
        now.moves += sign;
        now.movedValue += sign * a.value;
    };
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
        if (i == free.size()) {
            leaf();
            return;
        }
        for (std::size_t t = 0; t < count; ++t) {
            if (territories[t].frozen)
                continue;
            place(i, t, 1);
            visit(i + 1);
            place(i, t, -1);
        }
    };
    visit(0);
    return best;
}

Greedy plainGreedy(const std::vector<Account> &accounts, const std::vector<Territory> &territories,
                   const Options &options)
{
    const std::size_t count = territories.size();
    std::vector<int> where(accounts.size(), -1);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (placed(accounts[a], count))
            where[a] = accounts[a].territory;
    std::vector<double> loads = loadsOf(accounts, where, count);
    const double total = totalOf(loads);
    const double mean = count ? total / double(count) : 0.0;
    std::vector<int> active(count, 0);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (where[a] >= 0)
            active[std::size_t(where[a])] += accounts[a].active;
    Greedy g;
    double movedValue = 0;
    while (mean > 0 && maxDeviation(loads, territories) > options.tolerance + epsilon
           && (!options.maxMoves || g.moves < *options.maxMoves)) {
        int most = -1, least = -1;
        for (std::size_t t = 0; t < count; ++t) {
            if (territories[t].frozen)
                continue;
            if (most < 0 || loads[t] > loads[std::size_t(most)])
                most = int(t);
            if (least < 0 || loads[t] < loads[std::size_t(least)])
                least = int(t);
        }
        if (most < 0 || most == least)
            break;
        const double pairBefore =
                std::max(loads[std::size_t(most)] - mean, mean - loads[std::size_t(least)]);
        int best = -1;
        double bestMax = 0, bestPair = 0;
        for (std::size_t a = 0; a < accounts.size(); ++a) {
            const Account &x = accounts[a];
            const Territory &to = territories[std::size_t(least)];
            if (where[a] != most || x.territory != most || x.locked || x.value <= 0
                || (x.active > 0 && to.capacity >= 0
                    && active[std::size_t(least)] + x.active > to.capacity)
                || (options.maxMovedShare
                    && movedValue + x.value > *options.maxMovedShare * total + epsilon))
                continue;
            std::vector<double> after = loads;
            after[std::size_t(most)] -= x.value;
            after[std::size_t(least)] += x.value;
            const double largest = maxDeviation(after, territories);
            const double pair = std::max(std::abs(after[std::size_t(most)] - mean),
                                         std::abs(after[std::size_t(least)] - mean));
            if (best < 0 || largest < bestMax - epsilon
                || (largest <= bestMax + epsilon
                    && (pair < bestPair - epsilon
                        || (pair <= bestPair + epsilon
                            && x.value < accounts[std::size_t(best)].value)))) {
                best = int(a);
                bestMax = largest;
                bestPair = pair;
            }
        }
        if (best < 0 || bestPair >= pairBefore - epsilon)
            break;
        where[std::size_t(best)] = least;
        loads[std::size_t(most)] -= accounts[std::size_t(best)].value;
        loads[std::size_t(least)] += accounts[std::size_t(best)].value;
        active[std::size_t(most)] -= accounts[std::size_t(best)].active;
        active[std::size_t(least)] += accounts[std::size_t(best)].active;
        movedValue += accounts[std::size_t(best)].value;
        ++g.moves;
    }
    g.maxDeviation = maxDeviation(loads, territories);
    g.within = g.maxDeviation <= options.tolerance + epsilon;
    return g;
}

void expectValid(const std::vector<Account> &accounts, const std::vector<Territory> &territories,
                 const Options &options, const Proposal &p)
{
    const std::size_t count = territories.size();
    std::vector<int> before(accounts.size(), -1);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (placed(accounts[a], count))
            before[a] = accounts[a].territory;
    std::vector<int> after = before;
    std::set<int> seen;
    double movedValue = 0;
    std::vector<bool> tookActive(count, false);
    for (const Move &m : p.moves) {
        ASSERT_GE(m.account, 0);
        ASSERT_LT(std::size_t(m.account), accounts.size());
        const Account &a = accounts[std::size_t(m.account)];
        EXPECT_TRUE(seen.insert(m.account).second) << "account " << m.account << " moved twice";
        EXPECT_FALSE(a.locked) << "locked account " << m.account << " moved";
        EXPECT_EQ(m.from, before[std::size_t(m.account)]);
        ASSERT_GE(m.to, 0);
        ASSERT_LT(std::size_t(m.to), count);
        EXPECT_NE(m.from, m.to);
        EXPECT_FALSE(territories[std::size_t(m.to)].frozen);
        if (m.from >= 0) {
            EXPECT_FALSE(territories[std::size_t(m.from)].frozen);
        }
        after[std::size_t(m.account)] = m.to;
        movedValue += a.value;
        tookActive[std::size_t(m.to)] = tookActive[std::size_t(m.to)] || a.active > 0;
    }
    const std::vector<double> loadsBefore = loadsOf(accounts, before, count);
    const std::vector<double> loadsAfter = loadsOf(accounts, after, count);
    ASSERT_EQ(p.before.size(), count);
    ASSERT_EQ(p.after.size(), count);
    for (std::size_t t = 0; t < count; ++t) {
        EXPECT_NEAR(p.before[t], loadsBefore[t], 1e-6);
        EXPECT_NEAR(p.after[t], loadsAfter[t], 1e-6);
    }
    std::vector<int> active(count, 0);
    for (std::size_t a = 0; a < accounts.size(); ++a)
        if (after[a] >= 0)
            active[std::size_t(after[a])] += accounts[a].active;
    for (std::size_t t = 0; t < count; ++t)
        if (tookActive[t] && territories[t].capacity >= 0) {
            EXPECT_LE(active[t], territories[t].capacity) << "territory " << t;
        }
    EXPECT_NEAR(p.movedValue, movedValue, 1e-6);
    if (options.maxMoves) {
        EXPECT_LE(int(p.moves.size()), *options.maxMoves);
    }
    if (options.maxMovedShare) {
        EXPECT_LE(movedValue, *options.maxMovedShare * totalOf(loadsBefore) + 1e-6);
    }
    EXPECT_EQ(p.withinTolerance,
              maxDeviation(loadsAfter, territories) <= options.tolerance + epsilon);
}

} // namespace tp::rebalance::testing
