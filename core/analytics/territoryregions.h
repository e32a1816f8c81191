#pragma once

#include "analytics/territories.h"
#include "geo/regionmatcher.h"

#include <span>
#include <vector>

namespace tp::territories {

// The territory map (issue 19): where each account is, by its billing state and country
// (geo::RegionMatcher), grouped by region, and each region's figures for a layout. Pure
// functions over a BookView.

// The accounts of a view grouped by the region of the map they are placed in. A view's billing
// places change only when it is loaded again (no edit touches them), so a grouping holds until
// then, whatever moves between territories.
struct RegionGrouping
{
    std::vector<int> regionOfAccount; // per account row: index into geo::RegionCatalogue, -1 none
    std::vector<int> regions; // the regions holding accounts, ascending
    // The accounts of regions[i] are rows[offsets[i] .. offsets[i + 1]), ascending.
    std::vector<int> offsets;
    std::vector<int> rows;
    std::vector<int> unplaced; // account rows with no recognised region, ascending

    // The position of `region` in regions, -1 when it holds no account.
    int indexOf(int region) const;
    // The account rows placed in `region` (none when it holds no account).
    std::span<const int> accountsOf(int region) const;
};

// Each distinct pair of the view's state and country dictionaries is matched once.
RegionGrouping groupByRegion(const AccountColumns &accounts, geo::RegionMatcher &matcher);

// A region's accounts on a layout.
struct RegionFigures
{
    struct Share
    {
        int entry = -1; // index into Layout::entries
        int accounts = 0;
        Minor potential = 0;
        bool operator==(const Share &) const = default;
    };

    int region = -1;
    int accounts = 0;
    Minor potential = 0; // Σ R of its accounts
    Minor ev = 0; // Σ EV (the report's, per account)
    int unassigned = 0; // its accounts in no territory
    // The territories holding some of its accounts: the most accounts first, then the larger
    // Σ R, then the one first in the layout.
    std::vector<Share> shares;
    // The territory holding most of its accounts (shares.front()), -1 when every one is in no
    // territory.
    int majority = -1;
};

// Per region of `grouping.regions`, in that order. `report` is `layout`'s (its accountEv).
std::vector<RegionFigures> regionFigures(const BookView &view, const RegionGrouping &grouping,
                                         const Layout &layout, const Report &report);

} // namespace tp::territories
