#include "opportunities.h"

#include "domain/errors.h"

namespace tp {

namespace {

constexpr const char *selectColumns =
        "SELECT id, crm_id, account_id, owner_id, name, amount, currency, stage, status, "
        "probability_bp, probability_override_bp, created_date, close_date, closed_date, "
        "last_activity_date, next_activity_date, next_step, stage_entered_date, lost_reason, "
        "closed_stage, forecast_category, forecast_call, forecast_call_crm FROM opportunities ";

std::optional<int> optionalInt(const sql::Statement &st, int column)
{
    if (st.isNull(column))
        return std::nullopt;
    return st.integer(column);
}

std::optional<ForecastCategory> optionalCategory(const sql::Statement &st, int column)
{
    return st.isNull(column) ? std::nullopt : forecastCategoryFromInt(st.integer(column));
}

std::optional<int> categoryValue(std::optional<ForecastCategory> category)
{
    return category ? std::optional<int>(int(*category)) : std::nullopt;
}

} // namespace

Id OpportunityRepository::insert(const Opportunity &o)
{
    if (o.name.trimmed().isEmpty())
        throw InputError(tr("An opportunity needs a name."));
    if (!o.created.isValid())
        throw InputError(tr("An opportunity needs a created date."));
    auto st = m_db.prepare(
            "INSERT INTO opportunities (crm_id, account_id, owner_id, name, amount, currency, "
            "stage, status, probability_bp, probability_override_bp, created_date, close_date, "
            "closed_date, last_activity_date, next_activity_date, next_step, stage_entered_date, "
            "lost_reason, closed_stage, forecast_category, forecast_call, forecast_call_crm) "
            "VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, o.crmId.isEmpty() ? QString() : o.crmId)
            .bind(2, o.accountId)
            .bind(3, o.ownerId)
            .bind(4, o.name.trimmed())
            .bind(5, o.amount)
            .bind(6, o.currency)
            .bind(7, int(o.stage))
            .bind(8, int(o.status))
            .bind(9, o.probability)
            .bind(10, o.probabilityOverride)
            .bind(11, o.created)
            .bind(12, o.closeDate)
            .bind(13, o.closedDate)
            .bind(14, o.lastActivity)
            .bind(15, o.nextActivity)
            .bind(16, o.nextStep.isEmpty() ? QString() : o.nextStep)
            .bind(17, o.stageEntered)
            .bind(18, o.lostReason.isEmpty() ? QString() : o.lostReason)
            .bind(19, o.closedStage ? std::optional<int>(int(*o.closedStage)) : std::nullopt)
            .bind(20, categoryValue(o.forecastCategory))
            .bind(21, categoryValue(o.forecastCall))
            .bind(22, categoryValue(o.forecastCallCrm))
            .run();
    return m_db.lastInsertId();
}

static Opportunity readOpportunity(const sql::Statement &st)
{
    Opportunity o;
    o.id = st.int64(0);
    o.crmId = st.text(1);
    o.accountId = st.optionalInt64(2);
    o.ownerId = st.optionalInt64(3);
    o.name = st.text(4);
    o.amount = st.int64(5);
    o.currency = st.text(6);
    o.stage = Stage(st.integer(7));
    o.status = Status(st.integer(8));
    o.probability = optionalInt(st, 9);
    o.probabilityOverride = optionalInt(st, 10);
    o.created = st.date(11);
    o.closeDate = st.date(12);
    o.closedDate = st.date(13);
    o.lastActivity = st.date(14);
    o.nextActivity = st.date(15);
    o.nextStep = st.text(16);
    o.stageEntered = st.date(17);
    o.lostReason = st.text(18);
    if (!st.isNull(19))
        o.closedStage = Stage(st.integer(19));
    o.forecastCategory = optionalCategory(st, 20);
    o.forecastCall = optionalCategory(st, 21);
    o.forecastCallCrm = optionalCategory(st, 22);
    return o;
}

std::optional<Opportunity> OpportunityRepository::byId(Id id)
{
    auto st = m_db.prepare(std::string(selectColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readOpportunity(st);
}

std::vector<Opportunity> OpportunityRepository::byIds(std::span<const Id> ids)
{
    std::vector<Opportunity> rows;
    rows.reserve(ids.size());
    auto st = m_db.prepare(std::string(selectColumns) + "WHERE id = ?");
    for (Id id : ids) {
        st.bind(1, id);
        if (!st.step())
            throw InputError(tr("The opportunity no longer exists."));
        rows.push_back(readOpportunity(st));
        st.reset();
    }
    return rows;
}

int OpportunityRepository::count()
{
    auto st = m_db.prepare("SELECT count(*) FROM opportunities");
    return st.step() ? st.integer(0) : 0;
}

std::vector<StageHistoryRow> OpportunityRepository::stageHistory(Id opportunity)
{
    std::vector<StageHistoryRow> rows;
    auto st = m_db.prepare("SELECT id, opportunity_id, stage, entered_date FROM stage_history "
                           "WHERE opportunity_id = ? ORDER BY entered_date, id");
    st.bind(1, opportunity);
    while (st.step())
        rows.push_back({ st.int64(0), st.int64(1), Stage(st.integer(2)), st.date(3) });
    return rows;
}

std::vector<CloseDateChangeRow> OpportunityRepository::closeDateChanges(Id opportunity)
{
    std::vector<CloseDateChangeRow> rows;
    auto st = m_db.prepare(
            "SELECT id, opportunity_id, old_date, new_date, changed_on "
            "FROM close_date_changes WHERE opportunity_id = ? ORDER BY changed_on, id");
    st.bind(1, opportunity);
    while (st.step())
        rows.push_back({ st.int64(0), st.int64(1), st.date(2), st.date(3), st.date(4) });
    return rows;
}

Id OpportunityRepository::addStageHistory(const StageHistoryRow &row)
{
    auto st = m_db.prepare("INSERT INTO stage_history (id, opportunity_id, stage, entered_date) "
                           "VALUES (?, ?, ?, ?)");
    st.bind(1, row.id ? std::optional<Id>(row.id) : std::nullopt)
            .bind(2, row.opportunityId)
            .bind(3, int(row.stage))
            .bind(4, row.entered)
            .run();
    return m_db.lastInsertId();
}

Id OpportunityRepository::addCloseDateChange(const CloseDateChangeRow &row)
{
    auto st =
            m_db.prepare("INSERT INTO close_date_changes (id, opportunity_id, old_date, new_date, "
                         "changed_on) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, row.id ? std::optional<Id>(row.id) : std::nullopt)
            .bind(2, row.opportunityId)
            .bind(3, row.oldDate)
            .bind(4, row.newDate)
            .bind(5, row.changedOn)
            .run();
    return m_db.lastInsertId();
}

void OpportunityRepository::write(std::span<const Opportunity> rows)
{
    auto st = m_db.prepare(
            "UPDATE opportunities SET owner_id = ?, amount = ?, stage = ?, status = ?, "
            "probability_override_bp = ?, close_date = ?, closed_date = ?, stage_entered_date = ?, "
            "next_activity_date = ?, next_step = ?, lost_reason = ?, closed_stage = ?, "
            "forecast_call = ?, forecast_call_crm = ? WHERE id = ?");
    for (const Opportunity &o : rows) {
        st.bind(1, o.ownerId)
                .bind(2, o.amount)
                .bind(3, int(o.stage))
                .bind(4, int(o.status))
                .bind(5, o.probabilityOverride)
                .bind(6, o.closeDate)
                .bind(7, o.closedDate)
                .bind(8, o.stageEntered)
                .bind(9, o.nextActivity)
                .bind(10, o.nextStep.isEmpty() ? QString() : o.nextStep)
                .bind(11, o.lostReason.isEmpty() ? QString() : o.lostReason)
                .bind(12, o.closedStage ? std::optional<int>(int(*o.closedStage)) : std::nullopt)
                .bind(13, categoryValue(o.forecastCall))
                .bind(14, categoryValue(o.forecastCallCrm))
                .bind(15, o.id)
                .run();
    }
}

void OpportunityRepository::addStageHistory(std::span<StageHistoryRow> rows)
{
    if (rows.empty())
        return;
    auto st = m_db.prepare("INSERT INTO stage_history (id, opportunity_id, stage, entered_date) "
                           "VALUES (?, ?, ?, ?)");
    for (StageHistoryRow &row : rows) {
        st.bind(1, row.id ? std::optional<Id>(row.id) : std::nullopt)
                .bind(2, row.opportunityId)
                .bind(3, int(row.stage))
                .bind(4, row.entered)
                .run();
        row.id = m_db.lastInsertId();
    }
}

void OpportunityRepository::addCloseDateChanges(std::span<CloseDateChangeRow> rows)
{
    if (rows.empty())
        return;
    auto st = m_db.prepare("INSERT INTO close_date_changes (id, opportunity_id, old_date, "
                           "new_date, changed_on) VALUES (?, ?, ?, ?, ?)");
    for (CloseDateChangeRow &row : rows) {
        st.bind(1, row.id ? std::optional<Id>(row.id) : std::nullopt)
                .bind(2, row.opportunityId)
                .bind(3, row.oldDate)
                .bind(4, row.newDate)
                .bind(5, row.changedOn)
                .run();
        row.id = m_db.lastInsertId();
    }
}

void OpportunityRepository::removeStageHistory(std::span<const StageHistoryRow> rows)
{
    if (rows.empty())
        return;
    auto st = m_db.prepare("DELETE FROM stage_history WHERE id = ?");
    for (const StageHistoryRow &row : rows)
        st.bind(1, row.id).run();
}

void OpportunityRepository::removeCloseDateChanges(std::span<const CloseDateChangeRow> rows)
{
    if (rows.empty())
        return;
    auto st = m_db.prepare("DELETE FROM close_date_changes WHERE id = ?");
    for (const CloseDateChangeRow &row : rows)
        st.bind(1, row.id).run();
}

} // namespace tp
