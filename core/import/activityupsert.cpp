#include "activityupsert.h"

namespace tp::crm {

namespace {

QString folded(const QString &s)
{
    return s.trimmed().toCaseFolded();
}

} // namespace

struct ActivityUpserter::Statements
{
    explicit Statements(sql::Database &db)
        : byCrmId(db.prepare("SELECT id, type, activity_date, rep_id, account_id, opportunity_id, "
                             "coalesce(subject, '') FROM activities WHERE crm_id = ?"))
        , same(db.prepare("SELECT id FROM activities WHERE crm_id IS NULL AND activity_date = ? "
                          "AND type = ? AND rep_id IS ? AND account_id IS ? AND opportunity_id IS ? "
                          "AND coalesce(subject, '') = ? LIMIT 1"))
        , insert(db.prepare("INSERT INTO activities (crm_id, type, activity_date, rep_id, "
                            "account_id, opportunity_id, subject) VALUES (?, ?, ?, ?, ?, ?, ?)"))
        , update(db.prepare("UPDATE activities SET type = ?, activity_date = ?, rep_id = ?, "
                            "account_id = ?, opportunity_id = ?, subject = ? WHERE id = ?"))
        , accountByCrmId(db.prepare("SELECT id FROM accounts WHERE crm_id = ?"))
        , insertAccount(db.prepare("INSERT INTO accounts (crm_id, name, owner_id) VALUES (?, ?, ?)"))
        , insertRep(db.prepare("INSERT INTO reps (name) VALUES (?)"))
        , opportunityByCrmId(db.prepare("SELECT id, last_activity_date FROM opportunities WHERE crm_id = ?"))
        , touchOpportunity(db.prepare("UPDATE opportunities SET last_activity_date = ? WHERE id = ?"))
    {
    }
    sql::Statement byCrmId, same, insert, update, accountByCrmId, insertAccount, insertRep,
            opportunityByCrmId, touchOpportunity;
    QHash<QString, Id> accountsByName; // folded → id, loaded on first use
    bool accountsLoaded = false;
};

ActivityUpserter::ActivityUpserter(sql::Database &db, ImportJournal &journal, UpsertCounts &counts,
                                   QDate asOf)
    : m_db(db)
    , m_journal(journal)
    , m_counts(counts)
    , m_st(std::make_unique<Statements>(db))
    , m_asOf(asOf)
{
    auto st = m_db.prepare("SELECT id, name FROM reps");
    while (st.step())
        m_reps.insert(folded(st.text(1)), st.int64(0));
}

ActivityUpserter::~ActivityUpserter() = default;

std::optional<Id> ActivityUpserter::rep(const QString &name)
{
    if (name.isEmpty())
        return std::nullopt;
    const QString key = folded(name);
    if (const auto it = m_reps.constFind(key); it != m_reps.constEnd())
        return *it;
    m_st->insertRep.bind(1, name).run();
    const Id id = m_db.lastInsertId();
    m_reps.insert(key, id);
    ++m_counts.repsCreated;
    return id;
}

std::optional<Id> ActivityUpserter::account(const RowReader::ActivityInput &row, std::optional<Id> owner)
{
    if (!row.accountCrmId.isEmpty()) {
        auto &st = m_st->accountByCrmId;
        st.bind(1, row.accountCrmId);
        const std::optional<Id> id = st.step() ? std::optional<Id>(st.int64(0)) : std::nullopt;
        st.reset();
        if (id)
            return id;
    }
    if (row.accountName.isEmpty() && row.accountCrmId.isEmpty())
        return std::nullopt;
    if (!m_st->accountsLoaded) {
        m_st->accountsLoaded = true;
        auto st = m_db.prepare("SELECT id, name FROM accounts ORDER BY id");
        while (st.step()) {
            const QString key = folded(st.text(1));
            if (!m_st->accountsByName.contains(key))
                m_st->accountsByName.insert(key, st.int64(0));
        }
    }
    const QString key = folded(row.accountName);
    if (row.accountCrmId.isEmpty()) {
        if (const auto it = m_st->accountsByName.constFind(key); it != m_st->accountsByName.constEnd())
            return *it;
    }
    auto &st = m_st->insertAccount;
    if (row.accountCrmId.isEmpty())
        st.bindNull(1);
    else
        st.bind(1, row.accountCrmId);
    st.bind(2, row.accountName.isEmpty() ? row.accountCrmId : row.accountName).bind(3, owner).run();
    const Id id = m_db.lastInsertId();
    if (!key.isEmpty() && !m_st->accountsByName.contains(key))
        m_st->accountsByName.insert(key, id);
    ++m_counts.accountsCreated;
    return id;
}

std::optional<Id> ActivityUpserter::opportunity(const QString &crmId)
{
    if (crmId.isEmpty())
        return std::nullopt;
    auto &st = m_st->opportunityByCrmId;
    st.bind(1, crmId);
    const std::optional<Id> id = st.step() ? std::optional<Id>(st.int64(0)) : std::nullopt;
    st.reset();
    return id;
}

void ActivityUpserter::upsert(const RowReader::ActivityInput &row)
{
    const std::optional<Id> repId = rep(row.owner);
    const std::optional<Id> accountId = account(row, repId);
    const std::optional<Id> opportunityId = opportunity(row.opportunityCrmId);

    std::optional<Id> existing;
    bool same = false;
    if (!row.crmId.isEmpty()) {
        auto &st = m_st->byCrmId;
        st.bind(1, row.crmId);
        if (st.step()) {
            existing = st.int64(0);
            same = st.text(1) == row.type && st.date(2) == row.date && st.optionalInt64(3) == repId
                    && st.optionalInt64(4) == accountId && st.optionalInt64(5) == opportunityId
                    && st.text(6) == row.subject;
        }
        st.reset();
    } else {
        auto &st = m_st->same;
        st.bind(1, row.date).bind(2, row.type).bind(3, repId).bind(4, accountId).bind(5, opportunityId)
                .bind(6, row.subject);
        if (st.step()) {
            existing = st.int64(0);
            same = true;
        }
        st.reset();
    }
    if (existing && same) {
        ++m_counts.unchanged;
    } else if (existing) {
        m_journal.beforeUpdate("activities", *existing);
        m_st->update.bind(1, row.type).bind(2, row.date).bind(3, repId).bind(4, accountId)
                .bind(5, opportunityId).bind(6, row.subject).bind(7, *existing).run();
        ++m_counts.updated;
    } else {
        auto &st = m_st->insert;
        if (row.crmId.isEmpty())
            st.bindNull(1);
        else
            st.bind(1, row.crmId);
        st.bind(2, row.type).bind(3, row.date).bind(4, repId).bind(5, accountId).bind(6, opportunityId)
                .bind(7, row.subject)
                .run();
        ++m_counts.created;
    }

    if (opportunityId && row.date <= m_asOf) {
        auto &st = m_st->opportunityByCrmId;
        st.bind(1, row.opportunityCrmId);
        const QDate last = st.step() ? st.date(1) : QDate();
        st.reset();
        if (!last.isValid() || row.date > last) {
            m_journal.beforeUpdate("opportunities", *opportunityId);
            m_st->touchOpportunity.bind(1, row.date).bind(2, *opportunityId).run();
        }
    }
}

} // namespace tp::crm
