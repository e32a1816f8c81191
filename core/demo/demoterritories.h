#pragma once

#include <span>

namespace tp::demo {

// The large demo book's team (issue 19's budgets are measured on it): 50 territories, each with
// its own rep, spread over the United States (25, by groups of states, the largest states split
// in two), Canada, Latin America, Europe, the Middle East and Africa, and Asia Pacific, so that
// the territory map is filled. Their sizes drifted from even (each territory's weight, 70 to
// 135 around a mean of about 95), so that a rebalancing proposal has work to do.

// Where an account of a territory is billed, spelled as real exports spell it (codes, native
// and English names mixed, a country left blank now and then); `weight`: how many of the
// territory's accounts are billed there, relative to its other places.
struct LargePlace
{
    const char *state;
    const char *country;
    int weight;
};

struct LargeTerritory
{
    const char *name;
    const char *region; // the accounts' free-text region: "US East", "Europe"...
    int weight; // its share of the accounts, relative to the others
    std::span<const LargePlace> places;
};

// The 50 territories, each owned by the rep of the same index in largeRepNames().
std::span<const LargeTerritory> largeTerritories();

// The 50 reps' names: the small demo book's six first, then 44 more.
std::span<const char *const> largeRepNames();

} // namespace tp::demo
