#include "pipelinequeries.h"

#include "settings.h"

namespace tp {

namespace {

// Scope conditions on the opportunities (alias o) and accounts (alias a) tables; parameters
// ?2 = rep id, ?3 = territory id (NULL when not limited).
constexpr const char *opportunityScope =
        "(?2 IS NULL OR o.owner_id = ?2) AND "
        "(?3 IS NULL OR o.account_id IN (SELECT id FROM accounts WHERE territory_id = ?3))";
constexpr const char *accountScope =
        "(?2 IS NULL OR a.owner_id = ?2) AND (?3 IS NULL OR a.territory_id = ?3)";

void bindScope(sql::Statement &st, const Scope &scope)
{
    st.bind(2, scope.rep).bind(3, scope.territory);
}

} // namespace

PipelineTotals queryPipeline(Book &book, const Scope &scope)
{
    PipelineTotals totals;
    const QString currency = SettingsRepository(book).value(QStringLiteral("currency"),
                                                            QStringLiteral("USD"));
    sql::Database &db = book.db();
    {
        auto st = db.prepare(std::string("SELECT count(*) FROM accounts a WHERE ?1 IS NULL AND ")
                             + accountScope);
        st.bindNull(1);
        bindScope(st, scope);
        if (st.step())
            totals.accounts = st.int64(0);
    }
    // Weighted per deal, rounded half away from zero, then summed (METRICS "Rounding").
    const std::string query = std::string(R"SQL(
        WITH deals AS (
            SELECT o.stage AS stage, o.status AS status, o.currency AS currency,
                   (o.currency = ?1 OR r.rate IS NOT NULL) AS convertible,
                   CASE WHEN o.currency = ?1 THEN o.amount
                        ELSE CAST(round(o.amount * r.rate) AS INTEGER) END AS amount,
                   COALESCE(o.probability_override_bp, o.probability_bp, s.default_probability_bp) AS p
            FROM opportunities o
            JOIN stages s ON s.id = o.stage
            LEFT JOIN currency_rates r ON r.currency = o.currency
            WHERE o.status != 3 AND )SQL") + opportunityScope + R"SQL(
        )
        SELECT stage, status, convertible, group_concat(DISTINCT currency), count(*),
               sum(CASE WHEN convertible THEN amount ELSE 0 END),
               sum(CASE WHEN NOT convertible THEN 0
                          WHEN amount * p >= 0 THEN (amount * p + 5000) / 10000
                          ELSE -((-amount * p + 5000) / 10000) END)
        FROM deals GROUP BY stage, status, convertible)SQL";
    auto st = db.prepare(query);
    st.bind(1, currency);
    bindScope(st, scope);
    while (st.step()) {
        const int stage = st.integer(0);
        const auto status = Status(st.integer(1));
        const bool convertible = st.integer(2) != 0;
        const qint64 count = st.int64(4);
        const Minor amount = st.int64(5);
        const Minor weightedAmount = st.int64(6);
        totals.opportunities += count;
        if (status == Status::Won)
            totals.won += count;
        else if (status == Status::Lost)
            totals.lost += count;
        if (status != Status::Open)
            continue;
        totals.open += count;
        if (!convertible) {
            totals.unconvertedCount += count;
            const QStringList currencies = st.text(3).split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (const QString &c : currencies) {
                if (!totals.unconvertedCurrencies.contains(c))
                    totals.unconvertedCurrencies.append(c);
            }
            continue;
        }
        if (stage >= 1 && stage <= 4) {
            StageTotals &t = totals.byStage[std::size_t(stage - 1)];
            t.count += count;
            t.amount += amount;
            t.weighted += weightedAmount;
        }
        totals.openAmount += amount;
        totals.weightedAmount += weightedAmount;
    }
    totals.unconvertedCurrencies.sort();
    return totals;
}

} // namespace tp
