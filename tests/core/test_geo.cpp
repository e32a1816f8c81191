// The map's regions (core/geo): the catalogue, placing an account by its billing state and
// country, and the outlines embedded from resources/map/regions.bin.
#include "geo/mapgeometry.h"
#include "geo/regioncatalogue.h"
#include "geo/regionmatcher.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace tp::geo;

namespace {

// The id of the region an account with this billing state and country is placed in; "" none.
QString placed(QStringView state, QStringView country)
{
    static RegionMatcher matcher;
    const std::optional<int> region = matcher.match(state.toString(), country.toString());
    const std::optional<int> again = RegionMatcher::matchOnce(matcher.catalogue(), state, country);
    EXPECT_EQ(region, again) << state.toString().toStdString() << " / "
                             << country.toString().toStdString();
    return region ? matcher.catalogue().region(*region).id : QString();
}

} // namespace

TEST(GeoNames, NormalisingIgnoresCaseAccentsPunctuationAndSpaces)
{
    EXPECT_EQ(normalisedRegionName(u"  Île-de-France "), u"ile de france");
    EXPECT_EQ(normalisedRegionName(u"U.S.A."), u"usa");
    EXPECT_EQ(normalisedRegionName(u"U. S."), u"us");
    EXPECT_EQ(normalisedRegionName(u"Washington, D.C."), u"washington dc");
    EXPECT_EQ(normalisedRegionName(u"St. Gallen"), u"saint gallen");
    EXPECT_EQ(normalisedRegionName(u"Sankt Gallen"), u"saint gallen");
    EXPECT_EQ(normalisedRegionName(u"Trinidad & Tobago"), u"trinidad and tobago");
    EXPECT_EQ(normalisedRegionName(u"The Netherlands"), u"netherlands");
    EXPECT_EQ(normalisedRegionName(u"Großbritannien"), u"grossbritannien");
    EXPECT_EQ(normalisedRegionName(u"São Paulo"), u"sao paulo");
    EXPECT_EQ(normalisedRegionName(u"Hawai\u02bbi"), u"hawaii");
    EXPECT_EQ(normalisedRegionName(u""), u"");
}

TEST(GeoCatalogue, HasEveryCountryAndTheFiftyStatesWithDc)
{
    const RegionCatalogue &catalogue = RegionCatalogue::instance();
    EXPECT_GE(catalogue.countryCount(), 249); // ISO 3166-1 has 249 codes; Kosovo too
    int states = 0;
    QSet<QString> ids;
    for (const Region &region : catalogue.regions()) {
        EXPECT_FALSE(region.name.isEmpty()) << region.id.toStdString();
        EXPECT_FALSE(ids.contains(region.id)) << region.id.toStdString();
        ids.insert(region.id);
        if (region.kind == RegionKind::UsState) {
            ++states;
            EXPECT_TRUE(region.id.startsWith(u"US-"));
            EXPECT_EQ(region.country, catalogue.unitedStates());
        } else {
            EXPECT_EQ(region.id.size(), 2);
            EXPECT_EQ(catalogue.region(region.country).id, region.id);
        }
    }
    EXPECT_EQ(states, 51);
    for (const char16_t *id : { u"DE", u"FR", u"GB", u"JP", u"BR", u"XK", u"US-CA", u"US-DC" })
        EXPECT_TRUE(catalogue.indexOf(id).has_value()) << QString::fromUtf16(id).toStdString();
    EXPECT_EQ(catalogue.region(*catalogue.indexOf(u"DE")).name, u"Germany");
    EXPECT_EQ(catalogue.region(*catalogue.indexOf(u"US-NY")).name, u"New York");
}

TEST(GeoMatch, TheUnitedStatesByAnySpellingWithItsStates)
{
    for (const char16_t *us : { u"US", u"USA", u"United States", u"United States of America",
                                u"U.S.", u"u.s.a.", u" united states ", u"America" })
        EXPECT_EQ(placed(u"California", us), u"US-CA") << QString::fromUtf16(us).toStdString();
    EXPECT_EQ(placed(u"CA", u"US"), u"US-CA");
    EXPECT_EQ(placed(u"ny", u"USA"), u"US-NY");
    EXPECT_EQ(placed(u"New York", u""), u"US-NY");
    EXPECT_EQ(placed(u"TX", u""), u"US-TX");
    EXPECT_EQ(placed(u"Washington, D.C.", u"US"), u"US-DC");
    EXPECT_EQ(placed(u"DC", u""), u"US-DC");
    EXPECT_EQ(placed(u"N.Y.", u""), u"US-NY");
    EXPECT_EQ(placed(u"Calif.", u"USA"), u"US-CA");
    // An unknown or missing state of the United States: the country itself.
    EXPECT_EQ(placed(u"", u"USA"), u"US");
    EXPECT_EQ(placed(u"Bavaria", u"United States"), u"US");
    EXPECT_EQ(placed(u"Puerto Rico", u""), u"PR");
}

TEST(GeoMatch, ACodeIsReadByTheFieldItCameIn)
{
    EXPECT_EQ(placed(u"CA", u""), u"US-CA"); // a state: California
    EXPECT_EQ(placed(u"", u"CA"), u"CA"); // a country: Canada
    EXPECT_EQ(placed(u"ON", u"CA"), u"CA"); // Ontario, Canada
    EXPECT_EQ(placed(u"CA", u"Canada"), u"CA"); // a state code in Canada is still Canada
    EXPECT_EQ(placed(u"DE", u""), u"US-DE"); // Delaware
    EXPECT_EQ(placed(u"", u"DE"), u"DE"); // Germany
    EXPECT_EQ(placed(u"IN", u""), u"US-IN"); // Indiana
    EXPECT_EQ(placed(u"", u"IND"), u"IN"); // India by its alpha-3 code
    EXPECT_EQ(placed(u"Georgia", u""), u"US-GA");
    EXPECT_EQ(placed(u"", u"Georgia"), u"GE");
    EXPECT_EQ(placed(u"WA", u"Australia"), u"AU");
    EXPECT_EQ(placed(u"WA", u""), u"US-WA");
}

TEST(GeoMatch, CountriesByNameNativeNameAndCommonSpelling)
{
    const std::pair<const char16_t *, const char16_t *> cases[] = {
        { u"Germany", u"DE" },
        { u"Deutschland", u"DE" },
        { u"DEU", u"DE" },
        { u"deutschland", u"DE" },
        { u"UK", u"GB" },
        { u"U.K.", u"GB" },
        { u"Great Britain", u"GB" },
        { u"England", u"GB" },
        { u"Scotland", u"GB" },
        { u"United Kingdom", u"GB" },
        { u"GBR", u"GB" },
        { u"France", u"FR" },
        { u"España", u"ES" },
        { u"Espana", u"ES" },
        { u"Österreich", u"AT" },
        { u"Oesterreich", u"AT" },
        { u"Schweiz", u"CH" },
        { u"Suisse", u"CH" },
        { u"Holland", u"NL" },
        { u"The Netherlands", u"NL" },
        { u"Nederland", u"NL" },
        { u"Italia", u"IT" },
        { u"Brasil", u"BR" },
        { u"México", u"MX" },
        { u"Japan", u"JP" },
        { u"日本", u"JP" },
        { u"中国", u"CN" },
        { u"PRC", u"CN" },
        { u"South Korea", u"KR" },
        { u"Korea, Republic of", u"KR" },
        { u"Russian Federation", u"RU" },
        { u"Russia", u"RU" },
        { u"Czech Republic", u"CZ" },
        { u"Türkiye", u"TR" },
        { u"Turkey", u"TR" },
        { u"Ivory Coast", u"CI" },
        { u"Côte d'Ivoire", u"CI" },
        { u"UAE", u"AE" },
        { u"Viet Nam", u"VN" },
        { u"Bosnia & Herzegovina", u"BA" },
        { u"Trinidad and Tobago", u"TT" },
        { u"Saint Lucia", u"LC" },
        { u"St. Lucia", u"LC" },
        { u"St Kitts and Nevis", u"KN" },
        { u"Kosovo", u"XK" },
        { u"Hong Kong", u"HK" },
        { u"Aotearoa", u"NZ" },
    };
    for (const auto &[name, id] : cases)
        EXPECT_EQ(placed(u"", name), QString::fromUtf16(id))
                << QString::fromUtf16(name).toStdString();
    // A country's state column does not change the country.
    EXPECT_EQ(placed(u"Bayern", u"Germany"), u"DE");
    EXPECT_EQ(placed(u"California", u"Germany"), u"DE");
}

TEST(GeoMatch, ASubdivisionWithoutCountryPlacesItsCountry)
{
    const std::pair<const char16_t *, const char16_t *> cases[] = {
        { u"Bayern", u"DE" },
        { u"Bavaria", u"DE" },
        { u"NRW", u"DE" },
        { u"Nordrhein-Westfalen", u"DE" },
        { u"Baden-Württemberg", u"DE" },
        { u"Baden-Wuerttemberg", u"DE" },
        { u"Thueringen", u"DE" },
        { u"DE-BY", u"DE" },
        { u"Île-de-France", u"FR" },
        { u"Ile de France", u"FR" },
        { u"ILE-DE-FRANCE", u"FR" },
        { u"Provence-Alpes-Côte d'Azur", u"FR" },
        { u"Ontario", u"CA" },
        { u"ON", u"CA" },
        { u"Québec", u"CA" },
        { u"Quebec", u"CA" },
        { u"BC", u"CA" },
        { u"Wales", u"GB" },
        { u"Northern Ireland", u"GB" },
        { u"Catalonia", u"ES" },
        { u"Cataluña", u"ES" },
        { u"Lombardia", u"IT" },
        { u"Lombardy", u"IT" },
        { u"New South Wales", u"AU" },
        { u"NSW", u"AU" },
        { u"Victoria", u"AU" },
        { u"Maharashtra", u"IN" },
        { u"Tamil Nadu", u"IN" },
        { u"Nuevo León", u"MX" },
        { u"Jalisco", u"MX" },
        { u"São Paulo", u"BR" },
        { u"Sao Paulo", u"BR" },
        { u"Tokyo", u"JP" },
        { u"Ōsaka", u"JP" },
        { u"Guangdong", u"CN" },
        { u"Shanghai", u"CN" },
        { u"Noord-Holland", u"NL" },
        { u"North Holland", u"NL" },
        { u"Zürich", u"CH" },
        { u"Zurich", u"CH" },
        { u"St. Gallen", u"CH" },
        { u"Genève", u"CH" },
        { u"Wien", u"AT" },
        { u"Vienna", u"AT" },
        { u"Tirol", u"AT" },
        { u"Niederösterreich", u"AT" },
    };
    for (const auto &[name, id] : cases)
        EXPECT_EQ(placed(name, u""), QString::fromUtf16(id))
                << QString::fromUtf16(name).toStdString();
    // A country written in the state column, by name.
    EXPECT_EQ(placed(u"Germany", u""), u"DE");
    // A subdivision written in the country column.
    EXPECT_EQ(placed(u"", u"Bayern"), u"DE");
    EXPECT_EQ(placed(u"", u"California"), u"US-CA");
}

TEST(GeoMatch, WhatIsNotRecognisedIsNone)
{
    EXPECT_EQ(placed(u"", u""), u"");
    EXPECT_EQ(placed(u"   ", u" "), u"");
    EXPECT_EQ(placed(u"Atlantis", u""), u"");
    EXPECT_EQ(placed(u"", u"Atlantis"), u"");
    EXPECT_EQ(placed(u"Springfield", u"Freedonia"), u"");
    // A code alone in the state column is no country: "BY" could be Bavaria or Belarus.
    EXPECT_EQ(placed(u"BY", u""), u"");
    // Two countries' subdivisions share the name: which is unknown without the country.
    EXPECT_EQ(placed(u"Distrito Federal", u""), u"");
    EXPECT_EQ(placed(u"Distrito Federal", u"Brazil"), u"BR");
    EXPECT_EQ(placed(u"NT", u""), u""); // Northwest Territories or Northern Territory
}

TEST(GeoMatch, TheSamePairIsWorkedOutOnceAndGivesTheSameAnswer)
{
    RegionMatcher matcher;
    const QString state = QStringLiteral("Bayern");
    const QString country = QStringLiteral("Deutschland");
    const std::optional<int> first = matcher.match(state, country);
    for (int i = 0; i < 1000; ++i)
        ASSERT_EQ(matcher.match(state, country), first);
    ASSERT_TRUE(first);
    EXPECT_EQ(matcher.catalogue().region(*first).id, u"DE");
}

TEST(GeoGeometry, EveryRegionOfEachViewHasAnOutline)
{
    const MapGeometry &geometry = MapGeometry::instance();
    ASSERT_TRUE(geometry.isValid());
    const RegionCatalogue &catalogue = RegionCatalogue::instance();
    // World: every country but Antarctica, the United States as its states over its outline.
    int drawn = 0;
    for (int index = 0; index < catalogue.count(); ++index) {
        const Region &region = catalogue.region(index);
        const RegionShape *shape = geometry.shape(MapView::World, index);
        if (region.id == u"AQ") {
            EXPECT_EQ(shape, nullptr);
            continue;
        }
        ASSERT_NE(shape, nullptr) << region.id.toStdString();
        EXPECT_FALSE(shape->path.isEmpty()) << region.id.toStdString();
        // Its anchor lies inside it, unless a smaller region drawn over it covers the spot
        // (neighbouring islands drawn as dots).
        const std::optional<int> atAnchor = geometry.regionAt(MapView::World, shape->anchor);
        ASSERT_TRUE(atAnchor) << region.id.toStdString();
        if (*atAnchor != index) {
            const QRectF over = geometry.shape(MapView::World, *atAnchor)->bounds;
            EXPECT_LE(over.width() * over.height(), shape->bounds.width() * shape->bounds.height())
                    << region.id.toStdString();
        }
        EXPECT_TRUE(geometry.bounds(MapView::World).contains(shape->bounds))
                << region.id.toStdString();
        ++drawn;
    }
    EXPECT_EQ(int(geometry.shapes(MapView::World).size()), drawn);
    // United States: its 51 states, nothing else.
    EXPECT_EQ(geometry.shapes(MapView::UnitedStates).size(), 51u);
    for (const RegionShape &shape : geometry.shapes(MapView::UnitedStates)) {
        EXPECT_EQ(catalogue.region(shape.region).kind, RegionKind::UsState);
        EXPECT_FALSE(shape.path.isEmpty());
        EXPECT_TRUE(geometry.bounds(MapView::UnitedStates).contains(shape.bounds));
        EXPECT_EQ(geometry.regionAt(MapView::UnitedStates, shape.anchor), shape.region)
                << catalogue.region(shape.region).id.toStdString();
    }
}

TEST(GeoGeometry, APointFindsTheRegionItLiesIn)
{
    const MapGeometry &geometry = MapGeometry::instance();
    const RegionCatalogue &catalogue = RegionCatalogue::instance();
    const auto at = [&](MapView view, const char16_t *id) {
        const RegionShape *shape = geometry.shape(view, *catalogue.indexOf(id));
        return shape ? geometry.regionAt(view, shape->bounds.center()) : std::nullopt;
    };
    // Centres of compact regions lie inside them.
    for (const char16_t *id : { u"US-KS", u"US-CO", u"US-WY", u"US-TX" }) {
        EXPECT_EQ(at(MapView::UnitedStates, id), catalogue.indexOf(id));
        EXPECT_EQ(at(MapView::World, id), catalogue.indexOf(id));
    }
    for (const char16_t *id : { u"DE", u"FR", u"AU", u"BR" })
        EXPECT_EQ(at(MapView::World, id), catalogue.indexOf(id))
                << QString::fromUtf16(id).toStdString();
    // The states are drawn over the United States' outline and found first.
    EXPECT_EQ(geometry.shapes(MapView::World).front().region, catalogue.unitedStates());
    // The sea is no region.
    EXPECT_EQ(geometry.regionAt(MapView::World, QPointF(-300, 20)), std::nullopt); // the Pacific
}

TEST(GeoGeometry, DataThatIsNoResourceGivesNoGeometry)
{
    EXPECT_FALSE(MapGeometry::fromData(QByteArray()).isValid());
    EXPECT_FALSE(MapGeometry::fromData(qCompress(QByteArray("not a map"))).isValid());
}
