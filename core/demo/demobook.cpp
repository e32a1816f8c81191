#include "demobook.h"

#include "demoreviews.h"
#include "demosnapshots.h"
#include "domain/dates.h"
#include "random.h"
#include "storage/book.h"
#include "storage/bulkwriter.h"
#include "values/identifiers.h"

#include <QFile>
#include <QStringList>

#include <array>
#include <cmath>
#include <vector>

namespace tp::demo {

namespace {

struct RepSeed
{
    const char *name;
    int capacity;
    Minor quarterlyQuota; // major units
};

constexpr std::array<RepSeed, 6> repSeeds{ {
        { "Avery Chen", 20, 2'500'000 },
        { "José Álvarez", 20, 1'500'000 },
        { "Zoë Müller", 18, 2'500'000 },
        { "Priya Natarajan", 25, 2'000'000 },
        { "Mia Rossi", 20, 1'800'000 },
        { "Tom O'Neill", 15, 1'200'000 },
} };

constexpr std::array<const char *, 6> territoryNames{
    "North America East", "North America West", "DACH", "Nordics", "UK & Ireland", "Southern Europe"
};
constexpr std::array<const char *, 6> regionNames{ "New York",  "California", "Bavaria",
                                                   "Stockholm", "London",     "Lombardy" };
// Where each territory's accounts are billed (state or province, country), spelled as real
// exports spell them: codes, native and English names mixed (the map's matcher reads them all).
struct Place
{
    const char *state;
    const char *country;
};
constexpr std::array<std::array<Place, 8>, 6> territoryPlaces{ {
        { { { "NY", "USA" },
            { "Massachusetts", "United States" },
            { "NJ", "US" },
            { "Pennsylvania", "United States" },
            { "Florida", "USA" },
            { "GA", "United States" },
            { "Illinois", "USA" },
            { "Ontario", "Canada" } } },
        { { { "CA", "USA" },
            { "California", "United States" },
            { "WA", "US" },
            { "Oregon", "United States" },
            { "TX", "USA" },
            { "Colorado", "United States" },
            { "Arizona", "USA" },
            { "British Columbia", "Canada" } } },
        { { { "Bayern", "Deutschland" },
            { "Bavaria", "Germany" },
            { "Berlin", "Germany" },
            { "Hessen", "Deutschland" },
            { "Nordrhein-Westfalen", "Germany" },
            { "Baden-Württemberg", "DE" },
            { "Wien", "Österreich" },
            { "Zürich", "Switzerland" } } },
        { { { "Stockholm", "Sweden" },
            { "Västra Götaland", "Sverige" },
            { "Oslo", "Norway" },
            { "", "Norge" },
            { "Hovedstaden", "Denmark" },
            { "Uusimaa", "Finland" },
            { "", "Sweden" },
            { "Skåne", "SE" } } },
        { { { "London", "United Kingdom" },
            { "England", "UK" },
            { "Greater Manchester", "United Kingdom" },
            { "Scotland", "GB" },
            { "Dublin", "Ireland" },
            { "Cork", "Ireland" },
            { "", "UK" },
            { "Wales", "United Kingdom" } } },
        { { { "Lombardia", "Italy" },
            { "Lazio", "Italia" },
            { "Madrid", "Spain" },
            { "Cataluña", "España" },
            { "Lisboa", "Portugal" },
            { "Île-de-France", "France" },
            { "Provence-Alpes-Côte d'Azur", "France" },
            { "Piemonte", "IT" } } },
} };
constexpr std::array<const char *, 8> industries{ "Software",           "Healthcare",
                                                  "Financial Services", "Retail",
                                                  "Manufacturing",      "Energy",
                                                  "Education",          "Logistics" };
constexpr std::array<const char *, 3> sizeBands{ "SMB", "Mid-market", "Enterprise" };
constexpr std::array<const char *, 16> namePrefixes{
    "Orbit", "Vertex", "Sakura", "Acme",    "Northwind", "Müller & Söhne", "O'Brien", "Bluefin",
    "Helix", "Summit", "Lumen",  "Granite", "Nordlys",   "Castello",       "Kestrel", "Quanta"
};
constexpr std::array<const char *, 8> nameWords{ "Systems", "Labs",      "Energy", "Health",
                                                 "Capital", "Logistics", "Retail", "Partners" };
constexpr std::array<const char *, 6> legalSuffixes{
    "Inc.", "Ltd.", "GmbH", "LLC", "AB", "S.p.A."
};
constexpr std::array<const char *, 6> dealKinds{ "expansion", "renewal", "new logo",
                                                 "pilot",     "upgrade", "platform" };

QString latin(const char *s)
{
    return QString::fromUtf8(s);
}

// Account names from the drawn parts, unique without running numbers: a name already taken
// moves on to the next free combination, and only once all are taken does a number appear.
class AccountNames
{
public:
    QString accountName(std::size_t prefix, std::size_t word, std::size_t suffix)
    {
        const std::size_t combinations =
                namePrefixes.size() * nameWords.size() * legalSuffixes.size();
        std::size_t code = (prefix * nameWords.size() + word) * legalSuffixes.size() + suffix;
        const std::size_t round = m_count / combinations;
        if (m_count % combinations == 0)
            m_taken.assign(combinations, false);
        while (m_taken[code])
            code = (code + 1) % combinations;
        m_taken[code] = true;
        ++m_count;
        const std::size_t s = code % legalSuffixes.size();
        const std::size_t w = code / legalSuffixes.size() % nameWords.size();
        const std::size_t p = code / legalSuffixes.size() / nameWords.size();
        QString name = latin(namePrefixes[p]) + QLatin1Char(' ') + latin(nameWords[w]);
        if (round > 0)
            name += QLatin1Char(' ') + QString::number(round + 1);
        return name + QLatin1Char(' ') + latin(legalSuffixes[s]);
    }

private:
    std::vector<bool> m_taken;
    std::size_t m_count = 0;
};

struct Plan
{
    int accounts;
    int opportunities;
    bool activities;
};

} // namespace

void writeDemoBook(const QString &path, const Options &options,
                   const std::function<bool(double)> &progress)
{
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    const Plan plan = options.size == Size::Large ? Plan{ 100'000, 1'000'000, false }
                                                  : Plan{ 300, 1'500, true };
    Random rng(options.seed);
    auto book = Book::create(path);
    bool cancelled = false;
    try {
        BulkWriter out(*book);

        std::vector<Id> reps;
        for (const auto &seed : repSeeds) {
            Rep rep;
            rep.name = latin(seed.name);
            rep.capacity = seed.capacity;
            rep.email = latin(seed.name).toLower().replace(QLatin1Char(' '), QLatin1Char('.'))
                    + QStringLiteral("@example.com");
            // A Salesforce user id in its 18-character form (publishing owner changes).
            rep.crmUserId = QString::fromStdString(
                    values::idLookupKey(QStringLiteral("005DEMO%1")
                                                .arg(reps.size() + 1, 8, 10, QLatin1Char('0'))
                                                .toStdString()));
            reps.push_back(out.addRep(rep));
        }
        // Quotas for the six quarters behind and the two ahead of today.
        const int fiscalStart = 1;
        Period p = Period::containing(today, fiscalStart);
        for (int back = 0; back < 6; ++back)
            p = Period::containing(p.start.addDays(-1), fiscalStart);
        for (int q = 0; q < 9; ++q) {
            for (std::size_t r = 0; r < reps.size(); ++r)
                out.addQuota(reps[r], p.label(), repSeeds[r].quarterlyQuota * 100);
            p = Period::containing(p.end.addDays(1), fiscalStart);
        }

        std::vector<Id> territories;
        for (std::size_t t = 0; t < territoryNames.size(); ++t)
            territories.push_back(out.addTerritory({ 0, latin(territoryNames[t]), reps[t] }));

        struct AccountInfo
        {
            Id id;
            std::size_t territory;
            int size;
            QString shortName; // what deals are called by: "Helix"
        };
        std::vector<AccountInfo> accounts;
        AccountNames names;
        Random places(options.seed + 19); // its own stream: the other draws stay as they were
        accounts.reserve(std::size_t(plan.accounts));
        for (int i = 0; i < plan.accounts; ++i) {
            Account a;
            const auto t = std::size_t(rng.between(0, 5));
            const int size = int(rng.between(0, 9) < 5 ? 0 : (rng.chance(0.6) ? 1 : 2));
            // A Salesforce account id in its 18-character form, as an import stores it, so that
            // files written from the demo (a work list) import back onto the same accounts.
            a.crmId = QString::fromStdString(values::idLookupKey(
                    QStringLiteral("001DEMO%1").arg(i, 8, 10, QLatin1Char('0')).toStdString()));
            const auto prefix = std::size_t(rng.between(0, 15));
            const auto word = std::size_t(rng.between(0, 7));
            const auto suffix = std::size_t(rng.between(0, 5));
            a.name = names.accountName(prefix, word, suffix);
            a.industry = latin(industries[std::size_t(rng.between(0, 7))]);
            a.sizeBand = latin(sizeBands[std::size_t(size)]);
            a.region = latin(regionNames[t]);
            const Place &place = territoryPlaces[t][std::size_t(places.between(0, 7))];
            a.billingState = QString::fromUtf8(place.state);
            a.billingCountry = QString::fromUtf8(place.country);
            a.territoryId = territories[t];
            a.ownerId = reps[t];
            if (rng.chance(0.4)) {
                static constexpr std::array<Minor, 3> base{ 80'000, 400'000, 2'000'000 };
                a.potential =
                        (base[std::size_t(size)] + rng.between(0, base[std::size_t(size)])) * 100;
            }
            accounts.push_back({ out.addAccount(a), t, size, latin(namePrefixes[prefix]) });
            // Engagement scores on part of the book, some factors left unscored.
            if (plan.accounts <= 1000 ? rng.chance(0.6) : rng.chance(0.3)) {
                for (Id factor = 1; factor <= 6; ++factor) {
                    if (rng.chance(0.85))
                        out.addScore(accounts.back().id, factor, int(rng.between(0, 5)));
                }
            }
        }
        if (progress && !progress(0.05)) {
            cancelled = true;
            throw BookError(BookError::Kind::Io, QStringLiteral("cancelled"));
        }

        WeeklySnapshots weekly(out, today, options.seed);

        // What prospecting led to each deal (below): its account, owner and created date.
        struct Lead
        {
            Id account;
            Id owner;
            QDate created;
        };
        std::vector<Lead> leads;
        leads.reserve(plan.activities ? std::size_t(plan.opportunities) : 0);
        // Typical days per stage: a deal that keeps moving closes in about six weeks.
        static constexpr std::array<int, 4> stageDays{ 8, 12, 8, 7 };
        const int window = 540; // about 18 months
        for (int i = 0; i < plan.opportunities; ++i) {
            const AccountInfo &acct = accounts[std::size_t(rng.between(0, plan.accounts - 1))];
            Opportunity o;
            o.crmId = QStringLiteral("006DEMO%1").arg(i, 9, 10, QLatin1Char('0'));
            o.accountId = acct.id;
            // Mostly the territory owner; a few deals sit with a colleague.
            o.ownerId =
                    rng.chance(0.9) ? reps[acct.territory] : reps[std::size_t(rng.between(0, 5))];
            const auto kind = std::size_t(rng.between(0, 5));
            static constexpr std::array<Minor, 3> dealBase{ 15'000, 60'000, 250'000 };
            const Minor base = dealBase[std::size_t(acct.size)];
            o.amount = (base + rng.between(0, base * 3)) * 100 + rng.between(0, 1) * 50;
            o.currency = QStringLiteral("USD");
            o.created = today.addDays(-rng.between(3, window));
            // Named the way reps name deals: "Helix renewal 2026".
            o.name = acct.shortName + QLatin1Char(' ') + latin(dealKinds[kind]) + QLatin1Char(' ')
                    + QString::number(o.created.year());

            // Walk the stages: each step either advances, is lost, or the deal is still open.
            std::vector<StageHistoryRow> history;
            QDate cursor = o.created;
            Stage stage = Stage::Qualify;
            history.push_back({ 0, 0, stage, cursor });
            bool closed = false;
            // Deals of the last six months that stopped moving: the stalled ones.
            const bool stuck = o.created.daysTo(today) < 180 && rng.chance(0.07);
            while (!closed) {
                const int limit = stageDays[std::size_t(stageIndex(stage))];
                const QDate next = cursor.addDays(rng.between(limit / 2, limit * 2));
                if (next > today || (stuck && rng.chance(0.6)))
                    break;
                cursor = next;
                const double lose = 0.22 + 0.04 * stageIndex(stage);
                if (rng.chance(lose)) {
                    stage = Stage::Lost;
                    closed = true;
                } else if (stage == Stage::Negotiate) {
                    stage = Stage::Won;
                    closed = true;
                } else {
                    stage = Stage(int(stage) + 1);
                }
                history.push_back({ 0, 0, stage, cursor });
            }
            o.stage = stage;
            o.status = statusForStage(stage);
            o.stageEntered = cursor;
            if (closed) {
                o.closedDate = cursor;
                o.closeDate = cursor;
                o.lastActivity = cursor.addDays(-rng.between(0, 10));
            } else {
                o.closeDate = today.addDays(rng.between(stuck ? -45 : 5, 120));
                const int idle = stuck ? int(rng.between(35, 160)) : int(rng.between(0, 25));
                o.lastActivity = std::max(o.created, today.addDays(-idle));
                if (rng.chance(0.5))
                    o.nextActivity = today.addDays(rng.between(1, 14));
            }
            if (o.lastActivity < o.created)
                o.lastActivity = o.created;
            // A CRM probability on some open deals; closed deals draw it too, so the
            // random stream, and with it the rest of the book, stays as it was.
            if (rng.chance(0.15)) {
                const int crmValue = int(rng.between(1, 9)) * 1000;
                if (!closed)
                    o.probability = crmValue;
            }
            weekly.decide(o, reps);
            const Id id = out.addOpportunity(o);
            for (auto &row : history) {
                row.opportunityId = id;
                out.addStageHistory(row);
            }
            // Pushed deals: the close date moved later once or several times.
            std::vector<CloseDateChangeRow> pushRows;
            if (!closed && rng.chance(stuck ? 0.6 : 0.12)) {
                const int pushes = int(rng.between(1, 3));
                QDate date = o.closeDate;
                std::vector<QDate> dates{ date };
                for (int k = 0; k < pushes; ++k)
                    dates.insert(dates.begin(), dates.front().addDays(-rng.between(14, 45)));
                for (std::size_t k = 1; k < dates.size(); ++k) {
                    const QDate changedOn = std::min(today, std::max(o.created, dates[k - 1]));
                    pushRows.push_back({ 0, id, dates[k - 1], dates[k], changedOn });
                    out.addCloseDateChange(pushRows.back());
                }
            }
            weekly.add(id, territories[acct.territory], o, history, pushRows);
            if (plan.activities) {
                leads.push_back({ acct.id, *o.ownerId, o.created });
                const QDate last = o.lastActivity;
                const int count = int(rng.between(1, 6));
                for (int k = 0; k < count; ++k) {
                    Activity a;
                    const int roll = int(rng.between(0, 9));
                    a.type = roll < 5 ? ActivityType::Call
                                      : (roll < 8 ? ActivityType::Email : ActivityType::Meeting);
                    a.date = k == 0 ? last
                                    : o.created.addDays(rng.between(0, o.created.daysTo(last)));
                    a.repId = o.ownerId;
                    a.accountId = acct.id;
                    a.opportunityId = id;
                    a.subject = a.type == ActivityType::Meeting ? QStringLiteral("Meeting")
                            : a.type == ActivityType::Call      ? QStringLiteral("Call")
                                                                : QStringLiteral("Email");
                    out.addActivity(a);
                }
            }
            if (progress && i % std::max(1, plan.opportunities / 64) == 0
                && !progress(0.05 + 0.9 * double(i) / double(plan.opportunities))) {
                cancelled = true;
                throw BookError(BookError::Kind::Io, QStringLiteral("cancelled"));
            }
        }
        if (plan.activities) {
            // Prospecting before each deal, so funnel math finds the field's ratios in the
            // history: about one meeting in four reveals an opportunity and one call or email in
            // ten books a meeting. A stream of its own, so the rest of the book stays as it was.
            Random prospecting(options.seed ^ 0x5052'4F53'5045'4354ull);
            for (const Lead &lead : leads) {
                const int meetings = int(prospecting.between(2, 4));
                const int touches = int(prospecting.between(20, 34));
                for (int k = 0; k < meetings + touches; ++k) {
                    Activity a;
                    a.type = k < meetings
                            ? ActivityType::Meeting
                            : (prospecting.chance(0.6) ? ActivityType::Call : ActivityType::Email);
                    a.date = lead.created.addDays(-prospecting.between(k < meetings ? 1 : 7, 75));
                    a.repId = lead.owner;
                    a.accountId = lead.account;
                    a.subject = a.type == ActivityType::Meeting
                            ? QStringLiteral("Discovery meeting")
                            : a.type == ActivityType::Call ? QStringLiteral("Prospecting call")
                                                           : QStringLiteral("Prospecting email");
                    out.addActivity(a);
                }
            }
        }
        weekly.finish();
        out.commit();
        addDemoReviews(*book, reps, today);
        book->db().exec("ANALYZE");
    } catch (...) {
        book.reset();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        if (cancelled)
            return;
        throw;
    }
    if (progress)
        progress(1.0);
}

} // namespace tp::demo
