// Territory rebalancing at scale (issue 19's budgets: a proposal within 2 s, a greenfield
// assignment of 100,000 accounts into 50 territories within ±5% in 5 s), on a synthetic book
// shaped like the large demo book given 50 territories: 100,000 accounts with log-normal values
// (potential-like), 200 regions of Zipf-like sizes, territories drawn as runs of whole regions
// whose sizes drifted ±25% from even, 5% of the accounts since moved anywhere, 30% locked (with
// open opportunities), a few unlocked accounts with active ones and capacities with 10%
// headroom. build/default/bench/tp_bench_rebalance (docs/PERFORMANCE.md).
#include "analytics/rebalance.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

namespace {

using namespace tp::rebalance;

constexpr int accountCount = 100'000;
constexpr int territoryCount = 50;
constexpr int regionCount = 200;

struct Book
{
    std::vector<Account> accounts;
    std::vector<Territory> territories;
};

Book makeBook()
{
    std::mt19937 rng(19);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::lognormal_distribution<double> value(9.0, 1.2);
    std::vector<double> regionWeight;
    regionWeight.reserve(regionCount);
    for (int r = 0; r < regionCount; ++r)
        regionWeight.push_back(1.0 / (r + 10));
    std::discrete_distribution<int> region(regionWeight.begin(), regionWeight.end());

    Book book;
    book.accounts.resize(accountCount);
    for (Account &a : book.accounts) {
        a.region = region(rng);
        a.value = std::round(value(rng));
    }
    // Territories as runs of regions: accounts ordered by region, cut into 50 runs whose sizes
    // drifted ±25% from even.
    std::vector<int> order(accountCount);
    for (int i = 0; i < accountCount; ++i)
        order[std::size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return book.accounts[std::size_t(x)].region < book.accounts[std::size_t(y)].region;
    });
    std::vector<double> size;
    size.reserve(territoryCount);
    for (int t = 0; t < territoryCount; ++t)
        size.push_back(0.75 + 0.5 * uniform(rng));
    double total = 0;
    for (double s : size)
        total += s;
    std::size_t at = 0;
    for (int t = 0; t < territoryCount; ++t) {
        const auto n = t + 1 == territoryCount
                ? order.size() - at
                : std::size_t(size[std::size_t(t)] / total * accountCount);
        for (std::size_t i = 0; i < n && at < order.size(); ++i)
            book.accounts[std::size_t(order[at++])].territory = t;
    }
    std::vector<int> active(territoryCount, 0);
    for (Account &a : book.accounts) {
        if (uniform(rng) < 0.05)
            a.territory = int(rng() % territoryCount);
        a.locked = uniform(rng) < 0.3;
        if (a.locked || uniform(rng) < 0.02)
            a.active = 1 + int(rng() % 3);
        active[std::size_t(a.territory)] += a.active;
    }
    book.territories.resize(territoryCount);
    for (int t = 0; t < territoryCount; ++t)
        book.territories[std::size_t(t)].capacity = active[std::size_t(t)] * 11 / 10;
    return book;
}

const Book &book()
{
    static const Book b = makeBook();
    return b;
}

void report(benchmark::State &state, const Proposal &p)
{
    state.counters["moves"] = double(p.moves.size());
    state.counters["dev_before"] = p.maxDeviationBefore;
    state.counters["dev_after"] = p.maxDeviationAfter;
    state.counters["within"] = p.withinTolerance;
    state.counters["away_before"] = p.awayFromRegionBefore;
    state.counters["away_after"] = p.awayFromRegionAfter;
}

// The proposal on the chosen metric (here the potential-like value), ±10%.
void BM_Propose(benchmark::State &state)
{
    const Book &b = book();
    for (auto _ : state) {
        const Proposal p = propose(b.accounts, b.territories, {});
        benchmark::DoNotOptimize(p.moves.data());
        report(state, p);
    }
}
BENCHMARK(BM_Propose)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same with a disruption budget of 100 accounts.
void BM_ProposeWithBudget(benchmark::State &state)
{
    const Book &b = book();
    Options options;
    options.maxMoves = 100;
    for (auto _ : state) {
        const Proposal p = propose(b.accounts, b.territories, options);
        benchmark::DoNotOptimize(p.moves.data());
        report(state, p);
    }
}
BENCHMARK(BM_ProposeWithBudget)->Unit(benchmark::kMillisecond)->Iterations(3);

// The accounts metric (m = 1 each): thousands of equal values, ties settled by regions.
void BM_ProposeAccounts(benchmark::State &state)
{
    Book b = book();
    for (Account &a : b.accounts)
        a.value = 1;
    for (auto _ : state) {
        const Proposal p = propose(b.accounts, b.territories, {});
        benchmark::DoNotOptimize(p.moves.data());
        report(state, p);
    }
}
BENCHMARK(BM_ProposeAccounts)->Unit(benchmark::kMillisecond)->Iterations(3);

// Greenfield: the 100,000 accounts, none assigned or locked, into 50 territories within ±5%.
void BM_AssignGreenfield(benchmark::State &state)
{
    Book b = book();
    for (Account &a : b.accounts) {
        a.territory = -1;
        a.locked = false;
        a.active = 0;
    }
    b.territories.assign(territoryCount, Territory{});
    Options options;
    options.tolerance = 0.05;
    for (auto _ : state) {
        const Proposal p = assign(b.accounts, b.territories, options);
        benchmark::DoNotOptimize(p.moves.data());
        report(state, p);
        if (!p.withinTolerance)
            state.SkipWithError("not within ±5%");
    }
}
BENCHMARK(BM_AssignGreenfield)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
