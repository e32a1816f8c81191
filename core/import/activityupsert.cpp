#include "activityupsert.h"

namespace tp::crm {

struct ActivityUpserter::Statements
{
    explicit Statements(sql::Database &db)
        : byCrmId(db.prepare("SELECT id, type, activity_date, rep_id, account_id, opportunity_id, "
                             "coalesce(subject, '') FROM activities WHERE crm_id = ?")),
          same(db.prepare(
                  "SELECT id FROM activities WHERE crm_id IS NULL AND activity_date = ? "
                  "AND type = ? AND rep_id IS ? AND account_id IS ? AND opportunity_id IS ? "
                  "AND coalesce(subject, '') = ? LIMIT 1")),
          insert(db.prepare("INSERT INTO activities (crm_id, type, activity_date, rep_id, "
                            "account_id, opportunity_id, subject) VALUES (?, ?, ?, ?, ?, ?, ?)")),
          update(db.prepare("UPDATE activities SET type = ?, activity_date = ?, rep_id = ?, "
                            "account_id = ?, opportunity_id = ?, subject = ? WHERE id = ?")),
          opportunityByCrmId(
                  db.prepare("SELECT id, last_activity_date FROM opportunities WHERE crm_id = ?")),
          touchOpportunity(
                  db.prepare("UPDATE opportunities SET last_activity_date = ? WHERE id = ?"))
    { }
    sql::Statement byCrmId, same, insert, update, opportunityByCrmId, touchOpportunity;
};

ActivityUpserter::ActivityUpserter(sql::Database &db, ImportJournal &journal,
                                   BookDirectory &directory, UpsertCounts &counts, QDate asOf)
    : m_journal(journal),
      m_directory(directory),
      m_counts(counts),
      m_st(std::make_unique<Statements>(db)),
      m_asOf(asOf)
{ }

ActivityUpserter::~ActivityUpserter() = default;

// By CRM id; else by name, unless the file gives a CRM id the book lacks: then a new account.
std::optional<Id> ActivityUpserter::account(const RowReader::ActivityInput &row,
                                            std::optional<Id> owner)
{
    if (!row.accountCrmId.isEmpty()) {
        if (const auto id = m_directory.accountByCrmId(row.accountCrmId))
            return id;
    }
    if (row.accountName.isEmpty() && row.accountCrmId.isEmpty())
        return std::nullopt;
    if (row.accountCrmId.isEmpty()) {
        if (const auto id = m_directory.accountByName(row.accountName))
            return id;
    }
    return m_directory.createAccount(row.accountCrmId, row.accountName, owner);
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
    const std::optional<Id> repId = m_directory.rep(row.owner);
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
        st.bind(1, row.date)
                .bind(2, row.type)
                .bind(3, repId)
                .bind(4, accountId)
                .bind(5, opportunityId)
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
        m_st->update.bind(1, row.type)
                .bind(2, row.date)
                .bind(3, repId)
                .bind(4, accountId)
                .bind(5, opportunityId)
                .bind(6, row.subject)
                .bind(7, *existing)
                .run();
        ++m_counts.updated;
    } else {
        auto &st = m_st->insert;
        if (row.crmId.isEmpty())
            st.bindNull(1);
        else
            st.bind(1, row.crmId);
        st.bind(2, row.type)
                .bind(3, row.date)
                .bind(4, repId)
                .bind(5, accountId)
                .bind(6, opportunityId)
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
