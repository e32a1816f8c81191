#pragma once

#include "bookdirectory.h"
#include "importjournal.h"
#include "rowreader.h"

#include <memory>

namespace tp::crm {

struct UpsertCounts;

// Writes accounts into the book inside the caller's transaction: finds each by CRM id (else by
// name), fills what the file leaves empty from the book, journals updates for undo. A size band
// comes from the file or from its employee count (SMB below 100, Mid-market below 1,000).
class AccountUpserter
{
public:
    AccountUpserter(sql::Database &db, ImportJournal &journal, BookDirectory &directory,
                    UpsertCounts &counts);
    ~AccountUpserter();

    void upsert(const RowReader::AccountInput &row);

    static QString sizeBandOf(std::optional<int> employees);

private:
    struct Statements;
    sql::Database &m_db;
    ImportJournal &m_journal;
    BookDirectory &m_directory;
    UpsertCounts &m_counts;
    std::unique_ptr<Statements> m_st;
};

// Writes quotas (rep, period, amount) inside the caller's transaction, creating missing reps.
class QuotaUpserter
{
public:
    QuotaUpserter(sql::Database &db, ImportJournal &journal, BookDirectory &directory,
                  UpsertCounts &counts);

    void upsert(const RowReader::QuotaInput &row);

private:
    ImportJournal &m_journal;
    BookDirectory &m_directory;
    UpsertCounts &m_counts;
    sql::Statement m_find, m_insert, m_update;
};

} // namespace tp::crm
