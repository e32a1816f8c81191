#pragma once

#include "book.h"
#include "domain/entities.h"

#include <functional>
#include <optional>
#include <vector>

namespace tp {

struct StageHistoryRow
{
    Id id = 0;
    Id opportunityId = 0;
    Stage stage = Stage::Qualify;
    QDate entered;
};

struct CloseDateChangeRow
{
    Id id = 0;
    Id opportunityId = 0;
    QDate oldDate;
    QDate newDate;
    QDate changedOn;
};

// One edit of an opportunity: the row before and after, and the history rows the edit wrote.
// Undo writes `before` and deletes those rows; redo writes `after` and puts them back.
struct OpportunityChange
{
    Opportunity before;
    Opportunity after;
    std::vector<StageHistoryRow> stageRows;
    std::vector<CloseDateChangeRow> closeDateRows;
};

class OpportunityRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::OpportunityRepository)

public:
    explicit OpportunityRepository(Book &book) : m_db(book.db()) { }

    Id insert(const Opportunity &opportunity);
    std::optional<Opportunity> byId(Id id);
    int count();
    std::vector<StageHistoryRow> stageHistory(Id opportunity);
    std::vector<CloseDateChangeRow> closeDateChanges(Id opportunity);
    Id addStageHistory(const StageHistoryRow &row);
    Id addCloseDateChange(const CloseDateChangeRow &row);

    // Edits as of `on` (the day the change happened), each in one transaction.
    OpportunityChange setStage(Id id, Stage stage, const QDate &on);
    OpportunityChange setAmount(Id id, Minor amount);
    OpportunityChange setCloseDate(Id id, const QDate &date, const QDate &on);
    OpportunityChange setProbabilityOverride(Id id, std::optional<BasisPoints> probability);
    OpportunityChange setOwner(Id id, std::optional<Id> owner);
    // Clean-up of stalled deals: closes it as Lost with a reason (a stage change, dated `on`).
    OpportunityChange markLost(Id id, const QString &reason, const QDate &on);
    OpportunityChange setNextStep(Id id, const QString &step);
    // An invalid date clears it.
    OpportunityChange setNextActivity(Id id, const QDate &date);
    // How many times the close date moved later (METRICS "pushes").
    int pushCount(Id id);

    void undo(const OpportunityChange &change);
    void redo(const OpportunityChange &change);

private:
    OpportunityChange change(Id id, const QDate &on,
                             const std::function<void(Opportunity &)> &mutate);
    void write(const Opportunity &row);
    sql::Database &m_db;
};

} // namespace tp
