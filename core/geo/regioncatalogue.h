#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace tp::geo {

enum class RegionKind : quint8 { Country, UsState };

// A region of the map: a country (id its ISO 3166-1 alpha-2 code, "DE") or a US state or the
// District of Columbia (id "US-CA").
struct Region
{
    QString id;
    QString name; // English, as shown
    RegionKind kind = RegionKind::Country;
    int country = -1; // the country's region: itself, or the United States for a state
};

// Lower case, without accents, punctuation or surrounding spaces: "Île-de-France" and
// "ile de france" read the same; "U.S.A." is "usa", "St. Gallen" is "saint gallen", "&" is
// "and", a leading "The" goes.
QString normalisedRegionName(QStringView text);

// Every country and every US state, with the names, codes and spellings an export may carry,
// and the first-level subdivisions of the larger markets mapped to their country. Built once,
// never changed; an index into regions() is stable for the life of the process (store ids).
class RegionCatalogue
{
public:
    static const RegionCatalogue &instance();

    const std::vector<Region> &regions() const { return m_regions; }
    int count() const { return int(m_regions.size()); }
    const Region &region(int index) const { return m_regions[size_t(index)]; }
    std::optional<int> indexOf(QStringView id) const;
    int unitedStates() const { return m_unitedStates; }
    int countryCount() const { return m_countryCount; }

    // The look-ups below take a normalisedRegionName().
    // A country by name, or also by ISO alpha-2 or alpha-3 code where `codes`.
    std::optional<int> country(const QString &key, bool codes) const;
    // A US state by name or USPS code.
    std::optional<int> usState(const QString &key) const;
    // The country of a subdivision named `key` ("Bayern", "DE-BY", "Ontario"), when only one
    // country has that name. Codes alone count only for the countries whose exports write them
    // so (Canada's "ON", Australia's "NSW").
    std::optional<int> subdivisionCountry(const QString &key) const;

private:
    RegionCatalogue();
    int addRegion(const QString &id, const QString &name, RegionKind kind, int country);
    void addSubdivisions();

    std::vector<Region> m_regions;
    QHash<QString, int> m_regionById;
    QHash<QString, int> m_countryByName;
    QHash<QString, int> m_countryByCode;
    QHash<QString, int> m_stateByName;
    // name → country, or -1 where two countries share the name
    QHash<QString, int> m_subdivisionByName;
    QHash<QString, int> m_subdivisionByCodeAlone;
    int m_unitedStates = -1;
    int m_countryCount = 0;
};

} // namespace tp::geo
