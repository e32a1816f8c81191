#include "import/keyindex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace tp;
using namespace tp::crm;

TEST(KeyIndex, FindsEveryIdStoredUnderAHashAcrossGrowth)
{
    KeyIndex index;
    for (Id id = 1; id <= 5000; ++id)
        index.insert(KeyIndex::hash(std::to_string(id)), id);
    EXPECT_EQ(index.size(), 5000u);
    for (Id id = 1; id <= 5000; ++id) {
        std::vector<Id> found;
        index.find(KeyIndex::hash(std::to_string(id)), [&](Id candidate) {
            found.push_back(candidate);
            return false;
        });
        ASSERT_EQ(found, std::vector<Id>{ id }) << id;
    }
    EXPECT_FALSE(index.find(KeyIndex::hash("5001"), [](Id) { return true; }));
}

TEST(KeyIndex, CollidingHashesGiveEveryCandidateUntilOneMatches)
{
    KeyIndex index;
    index.reserve(10);
    index.insert(42, 7);
    index.insert(42, 9);
    index.insert(43, 11);
    std::vector<Id> seen;
    EXPECT_TRUE(index.find(42, [&](Id id) {
        seen.push_back(id);
        return id == 9;
    }));
    EXPECT_EQ(seen, (std::vector<Id>{ 7, 9 }));
    EXPECT_THROW(index.insert(1, 0), std::out_of_range);
    EXPECT_THROW(index.insert(1, Id(1) << 32), std::out_of_range); // ids are kept in 32 bits
    index.insert(1, (Id(1) << 32) - 1);
    EXPECT_TRUE(index.find(1, [](Id id) { return id == (Id(1) << 32) - 1; }));
}

TEST(KeyIndex, SaltSeparatesEqualTexts)
{
    EXPECT_NE(KeyIndex::hash("Acme", 1), KeyIndex::hash("Acme", 2));
    EXPECT_EQ(KeyIndex::hash("Acme", 1), KeyIndex::hash("Acme", 1));
}

TEST(TextIds, ExactTextOnly)
{
    TextIds ids;
    ids.insert("001A", 1);
    ids.insert("001a", 2);
    ids.insert("", 3);
    ASSERT_NE(ids.find("001A"), nullptr);
    EXPECT_EQ(*ids.find("001A"), 1);
    EXPECT_EQ(*ids.find("001a"), 2);
    EXPECT_EQ(*ids.find(""), 3);
    EXPECT_EQ(ids.find("001"), nullptr);
    EXPECT_EQ(ids.find("001AB"), nullptr);
    for (int i = 0; i < 3000; ++i)
        ids.insert("acct-" + std::to_string(i), 10 + i);
    EXPECT_EQ(*ids.find("acct-2999"), 3009);
    EXPECT_EQ(ids.size(), 3003u);
}
