#include "tablequery.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <thread>

namespace tp {

namespace {

// Rank of each entry of a small table by its folded name, so that sorting rows by a referenced
// name becomes an integer sort.
std::vector<int> ranksByName(const std::vector<QString> &names)
{
    std::vector<int> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<QString> folded;
    folded.reserve(names.size());
    for (const QString &n : names)
        folded.push_back(n.toCaseFolded());
    std::stable_sort(order.begin(), order.end(),
                     [&](int l, int r) { return folded[std::size_t(l)] < folded[std::size_t(r)]; });
    std::vector<int> rank(names.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[std::size_t(order[i])] = int(i);
    return rank;
}

std::vector<int> repRanks(const BookView &view)
{
    std::vector<QString> names;
    for (const auto &r : view.reps)
        names.push_back(r.name);
    return ranksByName(names);
}

std::vector<int> territoryRanks(const BookView &view)
{
    std::vector<QString> names;
    for (const auto &t : view.territories)
        names.push_back(t.name);
    return ranksByName(names);
}

std::vector<int> dictionaryRanks(const QStringList &dictionary)
{
    return ranksByName(std::vector<QString>(dictionary.begin(), dictionary.end()));
}

std::vector<int> accountNameRanks(const BookView &view)
{
    const auto &a = view.accounts;
    std::vector<int> order = storageOrder(std::size_t(a.size()));
    std::sort(order.begin(), order.end(), [&](int l, int r) {
        const auto lf = a.name.folded(std::size_t(l)), rf = a.name.folded(std::size_t(r));
        return lf != rf ? lf < rf : l < r;
    });
    std::vector<int> rank(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[std::size_t(order[i])] = int(i);
    return rank;
}

// "none" (-1) sorts before every value.
inline int lookup(const std::vector<int> &rank, int index)
{
    return index < 0 ? -1 : rank[std::size_t(index)];
}

// Keys are computed once per row and sorted together with the row: contiguous, so the sort
// does not chase the columns on every comparison. Ties keep row order in both directions.
template<typename KeyOf>
std::vector<int> sortBy(std::size_t n, bool descending, KeyOf keyOf)
{
    using Key = decltype(keyOf(0));
    std::vector<std::pair<Key, int>> keys(n);
    for (std::size_t r = 0; r < n; ++r)
        keys[r] = { keyOf(int(r)), int(r) };
    if (descending)
        std::sort(keys.begin(), keys.end(), [](const auto &l, const auto &r) {
            return l.first != r.first ? r.first < l.first : l.second < r.second;
        });
    else
        std::sort(keys.begin(), keys.end());
    std::vector<int> rows(n);
    for (std::size_t i = 0; i < n; ++i)
        rows[i] = keys[i].second;
    return rows;
}

// Sorting text by comparing whole strings in a million-row arena misses the cache on every
// comparison. Rows are sorted by packed 24-byte prefixes of their folded text instead (names
// share long prefixes such as "Account renewal "), and the arena is read only on the rare ties.
struct TextKey
{
    std::uint64_t a, b, c;
    std::uint32_t length; // of the folded text: texts that fit the key never touch the arena
    int row;
};

std::uint64_t packBigEndian(std::string_view s, std::size_t from)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i)
        v = (v << 8) | (from + i < s.size() ? static_cast<unsigned char>(s[from + i]) : 0u);
    return v;
}

template<typename Less>
void sortOnBothCores(std::vector<TextKey> &keys, Less less)
{
    if (keys.size() < 100'000) {
        std::sort(keys.begin(), keys.end(), less);
        return;
    }
    const auto middle = keys.begin() + std::ptrdiff_t(keys.size() / 2);
    std::thread other([&] { std::sort(middle, keys.end(), less); });
    std::sort(keys.begin(), middle, less);
    other.join();
    std::inplace_merge(keys.begin(), middle, keys.end(), less);
}

std::vector<int> sortByText(const TextColumn &column, std::size_t n, bool descending)
{
    std::vector<TextKey> keys(n);
    for (std::size_t r = 0; r < n; ++r) {
        const auto f = column.folded(r);
        keys[r] = { packBigEndian(f, 0), packBigEndian(f, 8), packBigEndian(f, 16),
                    std::uint32_t(std::min<std::size_t>(f.size(), UINT32_MAX)), int(r) };
    }
    // Rows with equal text keep their order in both directions.
    auto tail = [&](const TextKey &l, const TextKey &r) {
        if (l.length <= 24 && r.length <= 24)
            return l.length < r.length ? -1 : (l.length > r.length ? 1 : 0);
        const auto lf = column.folded(std::size_t(l.row)), rf = column.folded(std::size_t(r.row));
        return lf.substr(std::min<std::size_t>(24, lf.size()))
                .compare(rf.substr(std::min<std::size_t>(24, rf.size())));
    };
    if (descending)
        sortOnBothCores(keys, [&](const TextKey &l, const TextKey &r) {
            if (l.a != r.a)
                return r.a < l.a;
            if (l.b != r.b)
                return r.b < l.b;
            if (l.c != r.c)
                return r.c < l.c;
            const int t = tail(l, r);
            return t != 0 ? t > 0 : l.row < r.row;
        });
    else
        sortOnBothCores(keys, [&](const TextKey &l, const TextKey &r) {
            if (l.a != r.a)
                return l.a < r.a;
            if (l.b != r.b)
                return l.b < r.b;
            if (l.c != r.c)
                return l.c < r.c;
            const int t = tail(l, r);
            return t != 0 ? t < 0 : l.row < r.row;
        });
    std::vector<int> rows(n);
    for (std::size_t i = 0; i < n; ++i)
        rows[i] = keys[i].row;
    return rows;
}

struct TextMatcher
{
    std::string needle;
    bool active() const { return !needle.empty(); }
    bool in(std::string_view haystack) const
    {
        return haystack.find(needle) != std::string_view::npos;
    }
};

std::vector<char> matchingReps(const BookView &view, const TextMatcher &m)
{
    std::vector<char> match(view.reps.size(), 0);
    for (std::size_t i = 0; i < view.reps.size(); ++i) {
        const QByteArray f = view.reps[i].name.toCaseFolded().toUtf8();
        match[i] = m.in(std::string_view(f.constData(), std::size_t(f.size())));
    }
    return match;
}

std::vector<char> matchingAccounts(const BookView &view, const TextMatcher &m)
{
    const auto &a = view.accounts;
    std::vector<char> match(std::size_t(a.size()), 0);
    for (std::size_t i = 0; i < match.size(); ++i)
        match[i] = m.in(a.name.folded(i)) || m.in(a.crmId.folded(i));
    return match;
}

// Which opportunities match the text: names and ids are read in storage order, sequentially
// through the arenas, on both cores; referenced names are matched once per account and rep.
std::vector<char> matchingOpportunities(const BookView &view, const TextMatcher &text)
{
    const auto &o = view.opportunities;
    const std::vector<char> repMatch = matchingReps(view, text);
    const std::vector<char> accountMatch = matchingAccounts(view, text);
    std::vector<char> match(std::size_t(o.size()), 0);
    auto scan = [&](std::size_t from, std::size_t to) {
        for (std::size_t r = from; r < to; ++r) {
            const int account = o.account[r];
            const int owner = o.owner[r];
            match[r] = (account >= 0 && accountMatch[std::size_t(account)])
                    || (owner >= 0 && repMatch[std::size_t(owner)]) || text.in(o.name.folded(r))
                    || text.in(o.crmId.folded(r));
        }
    };
    const std::size_t half = match.size() / 2;
    if (match.size() < 100'000) {
        scan(0, match.size());
    } else {
        std::thread other(scan, half, match.size());
        scan(0, half);
        other.join();
    }
    return match;
}

} // namespace

std::vector<int> storageOrder(std::size_t rows)
{
    std::vector<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    return order;
}

std::vector<int> sortedOpportunities(const BookView &view, OpportunityColumn column,
                                     bool descending)
{
    const auto &o = view.opportunities;
    const auto n = std::size_t(o.size());
    switch (column) {
    case OpportunityColumn::Name:
        return sortByText(o.name, n, descending);
    case OpportunityColumn::CrmId:
        return sortByText(o.crmId, n, descending);
    case OpportunityColumn::Account: {
        const auto rank = accountNameRanks(view);
        return sortBy(n, descending,
                      [&](int r) { return lookup(rank, o.account[std::size_t(r)]); });
    }
    case OpportunityColumn::Owner: {
        const auto rank = repRanks(view);
        return sortBy(n, descending, [&](int r) { return lookup(rank, o.owner[std::size_t(r)]); });
    }
    case OpportunityColumn::Stage:
        return sortBy(n, descending, [&](int r) { return o.stage[std::size_t(r)]; });
    case OpportunityColumn::Status:
        return sortBy(n, descending, [&](int r) { return o.status[std::size_t(r)]; });
    case OpportunityColumn::Amount:
        return sortBy(n, descending, [&](int r) { return o.amount[std::size_t(r)]; });
    case OpportunityColumn::Probability:
        return sortBy(n, descending, [&](int r) { return view.probability(r); });
    case OpportunityColumn::Weighted:
        return sortBy(n, descending, [&](int r) { return view.weightedAmount(r); });
    case OpportunityColumn::Forecast:
        return sortBy(n, descending, [&](int r) { return int(view.forecast(r)); });
    case OpportunityColumn::Created:
        return sortBy(n, descending, [&](int r) { return o.created[std::size_t(r)]; });
    case OpportunityColumn::CloseDate:
        return sortBy(n, descending, [&](int r) { return o.closeDate[std::size_t(r)]; });
    case OpportunityColumn::LastActivity:
        return sortBy(n, descending, [&](int r) { return o.lastActivity[std::size_t(r)]; });
    case OpportunityColumn::Count:
        break;
    }
    return sortBy(n, descending, [](int r) { return r; });
}

std::vector<int> sortedAccounts(const BookView &view, AccountColumn column, bool descending)
{
    const auto &a = view.accounts;
    const auto n = std::size_t(a.size());
    switch (column) {
    case AccountColumn::Name:
        return sortByText(a.name, n, descending);
    case AccountColumn::CrmId:
        return sortByText(a.crmId, n, descending);
    case AccountColumn::Industry: {
        const auto rank = dictionaryRanks(a.industries);
        return sortBy(n, descending,
                      [&](int r) { return lookup(rank, a.industry[std::size_t(r)]); });
    }
    case AccountColumn::SizeBand: {
        const auto rank = dictionaryRanks(a.sizeBands);
        return sortBy(n, descending,
                      [&](int r) { return lookup(rank, a.sizeBand[std::size_t(r)]); });
    }
    case AccountColumn::Region: {
        const auto rank = dictionaryRanks(a.regions);
        return sortBy(n, descending, [&](int r) { return lookup(rank, a.region[std::size_t(r)]); });
    }
    case AccountColumn::Territory: {
        const auto rank = territoryRanks(view);
        return sortBy(n, descending,
                      [&](int r) { return lookup(rank, a.territory[std::size_t(r)]); });
    }
    case AccountColumn::Owner: {
        const auto rank = repRanks(view);
        return sortBy(n, descending, [&](int r) { return lookup(rank, a.owner[std::size_t(r)]); });
    }
    case AccountColumn::Potential:
        return sortBy(n, descending, [&](int r) { return a.revenuePotential(r); });
    case AccountColumn::OpenPipeline:
        return sortBy(n, descending, [&](int r) { return a.openAmount[std::size_t(r)]; });
    case AccountColumn::OpenOpportunities:
        return sortBy(n, descending, [&](int r) { return a.openCount[std::size_t(r)]; });
    case AccountColumn::Count:
        break;
    }
    return sortBy(n, descending, [](int r) { return r; });
}

std::vector<int> filterOpportunities(const BookView &view, const std::vector<int> &order,
                                     const RowFilter &filter)
{
    const auto &o = view.opportunities;
    const QByteArray folded = filter.text.trimmed().toCaseFolded().toUtf8();
    const TextMatcher text{ std::string(folded.constData(), std::size_t(folded.size())) };
    // A few rows (one edited row) are matched on their own: matching every opportunity
    // would cost a pass over the book per edit.
    const bool fewRows = order.size() <= 64;
    const std::vector<char> textMatch =
            text.active() && !fewRows ? matchingOpportunities(view, text) : std::vector<char>();
    const std::vector<char> repMatch =
            text.active() && fewRows ? matchingReps(view, text) : std::vector<char>();
    const auto matchesText = [&](std::size_t r) {
        if (!fewRows)
            return textMatch[r] != 0;
        const int account = o.account[r];
        const int owner = o.owner[r];
        return (account >= 0
                && (text.in(view.accounts.name.folded(std::size_t(account)))
                    || text.in(view.accounts.crmId.folded(std::size_t(account)))))
                || (owner >= 0 && repMatch[std::size_t(owner)]) || text.in(o.name.folded(r))
                || text.in(o.crmId.folded(r));
    };
    const bool showRemoved = filter.status == Status::Removed;
    const qint64 closingBy = filter.closingBy.isValid() ? filter.closingBy.toJulianDay() : 0;
    std::vector<int> rows;
    rows.reserve(order.size());
    for (int row : order) {
        const auto r = std::size_t(row);
        const int account = o.account[r];
        const int owner = o.owner[r];
        if (!showRemoved && o.status[r] == std::uint8_t(Status::Removed))
            continue;
        if (filter.status && o.status[r] != std::uint8_t(*filter.status))
            continue;
        if (filter.stage && o.stage[r] != std::uint8_t(*filter.stage))
            continue;
        if (filter.owner >= 0 && owner != filter.owner)
            continue;
        if (closingBy != 0 && (o.closeDate[r] == 0 || o.closeDate[r] > closingBy))
            continue;
        if (filter.scopeRep >= 0 && owner != filter.scopeRep)
            continue;
        if (filter.scopeTerritory >= 0
            && (account < 0
                || view.accounts.territory[std::size_t(account)] != filter.scopeTerritory))
            continue;
        if (text.active() && !matchesText(r))
            continue;
        rows.push_back(row);
    }
    return rows;
}

std::vector<int> filterAccounts(const BookView &view, const std::vector<int> &order,
                                const RowFilter &filter)
{
    const auto &a = view.accounts;
    const QByteArray folded = filter.text.trimmed().toCaseFolded().toUtf8();
    const TextMatcher text{ std::string(folded.constData(), std::size_t(folded.size())) };
    std::vector<char> repMatch, industryMatch;
    if (text.active()) {
        repMatch = matchingReps(view, text);
        for (const QString &industry : a.industries) {
            const QByteArray f = industry.toCaseFolded().toUtf8();
            industryMatch.push_back(
                    text.in(std::string_view(f.constData(), std::size_t(f.size()))));
        }
    }
    std::vector<int> rows;
    rows.reserve(order.size());
    for (int row : order) {
        const auto r = std::size_t(row);
        const int owner = a.owner[r];
        if (filter.owner >= 0 && owner != filter.owner)
            continue;
        if (filter.scopeRep >= 0 && owner != filter.scopeRep)
            continue;
        if (filter.scopeTerritory >= 0 && a.territory[r] != filter.scopeTerritory)
            continue;
        if (text.active() && !text.in(a.name.folded(r)) && !text.in(a.crmId.folded(r))
            && !(a.industry[r] >= 0 && industryMatch[std::size_t(a.industry[r])])
            && !(owner >= 0 && repMatch[std::size_t(owner)]))
            continue;
        rows.push_back(row);
    }
    return rows;
}

} // namespace tp
