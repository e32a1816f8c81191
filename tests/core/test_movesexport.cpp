// Publishing the moves (docs/METRICS.md "Territories", "Publishing"; core/report/movesexport.h):
// the Salesforce, HubSpot and generic files and the open deals that stay, on a hand-made book;
// `export --what moves`, its usage errors; and the Salesforce and HubSpot files read back by the
// book's own import land the owner changes and change nothing else.
#include "bookdump.h"
#include "clirun.h"
#include "testsupport.h"

#include "cli/cli.h"
#include "domain/errors.h"
#include "report/movesexport.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/bookviewloader.h"
#include "storage/opportunities.h"
#include "storage/reps.h"
#include "values/identifiers.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace tp;

namespace {

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *t : texts)
        out.append(QString::fromUtf8(t));
    return out;
}

// Salesforce's 18-character form (values::salesforceId18), worked out by hand: per 5-character
// chunk, bit i is set when character i is an upper-case letter, and the 5-bit number indexes
// "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
// - 001000000000001: chunks 00100, 00000, 00001 have no capital: 0, 0, 0 → AAA.
// - 0015000000XYZAB: 00150 → 0 (A), 00000 → 0 (A), XYZAB → 1+2+4+8+16 = 31 (5).
// - 005A0000012abcD: 005A0 → A is character 3: 8 (I), 00001 → 0 (A), 2abcD → D is character 4:
//   16 (Q).
// - 005B000003XyZab: 005B0 → 8 (I), 00003 → 0 (A), XyZab → X (1) + Z (4) = 5 (F).
constexpr const char *acmeId = "001000000000001", *acmeId18 = "001000000000001AAA";
constexpr const char *boltId = "0015000000XYZAB", *boltId18 = "0015000000XYZABAA5";
constexpr const char *anaId = "005A0000012abcD", *anaId18 = "005A0000012abcDIAQ";
constexpr const char *benId18 = "005B000003XyZabIAF";

TEST(MovesExport, SalesforceIdsAreConvertedTo18Characters)
{
    EXPECT_EQ(values::salesforceId18(acmeId), std::optional<std::string>(acmeId18));
    EXPECT_EQ(values::salesforceId18(boltId), std::optional<std::string>(boltId18));
    EXPECT_EQ(values::salesforceId18(anaId), std::optional<std::string>(anaId18));
    EXPECT_EQ(values::salesforceId18("005B000003XyZab"), std::optional<std::string>(benId18));
    // An 18-character id stays as it is; anything else is no Salesforce id.
    EXPECT_EQ(values::salesforceId18(benId18), std::optional<std::string>(benId18));
    EXPECT_FALSE(values::salesforceId18("1234567").has_value());
    EXPECT_FALSE(values::salesforceId18("77").has_value());
}

class Moves : public ::testing::Test
{
protected:
    // Reps: Ana (15-character Salesforce id, email), Ben (18-character id, email), Cai (neither),
    // Dee (id "77", not Salesforce's, and an email).
    // Accounts, the CRM's owner → the book's owner:
    //   Acme (Salesforce id, 15) Ana → Ben    Bolt (Salesforce id, 15) Ben → Ana
    //   Core (Salesforce id, 18) Ana → Cai    Dune (no CRM id) Ben → Ana
    //   Echo (Salesforce id) Ana → Ana (no move)
    //   Fjord (HubSpot id 1234567) Ben → Dee  Gale (HubSpot id 98765) Ana → Ben
    // Deals: Acme's open O1 (Ana) stays, its open O2 (Ben) goes with it, its won O3 (Ana) is
    // closed; Bolt's open O4 (Ben) stays; Echo's open O5 (Ana) is not on a moved account.
    void SetUp() override
    {
        path = dir.path(QStringLiteral("moves.tpbook"));
        auto book = Book::create(path);
        RepRepository reps(*book);
        ana = reps.insert({ 0,
                            QStringLiteral("Ana"),
                            QStringLiteral("ana@example.com"),
                            {},
                            QString::fromLatin1(anaId) });
        ben = reps.insert({ 0,
                            QStringLiteral("Ben"),
                            QStringLiteral("ben@example.com"),
                            {},
                            QString::fromLatin1(benId18) });
        cai = reps.insert({ 0, QStringLiteral("Cai"), {}, {}, {} });
        dee = reps.insert({ 0,
                            QStringLiteral("Dee"),
                            QStringLiteral("dee@example.com"),
                            {},
                            QStringLiteral("77") });
        AccountRepository accounts(*book);
        const auto account = [&](const char *crmId, const char *name, Id crmOwner, Id owner) {
            Account a;
            a.crmId = QString::fromLatin1(crmId);
            a.name = QString::fromLatin1(name);
            a.crmOwnerId = crmOwner;
            a.ownerId = owner;
            return accounts.insert(a);
        };
        const Id acme = account(acmeId, "Acme", ana, ben);
        const Id bolt = account(boltId, "Bolt", ben, ana);
        account("001A0000006Vm9rIAC", "Core", ana, cai);
        account("", "Dune", ben, ana);
        const Id echo = account("001000000000005", "Echo", ana, ana);
        account("1234567", "Fjord", ben, dee);
        account("98765", "Gale", ana, ben);
        OpportunityRepository deals(*book);
        const auto deal = [&](const char *crmId, Id account, Id owner, Stage stage, Minor amount) {
            Opportunity o;
            o.crmId = QString::fromLatin1(crmId);
            o.name = QStringLiteral("Deal ") + o.crmId;
            o.accountId = account;
            o.ownerId = owner;
            o.stage = stage;
            o.status = statusForStage(stage);
            o.amount = amount;
            o.created = QDate(2026, 9, 1);
            o.closeDate = QDate(2026, 12, 15);
            deals.insert(o);
        };
        deal("O1", acme, ana, Stage::Propose, 1'250'050);
        deal("O2", acme, ben, Stage::Qualify, 100'000);
        deal("O3", acme, ana, Stage::Won, 300'000);
        deal("O4", bolt, ben, Stage::Negotiate, 70'000);
        deal("O5", echo, ana, Stage::Prove, 50'000);
    }

    std::unique_ptr<BookView> view() { return loadBookView(path); }

    static QByteArray written(const BookView &v, const MovesPlan &plan, bool deals = false)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        EXPECT_TRUE(deals ? MovesExport::writeStayingDeals(v, plan, buffer)
                          : MovesExport::write(v, plan, buffer));
        return buffer.data();
    }

    QStringList names(const BookView &v, const std::vector<AccountMove> &moves)
    {
        QStringList out;
        for (const AccountMove &m : moves)
            out.append(v.accounts.name.at(std::size_t(m.account)));
        return out;
    }

    test::CliResult exportMoves(const QString &format, const QString &out)
    {
        return test::runCli({ QStringLiteral("export"), QStringLiteral("--db"), path,
                              QStringLiteral("--what"), QStringLiteral("moves"),
                              QStringLiteral("--format"), format, QStringLiteral("--csv"), out });
    }

    test::TempDir dir;
    QString path;
    Id ana = 0, ben = 0, cai = 0, dee = 0;
};

const QByteArray bom("\xEF\xBB\xBF");

TEST_F(Moves, AMoveIsAnAccountWhoseBookOwnerIsNotTheCrmOwner)
{
    const auto v = view();
    const std::vector<AccountMove> moves = MovesExport::moves(*v);
    EXPECT_EQ(names(*v, moves), strings({ "Acme", "Bolt", "Core", "Dune", "Fjord", "Gale" }));
    EXPECT_EQ(v->reps[std::size_t(moves[0].from)].name, QStringLiteral("Ana"));
    EXPECT_EQ(v->reps[std::size_t(moves[0].to)].name, QStringLiteral("Ben"));
}

TEST_F(Moves, SalesforceFileHoldsIdAndOwnerIdIn18CharactersAndSaysWhatItLeavesOut)
{
    const auto v = view();
    const MovesPlan plan = MovesExport::plan(*v, MovesFormat::Salesforce);
    EXPECT_EQ(names(*v, plan.published), strings({ "Acme", "Bolt" }));
    ASSERT_EQ(plan.unpublished.size(), 4u);
    QStringList reasons;
    for (const UnpublishedMove &u : plan.unpublished)
        reasons.append(v->accounts.name.at(std::size_t(u.move.account)) + QStringLiteral(": ")
                       + u.reason);
    EXPECT_EQ(reasons,
              strings({ "Core: its new owner, Cai, has no CRM user id",
                        "Dune: it has no CRM id (it was not imported from the CRM)",
                        "Fjord: its CRM id \"1234567\" is not a Salesforce id; the CRM user id of "
                        "its new owner, Dee, \"77\", is not a Salesforce id",
                        "Gale: its CRM id \"98765\" is not a Salesforce id" }));
    // No byte-order mark: Data Loader would read it into the first header.
    EXPECT_EQ(written(*v, plan),
              QByteArray("Id,OwnerId\r\n") + acmeId18 + ',' + benId18 + "\r\n" + boltId18 + ','
                      + anaId18 + "\r\n");
}

TEST_F(Moves, HubSpotFileHoldsRecordIdAndOwnerEmail)
{
    const auto v = view();
    const MovesPlan plan = MovesExport::plan(*v, MovesFormat::HubSpot);
    // Acme's id is digits only: a HubSpot record id as well as a Salesforce one.
    EXPECT_EQ(names(*v, plan.published), strings({ "Acme", "Fjord", "Gale" }));
    QStringList reasons;
    for (const UnpublishedMove &u : plan.unpublished)
        reasons.append(v->accounts.name.at(std::size_t(u.move.account)) + QStringLiteral(": ")
                       + u.reason);
    EXPECT_EQ(reasons,
              strings({ "Bolt: its CRM id \"0015000000XYZAB\" is not a HubSpot record id",
                        "Core: its CRM id \"001A0000006Vm9rIAC\" is not a HubSpot record id; "
                        "its new owner, Cai, has no email",
                        "Dune: it has no CRM id (it was not imported from the CRM)" }));
    EXPECT_EQ(written(*v, plan),
              QByteArray("Record ID,Company owner\r\n001000000000001,ben@example.com\r\n"
                         "1234567,dee@example.com\r\n98765,ben@example.com\r\n"));
}

TEST_F(Moves, GenericFileHoldsEveryMoveWithBothReps)
{
    const auto v = view();
    const MovesPlan plan = MovesExport::plan(*v, MovesFormat::Generic);
    EXPECT_TRUE(plan.unpublished.empty());
    EXPECT_EQ(written(*v, plan),
              bom
                      + "Account ID,Account Name,Territory,From,From Email,From CRM User ID,To,"
                        "To Email,To CRM User ID\r\n"
                        "001000000000001,Acme,,Ana,ana@example.com,005A0000012abcD,Ben,"
                        "ben@example.com,005B000003XyZabIAF\r\n"
                        "0015000000XYZAB,Bolt,,Ben,ben@example.com,005B000003XyZabIAF,Ana,"
                        "ana@example.com,005A0000012abcD\r\n"
                        "001A0000006Vm9rIAC,Core,,Ana,ana@example.com,005A0000012abcD,Cai,,\r\n"
                        ",Dune,,Ben,ben@example.com,005B000003XyZabIAF,Ana,ana@example.com,"
                        "005A0000012abcD\r\n"
                        "1234567,Fjord,,Ben,ben@example.com,005B000003XyZabIAF,Dee,"
                        "dee@example.com,77\r\n"
                        "98765,Gale,,Ana,ana@example.com,005A0000012abcD,Ben,ben@example.com,"
                        "005B000003XyZabIAF\r\n");
}

TEST_F(Moves, OpenDealsOfMovedAccountsThatTheNewOwnerDoesNotHoldStay)
{
    const auto v = view();
    const MovesPlan plan = MovesExport::plan(*v, MovesFormat::Salesforce);
    EXPECT_EQ(written(*v, plan, true),
              bom
                      + "Opportunity ID,Opportunity Name,Account ID,Account Name,Owner,Owner Email,"
                        "New Account Owner,Stage,Amount,Currency,Expected Close Date\r\n"
                        "O1,Deal O1,001000000000001,Acme,Ana,ana@example.com,Ben,Propose,"
                        "12500.50,USD,2026-12-15\r\n"
                        "O4,Deal O4,0015000000XYZAB,Bolt,Ben,ben@example.com,Ana,Negotiate,700.00,"
                        "USD,2026-12-15\r\n");
    EXPECT_EQ(MovesExport::stayingDealsPath(QStringLiteral("/x/moves.csv")),
              QStringLiteral("/x/moves-open-deals.csv"));
    EXPECT_EQ(MovesExport::stayingDealsPath(QStringLiteral("/x/moves")),
              QStringLiteral("/x/moves-open-deals.csv"));
}

TEST_F(Moves, ABookWithoutMovesWritesOnlyTheHeaders)
{
    {
        auto book = Book::open(path);
        book->db().exec("UPDATE accounts SET crm_owner_id = owner_id");
    }
    const auto v = view();
    const MovesPlan plan = MovesExport::plan(*v, MovesFormat::Salesforce);
    EXPECT_TRUE(plan.moves.empty());
    EXPECT_TRUE(plan.stayingDeals.empty());
    EXPECT_EQ(written(*v, plan), QByteArray("Id,OwnerId\r\n"));
}

TEST_F(Moves, CommandWritesBothFilesAndListsWhatItCannotPublish)
{
    const QString out = dir.path(QStringLiteral("sf.csv"));
    const test::CliResult r = exportMoves(QStringLiteral("salesforce"), out);
    EXPECT_EQ(r.code, cli::Ok) << r.err.toStdString();
    EXPECT_EQ(test::readAll(out),
              QByteArray("Id,OwnerId\r\n") + acmeId18 + ',' + benId18 + "\r\n" + boltId18 + ','
                      + anaId18 + "\r\n");
    const QByteArray deals = test::readAll(dir.path(QStringLiteral("sf-open-deals.csv")));
    EXPECT_TRUE(deals.contains("O1,Deal O1,001000000000001,Acme,Ana")) << deals.constData();
    EXPECT_EQ(r.err,
              QStringLiteral("Not published: Core (001A0000006Vm9rIAC): its new owner, Cai, has "
                             "no CRM user id.\n"
                             "Not published: Dune: it has no CRM id (it was not imported from "
                             "the CRM).\n"
                             "Not published: Fjord (1234567): its CRM id \"1234567\" is not a "
                             "Salesforce id; the CRM user id of its new owner, Dee, \"77\", is "
                             "not a Salesforce id.\n"
                             "Not published: Gale (98765): its CRM id \"98765\" is not a "
                             "Salesforce id.\n"));
    EXPECT_TRUE(r.out.contains(QStringLiteral("Wrote 2 account moves to"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("4 moves could not be published")))
            << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Wrote 2 open deals that stay with their reps")))
            << r.out.toStdString();
}

TEST_F(Moves, CommandUsageErrors)
{
    const QString out = dir.path(QStringLiteral("x.csv"));
    const auto run = [&](QStringList extra) {
        return test::runCli(QStringList{ QStringLiteral("export"), QStringLiteral("--db"), path,
                                         QStringLiteral("--csv"), out }
                            + extra);
    };
    test::CliResult r = run({ QStringLiteral("--what"), QStringLiteral("moves") });
    EXPECT_EQ(r.code, cli::Usage);
    EXPECT_EQ(r.err,
              QStringLiteral("export: --what moves needs --format salesforce|hubspot|generic.\n"));
    r = run({ QStringLiteral("--what"), QStringLiteral("moves"), QStringLiteral("--format"),
              QStringLiteral("dynamics") });
    EXPECT_EQ(r.code, cli::Usage);
    EXPECT_EQ(r.err,
              QStringLiteral("export: --format takes salesforce, hubspot or generic, "
                             "found \"dynamics\".\n"));
    r = run({ QStringLiteral("--what"), QStringLiteral("accounts"), QStringLiteral("--format"),
              QStringLiteral("salesforce") });
    EXPECT_EQ(r.code, cli::Usage);
    EXPECT_EQ(r.err, QStringLiteral("export: --format applies to --what moves only.\n"));
    r = run({ QStringLiteral("--what"), QStringLiteral("moves"), QStringLiteral("--format"),
              QStringLiteral("generic"), QStringLiteral("--rep"), QStringLiteral("Ana") });
    EXPECT_EQ(r.code, cli::Usage);
    EXPECT_EQ(r.err,
              QStringLiteral("export: --rep does not apply to --what moves, which writes "
                             "every move of the book.\n"));
    r = run({ QStringLiteral("--what"), QStringLiteral("movez") });
    EXPECT_EQ(r.code, cli::Usage);
    EXPECT_TRUE(r.err.contains(QStringLiteral("commitments or moves, found \"movez\"")));
    EXPECT_FALSE(QFile::exists(out));
    EXPECT_TRUE(test::runCli({ QStringLiteral("--help") })
                        .out.contains(QStringLiteral(
                                "--what moves --format salesforce|hubspot|generic --csv OUT")));
}

// The dump without the import's own records (its row, journal, watermarks and remembered
// mapping), which an import adds whatever it changes.
QString dataDump(const QString &path)
{
    auto book = Book::open(path);
    const QString dump = test::dumpBook(book->db());
    QStringList kept;
    bool skipping = false;
    for (const QString &line : dump.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("## ")))
            skipping = line.startsWith(QLatin1String("## import"));
        if (!skipping)
            kept.append(line);
    }
    return kept.join(QLatin1Char('\n'));
}

// Imports the published file into a copy of the book; the copy then equals the book with the
// CRM owner of each published account set to its book owner, and nothing else changed.
void expectReadBack(const QString &path, const QString &file, const QString &preset,
                    const QStringList &published, const test::TempDir &dir)
{
    const QString copy = dir.path(preset + QStringLiteral("-copy.tpbook"));
    const QString expected = dir.path(preset + QStringLiteral("-expected.tpbook"));
    ASSERT_TRUE(QFile::copy(path, copy));
    ASSERT_TRUE(QFile::copy(path, expected));
    {
        auto book = Book::open(expected);
        for (const QString &name : published)
            book->db()
                    .prepare("UPDATE accounts SET crm_owner_id = owner_id WHERE name = ?")
                    .bind(1, name)
                    .run();
    }
    const test::CliResult r = test::runCli({ QStringLiteral("import"), QStringLiteral("--db"), copy,
                                             QStringLiteral("--preset"), preset, file });
    ASSERT_EQ(r.code, cli::Ok) << r.err.toStdString() << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("%1 updated").arg(published.size())))
            << r.out.toStdString();
    const QStringList got = dataDump(copy).split(QLatin1Char('\n'));
    const QStringList want = dataDump(expected).split(QLatin1Char('\n'));
    QString differences;
    for (qsizetype i = 0; i < std::max(got.size(), want.size()); ++i)
        if (got.value(i) != want.value(i))
            differences += QStringLiteral("line %1: got \"%2\", expected \"%3\"\n")
                                   .arg(i + 1)
                                   .arg(got.value(i), want.value(i));
    EXPECT_TRUE(differences.isEmpty()) << differences.toStdString();
}

TEST_F(Moves, SalesforceFileImportsBackIntoTheBook)
{
    const QString out = dir.path(QStringLiteral("sf.csv"));
    ASSERT_EQ(exportMoves(QStringLiteral("salesforce"), out).code, cli::Ok);
    expectReadBack(path, out, QStringLiteral("salesforce-accounts"), strings({ "Acme", "Bolt" }),
                   dir);
    // After the import, only the moves that were not published are left.
    const auto after = loadBookView(dir.path(QStringLiteral("salesforce-accounts-copy.tpbook")));
    EXPECT_EQ(names(*after, MovesExport::moves(*after)),
              strings({ "Core", "Dune", "Fjord", "Gale" }));
}

TEST_F(Moves, HubSpotFileImportsBackIntoTheBook)
{
    const QString out = dir.path(QStringLiteral("hs.csv"));
    ASSERT_EQ(exportMoves(QStringLiteral("hubspot"), out).code, cli::Ok);
    expectReadBack(path, out, QStringLiteral("hubspot-companies"),
                   strings({ "Acme", "Fjord", "Gale" }), dir);
}

// A file without account names only updates accounts: a CRM id the book lacks is rejected with
// its line and column, and nothing is imported.
TEST_F(Moves, AFileWithoutNamesOnlyUpdatesAccounts)
{
    const QString file = test::writeFile(dir, "unknown.csv",
                                         QByteArray("Id,OwnerId\r\n") + acmeId18 + ',' + benId18
                                                 + "\r\n001000000000099," + benId18 + "\r\n");
    const QString before = dataDump(path);
    const test::CliResult r = test::runCli({ QStringLiteral("import"), QStringLiteral("--db"), path,
                                             QStringLiteral("--preset"),
                                             QStringLiteral("salesforce-accounts"), file });
    EXPECT_EQ(r.code, cli::BadInput);
    EXPECT_TRUE(r.err.contains(QStringLiteral("line 3, column 1"))
                && r.err.contains(QStringLiteral("no account has")))
            << r.err.toStdString();
    EXPECT_EQ(dataDump(path), before);
}

} // namespace
