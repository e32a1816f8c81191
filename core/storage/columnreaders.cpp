#include "columnreaders.h"

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

DictionaryBuilder::DictionaryBuilder(QStringList &values)
    : m_values(values)
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

AccountRows::AccountRows(const AccountColumns &accounts)
    : m_accounts(accounts)
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
    for (auto *v : {&a.industry, &a.sizeBand, &a.region, &a.territory, &a.owner})
        reserveColumn(*v, n);
    reserveColumn(a.potential, n);
    DictionaryBuilder industries(a.industries), sizeBands(a.sizeBands), regions(a.regions);
    auto st = db.prepare("SELECT id, crm_id, name, industry, size_band, region, territory_id, "
                         "owner_id, potential FROM accounts ORDER BY id");
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
        if (!step(local, shared))
            return;
    }
    shared.done += local % progressStep;
}

void readOpportunities(const QString &path, Id lo, Id hi, qint64 expected, qint64 capacity,
                       const QHash<Id, int> &repIndex, const AccountRows &accountRows,
                       OpportunityColumns &o, SharedProgress &shared)
{
    sql::Database db(path, sql::Database::Mode::ReadOnly);
    const auto n = std::size_t(std::max<qint64>(capacity, 0));
    const auto bytes = std::size_t(std::max<qint64>(expected, 0));
    reserveColumn(o.id, n);
    o.name.reserve(n, bytes * 26);
    o.crmId.reserve(n, bytes * 18);
    for (auto *v : {&o.account, &o.owner})
        reserveColumn(*v, n);
    reserveColumn(o.amount, n);
    for (auto *v : {&o.currency, &o.stage, &o.status})
        reserveColumn(*v, n);
    for (auto *v : {&o.probability, &o.override})
        reserveColumn(*v, n);
    for (auto *v : {&o.created, &o.closeDate, &o.lastActivity})
        reserveColumn(*v, n);
    DictionaryBuilder currencies(o.currencies);
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
        o.account.push_back(st.isNull(3) ? -1 : accountRows.row(st.int64(3)));
        o.owner.push_back(st.isNull(4) ? -1 : repIndex.value(st.int64(4), -1));
        o.amount.push_back(st.int64(5));
        o.currency.push_back(std::uint8_t(std::max(currencies.index(st.utf8(6)), 0)));
        o.stage.push_back(std::uint8_t(st.integer(7)));
        o.status.push_back(std::uint8_t(st.integer(8)));
        o.probability.push_back(std::int16_t(st.isNull(9) ? -1 : st.integer(9)));
        o.override.push_back(std::int16_t(st.isNull(10) ? -1 : st.integer(10)));
        o.created.push_back(std::int32_t(parseIsoDay(st.utf8(11))));
        o.closeDate.push_back(std::int32_t(parseIsoDay(st.utf8(12))));
        o.lastActivity.push_back(std::int32_t(parseIsoDay(st.utf8(13))));
        if (!step(local, shared))
            return;
    }
    shared.done += local % progressStep;
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
}

} // namespace tp::loader
