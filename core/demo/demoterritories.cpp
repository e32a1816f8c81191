#include "demoterritories.h"

#include <iterator>

namespace tp::demo {

namespace {

// United States: groups of states; New York, Florida, Texas and California split in two.
constexpr LargePlace newEngland[] = {
    { "MA", "USA", 30 },         { "Massachusetts", "United States", 15 },
    { "Connecticut", "US", 22 }, { "Rhode Island", "USA", 7 },
    { "NH", "USA", 10 },         { "Vermont", "United States", 6 },
    { "Maine", "USA", 10 }
};
constexpr LargePlace newYorkCity[] = { { "NY", "USA", 50 },
                                       { "New York", "United States", 40 },
                                       { "NY", "", 10 } };
constexpr LargePlace newYorkNewJersey[] = { { "New York", "USA", 35 },
                                            { "NJ", "USA", 40 },
                                            { "New Jersey", "United States", 25 } };
constexpr LargePlace pennsylvaniaDelaware[] = { { "Pennsylvania", "USA", 60 },
                                                { "PA", "US", 25 },
                                                { "Delaware", "United States", 15 } };
constexpr LargePlace midAtlantic[] = { { "Maryland", "USA", 30 },
                                       { "District of Columbia", "United States", 20 },
                                       { "VA", "USA", 25 },
                                       { "Virginia", "United States", 15 },
                                       { "West Virginia", "USA", 10 } };
constexpr LargePlace carolinas[] = { { "North Carolina", "USA", 45 },
                                     { "NC", "United States", 15 },
                                     { "South Carolina", "USA", 40 } };
constexpr LargePlace georgiaAlabama[] = { { "GA", "USA", 40 },
                                          { "Georgia", "United States", 25 },
                                          { "Alabama", "USA", 35 } };
constexpr LargePlace floridaNorth[] = { { "Florida", "USA", 70 }, { "FL", "US", 30 } };
constexpr LargePlace floridaSouth[] = { { "FL", "United States", 60 }, { "Florida", "", 40 } };
constexpr LargePlace tennesseeKentucky[] = { { "TN", "USA", 35 },
                                             { "Tennessee", "United States", 25 },
                                             { "Kentucky", "USA", 40 } };
constexpr LargePlace gulfSouth[] = { { "Louisiana", "USA", 50 },
                                     { "Mississippi", "United States", 25 },
                                     { "AR", "USA", 25 } };
constexpr LargePlace ohio[] = { { "Ohio", "USA", 70 }, { "OH", "US", 30 } };
constexpr LargePlace michiganIndiana[] = { { "Michigan", "USA", 40 },
                                           { "MI", "United States", 15 },
                                           { "Indiana", "USA", 45 } };
constexpr LargePlace illinois[] = { { "IL", "USA", 60 }, { "Illinois", "United States", 40 } };
constexpr LargePlace upperMidwest[] = { { "Minnesota", "USA", 55 },
                                        { "WI", "United States", 25 },
                                        { "Wisconsin", "USA", 20 } };
constexpr LargePlace greatPlains[] = { { "Missouri", "USA", 40 },
                                       { "Iowa", "United States", 20 },
                                       { "Kansas", "USA", 20 },
                                       { "Nebraska", "USA", 20 } };
constexpr LargePlace mountainNorth[] = { { "North Dakota", "USA", 20 },
                                         { "South Dakota", "United States", 20 },
                                         { "MT", "USA", 30 },
                                         { "Wyoming", "USA", 30 } };
constexpr LargePlace texasNorth[] = { { "TX", "USA", 60 }, { "Texas", "USA", 40 } };
constexpr LargePlace texasSouth[] = { { "Texas", "United States", 70 }, { "TX", "", 30 } };
constexpr LargePlace oklahomaNewMexico[] = { { "Oklahoma", "USA", 55 },
                                             { "New Mexico", "United States", 45 } };
constexpr LargePlace rockies[] = { { "Colorado", "USA", 45 },
                                   { "CO", "United States", 15 },
                                   { "Utah", "USA", 40 } };
constexpr LargePlace desertSouthwest[] = { { "AZ", "USA", 35 },
                                           { "Arizona", "United States", 25 },
                                           { "Nevada", "USA", 40 } };
constexpr LargePlace southernCalifornia[] = { { "CA", "USA", 60 },
                                              { "California", "United States", 40 } };
constexpr LargePlace northernCalifornia[] = { { "California", "USA", 70 }, { "CA", "US", 30 } };
constexpr LargePlace pacificNorthwest[] = {
    { "WA", "USA", 35 },    { "Washington", "United States", 15 }, { "Oregon", "USA", 30 },
    { "Idaho", "USA", 10 }, { "Alaska", "United States", 5 },      { "HI", "USA", 5 }
};
// Canada and Latin America.
constexpr LargePlace canadaEast[] = { { "Ontario", "Canada", 50 },
                                      { "ON", "CA", 10 },
                                      { "Québec", "Canada", 30 },
                                      { "Nova Scotia", "Canada", 10 } };
constexpr LargePlace canadaWest[] = { { "British Columbia", "Canada", 55 },
                                      { "Alberta", "Canada", 35 },
                                      { "Manitoba", "Canada", 10 } };
constexpr LargePlace mexico[] = { { "Ciudad de México", "México", 50 },
                                  { "Jalisco", "Mexico", 25 },
                                  { "Nuevo León", "Mexico", 25 } };
constexpr LargePlace brazil[] = { { "São Paulo", "Brasil", 60 },
                                  { "Rio de Janeiro", "Brazil", 40 } };
constexpr LargePlace southernCone[] = { { "Buenos Aires", "Argentina", 45 },
                                        { "Región Metropolitana", "Chile", 35 },
                                        { "Montevideo", "Uruguay", 20 } };
constexpr LargePlace andean[] = { { "Bogotá", "Colombia", 45 },
                                  { "Lima", "Peru", 35 },
                                  { "Pichincha", "Ecuador", 20 } };
// Europe.
constexpr LargePlace london[] = { { "London", "United Kingdom", 70 },
                                  { "Greater London", "UK", 30 } };
constexpr LargePlace ukIreland[] = { { "England", "UK", 35 },
                                     { "Scotland", "GB", 20 },
                                     { "Wales", "United Kingdom", 10 },
                                     { "Dublin", "Ireland", 25 },
                                     { "Cork", "Ireland", 10 } };
constexpr LargePlace france[] = { { "Île-de-France", "France", 55 },
                                  { "Auvergne-Rhône-Alpes", "France", 25 },
                                  { "Provence-Alpes-Côte d'Azur", "FR", 20 } };
constexpr LargePlace benelux[] = { { "Noord-Holland", "Netherlands", 45 },
                                   { "", "Nederland", 15 },
                                   { "Brussels", "Belgium", 30 },
                                   { "", "Luxembourg", 10 } };
constexpr LargePlace germanyNorth[] = { { "Berlin", "Germany", 30 },
                                        { "Hamburg", "Deutschland", 25 },
                                        { "Nordrhein-Westfalen", "Germany", 45 } };
constexpr LargePlace germanySouthAustria[] = { { "Bayern", "Deutschland", 40 },
                                               { "Baden-Württemberg", "DE", 35 },
                                               { "Wien", "Österreich", 25 } };
constexpr LargePlace switzerland[] = { { "Zürich", "Switzerland", 60 },
                                       { "Genève", "Schweiz", 40 } };
constexpr LargePlace nordics[] = { { "Stockholm", "Sweden", 35 },
                                   { "Oslo", "Norway", 20 },
                                   { "Hovedstaden", "Denmark", 20 },
                                   { "Uusimaa", "Finland", 15 },
                                   { "", "Sverige", 10 } };
constexpr LargePlace iberia[] = { { "Madrid", "Spain", 45 },
                                  { "Cataluña", "España", 35 },
                                  { "Lisboa", "Portugal", 20 } };
constexpr LargePlace italy[] = { { "Lombardia", "Italy", 55 },
                                 { "Lazio", "Italia", 30 },
                                 { "Piemonte", "IT", 15 } };
constexpr LargePlace centralEasternEurope[] = { { "Mazowieckie", "Poland", 40 },
                                                { "", "Czech Republic", 25 },
                                                { "Budapest", "Hungary", 15 },
                                                { "", "Romania", 20 } };
// The Middle East and Africa, Asia Pacific.
constexpr LargePlace middleEast[] = { { "Dubai", "United Arab Emirates", 45 },
                                      { "Riyadh", "Saudi Arabia", 30 },
                                      { "Tel Aviv", "Israel", 25 } };
constexpr LargePlace africa[] = { { "Gauteng", "South Africa", 50 },
                                  { "Lagos", "Nigeria", 25 },
                                  { "Nairobi", "Kenya", 25 } };
constexpr LargePlace japan[] = { { "Tokyo", "Japan", 70 }, { "Osaka", "Japan", 30 } };
constexpr LargePlace koreaTaiwan[] = { { "Seoul", "South Korea", 60 }, { "Taipei", "Taiwan", 40 } };
constexpr LargePlace greaterChina[] = { { "Shanghai", "China", 40 },
                                        { "Beijing", "China", 30 },
                                        { "", "Hong Kong", 30 } };
constexpr LargePlace india[] = { { "Karnataka", "India", 45 },
                                 { "Maharashtra", "India", 35 },
                                 { "Delhi", "India", 20 } };
constexpr LargePlace southeastAsia[] = { { "", "Singapore", 50 },
                                         { "", "Malaysia", 20 },
                                         { "Jakarta", "Indonesia", 15 },
                                         { "Bangkok", "Thailand", 15 } };
constexpr LargePlace australiaNewZealand[] = { { "NSW", "Australia", 45 },
                                               { "Victoria", "Australia", 35 },
                                               { "Auckland", "New Zealand", 20 } };

constexpr LargeTerritory territories[] = {
    { "New England", "US East", 95, newEngland },
    { "New York City", "US East", 130, newYorkCity },
    { "New York & New Jersey", "US East", 80, newYorkNewJersey },
    { "Pennsylvania & Delaware", "US East", 90, pennsylvaniaDelaware },
    { "Mid-Atlantic", "US East", 105, midAtlantic },
    { "Carolinas", "US East", 85, carolinas },
    { "Georgia & Alabama", "US East", 100, georgiaAlabama },
    { "Florida North", "US East", 75, floridaNorth },
    { "Florida South", "US East", 120, floridaSouth },
    { "Tennessee & Kentucky", "US Central", 70, tennesseeKentucky },
    { "Gulf South", "US Central", 72, gulfSouth },
    { "Ohio", "US Central", 110, ohio },
    { "Michigan & Indiana", "US Central", 95, michiganIndiana },
    { "Illinois", "US Central", 125, illinois },
    { "Upper Midwest", "US Central", 90, upperMidwest },
    { "Great Plains", "US Central", 80, greatPlains },
    { "Mountain North", "US Central", 70, mountainNorth },
    { "Texas North", "US Central", 135, texasNorth },
    { "Texas South", "US Central", 105, texasSouth },
    { "Oklahoma & New Mexico", "US Central", 75, oklahomaNewMexico },
    { "Rockies", "US West", 100, rockies },
    { "Desert Southwest", "US West", 90, desertSouthwest },
    { "Southern California", "US West", 128, southernCalifornia },
    { "Northern California", "US West", 118, northernCalifornia },
    { "Pacific Northwest", "US West", 100, pacificNorthwest },
    { "Canada East", "Canada", 95, canadaEast },
    { "Canada West", "Canada", 80, canadaWest },
    { "Mexico", "Latin America", 85, mexico },
    { "Brazil", "Latin America", 100, brazil },
    { "Southern Cone", "Latin America", 75, southernCone },
    { "Andean", "Latin America", 70, andean },
    { "London", "Europe", 130, london },
    { "UK & Ireland", "Europe", 95, ukIreland },
    { "France", "Europe", 110, france },
    { "Benelux", "Europe", 90, benelux },
    { "Germany North", "Europe", 115, germanyNorth },
    { "Germany South & Austria", "Europe", 100, germanySouthAustria },
    { "Switzerland", "Europe", 70, switzerland },
    { "Nordics", "Europe", 100, nordics },
    { "Iberia", "Europe", 85, iberia },
    { "Italy", "Europe", 90, italy },
    { "Central & Eastern Europe", "Europe", 80, centralEasternEurope },
    { "Middle East", "Middle East & Africa", 75, middleEast },
    { "Africa", "Middle East & Africa", 70, africa },
    { "Japan", "Asia Pacific", 110, japan },
    { "Korea & Taiwan", "Asia Pacific", 75, koreaTaiwan },
    { "Greater China", "Asia Pacific", 90, greaterChina },
    { "India", "Asia Pacific", 95, india },
    { "Southeast Asia", "Asia Pacific", 85, southeastAsia },
    { "Australia & New Zealand", "Asia Pacific", 105, australiaNewZealand },
};

constexpr const char *repNames[] = {
    "Avery Chen",      "José Álvarez",    "Zoë Müller",      "Priya Natarajan", "Mia Rossi",
    "Tom O'Neill",     "Liam Okafor",     "Sofia Lindqvist", "Noah Bergström",  "Emma Dubois",
    "Lucas Fernández", "Olivia Nakamura", "Mateo García",    "Chloé Lefèvre",   "Ethan Park",
    "Amara Mensah",    "Jonas Schäfer",   "Isabella Costa",  "Kenji Watanabe",  "Freya Hansen",
    "Diego Ramírez",   "Hannah Kowalski", "Arjun Mehta",     "Léa Moreau",      "Samuel Adeyemi",
    "Ingrid Solberg",  "Marco Bianchi",   "Yuki Tanaka",     "Grace O'Connor",  "Rafael Souza",
    "Elif Yılmaz",     "Daniel Cohen",    "Nora Virtanen",   "Oscar Nilsson",   "Aisha Rahman",
    "Benjamin Weiß",   "Camila Torres",   "Henrik Larsen",   "Maya Patel",      "Luca Romano",
    "Sara Jovanović",  "Felix Wagner",    "Ana Sousa",       "Ryan Murphy",     "Mei Lin",
    "Tomás Novák",     "Leila Haddad",    "Jack Thompson",   "Chiara Ricci",    "Victor Petrov",
};

static_assert(std::size(territories) == 50 && std::size(repNames) == 50);

} // namespace

std::span<const LargeTerritory> largeTerritories()
{
    return territories;
}

std::span<const char *const> largeRepNames()
{
    return repNames;
}

} // namespace tp::demo
