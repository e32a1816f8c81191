#pragma once

#include "bookdirectory.h"
#include "importjournal.h"
#include "opportunityupsert.h"
#include "rowreader.h"

namespace tp::crm {

// Writes activities (calls, emails, meetings) inside the caller's transaction: by CRM id when
// the file has one, else an activity with the same date, type, rep, account, opportunity and
// subject is the same activity (a re-import adds nothing). Reps and accounts a row names are
// found or created; the opportunity is found by CRM id. An activity on or before the as-of date
// and later than a linked opportunity's last activity date moves that date (what "idle" counts
// from); a planned one does not.
class ActivityUpserter
{
public:
    ActivityUpserter(sql::Database &db, ImportJournal &journal, BookDirectory &directory,
                     UpsertCounts &counts, QDate asOf);
    ~ActivityUpserter();

    void upsert(const RowReader::ActivityInput &row);

private:
    struct Statements;
    std::optional<Id> account(const RowReader::ActivityInput &row, std::optional<Id> owner);
    std::optional<Id> opportunity(const QString &crmId);

    ImportJournal &m_journal;
    BookDirectory &m_directory;
    UpsertCounts &m_counts;
    std::unique_ptr<Statements> m_st;
    QDate m_asOf;
};

} // namespace tp::crm
