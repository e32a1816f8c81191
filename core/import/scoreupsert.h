#pragma once

#include "bookdirectory.h"
#include "importjournal.h"
#include "rowreader.h"

#include <optional>

namespace tp::crm {

struct UpsertCounts;

// Writes a scores file's rows inside the caller's transaction: finds the account by CRM id
// (else by name), sets each factor column's score (a blank clears it: not scored) and the
// potential when the row gives one, and journals the account's scores and row for undo. A row
// is "updated" when it changed anything, else "unchanged". Scores never create accounts: a row
// for an account the book lacks comes back as a rejection.
class ScoreUpserter
{
public:
    ScoreUpserter(sql::Database &db, ImportJournal &journal, BookDirectory &directory,
                  const Analysis &analysis, UpsertCounts &counts);

    std::optional<Rejection> upsert(const RowReader::ScoresInput &row);

private:
    ImportJournal &m_journal;
    BookDirectory &m_directory;
    const Analysis &m_analysis;
    UpsertCounts &m_counts;
    sql::Statement m_scores, m_potential, m_setScore, m_clearScore, m_setPotential;
};

} // namespace tp::crm
