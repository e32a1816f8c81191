#include "bookviewloader.h"

#include "domain/dates.h"
#include "settings.h"
#include "sqlite.h"

#include <QHash>

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

qint64 count(sql::Database &db, const char *table)
{
    auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
    return st.step() ? st.int64(0) : 0;
}

void loadSettings(Book &book, BookView &view)
{
    view.settings = SettingsRepository(book).load();
}

} // namespace

std::unique_ptr<BookView> loadBookView(const QString &bookPath, const LoadProgress &progress)
{
    auto book = Book::open(bookPath);
    sql::Database &db = book->db();
    auto view = std::make_unique<BookView>();
    sql::Transaction readSnapshot(db); // one consistent read across the tables
    loadSettings(*book, *view);

    {
        auto st = db.prepare("SELECT id, name, capacity FROM reps ORDER BY name COLLATE NOCASE");
        while (st.step()) {
            RepRow r{st.int64(0), st.text(1), std::nullopt};
            if (!st.isNull(2))
                r.capacity = st.integer(2);
            view->reps.push_back(r);
        }
    }
    {
        auto st = db.prepare("SELECT id, name, owner_id FROM territories ORDER BY name COLLATE NOCASE");
        while (st.step())
            view->territories.push_back(
                    {st.int64(0), st.text(1), st.isNull(2) ? -1 : view->repIndex(st.int64(2))});
    }
    QHash<Id, int> repIndex, territoryIndex;
    for (std::size_t i = 0; i < view->reps.size(); ++i)
        repIndex.insert(view->reps[i].id, int(i));
    for (std::size_t i = 0; i < view->territories.size(); ++i)
        territoryIndex.insert(view->territories[i].id, int(i));

    const qint64 accountTotal = count(db, "accounts");
    const qint64 opportunityTotal = count(db, "opportunities");
    const qint64 total = accountTotal + opportunityTotal;
    const qint64 step = 1 << 14;

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
            a.owner.push_back(st.isNull(7) ? -1 : repIndex.value(st.int64(7), -1));
            a.potential.push_back(st.isNull(8) ? -1 : st.int64(8));
            if (++done % step == 0 && progress && !progress(done, total))
                return nullptr;
        }
    }

    OpportunityColumns &o = view->opportunities;
    {
        const auto n = std::size_t(opportunityTotal);
        o.id.reserve(n);
        o.name.reserve(n, n * 26);
        o.crmId.reserve(n, n * 18);
        for (auto *v : {&o.account, &o.owner})
            v->reserve(n);
        o.amount.reserve(n);
        o.currency.reserve(n);
        o.stage.reserve(n);
        o.status.reserve(n);
        o.probability.reserve(n);
        o.override.reserve(n);
        for (auto *v : {&o.created, &o.closeDate, &o.lastActivity})
            v->reserve(n);
        QHash<QString, int> currencies;
        auto st = db.prepare(
                "SELECT id, crm_id, name, account_id, owner_id, amount, currency, stage, status, "
                "probability_bp, probability_override_bp, created_date, close_date, "
                "last_activity_date FROM opportunities ORDER BY id");
        qint64 done = accountTotal;
        // Account ids are nearly always dense, so a direct table beats a binary search per row.
        const Id maxAccountId = a.id.empty() ? 0 : a.id.back();
        std::vector<int> accountById;
        if (maxAccountId < Id(4) * Id(a.id.size()) + 1024) {
            accountById.assign(std::size_t(maxAccountId + 1), -1);
            for (std::size_t i = 0; i < a.id.size(); ++i)
                if (a.id[i] >= 0)
                    accountById[std::size_t(a.id[i])] = int(i);
        }
        std::string lastCurrency;
        int lastCurrencyIndex = -1;
        while (st.step()) {
            o.id.push_back(st.int64(0));
            o.crmId.append(st.utf8(1));
            o.name.append(st.utf8(2));
            if (st.isNull(3)) {
                o.account.push_back(-1);
            } else {
                const Id accountId = st.int64(3);
                o.account.push_back(accountId >= 0 && accountId < Id(accountById.size())
                                            ? accountById[std::size_t(accountId)]
                                            : a.indexOf(accountId));
            }
            o.owner.push_back(st.isNull(4) ? -1 : repIndex.value(st.int64(4), -1));
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
            if (++done % step == 0 && progress && !progress(done, total))
                return nullptr;
        }
    }
    readSnapshot.commit();
    view->recomputeAccountTotals();
    if (progress && !progress(total, total))
        return nullptr;
    return view;
}

} // namespace tp
