#include "testsupport.h"

#include "import/fields.h"
#include "import/presets.h"

#include <gtest/gtest.h>

using namespace tp::crm;

namespace {

QStringList header(std::initializer_list<const char *> cells)
{
    QStringList out;
    for (const char *c : cells)
        out.append(QString::fromUtf8(c));
    return out;
}

// The first line of a sample export, split on commas outside quotes (the samples' headers
// have no embedded delimiters).
QStringList sampleHeader(const char *file)
{
    const QByteArray bytes = tp::test::readAll(
            tp::test::dataFile(QStringLiteral("import/") + QString::fromUtf8(file)));
    QString line = QString::fromUtf8(bytes.left(bytes.indexOf('\n'))).trimmed();
    if (line.startsWith(QChar(0xFEFF)))
        line.remove(0, 1);
    QStringList cells = line.split(QLatin1Char(','));
    for (QString &c : cells) {
        if (c.startsWith(QLatin1Char('"')) && c.endsWith(QLatin1Char('"')))
            c = c.mid(1, c.size() - 2);
    }
    return cells;
}

int columnOf(const PresetMatch &match, Field field)
{
    for (const auto &[f, column] : match.columns) {
        if (f == field)
            return column;
    }
    return -2;
}

} // namespace

TEST(Fields, CatalogueIsConsistent)
{
    for (int i = 0; i <= int(Field::Period); ++i) {
        const auto field = Field(i);
        EXPECT_EQ(fieldInfo(field).field, field) << i;
        EXPECT_EQ(fieldFromKey(QString::fromLatin1(fieldInfo(field).key)), field);
        EXPECT_FALSE(fieldLabel(field).isEmpty());
    }
    for (Kind kind :
         { Kind::Opportunities, Kind::Accounts, Kind::Activities, Kind::Quotas, Kind::Scores })
        EXPECT_EQ(kindFromKey(kindKey(kind)), kind);
    EXPECT_FALSE(kindFromKey(QStringLiteral("deals")));
}

TEST(Presets, HeadersMatchIgnoringCaseSpacesNoBreakSpacesAndTrailingStar)
{
    EXPECT_EQ(normalizeHeader(u" Close\u00a0Date* "), QStringLiteral("close date"));
    EXPECT_EQ(normalizeHeader(u"STAGENAME"), normalizeHeader(u"StageName"));
    EXPECT_EQ(normalizeHeader(u"\ufeffRecord ID"), QStringLiteral("record id"));
}

TEST(Presets, DetectsEachSampleExport)
{
    const struct
    {
        const char *file;
        const char *preset;
    } cases[] = { { "salesforce-report.csv", "salesforce-report" },
                  { "hubspot-deals.csv", "hubspot" },
                  { "pipedrive-deals.csv", "pipedrive" },
                  { "salesforce-accounts.csv", "salesforce-accounts" },
                  { "quotas.csv", "quotas" } };
    for (const auto &c : cases) {
        const auto match = detectPreset(sampleHeader(c.file));
        ASSERT_TRUE(match) << c.file;
        EXPECT_EQ(match->preset->id, QString::fromUtf8(c.preset)) << c.file;
    }
    const auto sf = detectPreset(sampleHeader("salesforce-report.csv"));
    EXPECT_EQ(columnOf(*sf, Field::CrmId), 14);
    EXPECT_EQ(columnOf(*sf, Field::Probability), 7);
    EXPECT_EQ(columnOf(*sf, Field::StageChanged), -1);
}

TEST(Presets, DetectsDataLoaderZohoAndDynamicsHeaders)
{
    // Older Data Loader versions write the API names in upper case.
    auto match =
            detectPreset(header({ "ID", "ACCOUNTID", "NAME", "STAGENAME", "AMOUNT", "CLOSEDATE",
                                  "CREATEDDATE", "ISCLOSED", "ISWON", "OWNER.NAME" }));
    ASSERT_TRUE(match);
    EXPECT_EQ(match->preset->id, QStringLiteral("salesforce-dataloader"));
    EXPECT_EQ(columnOf(*match, Field::Owner), 9);

    match = detectPreset(header({ "Record Id", "Deal Owner", "Deal Name", "Account Name",
                                  "Account Name.id", "Stage", "Amount", "Closing Date" }));
    ASSERT_TRUE(match);
    EXPECT_EQ(match->preset->id, QStringLiteral("zoho"));
    EXPECT_EQ(columnOf(*match, Field::AccountCrmId), 4);

    match = detectPreset(header({ "(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum",
                                  "(Do Not Modify) Modified On", "Thema", "Potenzieller Kunde",
                                  "Geschätzter Umsatz", "Geschätztes Abschlussdatum",
                                  "Wahrscheinlichkeit", "Status", "Pipelinephase" }));
    ASSERT_TRUE(match);
    EXPECT_EQ(match->preset->id, QStringLiteral("dynamics"));
    EXPECT_EQ(columnOf(*match, Field::Stage), 9);
}

TEST(Presets, UnknownHeadersDetectNothingAndKindRestrictsTheSearch)
{
    EXPECT_FALSE(detectPreset(header({ "Foo", "Bar", "Baz", "Amount" })));
    EXPECT_FALSE(detectPreset(sampleHeader("quotas.csv"), Kind::Opportunities));
}

TEST(Presets, FindsAHeaderBelowTitleRows)
{
    std::vector<QStringList> rows{ header({ "Pipeline report" }),
                                   header({ "As of 11/20/2026", "" }), header({}),
                                   sampleHeader("salesforce-report.csv"),
                                   header({ "Mia Rossi", "Acme" }) };
    EXPECT_EQ(findHeaderRow(rows), 3);
    std::vector<QStringList> generic{ header({ "Exported by Bob" }),
                                      header({ "Deal", "Value", "When" }),
                                      header({ "A", "1", "2026-01-01" }) };
    EXPECT_EQ(findHeaderRow(generic), 1);
    EXPECT_EQ(findHeaderRow({ header({ "", "" }) }), -1);
}

TEST(Presets, RecognisesSalesforceFooters)
{
    EXPECT_TRUE(isSalesforceFooter(header({ "Grand Totals (200 records)" })));
    EXPECT_TRUE(isSalesforceFooter(header({ "Grand Totals (1,200 records)", "", "" })));
    EXPECT_TRUE(isSalesforceFooter(header({ "Confidential Information - Do Not Distribute" })));
    EXPECT_TRUE(isSalesforceFooter(
            header({ "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved." })));
    EXPECT_FALSE(isSalesforceFooter(header({ "Grand Totals (200 records)", "Mia Rossi" })));
    EXPECT_FALSE(isSalesforceFooter(header({ "Grand Totals Inc." })));
}
