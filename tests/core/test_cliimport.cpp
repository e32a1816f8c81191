#include "bookdump.h"
#include "clirun.h"
#include "testsupport.h"

#include "cli/cli.h"
#include "import/fields.h"
#include "import/filepreview.h"
#include "import/mappingstore.h"
#include "storage/book.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace tp;

namespace {

using Result = test::CliResult;

Result run(const QStringList &arguments)
{
    return test::runCli(arguments);
}

QString sample(const char *name)
{
    return test::dataFile(QStringLiteral("import/") + QString::fromUtf8(name));
}

} // namespace

TEST(CliImport, ImportsCreatesTheBookAndReportsJson)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("new.tpbook"));
    const Result r = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                           QStringLiteral("--as-of"), QStringLiteral("2026-11-13"),
                           QStringLiteral("--json"), sample("salesforce-report.csv") });
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_TRUE(o.value(QStringLiteral("committed")).toBool());
    const QJsonObject file = o.value(QStringLiteral("files")).toArray().at(0).toObject();
    EXPECT_EQ(file.value(QStringLiteral("preset")).toString(), QStringLiteral("salesforce-report"));
    EXPECT_EQ(file.value(QStringLiteral("created")).toInt(), 200);
    EXPECT_EQ(file.value(QStringLiteral("rejected")).toInt(), 0);
    EXPECT_TRUE(QFileInfo::exists(book));

    // The next week's export, as text.
    const Result week2 =
            run({ QStringLiteral("import"), QStringLiteral("--db"), book, QStringLiteral("--as-of"),
                  QStringLiteral("2026-11-20"), sample("salesforce-report-week2.csv") });
    ASSERT_EQ(week2.code, cli::Ok) << week2.err.toStdString();
    EXPECT_TRUE(week2.out.contains(QStringLiteral("stage changes"))) << week2.out.toStdString();
}

TEST(CliImport, BadRowsFailWithFileLineAndColumnAndLeaveNoNewBook)
{
    test::TempDir dir;
    const QString csv = dir.path(QStringLiteral("bad.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("Rep,Period,Quota\nAna,2026-Q4,1000\nBen,someday,2000\n");
    }
    const QString book = dir.path(QStringLiteral("new.tpbook"));
    const Result r = run({ QStringLiteral("import"), QStringLiteral("--db"), book, csv });
    EXPECT_EQ(r.code, cli::BadInput);
    EXPECT_TRUE(r.err.contains(QStringLiteral("bad.csv, line 3, column 2"))) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(book));

    const Result skipped = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                                 QStringLiteral("--skip-invalid"), csv });
    EXPECT_EQ(skipped.code, cli::Ok) << skipped.err.toStdString();
    EXPECT_TRUE(skipped.out.contains(QStringLiteral("1 created"))) << skipped.out.toStdString();
}

TEST(CliImport, UsageErrorsAndStageMapping)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("b.tpbook"));
    EXPECT_EQ(run({ QStringLiteral("import"), QStringLiteral("--db"), book }).code, cli::Usage);
    EXPECT_EQ(run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                    QStringLiteral("--kind"), QStringLiteral("deals"), sample("quotas.csv") })
                      .code,
              cli::Usage);
    EXPECT_EQ(run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                    QStringLiteral("--map-stage"), QStringLiteral("Foo"), sample("quotas.csv") })
                      .code,
              cli::Usage);
    const QString csv = dir.path(QStringLiteral("deals.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("Deal - ID,Deal - Title,Deal - Stage,Deal - Status,Deal - Value,Deal - Owner\n"
                "1,Alpha,Scoping,Open,100,Ana\n2,Beta,Scoping,Won,200,Ana\n");
    }
    const Result blocked = run({ QStringLiteral("import"), QStringLiteral("--db"), book, csv });
    EXPECT_EQ(blocked.code, cli::BadInput);
    EXPECT_TRUE(blocked.err.contains(QStringLiteral("Stages with no mapping: \"Scoping\" (2 rows). "
                                                    "Map each with --map-stage \"NAME=Stage\".\n")))
            << blocked.err.toStdString();
    const Result mapped =
            run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                  QStringLiteral("--map-stage"), QStringLiteral("Scoping=Prove"), csv });
    EXPECT_EQ(mapped.code, cli::Ok) << mapped.err.toStdString();
    EXPECT_TRUE(mapped.out.contains(QStringLiteral("2 created"))) << mapped.out.toStdString();
}

TEST(CliImport, KindTakesTheKindsTheImporterKnows)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("b.tpbook"));
    const Result unknown =
            run({ QStringLiteral("import"), QStringLiteral("--db"), book, QStringLiteral("--kind"),
                  QStringLiteral("forecasts"), sample("salesforce-accounts.csv") });
    EXPECT_EQ(unknown.code, cli::Usage);
    EXPECT_EQ(unknown.err,
              QStringLiteral("--kind: expected one of opportunities, accounts, activities, quotas, "
                             "scores; found \"forecasts\".\n"));
    EXPECT_FALSE(QFileInfo::exists(book));

    const QString mapping = dir.path(QStringLiteral("forecasts.json"));
    {
        QFile f(mapping);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(R"({"kind": "forecasts"})");
    }
    const Result mapped =
            run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                  QStringLiteral("--mapping"), mapping, sample("salesforce-accounts.csv") });
    EXPECT_EQ(mapped.code, cli::Usage);
    EXPECT_TRUE(mapped.err.contains(QStringLiteral("forecasts.json: \"kind\": expected one of "
                                                   "opportunities, accounts")))
            << mapped.err.toStdString();

    for (crm::Kind kind : crm::allKinds()) {
        const Result r = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                               QStringLiteral("--dry-run"), QStringLiteral("--kind"),
                               crm::kindKey(kind), sample("quotas.csv") });
        EXPECT_NE(r.code, cli::Usage) << r.err.toStdString();
    }
    const Result help = run({ QStringLiteral("--help") });
    EXPECT_TRUE(help.out.contains(
            QStringLiteral("--kind opportunities|accounts|activities|quotas|scores]")))
            << help.out.toStdString();
}

TEST(CliImport, ScoresImportByKindWithTheirRejectionsInJson)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("b.tpbook"));
    ASSERT_EQ(run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                    sample("salesforce-accounts.csv") })
                      .code,
              cli::Ok);
    const QString bad = test::writeFile(dir, "bad.csv", "Account ID,Timing\n001Kx0000000000,9\n");
    const Result refused = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                                 QStringLiteral("--kind"), QStringLiteral("scores"), bad });
    EXPECT_EQ(refused.code, cli::BadInput);
    EXPECT_TRUE(
            refused.err.contains(QStringLiteral("line 2, column 2: Timing: expected a score from 0 "
                                                "to 5 (or nothing: not scored), found \"9\"")))
            << refused.err.toStdString();

    const Result r =
            run({ QStringLiteral("import"), QStringLiteral("--db"), book, QStringLiteral("--json"),
                  QStringLiteral("--kind"), QStringLiteral("scores"), sample("scores.csv") });
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString();
    const QJsonObject all = QJsonDocument::fromJson(r.out.toUtf8()).object();
    EXPECT_TRUE(all.value(QStringLiteral("committed")).toBool());
    const QJsonObject o = all.value(QStringLiteral("files")).toArray().at(0).toObject();
    EXPECT_EQ(o.value(QStringLiteral("kind")).toString(), QStringLiteral("scores"));
    EXPECT_EQ(o.value(QStringLiteral("preset")).toString(), QStringLiteral("scores"));
    EXPECT_EQ(o.value(QStringLiteral("updated")).toInt(), 4);
    EXPECT_EQ(o.value(QStringLiteral("rejected")).toInt(), 0);
}

TEST(CliImport, AMappingRememberedForTheHeaderIsUsedWithoutMappingFile)
{
    test::TempDir dir;
    const QString csv = dir.path(QStringLiteral("deals.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("Deal,Account,Phase,Value,Close\nAlpha,Acme,Scoping,1000,25/12/2026\n"
                "Beta,Bolt,Signed,2000,3/4/2026\n");
    }
    const QString book = dir.path(QStringLiteral("a.tpbook"));
    const QStringList import{ QStringLiteral("import"), QStringLiteral("--db"), book,
                              QStringLiteral("--json"), csv };
    // Unknown to the presets: "Phase" is no stage column, so nothing can be imported.
    const Result unknown = run(import);
    ASSERT_EQ(unknown.code, cli::BadInput);
    {
        auto b = Book::create(book);
        crm::RememberedMapping m;
        m.preset = QStringLiteral("generic");
        m.columns = { { crm::Field::Name, 0 },
                      { crm::Field::AccountName, 1 },
                      { crm::Field::Stage, 2 },
                      { crm::Field::Amount, 3 },
                      { crm::Field::CloseDate, 4 } };
        m.stageMap.insert(QStringLiteral("Scoping"), Stage::Qualify);
        m.stageMap.insert(QStringLiteral("Signed"), Stage::Won);
        crm::MappingStore(*b).save(crm::previewFile(csv).fingerprint, m, QDate(2026, 11, 2));
    }
    const Result r = run(import);
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString();
    const QJsonObject file = QJsonDocument::fromJson(r.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("files"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
    EXPECT_EQ(file.value(QStringLiteral("created")).toInt(), 2);
    EXPECT_EQ(file.value(QStringLiteral("remembered_mapping")).toString(),
              QStringLiteral("2026-11-02"));

    // Another kind on the command line: the remembered layout does not apply.
    const Result quotas = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                                QStringLiteral("--kind"), QStringLiteral("quotas"), csv });
    EXPECT_EQ(quotas.code, cli::BadInput);
}

// Issue 16, item 1: a column given by number 0 beside one given by header name crashed the import
// (names.at out of range) and left an empty book behind.
TEST(CliImport, BadMappingValuesAreClearErrorsAndLeaveNoBook)
{
    test::TempDir dir;
    const QString csv = test::writeFile(dir, "deals.csv",
                                        "Deal,Account,Phase,Value\nAlpha,Acme,Qualify,1000\n");
    const QString book = dir.path(QStringLiteral("new.tpbook"));
    const struct
    {
        const char *json;
        const char *message;
    } cases[] = {
        { R"({"columns": {"name": 0, "stage": "Phase"}})",
          "map.json: \"columns.name\": expected a column number from 1 to 100000 or a header "
          "name, found 0." },
        { R"({"columns": {"name": -3, "stage": "Phase"}})", "found -3." },
        { R"({"columns": {"name": 1e12}})", "found 1000000000000." },
        { R"({"columns": {"name": 1.5}})", "found 1.5." },
        { R"({"columns": {"name": null}})", "found null." },
        { R"({"columns": {"name": ""}})", "found \"\"." },
        { R"({"columns": {"name": [1]}})", "found a list." },
        { R"({"columns": {"colour": 1}})", "\"colour\" is not a field of opportunities" },
        { R"({"columns": [1, 2]})", "\"columns\": expected an object" },
        { R"({"colums": {}})", "unknown key \"colums\"" },
        { R"({"stages": {"Scoping": "Maybe"}})", "\"stages.Scoping\": expected one of Qualify" },
        { R"({"date_order": "dym"})", "\"date_order\": expected dmy, mdy or ymd, found \"dym\"." },
        { R"({"decimal": 1})", "\"decimal\": expected dot or comma, found 1." },
        { R"({"preset": "sap"})", "\"preset\": expected one of auto, salesforce-report" },
        { R"([{"name": 1}])", "map.json: expected a JSON object" },
        { R"({"columns": {"name": 1)", "map.json: not valid JSON at character" },
    };
    for (const auto &c : cases) {
        const QString map = test::writeFile(dir, "map.json", c.json);
        const Result r = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                               QStringLiteral("--mapping"), map, csv });
        EXPECT_EQ(r.code, cli::Usage) << c.json;
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(c.message)))
                << c.json << " → " << r.err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(book)) << c.json;
    }

    // Columns by header name the file lacks, or by a number past its last column: the file's
    // error, and still no book.
    for (const char *json : { R"({"columns": {"name": 1, "stage": "Stage"}})",
                              R"({"columns": {"name": 9, "stage": "Phase"}})" }) {
        const QString map = test::writeFile(dir, "map.json", json);
        const Result r = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                               QStringLiteral("--mapping"), map, csv });
        EXPECT_EQ(r.code, cli::BadInput) << json;
        EXPECT_TRUE(r.err.startsWith(QStringLiteral("deals.csv: the mapping names column ")))
                << r.err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(book)) << json;
    }

    // Numbers and names together, as the crash had them, now import.
    const QString map = test::writeFile(
            dir, "map.json",
            R"({"columns": {"name": 1, "account_name": "account", "stage": "PHASE ", "amount": 4}})");
    const Result ok = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                            QStringLiteral("--mapping"), map, csv });
    EXPECT_EQ(ok.code, cli::Ok) << ok.err.toStdString();
    EXPECT_TRUE(ok.out.contains(QStringLiteral("1 created"))) << ok.out.toStdString();

    // A field of another kind than the file's is refused too.
    const QString quotas =
            test::writeFile(dir, "map.json", R"({"kind": "quotas", "columns": {"industry": 1}})");
    const Result wrongKind = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                                   QStringLiteral("--mapping"), quotas, csv });
    EXPECT_EQ(wrongKind.code, cli::Usage);
    EXPECT_TRUE(wrongKind.err.contains(QStringLiteral("\"industry\" is not a field of quotas")))
            << wrongKind.err.toStdString();
}

TEST(CliImport, HelpDocumentsTheMappingFile)
{
    const Result help = run({ QStringLiteral("import"), QStringLiteral("--help") });
    EXPECT_EQ(help.code, cli::Ok);
    for (const char *text : { "--mapping MAP.json", "Field keys by kind:",
                              "opportunities: crm_id, name, account_name", "accounts: crm_id, name",
                              "Presets: auto, salesforce-report", "date_order: dmy, mdy or ymd" })
        EXPECT_TRUE(help.out.contains(QString::fromUtf8(text))) << text << help.out.toStdString();
}

// Issue 16, item 3: one Windows-1252 byte in a UTF-8 export decoded the whole file as
// Windows-1252, and a phantom rep "ZoÃ« MÃ¼ller" took over the deals. Now the import stops,
// says where the bad byte is, and asks for --encoding.
TEST(CliImport, AMostlyUtf8FileAsksForItsEncoding)
{
    test::TempDir dir;
    const QString csv = test::writeFile(
            dir, "deals.csv",
            "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Opportunity ID\n"
            "Zo\xC3\xAB M\xC3\xBCller,Acme,Alpha,Prospecting,100,006A\n"
            "Zo\xC3\xAB M\xC3\xBCller,Acme,Beta,Prospecting,200,006B\n"
            "Ana,Caf\xE9 Bleu,Gamma,Prospecting,300,006C\n");
    const QString book = dir.path(QStringLiteral("b.tpbook"));
    const Result asked = run({ QStringLiteral("import"), QStringLiteral("--db"), book, csv });
    EXPECT_EQ(asked.code, cli::BadInput);
    EXPECT_TRUE(asked.err.contains(QStringLiteral("The file is UTF-8 but for 1 byte that is not: "
                                                  "line 4, column 2 (0xE9).")))
            << asked.err.toStdString();
    EXPECT_TRUE(
            asked.err.contains(QStringLiteral("Give --encoding utf-8 or --encoding windows-1252.")))
            << asked.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(book));

    const Result utf8 = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                              QStringLiteral("--encoding"), QStringLiteral("utf-8"), csv });
    ASSERT_EQ(utf8.code, cli::Ok) << utf8.err.toStdString();
    EXPECT_TRUE(utf8.out.contains(
            QStringLiteral("1 byte is not UTF-8 and was read as “\uFFFD”: line 4, "
                           "column 2 (0xE9).")))
            << utf8.out.toStdString();
    {
        auto b = Book::open(book);
        auto st = b->db().prepare(
                "SELECT group_concat(name, '|') FROM (SELECT name FROM reps ORDER BY name)");
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.text(0), QStringLiteral("Ana|Zoë Müller"));
    }

    const Result bad = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                             QStringLiteral("--encoding"), QStringLiteral("ebcdic"), csv });
    EXPECT_EQ(bad.code, cli::Usage);

    // A file with no UTF-8 character at all is Windows-1252, and the note says why.
    const QString latin = test::writeFile(
            dir, "latin.csv",
            "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Opportunity ID\n"
            "Zo\xEB M\xFCller,Acme,Delta,Prospecting,100,006D\n");
    const Result windows = run({ QStringLiteral("import"), QStringLiteral("--db"), book, latin });
    ASSERT_EQ(windows.code, cli::Ok) << windows.err.toStdString();
    EXPECT_TRUE(
            windows.out.contains(QStringLiteral("Read as Windows-1252: 2 bytes are not UTF-8 (line "
                                                "2, column 1 (0xEB); line 2, column 1 (0xFC)) and "
                                                "no character is written the UTF-8 way.")))
            << windows.out.toStdString();
    auto b = Book::open(book);
    auto st = b->db().prepare("SELECT count(*) FROM reps");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 2) << "Zoë Müller is one rep";
}

// Issue 16, items 4 and 5, on the command line: a header-only complete export imports nothing;
// a complete file cut short needs --allow-mass-removal; likely duplicates are counted in a dry
// run and need --skip-duplicates or --allow-duplicates.
TEST(CliImport, ConfirmationsForMassRemovalAndDuplicates)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("b.tpbook"));
    const QStringList base{ QStringLiteral("import"), QStringLiteral("--db"), book };
    ASSERT_EQ(run(base
                  + QStringList{ QStringLiteral("--as-of"), QStringLiteral("2026-11-13"),
                                 sample("salesforce-report.csv") })
                      .code,
              cli::Ok);
    const QByteArray header =
            test::readAll(sample("salesforce-report.csv")).split('\n').front() + '\n';
    const QString empty = test::writeFile(dir, "empty.csv", header);
    const Result nothing = run(base + QStringList{ QStringLiteral("--complete"), empty });
    EXPECT_EQ(nothing.code, cli::BadInput);
    EXPECT_TRUE(nothing.err.contains(
            QStringLiteral("has a header but no data rows: nothing to import")))
            << nothing.err.toStdString();

    const QString cut = test::writeFile(
            dir, "cut.csv",
            header + test::readAll(sample("salesforce-report.csv")).split('\n').at(1) + '\n');
    const Result refused = run(base + QStringList{ QStringLiteral("--complete"), cut });
    EXPECT_EQ(refused.code, cli::BadInput);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("--allow-mass-removal")))
            << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("cut.csv: nothing was imported.")));
    const Result dry = run(
            base + QStringList{ QStringLiteral("--complete"), QStringLiteral("--dry-run"), cut });
    EXPECT_EQ(dry.code, cli::Ok) << dry.err.toStdString();
    EXPECT_TRUE(
            dry.out.contains(QStringLiteral("to confirm: As the complete pipeline of its source")))
            << dry.out.toStdString();

    const QString hubspot = test::writeFile(dir, "hubspot.csv",
                                            test::readAll(sample("hubspot-deals.csv"))
                                                    .replace("006Kx", "78123")
                                                    .replace("001Kx", "91456"));
    const Result counted = run(
            base + QStringList{ QStringLiteral("--dry-run"), QStringLiteral("--json"), hubspot });
    ASSERT_EQ(counted.code, cli::Ok) << counted.err.toStdString();
    const QJsonObject file = QJsonDocument::fromJson(counted.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("files"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
    const int duplicates = file.value(QStringLiteral("duplicates")).toInt();
    EXPECT_GT(duplicates, 150);
    EXPECT_EQ(file.value(QStringLiteral("likely_duplicates"))
                      .toArray()
                      .at(0)
                      .toObject()
                      .value(QStringLiteral("line"))
                      .toInt(),
              2);
    EXPECT_EQ(file.value(QStringLiteral("unconfirmed"))
                      .toArray()
                      .at(0)
                      .toObject()
                      .value(QStringLiteral("kind"))
                      .toString(),
              QStringLiteral("duplicates"));
    const Result asked = run(base + QStringList{ hubspot });
    EXPECT_EQ(asked.code, cli::BadInput);
    EXPECT_TRUE(asked.err.contains(QStringLiteral("--skip-duplicates"))) << asked.err.toStdString();
    EXPECT_EQ(run(base
                  + QStringList{ QStringLiteral("--skip-duplicates"),
                                 QStringLiteral("--allow-duplicates"), hubspot })
                      .code,
              cli::Usage);
    const Result skipped = run(base + QStringList{ QStringLiteral("--skip-duplicates"), hubspot });
    EXPECT_EQ(skipped.code, cli::Ok) << skipped.err.toStdString();
    EXPECT_TRUE(
            skipped.out.contains(QStringLiteral("%1 likely duplicates left out").arg(duplicates)))
            << skipped.out.toStdString();
}

// Issue 16, item 6: an import made on the command line can be undone there too, listing first
// what the undo does; edits made after the import stop it unless --force.
TEST(CliImport, UndoImportListsWhatItDoesAndWaitsForForceOverLaterEdits)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("b.tpbook"));
    const QStringList undo{ QStringLiteral("undo-import"), QStringLiteral("--db"), book };
    ASSERT_EQ(run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                    QStringLiteral("--as-of"), QStringLiteral("2026-11-13"), sample("quotas.csv") })
                      .code,
              cli::Ok);
    ASSERT_EQ(
            run({ QStringLiteral("import"), QStringLiteral("--db"), book, QStringLiteral("--as-of"),
                  QStringLiteral("2026-11-13"), sample("salesforce-report.csv") })
                    .code,
            cli::Ok);
    const Result dry = run(undo + QStringList{ QStringLiteral("--dry-run") });
    ASSERT_EQ(dry.code, cli::Ok) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.startsWith(QStringLiteral(
            "The newest import: salesforce-report.csv (opportunities, as of 2026-11-13).\n"
            "Undoing it deletes what it made: ")))
            << dry.out.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("200 opportunities"))) << dry.out.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("(dry run: nothing changed)")));

    // A rep's capacity set by hand after the import: the rep came from the first import, not
    // this one, so nothing is lost; a deal of this import edited by hand is.
    {
        auto b = Book::open(book);
        b->db().exec("UPDATE opportunities SET amount = 1 WHERE crm_id = '006Kx0000000000IAA'");
    }
    const Result refused = run(undo);
    EXPECT_EQ(refused.code, cli::BadInput);
    EXPECT_TRUE(
            refused.out.contains(QStringLiteral("1 edit made after the import would be lost:\n"
                                                "  - opportunity “O'Brien expansion 0”, made by "
                                                "the import and changed since, would be deleted")))
            << refused.out.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("--force")));

    const Result forced =
            run(undo + QStringList{ QStringLiteral("--force"), QStringLiteral("--json") });
    ASSERT_EQ(forced.code, cli::Ok) << forced.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(forced.out.toUtf8()).object();
    EXPECT_TRUE(o.value(QStringLiteral("undone")).toBool());
    EXPECT_EQ(o.value(QStringLiteral("removes"))
                      .toObject()
                      .value(QStringLiteral("opportunities"))
                      .toInt(),
              200);
    EXPECT_EQ(o.value(QStringLiteral("later_edit_count")).toInt(), 1);

    // The quotas import is the newest now; then there is nothing left.
    EXPECT_EQ(run(undo).code, cli::Ok);
    const Result none = run(undo);
    EXPECT_EQ(none.code, cli::BadInput);
    EXPECT_TRUE(none.err.contains(QStringLiteral("has no import to undo")));
}

// Issue 16, item 21: a plain CSV of another tool (snake_case headers, no deal name) imports
// headless: its columns are recognised by their usual names, and its deals are named after
// their account and product (else their id), which the report says.
TEST(CliImport, APlainCsvOfAnotherToolImportsWithoutAMappingFile)
{
    test::TempDir dir;
    const QString book = dir.path(QStringLiteral("new.tpbook"));
    const Result r = run({ QStringLiteral("import"), QStringLiteral("--db"), book,
                           QStringLiteral("--as-of"), QStringLiteral("2017-03-15"),
                           QStringLiteral("--json"), sample("plain-snake-case.csv") });
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString() << r.out.toStdString();
    const QJsonObject file = QJsonDocument::fromJson(r.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("files"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
    EXPECT_EQ(file.value(QStringLiteral("preset")).toString(), QStringLiteral("generic"));
    EXPECT_EQ(file.value(QStringLiteral("created")).toInt(), 11);
    EXPECT_TRUE(file.value(QStringLiteral("unmapped_columns")).toArray().isEmpty());
    const QString warnings = file.value(QStringLiteral("warnings")).toArray().at(0).toString();
    EXPECT_EQ(warnings,
              QStringLiteral("The file has no column for the deal's name: each deal is "
                             "named after “account” and “product”, else its id (line 2: "
                             "“Cancity – GTX Plus Basic”)."));
    auto opened = Book::open(book);
    EXPECT_EQ(test::scalar(opened->db(),
                           "SELECT count(*) FROM opportunities WHERE crm_id = "
                           "'Z063OYW0' AND name = 'Isdom – GTXPro' AND stage = 5 "
                           "AND amount = 451400 AND created_date = '2016-10-25'"),
              1);
    // A row with no account names its deal by its product alone.
    EXPECT_EQ(test::scalar(opened->db(),
                           "SELECT count(*) FROM opportunities WHERE crm_id = "
                           "'HAXMC4IX' AND name = 'MG Advanced'"),
              1);
    EXPECT_EQ(test::scalar(opened->db(), "SELECT count(*) FROM reps"), 8);
}
