#include "fixtures.h"

#include "storage/accounts.h"
#include "storage/opportunities.h"
#include "storage/reps.h"

namespace tp::test {

std::unique_ptr<Book> makeFixtureBook(const QString &path)
{
    auto book = Book::create(path);
    RepRepository reps(*book);
    const Id ana = reps.insert({ 0, QStringLiteral("Ana"), {}, 20 });
    const Id ben = reps.insert({ 0, QStringLiteral("Ben"), {}, {} });
    reps.setQuota(ana, QStringLiteral("2026-Q4"), 5'000'000);
    reps.setQuota(ben, QStringLiteral("2026-Q4"), 3'000'000);
    const Id west = reps.insertTerritory({ 0, QStringLiteral("West"), ana });

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
    auto opp = [&](const char *crm, const char *name, Id account, Id owner, Stage stage,
                   Minor amount, std::optional<int> probability = std::nullopt,
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

std::unique_ptr<Book> makeHealthFixtureBook(const QString &path)
{
    auto book = Book::create(path);
    RepRepository reps(*book);
    const Id ana = reps.insert({ 0, QStringLiteral("Ana"), {}, 2 });
    const Id ben = reps.insert({ 0, QStringLiteral("Ben"), {}, {} });
    reps.setQuota(ana, QStringLiteral("2026-Q4"), 5'000'000);
    reps.setQuota(ben, QStringLiteral("2026-Q4"), 3'000'000);
    reps.setQuota(ben, QStringLiteral("2027-Q1"), 9'900'000); // another period: not the target
    const Id west = reps.insertTerritory({ 0, QStringLiteral("West"), ana });

    AccountRepository accounts(*book);
    Account a;
    a.crmId = QStringLiteral("A1");
    a.name = QStringLiteral("Acme");
    a.ownerId = ana;
    a.territoryId = west;
    const Id a1 = accounts.insert(a);
    a.crmId = QStringLiteral("A2");
    a.name = QStringLiteral("Bolt");
    a.ownerId = ben;
    a.territoryId.reset();
    const Id a2 = accounts.insert(a);

    OpportunityRepository opps(*book);
    const auto day = [](int y, int m, int d) { return QDate(y, m, d); };
    const auto closed = [&](const char *crm, Id account, Id owner, Stage stage, Minor amount,
                            QDate created, QDate closedOn) {
        Opportunity o;
        o.crmId = QString::fromLatin1(crm);
        o.name = QString::fromLatin1(crm);
        o.accountId = account;
        o.ownerId = owner;
        o.stage = stage;
        o.status = statusForStage(stage);
        o.amount = amount;
        o.created = created;
        o.closeDate = closedOn;
        o.closedDate = closedOn;
        o.lastActivity = closedOn;
        return opps.insert(o);
    };
    closed("W1", a1, ana, Stage::Won, 2'000'000, day(2026, 5, 1), day(2026, 10, 15)); // 167 days
    closed("W2", a2, ben, Stage::Won, 1'000'000, day(2026, 3, 1), day(2026, 6, 30)); // 121 days
    closed("W3", a1, ana, Stage::Won, 500'000, day(2025, 1, 1),
           day(2025, 6, 1)); // before the window
    closed("L1", a1, ana, Stage::Lost, 800'000, day(2026, 2, 1), day(2026, 9, 1));
    closed("L2", a2, ben, Stage::Lost, 400'000, day(2026, 1, 10), day(2026, 4, 10));
    closed("L3", a2, ben, Stage::Lost, 100'000, day(2025, 8, 1),
           day(2025, 10, 1)); // before the window

    const auto open = [&](const char *crm, Id account, Id owner, Stage stage, Minor amount,
                          QDate created, QDate lastActivity, QDate stageEntered, QDate closeDate) {
        Opportunity o;
        o.crmId = QString::fromLatin1(crm);
        o.name = QString::fromLatin1(crm);
        o.accountId = account;
        o.ownerId = owner;
        o.stage = stage;
        o.amount = amount;
        o.created = created;
        o.lastActivity = lastActivity;
        o.stageEntered = stageEntered;
        o.closeDate = closeDate;
        return opps.insert(o);
    };
    const auto push = [&](Id id, QDate from, QDate to, QDate on) {
        opps.addCloseDateChange({ 0, id, from, to, on });
    };
    // Healthy: touched yesterday, 19 days in Qualify.
    open("H1", a1, ana, Stage::Qualify, 1'000'000, day(2026, 11, 1), day(2026, 11, 19),
         day(2026, 11, 1), day(2026, 12, 20));
    // At risk: idle 31 days; 45 days in Prove is at its limit, not over it.
    open("R1", a1, ana, Stage::Prove, 600'000, day(2026, 9, 1), day(2026, 10, 20), day(2026, 10, 6),
         day(2026, 12, 31));
    // Stalled four ways: idle 91 days, 52 days in Propose (limit 30), close date passed 12 days
    // ago, pushed three times (a pull-in between does not count).
    const Id s1 = open("S1", a2, ben, Stage::Propose, 1'200'000, day(2026, 8, 1), day(2026, 8, 21),
                       day(2026, 9, 29), day(2026, 11, 8));
    push(s1, day(2026, 9, 15), day(2026, 9, 30), day(2026, 9, 10));
    push(s1, day(2026, 9, 30), day(2026, 10, 20), day(2026, 9, 29));
    push(s1, day(2026, 10, 20), day(2026, 10, 10), day(2026, 10, 5));
    push(s1, day(2026, 10, 10), day(2026, 11, 8), day(2026, 10, 9));
    // Stalled by age alone: open 354 days, over twice the 144-day average cycle; its stage
    // entry is unknown, so the stage limit cannot fire; it closes after the period.
    const Id s2 = open("S2", a1, ana, Stage::Negotiate, 900'000, day(2025, 12, 1),
                       day(2026, 11, 10), QDate(), day(2027, 1, 15));
    push(s2, day(2026, 12, 15), day(2027, 1, 15), day(2026, 11, 1));
    // At risk: pushed twice; a 33.33% probability weights 3,000.05 to 999.92.
    Opportunity r2;
    r2.crmId = QStringLiteral("R2");
    r2.name = QStringLiteral("R2");
    r2.accountId = a2;
    r2.ownerId = ben;
    r2.stage = Stage::Negotiate;
    r2.amount = 300'005;
    r2.probabilityOverride = 3333;
    r2.created = day(2026, 10, 1);
    r2.lastActivity = day(2026, 11, 18);
    r2.stageEntered = day(2026, 11, 1);
    r2.closeDate = day(2026, 12, 1);
    const Id r2id = opps.insert(r2);
    push(r2id, day(2026, 11, 1), day(2026, 11, 15), day(2026, 10, 25));
    push(r2id, day(2026, 11, 15), day(2026, 12, 1), day(2026, 11, 10));
    // Healthy, in a currency without a rate: counted, left out of the money.
    Opportunity e1;
    e1.crmId = QStringLiteral("E1");
    e1.name = QStringLiteral("E1");
    e1.accountId = a2;
    e1.ownerId = ben;
    e1.stage = Stage::Qualify;
    e1.amount = 50'000;
    e1.currency = QStringLiteral("EUR");
    e1.created = day(2026, 11, 10);
    e1.lastActivity = day(2026, 11, 15);
    e1.stageEntered = day(2026, 11, 10);
    e1.closeDate = day(2026, 12, 15);
    opps.insert(e1);
    // Removed: counts nowhere.
    Opportunity x1 = e1;
    x1.crmId = QStringLiteral("X1");
    x1.name = QStringLiteral("X1");
    x1.accountId = a1;
    x1.ownerId = ana;
    x1.currency = QStringLiteral("USD");
    x1.amount = 9'999'900;
    x1.status = Status::Removed;
    opps.insert(x1);
    return book;
}

} // namespace tp::test
