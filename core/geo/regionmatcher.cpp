#include "geo/regionmatcher.h"

namespace tp::geo {

RegionMatcher::RegionMatcher(const RegionCatalogue &catalogue) : m_catalogue(catalogue) { }

std::optional<int> RegionMatcher::match(const QString &state, const QString &country)
{
    const std::pair<QString, QString> key{ state, country };
    const auto it = m_cache.constFind(key);
    if (it != m_cache.cend())
        return *it < 0 ? std::nullopt : std::optional<int>(*it);
    const std::optional<int> region = matchOnce(m_catalogue, state, country);
    m_cache.insert(key, region.value_or(-1));
    return region;
}

std::optional<int> RegionMatcher::matchOnce(const RegionCatalogue &catalogue, QStringView state,
                                            QStringView country)
{
    const QString stateKey = normalisedRegionName(state);
    const QString countryKey = normalisedRegionName(country);
    if (!countryKey.isEmpty()) {
        std::optional<int> found = catalogue.country(countryKey, true);
        if (!found) {
            // A state or province written in the country column.
            if (auto usState = catalogue.usState(countryKey))
                return usState;
            return catalogue.subdivisionCountry(countryKey);
        }
        if (*found != catalogue.unitedStates())
            return found;
        if (auto usState = catalogue.usState(stateKey))
            return usState;
        return found;
    }
    if (stateKey.isEmpty())
        return std::nullopt;
    if (auto usState = catalogue.usState(stateKey))
        return usState;
    // A country written in the state column, by name only: "BY" alone is no country.
    if (auto byName = catalogue.country(stateKey, false))
        return byName;
    return catalogue.subdivisionCountry(stateKey);
}

} // namespace tp::geo
