#pragma once

#include "bookdirectory.h"
#include "importjournal.h"
#include "rowreader.h"

#include <memory>

namespace tp::crm {

struct UpsertCounts;

// Writes accounts into the book inside the caller's transaction: finds each by CRM id (a
// Salesforce id in either form; else by name), fills what the file leaves empty from the book,
// journals updates for undo. A size band comes from the file or from its employee count (SMB
// below 100, Mid-market below 1,000).
//
// The owner is the rep of the file's owner name; an owner cell holding an email address is the
// rep with that email (HubSpot's import takes owners by email, and so does a published moves
// file). A row without an owner name takes the rep whose CRM user id or email the file gives
// (a Salesforce `Id, OwnerId` file); an id or email no rep has leaves the owner as it is.
// A file without a name column only updates accounts: a row whose CRM id no account has is
// rejected.
class AccountUpserter
{
public:
    AccountUpserter(sql::Database &db, ImportJournal &journal, BookDirectory &directory,
                    const Analysis &analysis, UpsertCounts &counts);
    ~AccountUpserter();

    std::optional<Rejection> upsert(const RowReader::AccountInput &row);

    static QString sizeBandOf(std::optional<int> employees);

private:
    struct Statements;
    sql::Database &m_db;
    ImportJournal &m_journal;
    BookDirectory &m_directory;
    const Analysis &m_analysis;
    UpsertCounts &m_counts;
    std::unique_ptr<Statements> m_st;

    std::optional<Id> ownerOf(const RowReader::AccountInput &row);
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
