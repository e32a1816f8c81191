#include "opportunityupsert.h"

#include "storage/schema.h"
#include "storage/snapshotwriter.h"
#include "timing.h"

#include <QElapsedTimer>

#include <algorithm>
#include <string>

namespace tp::crm {

namespace {

void assign(std::string &to, std::string_view from)
{
    to.assign(from.data(), from.size());
}

std::optional<Id> optionalId(sql::Statement &st, int column)
{
    return st.isNull(column) ? std::nullopt : std::optional<Id>(st.int64(column));
}

std::optional<ForecastCategory> categoryAt(sql::Statement &st, int column)
{
    return st.isNull(column) ? std::nullopt : forecastCategoryFromInt(st.integer(column));
}

std::optional<int> categoryValue(std::optional<ForecastCategory> category)
{
    return category ? std::optional<int>(int(*category)) : std::nullopt;
}

// The key of an opportunity without CRM id: its name and account.
std::uint64_t keylessHash(std::string_view name, std::optional<Id> account)
{
    return KeyIndex::hash(name, std::uint64_t(account.value_or(0)) + 1);
}

} // namespace

bool OpportunityUpserter::Stored::sameFields(const Stored &o) const
{
    return name == o.name && accountId == o.accountId && ownerId == o.ownerId && amount == o.amount
            && currency == o.currency && stage == o.stage && status == o.status
            && probability == o.probability && created == o.created && closeDate == o.closeDate
            && closedDate == o.closedDate && lastActivity == o.lastActivity
            && nextStep == o.nextStep && stageEntered == o.stageEntered
            && closedStage == o.closedStage && forecastCategory == o.forecastCategory
            && forecastCall == o.forecastCall && forecastCallCrm == o.forecastCallCrm;
}

struct OpportunityUpserter::Statements
{
    explicit Statements(sql::Database &db)
        : byId(db.prepare("SELECT crm_id, name, account_id, owner_id, amount, currency, stage, "
                          "status, probability_bp, created_date, close_date, closed_date, "
                          "last_activity_date, next_step, stage_entered_date, closed_stage, "
                          "forecast_category, forecast_call, forecast_call_crm "
                          "FROM opportunities WHERE id = ?")),
          insert(db.prepare(
                  "INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, "
                  "currency, stage, status, probability_bp, created_date, close_date, "
                  "closed_date, last_activity_date, next_step, stage_entered_date, "
                  "closed_stage, forecast_category) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
          update(db.prepare("UPDATE opportunities SET account_id = ?, owner_id = ?, name = ?, "
                            "amount = ?, currency = ?, stage = ?, status = ?, probability_bp = ?, "
                            "created_date = ?, close_date = ?, closed_date = ?, "
                            "last_activity_date = ?, next_step = ?, stage_entered_date = ?, "
                            "closed_stage = ?, forecast_category = ?, forecast_call = ?, "
                            "forecast_call_crm = ? WHERE id = ?")),
          stageHistory(db.prepare("INSERT INTO stage_history (opportunity_id, stage, entered_date, "
                                  "import_id) VALUES (?, ?, ?, ?)")),
          closeDateChange(db.prepare("INSERT INTO close_date_changes (opportunity_id, old_date, "
                                     "new_date, changed_on, import_id) VALUES (?, ?, ?, ?, ?)")),
          snapshotRow(db.prepare("INSERT INTO snapshot_rows (snapshot_id, opportunity_id, "
                                 "stage, status, amount, close_date, probability_bp, owner_id, "
                                 "territory_id, last_activity_date, stage_entered_date, "
                                 "forecast_category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
          resnapshotRow(db.prepare("INSERT OR REPLACE INTO snapshot_rows (snapshot_id, "
                                   "opportunity_id, stage, status, amount, close_date, "
                                   "probability_bp, owner_id, territory_id, last_activity_date, "
                                   "stage_entered_date, forecast_category) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    { }
    // A plain insert for an opportunity's first row in the snapshot (OR REPLACE would cost a
    // statement journal per row), the replacing one when a file lists an opportunity twice.
    sql::Statement byId, insert, update, stageHistory, closeDateChange, snapshotRow, resnapshotRow;
};

OpportunityUpserter::OpportunityUpserter(sql::Database &db, ImportJournal &journal,
                                         const Context &context)
    : m_db(db),
      m_journal(journal),
      m_context(context),
      m_st(std::make_unique<Statements>(db)),
      m_directory(db, m_counts)
{
    {
        auto highest = m_db.prepare("SELECT coalesce(max(id), 0) FROM opportunities");
        highest.step();
        m_firstNew = highest.int64(0) + 1;
    }
    // How many deals the book holds, at most: the highest row id (counting them would read a
    // whole index).
    const qint64 held = m_firstNew - 1;
    {
        // The CRM ids' index holds every id beside its row id: reading it is reading far less
        // than the table.
        m_byCrmId.reserve(std::size_t(held) + std::size_t(m_context.expectedRows));
        auto st = m_db.prepare("SELECT id, crm_id FROM opportunities WHERE crm_id IS NOT NULL");
        while (st.step())
            m_byCrmId.insert(KeyIndex::hash(st.utf8(1)), st.int64(0));
        // Memory: SQLite's page cache (64 MiB while importing) gives way to a key index above
        // 16 MiB, down to 16 MiB of cache, so that a book of millions of deals stays in budget.
        const auto indexMiB = qint64(m_byCrmId.bytes() >> 20);
        if (indexMiB > 16)
            m_db.exec("PRAGMA cache_size = -"
                      + std::to_string(std::max<qint64>(16, 80 - indexMiB) * 1024));
    }
    // A file bringing more deals than the book holds: its rows go in without index upkeep and
    // finish() builds the indexes in one sort each. The key index above keeps the CRM ids
    // unique meanwhile, and the unique index checks them again when it is built.
    m_indexesDeferred =
            m_context.expectedRows >= deferIndexesFromRows && m_context.expectedRows > held;
    if (m_indexesDeferred)
        schema::dropOpportunityIndexes(m_db);
    {
        auto st = m_db.prepare("SELECT id FROM snapshots WHERE source = ? AND import_id IS NOT ? "
                               "ORDER BY taken_on DESC, id DESC LIMIT 1");
        st.bind(1, m_context.source).bind(2, m_context.importId);
        if (st.step())
            m_previousSnapshot = st.int64(0);
    }
    {
        // The accounts' territories, which each snapshot row keeps as they are when it is taken
        // (accounts this import creates have none).
        auto st = m_db.prepare(
                "SELECT id, territory_id FROM accounts WHERE territory_id IS NOT NULL");
        while (st.step()) {
            const auto account = std::size_t(st.int64(0));
            if (account >= m_territoryOfAccount.size())
                m_territoryOfAccount.resize(account + 1, 0);
            m_territoryOfAccount[account] = st.int64(1);
        }
    }
    auto st = m_db.prepare("INSERT INTO snapshots (import_id, taken_on, source) VALUES (?, ?, ?)");
    st.bind(1, m_context.importId).bind(2, m_context.asOf).bind(3, m_context.source).run();
    m_snapshot = m_db.lastInsertId();
}

OpportunityUpserter::~OpportunityUpserter() = default;

// The directory, behind a cache keyed by the file's own spelling: most rows repeat a rep that
// earlier rows met, and need no QString then.
std::optional<Id> OpportunityUpserter::repFor(const std::string &name)
{
    if (const Id *id = m_repsByText.find(name))
        return *id;
    const std::optional<Id> id = m_directory.rep(QString::fromStdString(name));
    if (id)
        m_repsByText.insert(name, *id);
    return id;
}

// Most rows repeat what earlier rows said of their owner: the directory hears it once per change.
void OpportunityUpserter::noteOwnerIdentity(Id owner, const OpportunityInput &row)
{
    std::string &seen = m_identitySeen[owner];
    const std::string said = row.ownerCrmId + '\n' + row.ownerEmail;
    if (seen == said)
        return;
    seen = said;
    m_directory.noteRepIdentity(owner, QString::fromStdString(row.ownerCrmId),
                                QString::fromStdString(row.ownerEmail), m_journal);
}

// By CRM id; else by name, unless the file gives a CRM id the book lacks (then the account is
// new). Never creates one: upsert() does, once it knows the row is imported.
std::optional<Id> OpportunityUpserter::findAccount(const OpportunityInput &row)
{
    if (!row.accountCrmId.empty())
        return m_directory.accountByCrmId(row.accountCrmId);
    if (row.accountName.empty())
        return std::nullopt;
    return m_directory.accountByName(QString::fromStdString(row.accountName));
}

void OpportunityUpserter::loadKeyless()
{
    m_keylessLoaded = true;
    auto st = m_db.prepare("SELECT id, name, account_id FROM opportunities WHERE crm_id IS NULL");
    while (st.step())
        m_keyless.insert(keylessHash(st.utf8(1), optionalId(st, 2)), st.int64(0));
}

// Reads opportunity `id` into m_existing if it is the one the row means (hashes can collide).
bool OpportunityUpserter::load(Id id, const OpportunityInput &row, std::optional<Id> account)
{
    auto &st = m_st->byId;
    st.bind(1, id);
    if (!st.step()) {
        st.reset();
        return false;
    }
    const bool match = row.crmId.empty()
            ? st.isNull(0) && st.utf8(1) == row.name && optionalId(st, 2) == account
            : st.utf8(0) == row.crmId;
    if (match) {
        Stored &e = m_existing;
        e.id = id;
        assign(e.name, st.utf8(1));
        e.accountId = optionalId(st, 2);
        e.ownerId = optionalId(st, 3);
        e.amount = st.int64(4);
        assign(e.currency, st.utf8(5));
        e.stage = Stage(st.integer(6));
        e.status = Status(st.integer(7));
        e.probability = st.isNull(8) ? std::nullopt : std::optional<BasisPoints>(st.integer(8));
        e.created = st.date(9);
        e.closeDate = st.date(10);
        e.closedDate = st.date(11);
        e.lastActivity = st.date(12);
        assign(e.nextStep, st.utf8(13));
        e.stageEntered = st.date(14);
        e.closedStage = st.isNull(15) ? std::nullopt : std::optional<Stage>(Stage(st.integer(15)));
        e.forecastCategory = categoryAt(st, 16);
        e.forecastCall = categoryAt(st, 17);
        e.forecastCallCrm = categoryAt(st, 18);
    }
    st.reset();
    return match;
}

bool OpportunityUpserter::findExisting(const OpportunityInput &row, std::optional<Id> account)
{
    const auto matches = [&](Id id) { return load(id, row, account); };
    if (!row.crmId.empty())
        return m_byCrmId.find(KeyIndex::hash(row.crmId), matches);
    if (!m_keylessLoaded)
        loadKeyless();
    return m_keyless.find(keylessHash(row.name, account), matches);
}

void OpportunityUpserter::upsert(const OpportunityInput &row)
{
    const bool accountGiven = !row.accountName.empty() || !row.accountCrmId.empty();
    std::optional<Id> account = findAccount(row);
    // A deal without CRM id is known by its name and account: one whose account is not in the
    // book yet is new.
    const bool exists =
            (!row.crmId.empty() || account || !accountGiven) && findExisting(row, account);
    if (!exists) {
        if (!m_duplicateFinder)
            m_duplicateFinder.emplace(m_db, m_firstNew, m_previousSnapshot);
        if (const auto twin =
                    m_duplicateFinder->find(row.accountName, row.name, row.amount, row.closeDate)) {
            ++m_counts.duplicates;
            if (m_duplicateRows.size() < maxDuplicatesListed)
                m_duplicateRows.push_back({ row.line, QString::fromStdString(row.name),
                                            QString::fromStdString(twin->crmId) });
            if (m_context.duplicates == DuplicatePolicy::Skip) {
                ++m_counts.duplicatesSkipped;
                return;
            }
        }
    }
    const std::optional<Id> owner = row.owner.empty() ? std::nullopt : repFor(row.owner);
    if (owner && (!row.ownerCrmId.empty() || !row.ownerEmail.empty()))
        noteOwnerIdentity(*owner, row);
    if (!account && accountGiven)
        account = m_directory.createAccount(QString::fromStdString(row.accountCrmId),
                                            QString::fromStdString(row.accountName), owner);
    const Stored *existing = exists ? &m_existing : nullptr;

    Stored &o = m_next;
    if (existing)
        o = *existing;
    else
        o = Stored{};
    o.name = row.name;
    if (account || !existing)
        o.accountId = account;
    if (owner || !existing)
        o.ownerId = owner;
    if (row.amount)
        o.amount = *row.amount;
    if (!row.currency.empty())
        o.currency = row.currency;
    else if (!existing)
        o.currency = m_context.bookCurrency.toStdString();
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
    if (!row.nextStep.empty() || !existing)
        o.nextStep = row.nextStep;
    // METRICS "Forecast categories": a rep's call wins over the CRM's category until the CRM
    // changes it. A file without the column leaves both as they are.
    if (row.hasForecastCategory) {
        o.forecastCategory = row.forecastCategory;
        if (o.forecastCall && o.forecastCallCrm != row.forecastCategory) {
            o.forecastCall.reset();
            o.forecastCallCrm.reset();
        }
    }
    // Where a closed deal closed from: as the file says, else where the book last saw it open.
    if (o.status == Status::Open)
        o.closedStage.reset();
    else if (row.closedFrom)
        o.closedStage = row.closedFrom;
    else if (existing && existing->status == Status::Open)
        o.closedStage = existing->stage;
    if (o.status == Status::Open) {
        o.closedDate = QDate();
    } else if (row.closedDate.isValid()) {
        o.closedDate = row.closedDate;
    } else if (!existing || existing->status != o.status) {
        o.closedDate = o.closeDate.isValid() ? o.closeDate : m_context.asOf;
    }

    const bool stageMoved =
            existing && (existing->stage != o.stage || existing->status == Status::Removed);
    if (row.stageChanged.isValid())
        o.stageEntered = row.stageChanged;
    else if (stageMoved && existing->stage != o.stage)
        o.stageEntered = m_context.asOf; // found by comparing with the book: dated at this import
    else if (!existing && m_previousSnapshot)
        o.stageEntered = m_context.asOf; // new since the last snapshot of this source
    if (!existing) {
        auto &st = m_st->insert;
        if (row.crmId.empty())
            st.bindNull(1);
        else
            st.bindStatic(1, row.crmId);
        st.bind(2, o.accountId)
                .bind(3, o.ownerId)
                .bindStatic(4, o.name)
                .bind(5, o.amount)
                .bindStatic(6, o.currency)
                .bind(7, int(o.stage))
                .bind(8, int(o.status))
                .bind(9, o.probability)
                .bind(10, o.created)
                .bind(11, o.closeDate)
                .bind(12, o.closedDate)
                .bind(13, o.lastActivity)
                .bindStatic(14, o.nextStep)
                .bind(15, o.stageEntered)
                .bind(16, o.closedStage ? std::optional<int>(int(*o.closedStage)) : std::nullopt)
                .bind(17, categoryValue(o.forecastCategory))
                .run();
        o.id = m_db.lastInsertId();
        if (row.crmId.empty())
            m_keyless.insert(keylessHash(row.name, o.accountId), o.id);
        else
            m_byCrmId.insert(KeyIndex::hash(row.crmId), o.id);
        if (o.stageEntered.isValid()) {
            m_st->stageHistory.bind(1, o.id)
                    .bind(2, int(o.stage))
                    .bind(3, o.stageEntered)
                    .bind(4, m_context.importId)
                    .run();
        }
        ++m_counts.created;
    } else if (existing->sameFields(o)) {
        ++m_counts.unchanged;
    } else {
        m_journal.beforeUpdate("opportunities", o.id);
        auto &st = m_st->update;
        st.bind(1, o.accountId)
                .bind(2, o.ownerId)
                .bindStatic(3, o.name)
                .bind(4, o.amount)
                .bindStatic(5, o.currency)
                .bind(6, int(o.stage))
                .bind(7, int(o.status))
                .bind(8, o.probability)
                .bind(9, o.created)
                .bind(10, o.closeDate)
                .bind(11, o.closedDate)
                .bind(12, o.lastActivity)
                .bindStatic(13, o.nextStep)
                .bind(14, o.stageEntered)
                .bind(15, o.closedStage ? std::optional<int>(int(*o.closedStage)) : std::nullopt)
                .bind(16, categoryValue(o.forecastCategory))
                .bind(17, categoryValue(o.forecastCall))
                .bind(18, categoryValue(o.forecastCallCrm))
                .bind(19, o.id)
                .run();
        if (existing->stage != o.stage) {
            m_st->stageHistory.bind(1, o.id)
                    .bind(2, int(o.stage))
                    .bind(3, o.stageEntered.isValid() ? o.stageEntered : m_context.asOf)
                    .bind(4, m_context.importId)
                    .run();
            ++m_counts.stageChanges;
        }
        const bool bothOpen = existing->status == Status::Open && o.status == Status::Open;
        if (bothOpen && existing->closeDate.isValid() && o.closeDate.isValid()
            && existing->closeDate != o.closeDate) {
            m_st->closeDateChange.bind(1, o.id)
                    .bind(2, existing->closeDate)
                    .bind(3, o.closeDate)
                    .bind(4, m_context.asOf)
                    .bind(5, m_context.importId)
                    .run();
            if (o.closeDate > existing->closeDate)
                ++m_counts.closeDatePushes;
        }
        ++m_counts.updated;
    }
    // A deal the book held in its pipeline (open, or closed recently) stays in the snapshot
    // whatever the file says of it, so that a close long ago replaces the open row it had.
    snapshot(o, existing && isRecent(*existing));
    if (m_context.complete && o.id < m_firstNew)
        m_seen.push_back(o.id); // for finish(): new ones are in no earlier snapshot
}

bool OpportunityUpserter::isRecent(const Stored &o) const
{
    if (o.status == Status::Open)
        return true;
    return o.status != Status::Removed && o.closedDate.isValid()
            && o.closedDate.daysTo(m_context.asOf) <= m_context.recentlyClosedDays;
}

void OpportunityUpserter::snapshot(const Stored &o, bool heldBefore)
{
    if (o.id >= m_firstNew)
        return; // created by this import: taken in one statement by finish()
    const auto index = std::size_t(o.id);
    if (index >= m_snapshotted.size())
        m_snapshotted.resize(std::max(index + 1, m_snapshotted.size() * 2));
    const bool again = m_snapshotted[index];
    if (!isRecent(o) && !heldBefore) {
        if (again) // listed twice, closed long ago the second time: not in the snapshot after all
            m_db.prepare("DELETE FROM snapshot_rows WHERE snapshot_id = ? AND opportunity_id = ?")
                    .bind(1, m_snapshot)
                    .bind(2, o.id)
                    .run();
        return;
    }
    m_snapshotted[index] = true;
    (again ? m_st->resnapshotRow : m_st->snapshotRow)
            .bind(1, m_snapshot)
            .bind(2, o.id)
            .bind(3, int(o.stage))
            .bind(4, int(o.status))
            .bind(5, o.amount)
            .bind(6, o.closeDate)
            .bind(7, o.probability)
            .bind(8, o.ownerId)
            .bind(9, territoryOf(o.accountId))
            .bind(10, o.lastActivity)
            .bind(11, o.stageEntered)
            .bind(12, categoryValue(o.forecastCall ? o.forecastCall : o.forecastCategory))
            .run();
}

std::optional<Id> OpportunityUpserter::territoryOf(std::optional<Id> account) const
{
    if (!account || std::size_t(*account) >= m_territoryOfAccount.size())
        return std::nullopt;
    const Id territory = m_territoryOfAccount[std::size_t(*account)];
    return territory != 0 ? std::optional<Id>(territory) : std::nullopt;
}

void OpportunityUpserter::finish()
{
    // The key indexes served the rows; their memory is better spent on the sorts below.
    m_byCrmId = KeyIndex{};
    m_keyless = KeyIndex{};
    if (m_indexesDeferred) {
        QElapsedTimer clock;
        clock.start();
        schema::createOpportunityIndexes(m_db);
        m_indexesDeferred = false;
        qCDebug(importTiming, "indexes: %lld ms", clock.elapsed());
    }
    // The opportunities this import created, in their final state, with the same rule as
    // snapshot(): open, or closed within recentlyClosedDays of the as-of date (or after it).
    m_db.prepare("INSERT INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, amount, "
                 "close_date, probability_bp, owner_id, territory_id, last_activity_date, "
                 "stage_entered_date, forecast_category) "
                 "SELECT ?, o.id, o.stage, o.status, o.amount, o.close_date, o.probability_bp, "
                 "o.owner_id, a.territory_id, o.last_activity_date, o.stage_entered_date, "
                 "coalesce(o.forecast_call, o.forecast_category) FROM opportunities o LEFT JOIN "
                 "accounts a ON a.id = o.account_id "
                 "WHERE o.id >= ? AND (o.status = 0 OR o.closed_date >= ?)")
            .bind(1, m_snapshot)
            .bind(2, m_firstNew)
            .bind(3, m_context.asOf.addDays(-m_context.recentlyClosedDays))
            .run();
    if (m_context.complete)
        removeMissing();
    // The close-date pushes each deal had so far (the rules' "pushes"), for the few that have.
    m_db.prepare("UPDATE snapshot_rows SET pushes = p.n FROM (SELECT opportunity_id AS id, "
                 "count(*) AS n FROM close_date_changes WHERE new_date > old_date "
                 "AND changed_on <= ?2 GROUP BY opportunity_id) AS p "
                 "WHERE snapshot_rows.snapshot_id = ?1 AND snapshot_rows.opportunity_id = p.id")
            .bind(1, m_snapshot)
            .bind(2, m_context.asOf)
            .run();
    snapshots::completeState(m_db, m_snapshot);
}

void OpportunityUpserter::removeMissing()
{
    std::sort(m_seen.begin(), m_seen.end());
    // The source's pipeline: open opportunities any earlier snapshot of the source lists (rows
    // carried forward from other sources are not the source's).
    std::vector<Id> missing;
    {
        auto st = m_db.prepare("SELECT DISTINCT r.opportunity_id FROM snapshot_rows r "
                               "JOIN snapshots s ON s.id = r.snapshot_id "
                               "JOIN opportunities o ON o.id = r.opportunity_id "
                               "WHERE s.source = ? AND s.id <> ? AND o.status = 0 "
                               "AND r.carried = 0");
        st.bind(1, m_context.source).bind(2, m_snapshot);
        while (st.step()) {
            const Id id = st.int64(0);
            ++m_counts.sourceOpen;
            if (!std::binary_search(m_seen.begin(), m_seen.end(), id))
                missing.push_back(id);
        }
    }
    auto remove = m_db.prepare("UPDATE opportunities SET status = 3 WHERE id = ?");
    // The snapshot says so too: a Removed row, which later snapshots carry forward.
    auto removedRow = m_db.prepare(
            "INSERT OR REPLACE INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, "
            "amount, close_date, probability_bp, owner_id, territory_id, last_activity_date, "
            "stage_entered_date, forecast_category) SELECT ?, o.id, o.stage, o.status, "
            "o.amount, o.close_date, o.probability_bp, o.owner_id, a.territory_id, "
            "o.last_activity_date, o.stage_entered_date, "
            "coalesce(o.forecast_call, o.forecast_category) FROM opportunities o LEFT JOIN "
            "accounts a "
            "ON a.id = o.account_id WHERE o.id = ?");
    for (Id id : missing) {
        m_journal.beforeUpdate("opportunities", id);
        remove.bind(1, id).run();
        removedRow.bind(1, m_snapshot).bind(2, id).run();
        ++m_counts.removed;
    }
}

} // namespace tp::crm
