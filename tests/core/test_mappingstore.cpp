// Remembered import mappings: kept per header fingerprint in the book, as JSON.
#include "testsupport.h"

#include "domain/errors.h"
#include "import/filepreview.h"
#include "import/importer.h"
#include "import/mappingstore.h"
#include "storage/book.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace tp;
using namespace tp::crm;

namespace {

RememberedMapping genericDeals()
{
    RememberedMapping m;
    m.preset = QStringLiteral("generic");
    m.kind = Kind::Opportunities;
    m.columns = { { Field::Name, 0 },
                  { Field::AccountName, 1 },
                  { Field::Stage, 3 },
                  { Field::Amount, 4 },
                  { Field::CloseDate, 5 } };
    m.stageMap.insert(QStringLiteral("Scoping"), Stage::Qualify);
    m.stageMap.insert(QStringLiteral("Signed"), Stage::Won);
    m.dateOrder = values::DateOrder::DayMonthYear;
    m.decimal = values::DecimalSeparator::Comma;
    return m;
}

using test::writeFile;

const QByteArray genericDealsCsv = "Deal,Account,Owner,Phase,Value,Close\n"
                                   "Alpha,Acme,Mia,Scoping,\"1.000,50\",3/4/2026\n"
                                   "Beta,Acme,Mia,Signed,\"2.000,00\",5/6/2026\n";

} // namespace

TEST(MappingStore, RoundTripsEverythingItRemembers)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    MappingStore store(*book);
    const RememberedMapping saved = genericDeals();
    store.save(QStringLiteral("fp1"), saved, QDate(2026, 11, 20));

    const auto loaded = MappingStore(*book).load(QStringLiteral("fp1"));
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->savedOn, QDate(2026, 11, 20));
    RememberedMapping expected = saved;
    expected.savedOn = QDate(2026, 11, 20);
    EXPECT_EQ(*loaded, expected);
    EXPECT_EQ(loaded->columns.size(), 5u);
    EXPECT_EQ(loaded->stageMap.value(QStringLiteral("Signed")), Stage::Won);
}

TEST(MappingStore, AnUnknownFingerprintHasNoMapping)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    MappingStore store(*book);
    EXPECT_FALSE(store.load(QStringLiteral("nothing saved")));
    store.save(QStringLiteral("fp1"), genericDeals());
    EXPECT_FALSE(store.load(QStringLiteral("fp2")));
    store.forget(QStringLiteral("fp1"));
    EXPECT_FALSE(store.load(QStringLiteral("fp1")));
}

TEST(MappingStore, SavingAgainReplacesTheMapping)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    MappingStore store(*book);
    store.save(QStringLiteral("fp1"), genericDeals(), QDate(2026, 11, 1));
    RememberedMapping changed = genericDeals();
    changed.columns = { { Field::Name, 2 }, { Field::Stage, 3 } };
    changed.stageMap.clear();
    changed.dateOrder.reset();
    store.save(QStringLiteral("fp1"), changed, QDate(2026, 11, 20));

    const auto loaded = store.load(QStringLiteral("fp1"));
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->savedOn, QDate(2026, 11, 20));
    EXPECT_EQ(loaded->columns, changed.columns);
    EXPECT_TRUE(loaded->stageMap.isEmpty());
    EXPECT_FALSE(loaded->dateOrder);
    auto count = book->db().prepare("SELECT count(*) FROM import_mappings");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.int64(0), 1);
}

TEST(MappingStore, JsonThatIsNoMappingIsIgnoredAndUnknownEntriesSkipped)
{
    EXPECT_FALSE(RememberedMapping::fromJson("not json"));
    EXPECT_FALSE(RememberedMapping::fromJson(R"({"kind": "opportunities"})"));
    const auto m = RememberedMapping::fromJson(
            R"({"preset": "generic", "kind": "quotas", "columns": {"owner": 1, "warp_factor": 2,
                "period": 0}, "stages": {"X": "Nirvana"}, "date_order": "sideways"})");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->kind, Kind::Quotas);
    EXPECT_EQ(m->columns, (std::vector<std::pair<Field, int>>{ { Field::Owner, 0 } }));
    EXPECT_TRUE(m->stageMap.isEmpty());
    EXPECT_FALSE(m->dateOrder);
}

TEST(MappingStore, ApplyingFillsOnlyWhatTheOptionsLeaveOpen)
{
    const RememberedMapping m = genericDeals();
    ImportOptions fresh;
    EXPECT_TRUE(m.applyTo(fresh));
    EXPECT_EQ(fresh.preset, QStringLiteral("generic"));
    EXPECT_EQ(fresh.kind, Kind::Opportunities);
    EXPECT_EQ(fresh.columns, m.columns);
    EXPECT_EQ(fresh.dateOrder, values::DateOrder::DayMonthYear);
    EXPECT_EQ(fresh.decimal, values::DecimalSeparator::Comma);

    ImportOptions explicitChoices;
    explicitChoices.dateOrder = values::DateOrder::MonthDayYear;
    explicitChoices.stageMap.insert(QStringLiteral("signed "), Stage::Negotiate);
    m.applyTo(explicitChoices);
    EXPECT_EQ(explicitChoices.dateOrder, values::DateOrder::MonthDayYear);
    EXPECT_EQ(explicitChoices.stageMap.size(), 2); // "Signed" stays the user's Negotiate
    EXPECT_EQ(explicitChoices.stageMap.value(QStringLiteral("signed ")), Stage::Negotiate);

    ImportOptions otherKind;
    otherKind.kind = Kind::Accounts;
    EXPECT_FALSE(m.applyTo(otherKind));
    EXPECT_TRUE(otherKind.columns.empty());
    EXPECT_EQ(otherKind.preset, QStringLiteral("auto"));
}

TEST(MappingStore, AMappingOfAnImportMakesTheSameFileImportAgain)
{
    test::TempDir dir;
    auto book = Book::create(dir.path(QStringLiteral("a.tpbook")));
    const QString path = writeFile(dir, "deals.csv", genericDealsCsv);
    ImportOptions options;
    options.asOf = QDate(2026, 11, 20);
    options.preset = QStringLiteral("generic");
    options.columns = { { Field::Name, 0 },  { Field::AccountName, 1 }, { Field::Owner, 2 },
                        { Field::Stage, 3 }, { Field::Amount, 4 },      { Field::CloseDate, 5 } };
    options.stageMap.insert(QStringLiteral("Scoping"), Stage::Qualify);
    options.stageMap.insert(QStringLiteral("Signed"), Stage::Won);
    options.dateOrder = values::DateOrder::DayMonthYear;
    const ImportReport first = importFile(*book, path, options);
    ASSERT_TRUE(first.committed) << first.analysis.problems.join(QLatin1Char(' ')).toStdString();
    MappingStore(*book).save(first.analysis.fingerprint,
                             RememberedMapping::of(first.analysis, options));

    // The same header with other spacing and case finds it; the file's values need it.
    const QString again = writeFile(dir, "again.csv",
                                    "deal , ACCOUNT,Owner,Phase,Value,Close\n"
                                    "Gamma,Bolt,Tom,Signed,\"3.000,25\",7/8/2026\n");
    const FilePreview preview = previewFile(again);
    EXPECT_EQ(preview.fingerprint, first.analysis.fingerprint);
    const auto remembered = MappingStore(*book).load(preview.fingerprint);
    ASSERT_TRUE(remembered);
    ImportOptions reuse;
    reuse.asOf = QDate(2026, 11, 27);
    remembered->applyTo(reuse);
    const ImportReport second = importFile(*book, again, reuse);
    ASSERT_TRUE(second.committed) << second.analysis.problems.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(second.counts.created, 1);
    auto st = book->db().prepare(
            "SELECT amount, stage, close_date FROM opportunities WHERE name = 'Gamma'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 300025);
    EXPECT_EQ(Stage(st.integer(1)), Stage::Won);
    EXPECT_EQ(st.date(2), QDate(2026, 8, 7));
}

TEST(FilePreview, ReadsTheHeaderAndTheFirstRowsOnly)
{
    const FilePreview p =
            previewFile(test::dataFile(QStringLiteral("import/salesforce-report.csv")));
    EXPECT_EQ(p.headerLine, 1);
    ASSERT_EQ(p.header.size(), 16);
    EXPECT_EQ(p.header.at(3), QStringLiteral("Stage"));
    EXPECT_EQ(p.samples.size(), 8u);
    EXPECT_EQ(p.samplesOf(0),
              (QStringList{ QStringLiteral("Mia Rossi"), QStringLiteral("José Álvarez"),
                            QStringLiteral("Tom O'Neill") }));
    // Empty cells are no samples: the first row has no Last Activity.
    EXPECT_EQ(p.samplesOf(10, 1), QStringList{ QStringLiteral("12/12/2025") });
    EXPECT_TRUE(p.samplesOf(99).isEmpty());
    EXPECT_EQ(p.fingerprint, headerFingerprint(p.header));
}

TEST(FilePreview, DecidesTheEncodingOnTheFilesStartAndLeavesTheRestToTheAnalysis)
{
    // 3 MB of valid UTF-8, then one Windows-1252 byte: the preview does not read that far.
    test::TempDir dir;
    QByteArray bytes = "Deal,Account,Stage,Amount\n";
    while (bytes.size() < 3 * 1000 * 1000)
        bytes += "Müller deal,Müller & Söhne,Prospecting,1000\n";
    bytes += "Caf\xE9 deal,Caf\xE9,Prospecting,5\n";
    const QString path = writeFile(dir, "late-latin.csv", bytes);
    const FilePreview p = previewFile(path);
    EXPECT_EQ(p.dialect.encoding, csv::Encoding::Utf8);
    EXPECT_FALSE(p.dialect.encodingSettled);
    ASSERT_FALSE(p.samples.empty());
    EXPECT_EQ(p.samples.front().at(1), QStringLiteral("Müller & Söhne"));

    // The analysis reads the whole file: UTF-8 but for one byte, which only the user can
    // settle (issue 16, item 3: it became Windows-1252, and every ü and ö mojibake).
    const Analysis a = analyzeFile(path, {}, BookTerms::none());
    EXPECT_EQ(a.dialect.encoding, csv::Encoding::Utf8);
    EXPECT_TRUE(a.dialect.encodingSettled);
    EXPECT_GE(a.encodingProblem, 0);
    EXPECT_FALSE(a.canImport());

    // A small file is checked whole.
    const FilePreview small =
            previewFile(test::dataFile(QStringLiteral("import/salesforce-report.csv")));
    EXPECT_TRUE(small.dialect.encodingSettled);
}

TEST(FilePreview, AFileWithoutAHeaderIsAnError)
{
    test::TempDir dir;
    const QString path = writeFile(dir, "blank.csv", ",,\n,,\n");
    EXPECT_THROW(previewFile(path), InputError);
}
