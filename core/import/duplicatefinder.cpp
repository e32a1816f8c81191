#include "duplicatefinder.h"

#include <QString>

namespace tp::crm {

namespace {

// Folded as reps and accounts are matched (BookDirectory::folded): trimmed, case-folded.
std::string folded(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()))
            .trimmed()
            .toCaseFolded()
            .toStdString();
}

} // namespace

DuplicateFinder::DuplicateFinder(sql::Database &db, Id firstNew, std::optional<Id> sourceSnapshot)
    : m_db(db), m_firstNew(firstNew), m_sourceSnapshot(sourceSnapshot)
{ }

std::uint64_t DuplicateFinder::keyOf(std::string_view accountName, std::string_view name)
{
    return KeyIndex::hash(folded(name), KeyIndex::hash(folded(accountName)));
}

void DuplicateFinder::load()
{
    m_loaded = true;
    auto st = m_db.prepare(
            "SELECT o.id, o.name, a.name FROM opportunities o JOIN accounts a ON a.id = "
            "o.account_id "
            "WHERE o.id < ?1 AND o.status <> 3 AND NOT EXISTS (SELECT 1 FROM snapshot_rows r "
            "WHERE r.snapshot_id = ?2 AND r.opportunity_id = o.id AND r.carried = 0)");
    st.bind(1, m_firstNew).bind(2, m_sourceSnapshot.value_or(0));
    while (st.step())
        m_index.insert(keyOf(st.utf8(2), st.utf8(1)), st.int64(0));
    m_byId.emplace(m_db,
                   "SELECT o.crm_id, o.name, a.name, o.amount, o.close_date FROM opportunities o "
                   "JOIN accounts a ON a.id = o.account_id WHERE o.id = ?");
}

std::optional<DuplicateFinder::Found> DuplicateFinder::find(std::string_view accountName,
                                                            std::string_view name,
                                                            std::optional<Minor> amount,
                                                            const QDate &closeDate)
{
    if (accountName.empty() || name.empty())
        return std::nullopt;
    if (!m_loaded)
        load();
    if (m_index.empty())
        return std::nullopt;
    std::optional<Found> found;
    const std::string account = folded(accountName), deal = folded(name);
    m_index.find(keyOf(accountName, name), [&](Id id) {
        sql::Statement &st = *m_byId;
        st.bind(1, id);
        bool same = false;
        if (st.step()) {
            same = folded(st.utf8(1)) == deal && folded(st.utf8(2)) == account
                    && ((amount && st.int64(3) == *amount)
                        || (closeDate.isValid() && st.date(4) == closeDate));
            if (same)
                found = Found{ id, std::string(st.utf8(0)), std::string(st.utf8(1)) };
        }
        st.reset();
        return same;
    });
    return found;
}

} // namespace tp::crm
