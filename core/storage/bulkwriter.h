#pragma once

#include "book.h"
#include "domain/entities.h"
#include "opportunities.h"

#include <memory>

namespace tp {

// One row of a snapshot (core/storage/snapshotreader.h): a deal as it stood on the snapshot's
// date, with the facts the stalled rules read then.
struct SnapshotRowData
{
    Id snapshot = 0;
    Id opportunity = 0;
    Stage stage = Stage::Qualify;
    Status status = Status::Open;
    Minor amount = 0;
    QDate closeDate;
    std::optional<Id> owner, territory;
    QDate lastActivity, stageEntered;
    int pushes = 0;

    bool sameAs(const SnapshotRowData &o) const
    {
        return stage == o.stage && status == o.status && amount == o.amount
                && closeDate == o.closeDate && owner == o.owner && territory == o.territory
                && lastActivity == o.lastActivity && stageEntered == o.stageEntered
                && pushes == o.pushes;
    }
};

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
    // A snapshot without an import (the demo's weekly ones); `full`: its rows are the whole
    // state. finishSnapshots() counts each one's rows once they are written.
    Id addSnapshot(const QDate &takenOn, bool full);
    void addSnapshotRow(const SnapshotRowData &row);
    void finishSnapshots();
    void commit();

private:
    struct Statements;
    Book &m_book;
    std::unique_ptr<sql::Transaction> m_tx;
    std::unique_ptr<Statements> m_st;
};

} // namespace tp
