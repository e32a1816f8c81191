#include "scoreupsert.h"

#include "opportunityupsert.h"

#include <QCoreApplication>

namespace tp::crm {

ScoreUpserter::ScoreUpserter(sql::Database &db, ImportJournal &journal, BookDirectory &directory,
                             const Analysis &analysis, UpsertCounts &counts)
    : m_journal(journal),
      m_directory(directory),
      m_analysis(analysis),
      m_counts(counts),
      m_scores(db.prepare("SELECT factor_id, score FROM account_scores WHERE account_id = ?")),
      m_potential(db.prepare("SELECT potential FROM accounts WHERE id = ?")),
      m_setScore(db.prepare(
              "INSERT INTO account_scores (account_id, factor_id, score) VALUES (?, ?, ?) "
              "ON CONFLICT (account_id, factor_id) DO UPDATE SET score = excluded.score")),
      m_clearScore(db.prepare("DELETE FROM account_scores WHERE account_id = ? AND factor_id = ?")),
      m_setPotential(db.prepare("UPDATE accounts SET potential = ? WHERE id = ?"))
{ }

std::optional<Rejection> ScoreUpserter::upsert(const RowReader::ScoresInput &row)
{
    const bool byCrmId = !row.crmId.isEmpty();
    const std::optional<Id> account =
            byCrmId ? m_directory.accountByCrmId(row.crmId) : m_directory.accountByName(row.name);
    if (!account) {
        const Field field = byCrmId ? Field::CrmId : Field::Name;
        const QString &value = row.written;
        return Rejection{
            row.line, m_analysis.columnOf(field) + 1, fieldLabel(field), value,
            (byCrmId ? QCoreApplication::translate("tp::crm",
                                                   "expected the CRM id of an account in the "
                                                   "book, found \"%1\", which no account has")
                     : QCoreApplication::translate("tp::crm",
                                                   "expected the name of an account in the "
                                                   "book, found \"%1\", which no account has"))
                    .arg(value)
        };
    }
    // The account's scores now, by the file's factors.
    std::vector<std::int8_t> before(m_analysis.factors.size(), -1);
    m_scores.bind(1, *account);
    while (m_scores.step()) {
        const Id factor = m_scores.int64(0);
        for (std::size_t f = 0; f < before.size(); ++f) {
            if (m_analysis.factors[f].factor == factor)
                before[f] = std::int8_t(m_scores.integer(1));
        }
    }
    m_scores.reset();
    m_potential.bind(1, *account);
    m_potential.step();
    const std::optional<Minor> potential = m_potential.optionalInt64(0);
    m_potential.reset();

    const bool scoresChange = before != row.scores;
    const bool potentialChanges = row.potential && row.potential != potential;
    if (!scoresChange && !potentialChanges) {
        ++m_counts.unchanged;
        return std::nullopt;
    }
    if (scoresChange) {
        m_journal.beforeScores(*account);
        for (std::size_t f = 0; f < before.size(); ++f) {
            if (before[f] == row.scores[f])
                continue;
            const Id factor = m_analysis.factors[f].factor;
            if (row.scores[f] < 0)
                m_clearScore.bind(1, *account).bind(2, factor).run();
            else
                m_setScore.bind(1, *account).bind(2, factor).bind(3, int(row.scores[f])).run();
        }
    }
    if (potentialChanges) {
        m_journal.beforeUpdate("accounts", *account);
        m_setPotential.bind(1, *row.potential).bind(2, *account).run();
    }
    ++m_counts.updated;
    return std::nullopt;
}

} // namespace tp::crm
