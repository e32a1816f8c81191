#include "fixtures.h"

#include "storage/accounts.h"
#include "storage/opportunities.h"
#include "storage/reps.h"

namespace tp::test {

std::unique_ptr<Book> makeFixtureBook(const QString &path)
{
    auto book = Book::create(path);
    RepRepository reps(*book);
    const Id ana = reps.insert({0, QStringLiteral("Ana"), {}, 20});
    const Id ben = reps.insert({0, QStringLiteral("Ben"), {}, {}});
    reps.setQuota(ana, QStringLiteral("2026-Q4"), 5'000'000);
    reps.setQuota(ben, QStringLiteral("2026-Q4"), 3'000'000);
    const Id west = reps.insertTerritory({0, QStringLiteral("West"), ana});

    AccountRepository accounts(*book);
    auto account = [&](const char *crm, const char *name, std::optional<Id> owner,
                       std::optional<Id> territory) {
        Account a;
        a.crmId = QString::fromLatin1(crm);
        a.name = QString::fromUtf8(name);
        a.ownerId = owner;
        a.territoryId = territory;
        a.industry = QStringLiteral("Software");
        return accounts.insert(a);
    };
    const Id a1 = account("A1", "Acme Ünited", ana, west);
    const Id a2 = account("A2", "=Bolt Systems", ben, std::nullopt);
    const Id a3 = account("A3", "Cobalt Labs", ben, west);

    OpportunityRepository opps(*book);
    auto opp = [&](const char *crm, const char *name, Id account, Id owner, Stage stage, Minor amount,
                   std::optional<int> probability = std::nullopt,
                   std::optional<int> override = std::nullopt) {
        Opportunity o;
        o.crmId = QString::fromLatin1(crm);
        o.name = QString::fromUtf8(name);
        o.accountId = account;
        o.ownerId = owner;
        o.stage = stage;
        o.status = statusForStage(stage);
        o.amount = amount;
        o.probability = probability;
        o.probabilityOverride = override;
        o.created = QDate(2026, 6, 1);
        o.closeDate = QDate(2026, 12, 15);
        o.lastActivity = QDate(2026, 11, 1);
        if (o.status != Status::Open)
            o.closedDate = QDate(2026, 10, 20);
        return opps.insert(o);
    };
    opp("O1", "Acme first", a1, ana, Stage::Qualify, 1'000'000);
    opp("O2", "Acme second", a1, ana, Stage::Propose, 333'333, 3333);
    opp("O3", "Bolt big", a2, ben, Stage::Negotiate, 750'050, std::nullopt, 8000);
    opp("O4", "Cobalt won", a3, ben, Stage::Won, 2'000'000);
    opp("O5", "Acme lost", a1, ana, Stage::Lost, 500'000);
    Opportunity euro;
    euro.crmId = QStringLiteral("O6");
    euro.name = QStringLiteral("Bolt euro");
    euro.accountId = a2;
    euro.ownerId = ben;
    euro.stage = Stage::Prove;
    euro.amount = 100'005;
    euro.currency = QStringLiteral("EUR");
    euro.created = QDate(2026, 6, 1);
    opps.insert(euro);
    Opportunity removed = euro;
    removed.crmId = QStringLiteral("O7");
    removed.name = QStringLiteral("Acme removed");
    removed.accountId = a1;
    removed.ownerId = ana;
    removed.currency = QStringLiteral("USD");
    removed.amount = 9'999'900;
    removed.status = Status::Removed;
    opps.insert(removed);
    opp("O8", "+Bolt half cent", a2, ben, Stage::Prove, 200'010);
    return book;
}

} // namespace tp::test
