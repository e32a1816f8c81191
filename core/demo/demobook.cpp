#include "demobook.h"

#include "demoreviews.h"
#include "demosnapshots.h"
#include "demoterritories.h"
#include "domain/dates.h"
#include "random.h"
#include "storage/book.h"
#include "storage/bulkwriter.h"
#include "storage/reps.h"
#include "values/identifiers.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
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

// "Zoë Müller" → zoe.muller@example.com: a mail address as a CRM holds one, in plain ASCII.
QString emailOf(const QString &name)
{
    QString local;
    for (const QChar c : name.normalized(QString::NormalizationForm_D).toLower()) {
        if (c == QLatin1Char(' '))
            local += QLatin1Char('.');
        else if (c.unicode() < 128 && c.isLetterOrNumber())
            local += c;
    }
    return local + QStringLiteral("@example.com");
}

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

// Where the large book's accounts are (demoterritories.h): a territory drawn by its weight, then
// one of its places by theirs.
class LargeGeography
{
public:
    LargeGeography()
    {
        for (const LargeTerritory &t : largeTerritories()) {
            m_territoryTotal += t.weight;
            m_territoryBound.push_back(m_territoryTotal);
            std::vector<int> bounds;
            int total = 0;
            for (const LargePlace &p : t.places) {
                total += p.weight;
                bounds.push_back(total);
            }
            m_placeBound.push_back(std::move(bounds));
        }
    }

    std::size_t territory(Random &rng) const { return draw(m_territoryBound, rng); }
    const LargePlace &place(std::size_t territory, Random &rng) const
    {
        return largeTerritories()[territory].places[draw(m_placeBound[territory], rng)];
    }

private:
    static std::size_t draw(const std::vector<int> &bounds, Random &rng)
    {
        const auto x = int(rng.between(0, bounds.back() - 1));
        return std::size_t(std::upper_bound(bounds.begin(), bounds.end(), x) - bounds.begin());
    }

    int m_territoryTotal = 0;
    std::vector<int> m_territoryBound;
    std::vector<std::vector<int>> m_placeBound;
};

// The large book's reps carry what its deals give them: a capacity near the open deals each
// owns and a quota near what each won a quarter over the last year, so that the capacity
// warnings, the quota figures and the funnel check on the Territories page mean something.
// Worked out while the deals are written, written once they are.
class LargeTeam
{
public:
    LargeTeam(std::size_t reps, const QDate &today, int fiscalStart)
        : m_open(reps, 0), m_won(reps, 0)
    {
        const Period current = Period::containing(today, fiscalStart);
        m_wonTo = current.start.addDays(-1);
        Period p = current;
        for (int back = 0; back < 4; ++back)
            p = Period::containing(p.start.addDays(-1), fiscalStart);
        m_wonFrom = p.start;
    }

    void add(std::size_t rep, const Opportunity &o)
    {
        if (o.status == Status::Open)
            ++m_open[rep];
        else if (o.stage == Stage::Won && o.closedDate >= m_wonFrom && o.closedDate <= m_wonTo)
            m_won[rep] += o.amount;
    }

    // Capacities 10% below to 30% above the open deals each rep owns (a few reps over theirs),
    // in tens; quarterly quotas 0-30% above what each won a quarter over the last four, in
    // tens of thousands, for the nine quarters around today.
    void write(Book &book, BulkWriter &out, const std::vector<Id> &reps, const Period &first,
               int fiscalStart, std::uint64_t seed) const
    {
        Random rng(seed + 50);
        RepRepository repository(book);
        std::vector<Minor> quotas;
        for (std::size_t r = 0; r < reps.size(); ++r) {
            const double capacity = double(m_open[r]) * (0.9 + 0.4 * rng.unit());
            repository.setCapacity(reps[r], std::max(10, int(std::lround(capacity / 10)) * 10));
            const double quota = double(m_won[r]) / 4 * (1.0 + 0.3 * rng.unit());
            const Minor step = 10'000 * 100;
            quotas.push_back(std::max<Minor>(step, std::llround(quota / double(step)) * step));
        }
        Period p = first;
        for (int q = 0; q < 9; ++q) {
            for (std::size_t r = 0; r < reps.size(); ++r)
                out.addQuota(reps[r], p.label(), quotas[r]);
            p = Period::containing(p.end.addDays(1), fiscalStart);
        }
    }

private:
    std::vector<int> m_open;
    std::vector<Minor> m_won;
    QDate m_wonFrom, m_wonTo;
};

} // namespace

void writeDemoBook(const QString &path, const Options &options,
                   const std::function<bool(double)> &progress)
{
    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    // The large book (issue 19's budgets are measured on it) has a team of 50 in 50 territories
    // (demoterritories.h); the small one, six.
    const bool large = options.size == Size::Large;
    const Plan plan = large ? Plan{ 100'000, 1'000'000, false } : Plan{ 300, 1'500, true };
    Random rng(options.seed);
    auto book = Book::create(path);
    bool cancelled = false;
    try {
        BulkWriter out(*book);

        std::vector<Id> reps;
        const auto addRep = [&](const char *name, int capacity) {
            Rep rep;
            rep.name = latin(name);
            rep.capacity = capacity;
            rep.email = emailOf(rep.name);
            // A Salesforce user id in its 18-character form (publishing owner changes).
            rep.crmUserId = QString::fromStdString(
                    values::idLookupKey(QStringLiteral("005DEMO%1")
                                                .arg(reps.size() + 1, 8, 10, QLatin1Char('0'))
                                                .toStdString()));
            reps.push_back(out.addRep(rep));
        };
        if (large) {
            for (const char *name : largeRepNames())
                addRep(name, 20); // until the deals are written (LargeTeam)
        } else {
            for (const auto &seed : repSeeds)
                addRep(seed.name, seed.capacity);
        }
        // Quotas for the six quarters behind and the two ahead of today (the large book's once
        // its deals are written).
        const int fiscalStart = 1;
        Period firstQuarter = Period::containing(today, fiscalStart);
        for (int back = 0; back < 6; ++back)
            firstQuarter = Period::containing(firstQuarter.start.addDays(-1), fiscalStart);
        if (!large) {
            Period p = firstQuarter;
            for (int q = 0; q < 9; ++q) {
                for (std::size_t r = 0; r < reps.size(); ++r)
                    out.addQuota(reps[r], p.label(), repSeeds[r].quarterlyQuota * 100);
                p = Period::containing(p.end.addDays(1), fiscalStart);
            }
        }

        std::vector<Id> territories;
        if (large) {
            for (std::size_t t = 0; t < largeTerritories().size(); ++t)
                territories.push_back(
                        out.addTerritory({ 0, latin(largeTerritories()[t].name), reps[t] }));
        } else {
            for (std::size_t t = 0; t < territoryNames.size(); ++t)
                territories.push_back(out.addTerritory({ 0, latin(territoryNames[t]), reps[t] }));
        }
        const LargeGeography geography;
        LargeTeam team(large ? reps.size() : 0, today, fiscalStart);

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
            // The large book draws its territory from its own stream below.
            auto t = large ? std::size_t(0) : std::size_t(rng.between(0, 5));
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
            if (large) {
                // Billed in one of its territory's places; 3% of the accounts sit in another
                // territory (a named account kept by a colleague), a few have no billing place.
                const std::size_t home = geography.territory(places);
                const LargePlace &place = geography.place(home, places);
                a.region = latin(largeTerritories()[home].region);
                if (!places.chance(0.003)) {
                    a.billingState = QString::fromUtf8(place.state);
                    a.billingCountry = QString::fromUtf8(place.country);
                }
                t = home;
                if (places.chance(0.03))
                    t = (home + 1 + std::size_t(places.between(0, 48))) % territories.size();
            } else {
                a.region = latin(regionNames[t]);
                const Place &place = territoryPlaces[t][std::size_t(places.between(0, 7))];
                a.billingState = QString::fromUtf8(place.state);
                a.billingCountry = QString::fromUtf8(place.country);
            }
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
            const std::size_t owner = rng.chance(0.9)
                    ? acct.territory
                    : std::size_t(rng.between(0, qint64(reps.size()) - 1));
            o.ownerId = reps[owner];
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
            if (large)
                team.add(owner, o);
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
        if (large)
            team.write(*book, out, reps, firstQuarter, fiscalStart, options.seed);
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
