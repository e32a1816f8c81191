#pragma once

#include <span>

// The catalogue's tables (countrydata.cpp, subdivisiondata.cpp): plain literals, read once when
// the catalogue is built. Aliases and entries are separated by '|' and ';'.
namespace tp::geo::data {

struct CountryRow
{
    const char16_t *alpha2;
    const char16_t *alpha3;
    const char16_t *name; // English short name, as shown
    const char16_t *aliases; // official, native and common names: "USA|U.S.|America"
};

struct StateRow
{
    const char16_t *code; // USPS code
    const char16_t *name;
    const char16_t *aliases;
};

// The first-level subdivisions of a country: "BY=Bayern|Bavaria; NW=Nordrhein-Westfalen|NRW".
// Their codes are recognised without a country only where `codesAlone` (Canada's provinces,
// Australia's states: CRM exports write "ON" or "NSW" alone); a US state code wins over them.
struct SubdivisionRow
{
    const char16_t *country;
    bool codesAlone;
    const char16_t *entries;
};

std::span<const CountryRow> countries();
std::span<const StateRow> usStates();
std::span<const SubdivisionRow> subdivisions();

} // namespace tp::geo::data
