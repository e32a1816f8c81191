#include "columnreaders.h"

#include "book.h"

#include "domain/dates.h"
#include "views/hugepages.h"

#include <algorithm>

namespace tp::loader {

namespace {

constexpr qint64 progressStep = 4096;

template<typename T>
void reserveColumn(std::vector<T> &column, std::size_t rows)
{
    column.reserve(rows);
    adviseHugePages(column.data(), column.capacity() * sizeof(T));
}

template<typename T>
void appendVector(std::vector<T> &to, const std::vector<T> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

// Counts a row; every few thousand rows publishes the count and tells whether to go on.
bool step(qint64 &local, SharedProgress &shared)
{
    if (++local % progressStep != 0)
        return true;
    shared.done += progressStep;
    return !shared.cancelled;
}

} // namespace

DictionaryBuilder::DictionaryBuilder(QStringList &values) : m_values(values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        m_lookup.emplace(values.at(i).toStdString(), int(i));
}

int DictionaryBuilder::index(std::string_view utf8)
{
    if (utf8.empty())
        return -1;
    if (m_last >= 0 && utf8 == m_lastText)
        return m_last;
    m_lastText.assign(utf8);
    auto it = m_lookup.find(m_lastText);
    if (it == m_lookup.end()) {
        it = m_lookup.emplace(m_lastText, int(m_values.size())).first;
        m_values.append(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    }
    m_last = it->second;
    return m_last;
}

AccountRows::AccountRows(const AccountColumns &accounts) : m_accounts(accounts)
{
    const Id maxId = accounts.id.empty() ? 0 : accounts.id.back();
    if (maxId < Id(4) * Id(accounts.id.size()) + 1024) {
        m_byId.assign(std::size_t(maxId + 1), -1);
        for (std::size_t i = 0; i < accounts.id.size(); ++i) {
            if (accounts.id[i] >= 0)
                m_byId[std::size_t(accounts.id[i])] = int(i);
        }
    }
}

int AccountRows::row(Id id) const
{
    if (id >= 0 && id < Id(m_byId.size()))
        return m_byId[std::size_t(id)];
    return m_accounts.indexOf(id);
}

void readAccounts(sql::Database &db, const QHash<Id, int> &territoryIndex,
                  const QHash<Id, int> &repIndex, qint64 capacity, AccountColumns &a,
                  SharedProgress &shared)
{
    const auto n = std::size_t(std::max<qint64>(capacity, 0));
    reserveColumn(a.id, n);
    a.name.reserve(n, n * 28);
    a.crmId.reserve(n, n * 18);
    for (auto *v : { &a.industry, &a.sizeBand, &a.region, &a.state, &a.country, &a.territory,
                     &a.owner, &a.crmOwner })
        reserveColumn(*v, n);
    reserveColumn(a.potential, n);
    reserveColumn(a.lock, n);
    DictionaryBuilder industries(a.industries), sizeBands(a.sizeBands), regions(a.regions),
            states(a.states), countries(a.countries);
    auto st = db.prepare("SELECT id, crm_id, name, industry, size_band, region, territory_id, "
                         "owner_id, potential, billing_state, billing_country, crm_owner_id, "
                         "lock_state FROM accounts ORDER BY id");
    qint64 local = 0;
    while (st.step()) {
        a.id.push_back(st.int64(0));
        a.crmId.append(st.utf8(1));
        a.name.append(st.utf8(2));
        a.industry.push_back(industries.index(st.utf8(3)));
        a.sizeBand.push_back(sizeBands.index(st.utf8(4)));
        a.region.push_back(regions.index(st.utf8(5)));
        a.territory.push_back(st.isNull(6) ? -1 : territoryIndex.value(st.int64(6), -1));
        a.owner.push_back(st.isNull(7) ? -1 : repIndex.value(st.int64(7), -1));
        a.potential.push_back(st.isNull(8) ? -1 : st.int64(8));
        a.state.push_back(states.index(st.utf8(9)));
        a.country.push_back(countries.index(st.utf8(10)));
        a.crmOwner.push_back(st.isNull(11) ? -1 : repIndex.value(st.int64(11), -1));
        a.lock.push_back(std::int8_t(st.isNull(12) ? -1 : st.integer(12)));
        if (!step(local, shared))
            return;
    }
    shared.done += local % progressStep;
}

void readOpportunities(const QString &path, Id lo, Id hi, qint64 expected, qint64 capacity,
                       const QHash<Id, int> &repIndex, const AccountRows *accountRows,
                       bool withText, OpportunityColumns &o, SharedProgress &shared)
{
    sql::Database db = Book::readConnection(path);
    const auto n = std::size_t(std::max<qint64>(capacity, 0));
    const auto bytes = std::size_t(std::max<qint64>(expected, 0));
    reserveColumn(o.id, n);
    if (withText) {
        o.name.reserve(n, bytes * 26);
        o.crmId.reserve(n, bytes * 18);
    }
    for (auto *v : { &o.account, &o.owner })
        reserveColumn(*v, n);
    reserveColumn(o.amount, n);
    for (auto *v :
         { &o.currency, &o.stage, &o.status, &o.closedStage, &o.forecastCategory, &o.forecastCall })
        reserveColumn(*v, n);
    for (auto *v : { &o.probability, &o.override })
        reserveColumn(*v, n);
    for (auto *v : { &o.created, &o.closeDate, &o.lastActivity, &o.closedDate, &o.stageEntered })
        reserveColumn(*v, n);
    DictionaryBuilder currencies(o.currencies);
    auto st = db.prepare(std::string("SELECT id, ") + (withText ? "crm_id, name, " : "NULL, NULL, ")
                         + "account_id, owner_id, amount, currency, stage, "
                           "status, probability_bp, probability_override_bp, created_date, "
                           "close_date, last_activity_date, closed_date, stage_entered_date, "
                           "closed_stage, forecast_category, forecast_call FROM opportunities "
                           "WHERE id >= ? AND id < ? ORDER BY id");
    st.bind(1, lo).bind(2, hi);
    qint64 local = 0;
    Id lastOwnerId = 0;
    int lastOwner = -1;
    while (st.step()) {
        o.id.push_back(st.int64(0));
        if (withText) {
            o.crmId.append(st.utf8(1));
            o.name.append(st.utf8(2));
        }
        // Row ids start at 1, so the 0 that sqlite3_column_int64 gives for NULL is "none"
        // without asking for the column's type first.
        const Id accountId = st.int64(3);
        o.account.push_back(accountId <= 0        ? -1
                                    : accountRows ? accountRows->row(accountId)
                                                  : int(accountId));
        const Id ownerId = st.int64(4);
        if (ownerId != lastOwnerId) {
            lastOwnerId = ownerId;
            lastOwner = ownerId > 0 ? repIndex.value(ownerId, -1) : -1;
        }
        o.owner.push_back(lastOwner);
        o.amount.push_back(st.int64(5));
        o.currency.push_back(std::uint8_t(std::max(currencies.index(st.utf8(6)), 0)));
        o.stage.push_back(std::uint8_t(st.integer(7)));
        o.status.push_back(std::uint8_t(st.integer(8)));
        o.probability.push_back(std::int16_t(st.isNull(9) ? -1 : st.integer(9)));
        o.override.push_back(std::int16_t(st.isNull(10) ? -1 : st.integer(10)));
        o.created.push_back(std::int32_t(parseIsoDay(st.utf8(11))));
        o.closeDate.push_back(std::int32_t(parseIsoDay(st.utf8(12))));
        o.lastActivity.push_back(std::int32_t(parseIsoDay(st.utf8(13))));
        o.closedDate.push_back(std::int32_t(parseIsoDay(st.utf8(14))));
        o.stageEntered.push_back(std::int32_t(parseIsoDay(st.utf8(15))));
        o.closedStage.push_back(std::uint8_t(st.int64(16))); // NULL: 0, unknown
        // NULL: 0, none; a category c: c + 1.
        o.forecastCategory.push_back(std::uint8_t(st.isNull(17) ? 0 : st.integer(17) + 1));
        o.forecastCall.push_back(std::uint8_t(st.isNull(18) ? 0 : st.integer(18) + 1));
        if (!step(local, shared))
            return;
    }
    shared.done += local % progressStep;
}

void resolveAccounts(OpportunityColumns &o, const AccountRows &accountRows)
{
    for (int &account : o.account) {
        if (account > 0)
            account = accountRows.row(account);
    }
}

void appendChunk(OpportunityColumns &head, OpportunityColumns &&tail)
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
    head.name.appendAll(std::move(tail.name));
    head.crmId.appendAll(std::move(tail.crmId));
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
    appendVector(head.closedDate, tail.closedDate);
    appendVector(head.stageEntered, tail.stageEntered);
    appendVector(head.closedStage, tail.closedStage);
    appendVector(head.forecastCategory, tail.forecastCategory);
    appendVector(head.forecastCall, tail.forecastCall);
}

void readPushes(sql::Database &db, OpportunityColumns &o)
{
    o.pushes.assign(o.id.size(), 0);
    auto st = db.prepare("SELECT opportunity_id, count(*) FROM close_date_changes "
                         "WHERE new_date > old_date GROUP BY opportunity_id");
    while (st.step()) {
        const int row = o.indexOf(st.int64(0));
        if (row >= 0)
            o.pushes[std::size_t(row)] = std::uint8_t(std::min<qint64>(st.int64(1), 255));
    }
}

std::vector<QuotaRow> readQuotas(sql::Database &db, const QHash<Id, int> &repIndex)
{
    std::vector<QuotaRow> quotas;
    auto st = db.prepare("SELECT rep_id, period, amount FROM quotas ORDER BY rep_id, period");
    while (st.step()) {
        const int rep = repIndex.value(st.int64(0), -1);
        if (rep >= 0)
            quotas.push_back({ rep, st.text(1), st.int64(2) });
    }
    return quotas;
}

std::vector<std::pair<QString, double>> readRates(sql::Database &db)
{
    std::vector<std::pair<QString, double>> rates;
    auto st = db.prepare("SELECT currency, rate FROM currency_rates");
    while (st.step())
        rates.emplace_back(st.text(0), st.real(1));
    return rates;
}

} // namespace tp::loader
