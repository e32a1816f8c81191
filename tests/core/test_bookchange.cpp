// BookChange, the record of an edit: its inverse, merging, and what it tells listeners.
#include "domain/bookchange.h"

#include <gtest/gtest.h>

using namespace tp;

namespace {

Opportunity deal(Id id, Minor amount)
{
    Opportunity o;
    o.id = id;
    o.amount = amount;
    o.closeDate = QDate(2026, 12, 1);
    return o;
}

BookChange amountChange(Id id, Minor from, Minor to)
{
    BookChange change;
    change.text = QStringLiteral("amount");
    change.opportunities.push_back({ deal(id, from), deal(id, to), {}, {}, true });
    return change;
}

} // namespace

TEST(BookChange, TheInverseOfTheInverseIsTheChange)
{
    BookChange change = amountChange(1, 100, 200);
    change.opportunities.front().closeDateRows.push_back(
            { 7, 1, QDate(2026, 12, 1), QDate(2027, 1, 1), QDate(2026, 11, 20) });
    change.accounts.push_back({ Account{ 3, {}, QStringLiteral("Acme") }, Account{ 3 } });
    change.handEdits.push_back({ 1, QStringLiteral("opportunities"), 1 });
    const BookChange inverse = change.inverse();
    EXPECT_EQ(inverse.opportunities.front().before.amount, 200);
    EXPECT_EQ(inverse.opportunities.front().after.amount, 100);
    EXPECT_FALSE(inverse.opportunities.front().addsHistory) << "the rows it wrote go";
    EXPECT_EQ(inverse.opportunities.front().pushDelta(), -1);
    EXPECT_EQ(change.opportunities.front().pushDelta(), 1);
    EXPECT_FALSE(inverse.addsHandEdits);
    EXPECT_EQ(inverse.inverse(), change);
}

TEST(BookChange, NothingChangedIsEmpty)
{
    EXPECT_TRUE(BookChange().isEmpty());
    EXPECT_TRUE(amountChange(1, 100, 100).isEmpty());
    EXPECT_FALSE(amountChange(1, 100, 101).isEmpty());
    BookChange pushOnly = amountChange(1, 100, 100);
    pushOnly.opportunities.front().stageRows.push_back({ 0, 1, Stage::Prove, QDate(2026, 1, 1) });
    EXPECT_FALSE(pushOnly.isEmpty()) << "a history row is a change";
    BookChange settings;
    settings.settings = Delta<BookSettings>{ BookSettings(), BookSettings() };
    EXPECT_TRUE(settings.isEmpty());
    settings.settings->after.roi.likelihoodThreshold = 0.7;
    EXPECT_FALSE(settings.isEmpty());
    EXPECT_EQ(settings.aspects(), ChangeAspects(ChangeAspect::Settings));
}

TEST(BookChange, MergingKeepsTheFirstBeforeAndTheLastAfter)
{
    BookChange first = amountChange(1, 100, 200);
    first.mergeWith(amountChange(1, 200, 300));
    first.mergeWith(amountChange(2, 5, 6));
    ASSERT_EQ(first.opportunities.size(), 2u);
    EXPECT_EQ(first.opportunities[0].before.amount, 100);
    EXPECT_EQ(first.opportunities[0].after.amount, 300);
    EXPECT_EQ(first.opportunities[1].after.amount, 6);
    BookChange back = amountChange(1, 300, 100);
    BookChange merged = amountChange(1, 100, 300);
    merged.mergeWith(back);
    EXPECT_TRUE(merged.isEmpty()) << "a slider moved back where it started";
}

TEST(BookChange, ItSaysWhatChangedWhereForListeners)
{
    BookChange change = amountChange(5, 100, 200);
    Opportunity staged = deal(3, 10);
    Opportunity won = staged;
    won.stage = Stage::Won;
    won.status = Status::Won;
    change.opportunities.push_back({ staged, won, {}, {}, true });
    Account a{ 9 };
    Account b = a;
    b.territoryId = 4;
    change.accounts.push_back({ a, b });
    change.accounts.push_back({ Account{ 8 }, Account{ 8 } }); // unchanged: not listed
    EXPECT_EQ(change.aspects(), ChangeAspect::Opportunities | ChangeAspect::Accounts);
    EXPECT_EQ(change.opportunityIds(), (std::vector<Id>{ 3, 5 }));
    EXPECT_EQ(change.accountIds(), std::vector<Id>{ 9 });
    EXPECT_EQ(change.opportunityFields(), OpportunityField::Amount | OpportunityField::Stage);
    EXPECT_EQ(change.accountFields(), AccountFields(AccountField::Territory));
    BookChange quota;
    quota.quotas.push_back(
            { { 2, QStringLiteral("2026-Q4"), 5 }, { 2, QStringLiteral("2026-Q4"), 6 } });
    quota.capacities.push_back({ { 7, 3 }, { 7, 4 } });
    EXPECT_EQ(quota.repIds(), (std::vector<Id>{ 2, 7 }));
    EXPECT_EQ(quota.aspects(), ChangeAspect::Quotas | ChangeAspect::Reps);
}
