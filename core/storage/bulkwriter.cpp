#include "bulkwriter.h"

#include "accounts.h"
#include "reps.h"

namespace tp {

namespace {

std::optional<QString> nonEmpty(const QString &s)
{
    return s.isEmpty() ? std::nullopt : std::optional<QString>(s);
}

} // namespace

struct BulkWriter::Statements
{
    explicit Statements(sql::Database &db)
        : opportunity(db,
                      "INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, "
                      "currency, stage, status, probability_bp, probability_override_bp, "
                      "created_date, close_date, closed_date, last_activity_date, "
                      "next_activity_date, next_step, stage_entered_date, forecast_category, "
                      "forecast_call, forecast_call_crm) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          stageHistory(db,
                       "INSERT INTO stage_history (opportunity_id, stage, entered_date) "
                       "VALUES (?, ?, ?)"),
          closeDateChange(db,
                          "INSERT INTO close_date_changes (opportunity_id, old_date, new_date, "
                          "changed_on) VALUES (?, ?, ?, ?)"),
          activity(db,
                   "INSERT INTO activities (crm_id, type, activity_date, rep_id, account_id, "
                   "opportunity_id, subject) VALUES (?, ?, ?, ?, ?, ?, ?)"),
          quota(db,
                "INSERT INTO quotas (rep_id, period, amount) VALUES (?, ?, ?) "
                "ON CONFLICT (rep_id, period) DO UPDATE SET amount = excluded.amount"),
          score(db,
                "INSERT OR REPLACE INTO account_scores (account_id, factor_id, score) "
                "VALUES (?, ?, ?)"),
          snapshotRow(db,
                      "INSERT INTO snapshot_rows (snapshot_id, opportunity_id, stage, status, "
                      "amount, close_date, owner_id, territory_id, last_activity_date, "
                      "stage_entered_date, pushes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    { }
    sql::Statement opportunity, stageHistory, closeDateChange, activity, quota, score, snapshotRow;
};

BulkWriter::BulkWriter(Book &book) : m_book(book)
{
    m_book.db().exec("PRAGMA cache_size = -262144");
    m_tx = std::make_unique<sql::Transaction>(m_book.db());
    m_st = std::make_unique<Statements>(m_book.db());
}

BulkWriter::~BulkWriter()
{
    m_st.reset();
    m_tx.reset();
    try {
        m_book.db().exec("PRAGMA cache_size = -2000");
    } catch (const sql::Error &) { }
}

Id BulkWriter::addRep(const Rep &rep)
{
    return RepRepository(m_book).insert(rep);
}

Id BulkWriter::addTerritory(const Territory &territory)
{
    return RepRepository(m_book).insertTerritory(territory);
}

Id BulkWriter::addAccount(const Account &account)
{
    return AccountRepository(m_book).insert(account);
}

Id BulkWriter::addOpportunity(const Opportunity &o)
{
    auto &st = m_st->opportunity;
    st.bind(1, nonEmpty(o.crmId))
            .bind(2, o.accountId)
            .bind(3, o.ownerId)
            .bind(4, o.name)
            .bind(5, o.amount)
            .bind(6, o.currency)
            .bind(7, int(o.stage))
            .bind(8, int(o.status))
            .bind(9, o.probability)
            .bind(10, o.probabilityOverride);
    st.bind(11, o.created);
    st.bind(12, o.closeDate);
    st.bind(13, o.closedDate);
    st.bind(14, o.lastActivity);
    st.bind(15, o.nextActivity);
    st.bind(16, nonEmpty(o.nextStep));
    st.bind(17, o.stageEntered);
    const auto category = [](std::optional<ForecastCategory> c) {
        return c ? std::optional<int>(int(*c)) : std::nullopt;
    };
    st.bind(18, category(o.forecastCategory));
    st.bind(19, category(o.forecastCall));
    st.bind(20, category(o.forecastCallCrm));
    st.run();
    return m_book.db().lastInsertId();
}

void BulkWriter::addStageHistory(const StageHistoryRow &row)
{
    auto &st = m_st->stageHistory;
    st.bind(1, row.opportunityId).bind(2, int(row.stage));
    st.bind(3, row.entered);
    st.run();
}

void BulkWriter::addCloseDateChange(const CloseDateChangeRow &row)
{
    auto &st = m_st->closeDateChange;
    st.bind(1, row.opportunityId);
    st.bind(2, row.oldDate);
    st.bind(3, row.newDate);
    st.bind(4, row.changedOn);
    st.run();
}

void BulkWriter::addActivity(const Activity &a)
{
    auto &st = m_st->activity;
    st.bind(1, nonEmpty(a.crmId)).bind(2, activityTypeKey(a.type));
    st.bind(3, a.date);
    st.bind(4, a.repId).bind(5, a.accountId).bind(6, a.opportunityId).bind(7, nonEmpty(a.subject));
    st.run();
}

void BulkWriter::addQuota(Id rep, const QString &period, Minor amount)
{
    m_st->quota.bind(1, rep).bind(2, period).bind(3, amount).run();
}

void BulkWriter::addScore(Id account, Id factor, int score)
{
    m_st->score.bind(1, account).bind(2, factor).bind(3, score).run();
}

void BulkWriter::commit()
{
    m_tx->commit();
}

Id BulkWriter::addSnapshot(const QDate &takenOn, bool full)
{
    m_book.db()
            .prepare("INSERT INTO snapshots (taken_on, full_state) VALUES (?, ?)")
            .bind(1, takenOn)
            .bind(2, full ? 1 : 0)
            .run();
    return m_book.db().lastInsertId();
}

void BulkWriter::addSnapshotRow(const SnapshotRowData &r)
{
    m_st->snapshotRow.bind(1, r.snapshot)
            .bind(2, r.opportunity)
            .bind(3, int(r.stage))
            .bind(4, int(r.status))
            .bind(5, r.amount)
            .bind(6, r.closeDate)
            .bind(7, r.owner)
            .bind(8, r.territory)
            .bind(9, r.lastActivity)
            .bind(10, r.stageEntered)
            .bind(11, r.pushes)
            .run();
}

void BulkWriter::finishSnapshots()
{
    m_book.db().exec("UPDATE snapshots SET listed_rows = (SELECT count(*) FROM snapshot_rows r "
                     "WHERE r.snapshot_id = snapshots.id)");
}

} // namespace tp
