#include "territoryregions.h"

#include <QHash>

#include <algorithm>

namespace tp::territories {

int RegionGrouping::indexOf(int region) const
{
    const auto it = std::lower_bound(regions.begin(), regions.end(), region);
    return it != regions.end() && *it == region ? int(it - regions.begin()) : -1;
}

std::span<const int> RegionGrouping::accountsOf(int region) const
{
    const int i = indexOf(region);
    if (i < 0)
        return {};
    const auto begin = std::size_t(offsets[std::size_t(i)]);
    const auto end = std::size_t(offsets[std::size_t(i) + 1]);
    return std::span<const int>(rows).subspan(begin, end - begin);
}

RegionGrouping groupByRegion(const AccountColumns &accounts, geo::RegionMatcher &matcher)
{
    RegionGrouping g;
    const auto n = std::size_t(accounts.size());
    g.regionOfAccount.assign(n, -1);
    // Dictionary indexes, one look-up per distinct pair (-1, the empty string, is a key too).
    QHash<std::pair<int, int>, int> byPair;
    const auto text = [](const QStringList &dictionary, int index) {
        return index >= 0 && index < dictionary.size() ? dictionary[index] : QString();
    };
    const int catalogueSize = matcher.catalogue().count();
    std::vector<int> perRegion(std::size_t(catalogueSize), 0);
    for (std::size_t r = 0; r < n; ++r) {
        const int state = r < accounts.state.size() ? accounts.state[r] : -1;
        const int country = r < accounts.country.size() ? accounts.country[r] : -1;
        const std::pair<int, int> key{ state, country };
        auto it = byPair.constFind(key);
        if (it == byPair.cend())
            it = byPair.insert(
                    key,
                    matcher.match(text(accounts.states, state), text(accounts.countries, country))
                            .value_or(-1));
        const int region = *it;
        g.regionOfAccount[r] = region;
        if (region >= 0 && region < catalogueSize)
            ++perRegion[std::size_t(region)];
        else
            g.unplaced.push_back(int(r));
    }
    // Counting sort: regions ascending, their accounts ascending.
    std::vector<int> start(std::size_t(catalogueSize), -1);
    g.offsets.push_back(0);
    for (int region = 0; region < catalogueSize; ++region) {
        const int count = perRegion[std::size_t(region)];
        if (count == 0)
            continue;
        start[std::size_t(region)] = g.offsets.back();
        g.regions.push_back(region);
        g.offsets.push_back(g.offsets.back() + count);
    }
    g.rows.resize(n - g.unplaced.size());
    for (std::size_t r = 0; r < n; ++r) {
        const int region = g.regionOfAccount[r];
        if (region >= 0 && region < catalogueSize)
            g.rows[std::size_t(start[std::size_t(region)]++)] = int(r);
    }
    return g;
}

std::vector<RegionFigures> regionFigures(const BookView &view, const RegionGrouping &grouping,
                                         const Layout &layout, const Report &report)
{
    const AccountColumns &a = view.accounts;
    std::vector<RegionFigures> figures(grouping.regions.size());
    // Per layout entry, its share of the region being counted (reset after each region).
    std::vector<RegionFigures::Share> byEntry(layout.entries.size());
    std::vector<int> touched;
    for (std::size_t i = 0; i < grouping.regions.size(); ++i) {
        RegionFigures &f = figures[i];
        f.region = grouping.regions[i];
        touched.clear();
        for (int k = grouping.offsets[i]; k < grouping.offsets[i + 1]; ++k) {
            const auto r = std::size_t(grouping.rows[std::size_t(k)]);
            const Minor potential = a.revenuePotential(int(r));
            ++f.accounts;
            f.potential += potential;
            if (r < report.accountEv.size())
                f.ev += report.accountEv[r];
            const int entry = r < layout.accountEntry.size() ? layout.accountEntry[r] : -1;
            if (entry < 0 || std::size_t(entry) >= byEntry.size()) {
                ++f.unassigned;
                continue;
            }
            RegionFigures::Share &s = byEntry[std::size_t(entry)];
            if (s.accounts == 0) {
                s.entry = entry;
                touched.push_back(entry);
            }
            ++s.accounts;
            s.potential += potential;
        }
        f.shares.reserve(touched.size());
        for (const int entry : touched) {
            f.shares.push_back(byEntry[std::size_t(entry)]);
            byEntry[std::size_t(entry)] = {};
        }
        std::sort(f.shares.begin(), f.shares.end(),
                  [](const RegionFigures::Share &x, const RegionFigures::Share &y) {
                      if (x.accounts != y.accounts)
                          return x.accounts > y.accounts;
                      if (x.potential != y.potential)
                          return x.potential > y.potential;
                      return x.entry < y.entry;
                  });
        f.majority = f.shares.empty() ? -1 : f.shares.front().entry;
    }
    return figures;
}

} // namespace tp::territories
