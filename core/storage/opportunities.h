#pragma once

#include "book.h"
#include "domain/entities.h"

#include <optional>
#include <span>
#include <vector>

namespace tp {

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

    // Rows by id, in the order given, read with one statement; a missing one is an InputError.
    std::vector<Opportunity> byIds(std::span<const Id> ids);
    // Writes the editable fields of the rows (owner, amount, stage, status, probability override,
    // dates, next step, lost reason, the rep's forecast call), one statement for all.
    void write(std::span<const Opportunity> rows);
    // History rows in batches, one statement each: rows with id 0 get a new id (written back);
    // removing goes by id.
    void addStageHistory(std::span<StageHistoryRow> rows);
    void addCloseDateChanges(std::span<CloseDateChangeRow> rows);
    void removeStageHistory(std::span<const StageHistoryRow> rows);
    void removeCloseDateChanges(std::span<const CloseDateChangeRow> rows);

private:
    sql::Database &m_db;
};

} // namespace tp
