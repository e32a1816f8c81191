#pragma once

#include "book.h"
#include "domain/entities.h"
#include "opportunities.h"

#include <memory>

namespace tp {

// Fast inserts for generated or imported data: statements prepared once, one transaction
// (commit() or it all rolls back), a large page cache while it runs.
class BulkWriter
{
public:
    explicit BulkWriter(Book &book);
    ~BulkWriter();

    Id addRep(const Rep &rep);
    Id addTerritory(const Territory &territory);
    Id addAccount(const Account &account);
    Id addOpportunity(const Opportunity &opportunity);
    void addStageHistory(const StageHistoryRow &row);
    void addCloseDateChange(const CloseDateChangeRow &row);
    void addActivity(const Activity &activity);
    void addQuota(Id rep, const QString &period, Minor amount);
    void addScore(Id account, Id factor, int score);
    void commit();

private:
    struct Statements;
    Book &m_book;
    std::unique_ptr<sql::Transaction> m_tx;
    std::unique_ptr<Statements> m_st;
};

} // namespace tp
