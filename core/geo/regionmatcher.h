#pragma once

#include "geo/regioncatalogue.h"

#include <QHash>
#include <QString>

#include <optional>
#include <utility>

namespace tp::geo {

// Places an account on the map by its billing state and country:
// - a country of the United States (or none, with a US state name or code) → the state, or the
//   United States itself when the state is unknown;
// - any other country → the country, whatever the state says;
// - no country but a known subdivision ("Bayern", "Ontario", "NSW") → its country;
// - nothing recognised → none (the caller lists such accounts).
// A code is read by the field it came in: "CA" as a state is California, as a country Canada.
// Each distinct pair of strings is worked out once and kept; not thread-safe (one per thread).
class RegionMatcher
{
public:
    explicit RegionMatcher(const RegionCatalogue &catalogue = RegionCatalogue::instance());

    std::optional<int> match(const QString &state, const QString &country);
    const RegionCatalogue &catalogue() const { return m_catalogue; }

    // The same without the cache.
    static std::optional<int> matchOnce(const RegionCatalogue &catalogue, QStringView state,
                                        QStringView country);

private:
    const RegionCatalogue &m_catalogue;
    QHash<std::pair<QString, QString>, int> m_cache; // -1: none
};

} // namespace tp::geo
