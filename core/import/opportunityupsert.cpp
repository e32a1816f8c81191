#include "opportunityupsert.h"

#include <algorithm>

namespace tp::crm {

namespace {

QString folded(const QString &s)
{
    return s.trimmed().toCaseFolded();
}

constexpr const char *selectColumns =
        "SELECT id, name, account_id, owner_id, amount, currency, stage, status, probability_bp, "
        "created_date, close_date, closed_date, last_activity_date, next_step, stage_entered_date "
        "FROM opportunities ";

Opportunity readOpportunity(sql::Statement &st)
{
    Opportunity o;
    o.id = st.int64(0);
    o.name = st.text(1);
    if (!st.isNull(2))
        o.accountId = st.int64(2);
    if (!st.isNull(3))
        o.ownerId = st.int64(3);
    o.amount = st.int64(4);
    o.currency = st.text(5);
    o.stage = Stage(st.integer(6));
    o.status = Status(st.integer(7));
    if (!st.isNull(8))
        o.probability = st.integer(8);
    o.created = st.date(9);
    o.closeDate = st.date(10);
    o.closedDate = st.date(11);
    o.lastActivity = st.date(12);
    o.nextStep = st.text(13);
    o.stageEntered = st.date(14);
    return o;
}

bool sameImportedFields(const Opportunity &a, const Opportunity &b)
{
    return a.name == b.name && a.accountId == b.accountId && a.ownerId == b.ownerId
            && a.amount == b.amount && a.currency == b.currency && a.stage == b.stage
            && a.status == b.status && a.probability == b.probability && a.created == b.created
            && a.closeDate == b.closeDate && a.closedDate == b.closedDate
            && a.lastActivity == b.lastActivity && a.nextStep == b.nextStep
            && a.stageEntered == b.stageEntered;
}

} // namespace

struct OpportunityUpserter::Statements
{
    explicit Statements(sql::Database &db)
        : byCrmId(db.prepare(std::string(selectColumns) + "WHERE crm_id = ?"))
        , byNameAndAccount(db.prepare(std::string(selectColumns)
                                      + "WHERE crm_id IS NULL AND name = ? AND account_id IS ?"))
        , insert(db.prepare("INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, "
                            "currency, stage, status, probability_bp, created_date, close_date, "
                            "closed_date, last_activity_date, next_step, stage_entered_date) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        , update(db.prepare("UPDATE opportunities SET account_id = ?, owner_id = ?, name = ?, "
                            "amount = ?, currency = ?, stage = ?, status = ?, probability_bp = ?, "
                            "created_date = ?, close_date = ?, closed_date = ?, "
                            "last_activity_date = ?, next_step = ?, stage_entered_date = ? "
                            "WHERE id = ?"))
        , stageHistory(db.prepare("INSERT INTO stage_history (opportunity_id, stage, entered_date, "
                                  "import_id) VALUES (?, ?, ?, ?)"))
        , closeDateChange(db.prepare("INSERT INTO close_date_changes (opportunity_id, old_date, "
                                     "new_date, changed_on, import_id) VALUES (?, ?, ?, ?, ?)"))
        , snapshotRow(db.prepare("INSERT OR REPLACE INTO snapshot_rows (snapshot_id, opportunity_id, "
                                 "stage, status, amount, close_date, probability_bp, owner_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        , insertRep(db.prepare("INSERT INTO reps (name) VALUES (?)"))
        , insertAccount(db.prepare("INSERT INTO accounts (crm_id, name, owner_id) VALUES (?, ?, ?)"))
    {
    }
    sql::Statement byCrmId, byNameAndAccount, insert, update, stageHistory, closeDateChange,
            snapshotRow, insertRep, insertAccount;
};

OpportunityUpserter::OpportunityUpserter(sql::Database &db, ImportJournal &journal,
                                         const Context &context)
    : m_db(db)
    , m_journal(journal)
    , m_context(context)
    , m_st(std::make_unique<Statements>(db))
{
    {
        auto st = m_db.prepare("SELECT id, name FROM reps");
        while (st.step())
            m_reps.insert(folded(st.text(1)), st.int64(0));
    }
    {
        auto st = m_db.prepare("SELECT id, crm_id, name FROM accounts ORDER BY id");
        while (st.step()) {
            const Id id = st.int64(0);
            if (!st.isNull(1))
                m_accountsByCrmId.insert(st.text(1), id);
            const QString name = folded(st.text(2));
            if (!m_accountsByName.contains(name))
                m_accountsByName.insert(name, id);
        }
    }
    {
        auto st = m_db.prepare("SELECT id FROM snapshots WHERE source = ? AND import_id IS NOT ? "
                               "ORDER BY taken_on DESC, id DESC LIMIT 1");
        st.bind(1, m_context.source).bind(2, m_context.importId);
        if (st.step())
            m_previousSnapshot = st.int64(0);
    }
    auto st = m_db.prepare("INSERT INTO snapshots (import_id, taken_on, source) VALUES (?, ?, ?)");
    st.bind(1, m_context.importId).bind(2, m_context.asOf).bind(3, m_context.source).run();
    m_snapshot = m_db.lastInsertId();
}

OpportunityUpserter::~OpportunityUpserter() = default;

Id OpportunityUpserter::repFor(const QString &name)
{
    const QString key = folded(name);
    const auto it = m_reps.constFind(key);
    if (it != m_reps.constEnd())
        return *it;
    m_st->insertRep.bind(1, name.trimmed()).run();
    const Id id = m_db.lastInsertId();
    m_reps.insert(key, id);
    ++m_counts.repsCreated;
    return id;
}

std::optional<Id> OpportunityUpserter::accountFor(const OpportunityInput &row, std::optional<Id> owner)
{
    if (!row.accountCrmId.isEmpty()) {
        const auto it = m_accountsByCrmId.constFind(row.accountCrmId);
        if (it != m_accountsByCrmId.constEnd())
            return *it;
    }
    const QString name = folded(row.accountName);
    if (row.accountCrmId.isEmpty() && !name.isEmpty()) {
        const auto it = m_accountsByName.constFind(name);
        if (it != m_accountsByName.constEnd())
            return *it;
    }
    if (name.isEmpty() && row.accountCrmId.isEmpty())
        return std::nullopt;
    // A new account, owned by the deal's owner until an accounts import says otherwise.
    auto &st = m_st->insertAccount;
    if (row.accountCrmId.isEmpty())
        st.bindNull(1);
    else
        st.bind(1, row.accountCrmId);
    st.bind(2, row.accountName.trimmed().isEmpty() ? row.accountCrmId : row.accountName.trimmed())
            .bind(3, owner)
            .run();
    const Id id = m_db.lastInsertId();
    if (!row.accountCrmId.isEmpty())
        m_accountsByCrmId.insert(row.accountCrmId, id);
    if (!name.isEmpty() && !m_accountsByName.contains(name))
        m_accountsByName.insert(name, id);
    ++m_counts.accountsCreated;
    return id;
}

void OpportunityUpserter::upsert(const OpportunityInput &row)
{
    const std::optional<Id> owner = row.owner.trimmed().isEmpty() ? std::nullopt
                                                                  : std::optional<Id>(repFor(row.owner));
    const std::optional<Id> account = accountFor(row, owner);

    std::optional<Opportunity> existing;
    sql::Statement &find = row.crmId.isEmpty() ? m_st->byNameAndAccount : m_st->byCrmId;
    if (row.crmId.isEmpty())
        find.bind(1, row.name).bind(2, account);
    else
        find.bind(1, row.crmId);
    if (find.step())
        existing = readOpportunity(find);
    find.reset();

    Opportunity o = existing.value_or(Opportunity{});
    o.name = row.name;
    if (account || !existing)
        o.accountId = account;
    if (owner || !existing)
        o.ownerId = owner;
    if (row.amount)
        o.amount = *row.amount;
    if (!row.currency.isEmpty())
        o.currency = row.currency;
    else if (!existing)
        o.currency = m_context.bookCurrency;
    o.stage = row.stage;
    o.status = statusForStage(row.stage);
    if (row.probability)
        o.probability = row.probability;
    if (row.created.isValid())
        o.created = row.created;
    else if (!existing)
        o.created = m_context.asOf;
    if (row.closeDate.isValid())
        o.closeDate = row.closeDate;
    if (row.lastActivity.isValid())
        o.lastActivity = row.lastActivity;
    if (!row.nextStep.isEmpty() || !existing)
        o.nextStep = row.nextStep;
    if (o.status == Status::Open) {
        o.closedDate = QDate();
    } else if (row.closedDate.isValid()) {
        o.closedDate = row.closedDate;
    } else if (!existing || existing->status != o.status) {
        o.closedDate = o.closeDate.isValid() ? o.closeDate : m_context.asOf;
    }

    const bool stageMoved = existing && (existing->stage != o.stage || existing->status == Status::Removed);
    if (row.stageChanged.isValid())
        o.stageEntered = row.stageChanged;
    else if (stageMoved && existing->stage != o.stage)
        o.stageEntered = m_context.asOf; // found by comparing with the book: dated at this import
    else if (!existing && m_previousSnapshot)
        o.stageEntered = m_context.asOf; // new since the last snapshot of this source
    if (!existing) {
        auto &st = m_st->insert;
        if (row.crmId.isEmpty())
            st.bindNull(1);
        else
            st.bind(1, row.crmId);
        st.bind(2, o.accountId).bind(3, o.ownerId).bind(4, o.name).bind(5, o.amount)
                .bind(6, o.currency).bind(7, int(o.stage)).bind(8, int(o.status))
                .bind(9, o.probability).bind(10, o.created).bind(11, o.closeDate)
                .bind(12, o.closedDate).bind(13, o.lastActivity).bind(14, o.nextStep)
                .bind(15, o.stageEntered)
                .run();
        o.id = m_db.lastInsertId();
        if (o.stageEntered.isValid()) {
            m_st->stageHistory.bind(1, o.id).bind(2, int(o.stage)).bind(3, o.stageEntered)
                    .bind(4, m_context.importId).run();
        }
        ++m_counts.created;
    } else if (sameImportedFields(*existing, o)) {
        ++m_counts.unchanged;
    } else {
        m_journal.beforeUpdate("opportunities", o.id);
        auto &st = m_st->update;
        st.bind(1, o.accountId).bind(2, o.ownerId).bind(3, o.name).bind(4, o.amount)
                .bind(5, o.currency).bind(6, int(o.stage)).bind(7, int(o.status))
                .bind(8, o.probability).bind(9, o.created).bind(10, o.closeDate)
                .bind(11, o.closedDate).bind(12, o.lastActivity).bind(13, o.nextStep)
                .bind(14, o.stageEntered).bind(15, o.id)
                .run();
        if (existing->stage != o.stage) {
            m_st->stageHistory.bind(1, o.id).bind(2, int(o.stage))
                    .bind(3, o.stageEntered.isValid() ? o.stageEntered : m_context.asOf)
                    .bind(4, m_context.importId).run();
            ++m_counts.stageChanges;
        }
        const bool bothOpen = existing->status == Status::Open && o.status == Status::Open;
        if (bothOpen && existing->closeDate.isValid() && o.closeDate.isValid()
            && existing->closeDate != o.closeDate) {
            m_st->closeDateChange.bind(1, o.id).bind(2, existing->closeDate).bind(3, o.closeDate)
                    .bind(4, m_context.asOf).bind(5, m_context.importId).run();
            if (o.closeDate > existing->closeDate)
                ++m_counts.closeDatePushes;
        }
        ++m_counts.updated;
    }
    snapshot(o.id, o);
    m_seen.push_back(o.id);
}

void OpportunityUpserter::snapshot(Id opportunity, const Opportunity &o)
{
    const bool recent = o.status != Status::Open && o.closedDate.isValid()
            && o.closedDate.daysTo(m_context.asOf) <= m_context.recentlyClosedDays;
    if (o.status != Status::Open && !recent)
        return;
    m_st->snapshotRow.bind(1, m_snapshot).bind(2, opportunity).bind(3, int(o.stage))
            .bind(4, int(o.status)).bind(5, o.amount).bind(6, o.closeDate).bind(7, o.probability)
            .bind(8, o.ownerId)
            .run();
}

void OpportunityUpserter::finish(bool complete)
{
    if (!complete)
        return;
    std::sort(m_seen.begin(), m_seen.end());
    // The source's pipeline: open opportunities any earlier snapshot of the source holds.
    std::vector<Id> missing;
    {
        auto st = m_db.prepare("SELECT DISTINCT r.opportunity_id FROM snapshot_rows r "
                               "JOIN snapshots s ON s.id = r.snapshot_id "
                               "JOIN opportunities o ON o.id = r.opportunity_id "
                               "WHERE s.source = ? AND s.id <> ? AND o.status = 0");
        st.bind(1, m_context.source).bind(2, m_snapshot);
        while (st.step()) {
            const Id id = st.int64(0);
            if (!std::binary_search(m_seen.begin(), m_seen.end(), id))
                missing.push_back(id);
        }
    }
    auto remove = m_db.prepare("UPDATE opportunities SET status = 3 WHERE id = ?");
    for (Id id : missing) {
        m_journal.beforeUpdate("opportunities", id);
        remove.bind(1, id).run();
        ++m_counts.removed;
    }
}

} // namespace tp::crm
