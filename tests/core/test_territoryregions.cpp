// The territory map's figures (issue 19): accounts grouped by the region their billing state and
// country place them in, the accounts no region takes, and per region the accounts each
// territory holds, the territory holding most (ties: the larger Σ R, then the first in the
// layout), Σ R and Σ EV, counted again for another layout without grouping again.
#include "testsupport.h"

#include "analytics/territoryregions.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::territories;

namespace {

// Reps Ana and Ben; territories East (Ana) and West (Ben). Accounts (row = id - 1), potential
// in minor units:
//   1 East  TX / USA                  10000    Texas
//   2 East  Texas / United States      5000    Texas
//   3 West  TX / US                   30000    Texas
//   4 West  Bayern / Deutschland       1000    Germany
//   5 East  - / Germany                1000    Germany  (a tie with 4: East, first in the layout)
//   6 -     Atlantis / Nowhere          100    none
//   7 -     CA / -                      200    California, in no territory
//   8 West  Ontario / -                 300    Canada
//   9 East  - / France                  500    France
//  10 West  - / FR                      700    France   (a tie of one each: West, the larger R)
//  11 East  - / -                       900    none
constexpr const char *bookSql = R"SQL(
    INSERT INTO reps (id, name, capacity) VALUES (1, 'Ana', NULL), (2, 'Ben', NULL);
    INSERT INTO territories (id, name, owner_id) VALUES (1, 'West', 2), (2, 'East', 1);
    INSERT INTO accounts (id, crm_id, name, territory_id, owner_id, potential, billing_state,
                          billing_country) VALUES
        (1, 'A1', 'One', 2, 1, 10000, 'TX', 'USA'),
        (2, 'A2', 'Two', 2, 1, 5000, 'Texas', 'United States'),
        (3, 'A3', 'Three', 1, 2, 30000, 'TX', 'US'),
        (4, 'A4', 'Four', 1, 2, 1000, 'Bayern', 'Deutschland'),
        (5, 'A5', 'Five', 2, 1, 1000, NULL, 'Germany'),
        (6, 'A6', 'Six', NULL, NULL, 100, 'Atlantis', 'Nowhere'),
        (7, 'A7', 'Seven', NULL, NULL, 200, 'CA', NULL),
        (8, 'A8', 'Eight', 1, 2, 300, 'Ontario', NULL),
        (9, 'A9', 'Nine', 2, 1, 500, NULL, 'France'),
        (10, 'A10', 'Ten', 1, 2, 700, '', 'FR'),
        (11, 'A11', 'Eleven', 2, 1, 900, NULL, NULL);
)SQL";

int region(const char16_t *id)
{
    return *geo::RegionCatalogue::instance().indexOf(id);
}

std::vector<int> rowsOf(std::span<const int> rows)
{
    return { rows.begin(), rows.end() };
}

class TerritoryRegions : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString path = dir.path(QStringLiteral("regions.tpbook"));
        Book::create(path)->db().exec(bookSql);
        view = loadBookView(path);
        layout = layoutOf(*view);
        ASSERT_EQ(layout.entries.size(), 2u);
        ASSERT_EQ(layout.entries[0].name, QStringLiteral("East"));
        // EV by hand: one per account, in minor units its row + 1.
        report.accountEv.resize(std::size_t(view->accounts.size()));
        for (std::size_t r = 0; r < report.accountEv.size(); ++r)
            report.accountEv[r] = Minor(r + 1);
    }

    const RegionFigures &figuresOf(const std::vector<RegionFigures> &all, int r)
    {
        const auto it = std::find_if(all.begin(), all.end(),
                                     [r](const RegionFigures &f) { return f.region == r; });
        EXPECT_NE(it, all.end());
        return *it;
    }

    test::TempDir dir;
    std::unique_ptr<BookView> view;
    Layout layout;
    Report report;
    geo::RegionMatcher matcher;
};

} // namespace

TEST_F(TerritoryRegions, AccountsAreGroupedByTheRegionTheirStateAndCountryName)
{
    const RegionGrouping g = groupByRegion(view->accounts, matcher);
    ASSERT_EQ(g.regionOfAccount.size(), 11u);
    EXPECT_EQ(g.regionOfAccount[0], region(u"US-TX"));
    EXPECT_EQ(g.regionOfAccount[1], region(u"US-TX"));
    EXPECT_EQ(g.regionOfAccount[2], region(u"US-TX"));
    EXPECT_EQ(g.regionOfAccount[3], region(u"DE"));
    EXPECT_EQ(g.regionOfAccount[5], -1);
    EXPECT_EQ(g.regionOfAccount[6], region(u"US-CA"));
    EXPECT_EQ(g.regionOfAccount[7], region(u"CA"));
    EXPECT_EQ(g.regionOfAccount[10], -1);

    std::vector<int> expected{ region(u"US-TX"), region(u"DE"), region(u"US-CA"), region(u"CA"),
                               region(u"FR") };
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(g.regions, expected);
    EXPECT_EQ(rowsOf(g.accountsOf(region(u"US-TX"))), (std::vector<int>{ 0, 1, 2 }));
    EXPECT_EQ(rowsOf(g.accountsOf(region(u"DE"))), (std::vector<int>{ 3, 4 }));
    EXPECT_EQ(rowsOf(g.accountsOf(region(u"FR"))), (std::vector<int>{ 8, 9 }));
    EXPECT_TRUE(g.accountsOf(region(u"JP")).empty());
    EXPECT_EQ(g.indexOf(region(u"JP")), -1);
    EXPECT_EQ(g.unplaced, (std::vector<int>{ 5, 10 }));
    EXPECT_EQ(g.rows.size() + g.unplaced.size(), 11u);

    // A second grouping with the same matcher gives the same (its pairs are known by now).
    const RegionGrouping again = groupByRegion(view->accounts, matcher);
    EXPECT_EQ(again.rows, g.rows);
    EXPECT_EQ(again.offsets, g.offsets);
}

TEST_F(TerritoryRegions, EachRegionCountsItsAccountsPerTerritoryAndNamesTheMajority)
{
    const RegionGrouping g = groupByRegion(view->accounts, matcher);
    const std::vector<RegionFigures> all = regionFigures(*view, g, layout, report);
    ASSERT_EQ(all.size(), g.regions.size());
    const int east = 0, west = 1;

    // Texas: two in East, one in West: East, though West's one weighs more.
    const RegionFigures &texas = figuresOf(all, region(u"US-TX"));
    EXPECT_EQ(texas.accounts, 3);
    EXPECT_EQ(texas.potential, 45000);
    EXPECT_EQ(texas.ev, 1 + 2 + 3);
    EXPECT_EQ(texas.unassigned, 0);
    EXPECT_EQ(texas.majority, east);
    EXPECT_EQ(texas.shares,
              (std::vector<RegionFigures::Share>{ { east, 2, 15000 }, { west, 1, 30000 } }));
    // Germany: one each of equal potential: East, the first in the layout.
    EXPECT_EQ(figuresOf(all, region(u"DE")).majority, east);
    // France: one each: West, whose account weighs more.
    const RegionFigures &france = figuresOf(all, region(u"FR"));
    EXPECT_EQ(france.majority, west);
    EXPECT_EQ(france.shares.front(), (RegionFigures::Share{ west, 1, 700 }));
    // California: its one account is in no territory.
    const RegionFigures &california = figuresOf(all, region(u"US-CA"));
    EXPECT_EQ(california.accounts, 1);
    EXPECT_EQ(california.unassigned, 1);
    EXPECT_EQ(california.majority, -1);
    EXPECT_TRUE(california.shares.empty());
    EXPECT_EQ(california.ev, 7);
}

TEST_F(TerritoryRegions, AnotherLayoutIsCountedOnTheSameGrouping)
{
    const RegionGrouping g = groupByRegion(view->accounts, matcher);
    // Account 1 (East) moves to West: Texas is West's now, two to one.
    Layout moved = layout;
    moved.accountEntry[0] = 1;
    const std::vector<RegionFigures> all = regionFigures(*view, g, moved, report);
    const RegionFigures &texas = figuresOf(all, region(u"US-TX"));
    EXPECT_EQ(texas.majority, 1);
    EXPECT_EQ(texas.shares.front(), (RegionFigures::Share{ 1, 2, 40000 }));
    EXPECT_EQ(texas.shares.back(), (RegionFigures::Share{ 0, 1, 5000 }));

    // A layout of no territories at all: every region's accounts are in none.
    Layout none;
    none.accountEntry.assign(std::size_t(view->accounts.size()), -1);
    for (const RegionFigures &f : regionFigures(*view, g, none, Report{})) {
        EXPECT_EQ(f.majority, -1);
        EXPECT_EQ(f.unassigned, f.accounts);
        EXPECT_EQ(f.ev, 0);
    }
}
