#include "bookviewloader.h"

#include "domain/dates.h"
#include "settings.h"
#include "sqlite.h"

#include <QHash>

#include <atomic>
#include <thread>

namespace tp {

namespace {

int dictionaryIndex(QStringList &dictionary, QHash<QString, int> &lookup, const QString &value)
{
    if (value.isEmpty())
        return -1;
    const auto it = lookup.constFind(value);
    if (it != lookup.constEnd())
        return *it;
    const int index = int(dictionary.size());
    dictionary.append(value);
    lookup.insert(value, index);
    return index;
}

qint64 scalar(sql::Database &db, const char *query)
{
    auto st = db.prepare(query);
    return st.step() ? st.int64(0) : 0;
}

// What every opportunity chunk needs to turn ids into row indexes.
struct Lookups
{
    const AccountColumns *accounts = nullptr;
    std::vector<int> accountById; // dense ids: direct table; else binary search
    QHash<Id, int> repIndex;

    int account(Id id) const
    {
        if (id >= 0 && id < Id(accountById.size()))
            return accountById[std::size_t(id)];
        return accounts->indexOf(id);
    }
};

// Progress shared by the chunks: rows done so far and whether the user cancelled.
struct SharedProgress
{
    std::atomic<qint64> done{0};
    std::atomic<bool> cancelled{false};
};

// Reads the opportunities with lo <= id < hi through its own connection.
void readOpportunities(const QString &path, Id lo, Id hi, qint64 expected, const Lookups &lookups,
                       OpportunityColumns &o, SharedProgress &shared)
{
    sql::Database db(path, sql::Database::Mode::ReadOnly);
    const auto n = std::size_t(std::max<qint64>(expected, 0));
    o.id.reserve(n);
    o.name.reserve(n, n * 26);
    o.crmId.reserve(n, n * 18);
    for (auto *v : {&o.account, &o.owner})
        v->reserve(n);
    o.amount.reserve(n);
    for (auto *v : {&o.currency, &o.stage, &o.status})
        v->reserve(n);
    for (auto *v : {&o.probability, &o.override})
        v->reserve(n);
    for (auto *v : {&o.created, &o.closeDate, &o.lastActivity})
        v->reserve(n);
    QHash<QString, int> currencies;
    std::string lastCurrency;
    int lastCurrencyIndex = -1;
    auto st = db.prepare("SELECT id, crm_id, name, account_id, owner_id, amount, currency, stage, "
                         "status, probability_bp, probability_override_bp, created_date, "
                         "close_date, last_activity_date FROM opportunities "
                         "WHERE id >= ? AND id < ? ORDER BY id");
    st.bind(1, lo).bind(2, hi);
    qint64 local = 0;
    while (st.step()) {
        o.id.push_back(st.int64(0));
        o.crmId.append(st.utf8(1));
        o.name.append(st.utf8(2));
        o.account.push_back(st.isNull(3) ? -1 : lookups.account(st.int64(3)));
        o.owner.push_back(st.isNull(4) ? -1 : lookups.repIndex.value(st.int64(4), -1));
        o.amount.push_back(st.int64(5));
        const std::string_view currency = st.utf8(6);
        if (lastCurrencyIndex < 0 || currency != lastCurrency) {
            lastCurrency.assign(currency);
            lastCurrencyIndex = dictionaryIndex(
                    o.currencies, currencies,
                    QString::fromUtf8(currency.data(), qsizetype(currency.size())));
        }
        o.currency.push_back(std::uint8_t(std::max(lastCurrencyIndex, 0)));
        o.stage.push_back(std::uint8_t(st.integer(7)));
        o.status.push_back(std::uint8_t(st.integer(8)));
        o.probability.push_back(std::int16_t(st.isNull(9) ? -1 : st.integer(9)));
        o.override.push_back(std::int16_t(st.isNull(10) ? -1 : st.integer(10)));
        o.created.push_back(std::int32_t(parseIsoDay(st.utf8(11))));
        o.closeDate.push_back(std::int32_t(parseIsoDay(st.utf8(12))));
        o.lastActivity.push_back(std::int32_t(parseIsoDay(st.utf8(13))));
        if (++local % 4096 == 0) {
            shared.done += 4096;
            if (shared.cancelled)
                return;
        }
    }
    shared.done += local % 4096;
}

template<typename T>
void appendVector(std::vector<T> &to, const std::vector<T> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

// Appends `tail` (the later ids) to `head`, remapping its currency dictionary.
void appendChunk(OpportunityColumns &head, const OpportunityColumns &tail)
{
    std::vector<std::uint8_t> currencyMap;
    for (const QString &c : tail.currencies) {
        qsizetype index = head.currencies.indexOf(c);
        if (index < 0) {
            head.currencies.append(c);
            index = head.currencies.size() - 1;
        }
        currencyMap.push_back(std::uint8_t(index));
    }
    appendVector(head.id, tail.id);
    head.name.appendAll(tail.name);
    head.crmId.appendAll(tail.crmId);
    appendVector(head.account, tail.account);
    appendVector(head.owner, tail.owner);
    appendVector(head.amount, tail.amount);
    for (std::uint8_t c : tail.currency)
        head.currency.push_back(currencyMap.empty() ? 0 : currencyMap[c]);
    appendVector(head.stage, tail.stage);
    appendVector(head.status, tail.status);
    appendVector(head.probability, tail.probability);
    appendVector(head.override, tail.override);
    appendVector(head.created, tail.created);
    appendVector(head.closeDate, tail.closeDate);
    appendVector(head.lastActivity, tail.lastActivity);
}

} // namespace

std::unique_ptr<BookView> loadBookView(const QString &bookPath, const LoadProgress &progress)
{
    auto book = Book::open(bookPath);
    sql::Database &db = book->db();
    auto view = std::make_unique<BookView>();
    view->settings = SettingsRepository(*book).load();

    Lookups lookups;
    {
        auto st = db.prepare("SELECT id, name, capacity FROM reps ORDER BY name COLLATE NOCASE");
        while (st.step()) {
            RepRow r{st.int64(0), st.text(1), std::nullopt};
            if (!st.isNull(2))
                r.capacity = st.integer(2);
            lookups.repIndex.insert(r.id, int(view->reps.size()));
            view->reps.push_back(r);
        }
    }
    QHash<Id, int> territoryIndex;
    {
        auto st = db.prepare("SELECT id, name, owner_id FROM territories ORDER BY name COLLATE NOCASE");
        while (st.step()) {
            territoryIndex.insert(st.int64(0), int(view->territories.size()));
            view->territories.push_back(
                    {st.int64(0), st.text(1), st.isNull(2) ? -1 : lookups.repIndex.value(st.int64(2), -1)});
        }
    }

    const qint64 accountTotal = scalar(db, "SELECT count(*) FROM accounts");
    const qint64 opportunityTotal = scalar(db, "SELECT count(*) FROM opportunities");
    const qint64 total = accountTotal + opportunityTotal;

    AccountColumns &a = view->accounts;
    {
        const auto n = std::size_t(accountTotal);
        a.id.reserve(n);
        a.name.reserve(n, n * 28);
        a.crmId.reserve(n, n * 18);
        QHash<QString, int> industries, sizeBands, regions;
        auto st = db.prepare("SELECT id, crm_id, name, industry, size_band, region, territory_id, "
                             "owner_id, potential FROM accounts ORDER BY id");
        qint64 done = 0;
        while (st.step()) {
            a.id.push_back(st.int64(0));
            a.crmId.append(st.utf8(1));
            a.name.append(st.utf8(2));
            a.industry.push_back(dictionaryIndex(a.industries, industries, st.text(3)));
            a.sizeBand.push_back(dictionaryIndex(a.sizeBands, sizeBands, st.text(4)));
            a.region.push_back(dictionaryIndex(a.regions, regions, st.text(5)));
            a.territory.push_back(st.isNull(6) ? -1 : territoryIndex.value(st.int64(6), -1));
            a.owner.push_back(st.isNull(7) ? -1 : lookups.repIndex.value(st.int64(7), -1));
            a.potential.push_back(st.isNull(8) ? -1 : st.int64(8));
            if (++done % 16384 == 0 && progress && !progress(done, total))
                return nullptr;
        }
    }
    lookups.accounts = &a;
    const Id maxAccountId = a.id.empty() ? 0 : a.id.back();
    if (maxAccountId < Id(4) * Id(a.id.size()) + 1024) {
        lookups.accountById.assign(std::size_t(maxAccountId + 1), -1);
        for (std::size_t i = 0; i < a.id.size(); ++i) {
            if (a.id[i] >= 0)
                lookups.accountById[std::size_t(a.id[i])] = int(i);
        }
    }

    // Two chunks by id range, the second on its own thread and connection: the machine this
    // runs on has two cores and the scan is CPU bound. The GUI's connection does not write
    // while a book loads, so both chunks see the same data.
    const Id minId = scalar(db, "SELECT coalesce(min(id), 0) FROM opportunities");
    const Id maxId = scalar(db, "SELECT coalesce(max(id), 0) FROM opportunities");
    const Id split = minId + (maxId - minId + 1) / 2;
    const bool parallel = opportunityTotal >= 50'000;
    OpportunityColumns &head = view->opportunities;
    OpportunityColumns tail;
    SharedProgress shared;
    shared.done = accountTotal;
    std::exception_ptr tailError;
    std::thread worker;
    if (parallel) {
        worker = std::thread([&] {
            try {
                readOpportunities(bookPath, split, maxId + 1, opportunityTotal / 2, lookups, tail,
                                  shared);
            } catch (...) {
                tailError = std::current_exception();
                shared.cancelled = true;
            }
        });
    }
    std::atomic<bool> headDone{false};
    std::exception_ptr headError;
    std::thread headReader([&] {
        try {
            readOpportunities(bookPath, minId, parallel ? split : maxId + 1,
                              parallel ? opportunityTotal / 2 + 1 : opportunityTotal, lookups, head,
                              shared);
        } catch (...) {
            headError = std::current_exception();
            shared.cancelled = true;
        }
        headDone = true;
    });
    // Report progress from the calling thread while the readers work.
    while (!headDone) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (progress && !shared.cancelled && !progress(shared.done.load(), total))
            shared.cancelled = true;
    }
    headReader.join();
    if (worker.joinable())
        worker.join();
    if (headError)
        std::rethrow_exception(headError);
    if (tailError)
        std::rethrow_exception(tailError);
    if (shared.cancelled)
        return nullptr;
    if (parallel)
        appendChunk(head, tail);
    view->recomputeAccountTotals();
    if (progress && !progress(total, total))
        return nullptr;
    return view;
}

} // namespace tp
