#include "bookeditor.h"

#include "domain/errors.h"
#include "storage/accounts.h"
#include "storage/book.h"
#include "storage/funnelassumptions.h"
#include "storage/opportunities.h"
#include "storage/reps.h"
#include "storage/reviews.h"
#include "storage/scenarios.h"
#include "storage/scoring.h"
#include "storage/settings.h"

#include <algorithm>
#include <iterator>

namespace tp {

namespace {

template<typename T, typename Pick>
std::vector<T> sides(const std::vector<Delta<T>> &deltas, Pick pick)
{
    std::vector<T> values;
    values.reserve(deltas.size());
    for (const Delta<T> &d : deltas)
        values.push_back(pick(d));
    return values;
}

} // namespace

QString BookEditor::repName(std::optional<Id> rep)
{
    if (!rep)
        return tr("Unassigned");
    const auto row = RepRepository(m_book).byId(*rep);
    return row ? row->name : tr("Unknown rep");
}

void BookEditor::write(BookChange &change)
{
    sql::Database &db = m_book.db();
    if (db.inTransaction()) {
        // Part of an edit that reads and writes in one transaction (moveAccounts,
        // setAccountOwner...): a failure here rolls that one back whole, so no savepoint of its
        // own. Inside a savepoint SQLite keeps every statement's page images until it is
        // released, one per row written: 30,000 accounts moved took 4× as long to write
        // (docs/PERFORMANCE.md, "Territories at scale").
        trackHandEdits(change, [&] { writeRows(change); });
        return;
    }
    sql::Transaction tx(db);
    trackHandEdits(change, [&] { writeRows(change); });
    tx.commit();
}

std::vector<Id> BookEditor::notedRows(const char *table, const std::vector<Id> &rows, Id *importId)
{
    auto newest = m_book.db().prepare("SELECT max(id) FROM imports");
    *importId = newest.step() && !newest.isNull(0) ? newest.int64(0) : 0;
    std::vector<Id> noted;
    if (!*importId || rows.empty())
        return noted;
    // Edits after an import are few next to a book's rows: read the table's notes, keep ours.
    auto st = m_book.db().prepare(
            "SELECT row_id FROM hand_edits WHERE import_id = ? AND table_name = ? ORDER BY row_id");
    st.bind(1, *importId).bind(2, std::string_view(table));
    std::vector<Id> all;
    while (st.step())
        all.push_back(st.int64(0));
    std::vector<Id> wanted = rows;
    std::sort(wanted.begin(), wanted.end());
    std::set_intersection(all.begin(), all.end(), wanted.begin(), wanted.end(),
                          std::back_inserter(noted));
    return noted;
}

void BookEditor::trackHandEdits(BookChange &change, const std::function<void()> &write)
{
    if (!change.addsHandEdits) {
        write(); // its triggers note nothing new: the notes are there already
        auto remove = m_book.db().prepare(
                "DELETE FROM hand_edits WHERE import_id = ? AND table_name = ? AND row_id = ?");
        for (const HandEditNote &note : change.handEdits)
            remove.bind(1, note.importId).bind(2, note.table).bind(3, note.row).run();
        return;
    }
    std::vector<std::pair<const char *, std::vector<Id>>> rows{ { "opportunities", {} },
                                                                { "accounts", {} },
                                                                { "reps", {} } };
    for (const OpportunityDelta &d : change.opportunities)
        rows[0].second.push_back(d.after.id);
    for (const Delta<Account> &d : change.accounts)
        rows[1].second.push_back(d.after.id);
    for (const Delta<RepCapacity> &d : change.capacities)
        rows[2].second.push_back(d.after.rep);
    for (const Delta<RepIdentity> &d : change.identities)
        rows[2].second.push_back(d.after.rep);
    std::vector<std::vector<Id>> before;
    before.reserve(rows.size());
    Id importId = 0;
    for (const auto &[table, ids] : rows)
        before.push_back(notedRows(table, ids, &importId));
    write();
    change.handEdits.clear();
    for (std::size_t t = 0; t < rows.size(); ++t) {
        Id newest = 0;
        std::vector<Id> after = notedRows(rows[t].first, rows[t].second, &newest);
        std::vector<Id> made;
        std::sort(before[t].begin(), before[t].end());
        std::sort(after.begin(), after.end());
        std::set_difference(after.begin(), after.end(), before[t].begin(), before[t].end(),
                            std::back_inserter(made));
        for (const Id row : made)
            change.handEdits.push_back({ newest, QString::fromLatin1(rows[t].first), row });
    }
}

void BookEditor::writeRows(BookChange &change)
{
    RepRepository reps(m_book);
    // Territories made or changed before the accounts move into them, deleted after.
    for (const RowDelta<Territory> &d : change.territories)
        if (d.after)
            reps.writeTerritory(d.id, d.after);
    writeOpportunities(change.opportunities);
    if (!change.accounts.empty())
        AccountRepository(m_book).write(
                sides(change.accounts, [](const Delta<Account> &d) { return d.after; }));
    for (const RowDelta<Territory> &d : change.territories)
        if (!d.after)
            reps.writeTerritory(d.id, std::nullopt);
    for (const Delta<RepCapacity> &d : change.capacities)
        reps.setCapacity(d.after.rep, d.after.capacity);
    for (const Delta<RepIdentity> &d : change.identities)
        reps.setIdentity(d.after.rep, d.after.crmUserId, d.after.email);
    for (const Delta<QuotaValue> &d : change.quotas)
        reps.setQuota(d.after.rep, d.after.period, d.after.amount);
    ScoringRepository scoring(m_book);
    if (!change.scores.empty())
        scoring.setScores(sides(change.scores, [](const Delta<ScoreEdit> &d) { return d.after; }));
    for (const Delta<ScoringNote> &d : change.notes)
        scoring.setNote(d.after.account, d.after.note);
    for (const Delta<WeightValue> &d : change.weights)
        scoring.setWeight(d.after.profile, d.after.factor, d.after.weight);
    if (change.settings)
        SettingsRepository(m_book).save(change.settings->before, change.settings->after);
    if (change.scoringModel)
        writeScoringModel(*change.scoringModel);
    for (const Delta<FunnelAssumptionsValue> &d : change.funnel)
        FunnelAssumptionRepository(m_book).save(d.after.scope, d.after.period, d.after.assumptions);
    writeReviews(change);
    writeSnapshots(change);
    for (const RowDelta<Scenario> &d : change.scenarios)
        ScenarioRepository(m_book).write(d.id, d.after);
}

// Deleted commitments first, then reviews made or changed, then commitments made or changed
// (they refer to reviews), then deleted reviews: every reference holds at every step.
void BookEditor::writeReviews(const BookChange &change)
{
    if (change.reviews.empty() && change.commitments.empty() && change.gateways.empty())
        return;
    ReviewRepository reviews(m_book);
    for (const RowDelta<Commitment> &d : change.commitments)
        if (!d.after)
            reviews.writeCommitment(d.id, std::nullopt);
    for (const RowDelta<Review> &d : change.reviews)
        if (d.after)
            reviews.writeReview(d.id, d.after);
    for (const RowDelta<Commitment> &d : change.commitments)
        if (d.after)
            reviews.writeCommitment(d.id, d.after);
    for (const RowDelta<Review> &d : change.reviews)
        if (!d.after)
            reviews.writeReview(d.id, std::nullopt);
    for (const Delta<CriterionTick> &d : change.gateways)
        reviews.writeTick(d.after);
}

void BookEditor::writeOpportunities(std::vector<OpportunityDelta> &deltas)
{
    if (deltas.empty())
        return;
    OpportunityRepository repository(m_book);
    // The history rows of every deal at once (one statement each way), then the rows.
    std::vector<StageHistoryRow> stagesIn, stagesOut;
    std::vector<CloseDateChangeRow> pushesIn, pushesOut;
    std::vector<Opportunity> rows;
    rows.reserve(deltas.size());
    for (const OpportunityDelta &d : deltas) {
        auto &stages = d.addsHistory ? stagesIn : stagesOut;
        auto &pushes = d.addsHistory ? pushesIn : pushesOut;
        stages.insert(stages.end(), d.stageRows.begin(), d.stageRows.end());
        pushes.insert(pushes.end(), d.closeDateRows.begin(), d.closeDateRows.end());
        rows.push_back(d.after);
    }
    repository.removeStageHistory(stagesOut);
    repository.removeCloseDateChanges(pushesOut);
    repository.addStageHistory(stagesIn);
    repository.addCloseDateChanges(pushesIn);
    // The ids the new rows got go back into the record, in the same order.
    auto stage = stagesIn.begin();
    auto push = pushesIn.begin();
    for (OpportunityDelta &d : deltas) {
        if (!d.addsHistory)
            continue;
        for (StageHistoryRow &row : d.stageRows)
            row.id = (stage++)->id;
        for (CloseDateChangeRow &row : d.closeDateRows)
            row.id = (push++)->id;
    }
    repository.write(rows);
}

BookChange BookEditor::written(BookChange change)
{
    if (!change.isEmpty())
        write(change);
    return change;
}

BookChange BookEditor::editOpportunities(std::span<const Id> deals, const QDate &on,
                                         const std::function<void(Opportunity &)> &mutate)
{
    std::vector<Id> ids(deals.begin(), deals.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    BookChange change;
    change.opportunities.reserve(ids.size());
    for (Opportunity &before : OpportunityRepository(m_book).byIds(ids)) {
        OpportunityDelta d{ before, before, {}, {}, true };
        mutate(d.after);
        Opportunity &after = d.after;
        // METRICS "Stage history": a stage change is dated the day it happens; closing keeps the
        // open stage it closed from.
        if (after.stage != before.stage) {
            after.status = statusForStage(after.stage);
            after.stageEntered = on;
            after.closedDate = after.status == Status::Open ? QDate() : on;
            if (after.status == Status::Open)
                after.closedStage.reset();
            else if (before.status == Status::Open)
                after.closedStage = before.stage;
            d.stageRows.push_back({ 0, after.id, after.stage, on });
        }
        // METRICS "pushes": an expected close date moved later.
        if (before.closeDate.isValid() && after.closeDate > before.closeDate)
            d.closeDateRows.push_back({ 0, after.id, before.closeDate, after.closeDate, on });
        if (d.changed())
            change.opportunities.push_back(std::move(d));
    }
    return change;
}

BookChange BookEditor::editAccounts(std::span<const Id> accounts,
                                    const std::function<void(Account &)> &mutate)
{
    std::vector<Id> ids(accounts.begin(), accounts.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    BookChange change;
    change.accounts.reserve(ids.size());
    for (Account &before : AccountRepository(m_book).byIds(ids)) {
        Delta<Account> d{ before, before };
        mutate(d.after);
        if (d.changed())
            change.accounts.push_back(std::move(d));
    }
    return change;
}

} // namespace tp
