#include "scoring.h"

#include "domain/errors.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace tp {

std::vector<EngagementFactor> ScoringRepository::factors()
{
    std::vector<EngagementFactor> factors;
    auto st = m_db.prepare("SELECT id, name, coalesce(description, '') FROM engagement_factors "
                           "ORDER BY position, id");
    while (st.step())
        factors.push_back({ st.int64(0), st.text(1), st.text(2) });
    return factors;
}

ScoringModel ScoringRepository::model()
{
    ScoringModel m;
    m.factors = factors();
    auto st = m_db.prepare("SELECT id, name, segment_kind, coalesce(segment_value, '') "
                           "FROM weight_profiles ORDER BY id");
    while (st.step()) {
        WeightProfile p;
        p.id = st.int64(0);
        p.name = st.text(1);
        p.kind = segmentKindFromKey(st.text(2)).value_or(SegmentKind::Book);
        p.segment = st.text(3);
        p.weights.assign(m.factors.size(), 0.0);
        m.profiles.push_back(std::move(p));
    }
    auto weights = m_db.prepare("SELECT profile_id, factor_id, weight FROM profile_weights");
    while (weights.step()) {
        const Id profile = weights.int64(0), factor = weights.int64(1);
        for (WeightProfile &p : m.profiles) {
            if (p.id != profile)
                continue;
            for (std::size_t f = 0; f < m.factors.size(); ++f) {
                if (m.factors[f].id == factor)
                    p.weights[f] = weights.real(2);
            }
        }
    }
    return m;
}

ScoreMatrix ScoringRepository::scores(const BookView &view, const ScoringModel &model)
{
    ScoreMatrix matrix;
    matrix.factorCount = int(model.factors.size());
    matrix.values.assign(std::size_t(view.accounts.size()) * model.factors.size(), -1);
    std::vector<std::pair<Id, int>> factorIndex;
    for (std::size_t f = 0; f < model.factors.size(); ++f)
        factorIndex.emplace_back(model.factors[f].id, int(f));
    // In the table's order (by account), so the view's rows are found walking forward.
    auto st = m_db.prepare("SELECT account_id, factor_id, score FROM account_scores");
    int row = 0;
    Id rowId = 0;
    while (st.step()) {
        const Id account = st.int64(0);
        if (account != rowId) {
            row = view.accounts.indexOf(account);
            rowId = account;
        }
        if (row < 0)
            continue;
        const Id factor = st.int64(1);
        for (const auto &[id, f] : factorIndex) {
            if (id == factor) {
                matrix.values[std::size_t(row) * std::size_t(matrix.factorCount) + std::size_t(f)] =
                        std::int8_t(st.integer(2));
            }
        }
    }
    return matrix;
}

std::vector<ScoreEdit> ScoringRepository::setScores(std::span<const ScoreEdit> edits)
{
    auto accountExists = m_db.prepare("SELECT 1 FROM accounts WHERE id = ?");
    auto factorExists = m_db.prepare("SELECT 1 FROM engagement_factors WHERE id = ?");
    auto current = m_db.prepare("SELECT score FROM account_scores "
                                "WHERE account_id = ? AND factor_id = ?");
    auto upsert = m_db.prepare("INSERT INTO account_scores (account_id, factor_id, score) "
                               "VALUES (?, ?, ?) ON CONFLICT (account_id, factor_id) "
                               "DO UPDATE SET score = excluded.score");
    auto remove = m_db.prepare("DELETE FROM account_scores WHERE account_id = ? AND factor_id = ?");
    const auto exists = [](sql::Statement &st, Id id) {
        st.reset();
        st.bind(1, id);
        return st.step();
    };

    std::vector<ScoreEdit> undo;
    undo.reserve(edits.size());
    sql::Transaction tx(m_db);
    Id checkedAccount = 0, checkedFactor = 0;
    for (const ScoreEdit &edit : edits) {
        if (edit.score && (*edit.score < 0 || *edit.score > 5))
            throw InputError(tr("A score is a whole number from 0 to 5, not %1.").arg(*edit.score));
        if (edit.account != checkedAccount && !exists(accountExists, edit.account))
            throw InputError(tr("The account no longer exists."));
        checkedAccount = edit.account;
        if (edit.factor != checkedFactor && !exists(factorExists, edit.factor))
            throw InputError(tr("The engagement factor no longer exists."));
        checkedFactor = edit.factor;

        current.reset();
        current.bind(1, edit.account).bind(2, edit.factor);
        ScoreEdit before{ edit.account, edit.factor, std::nullopt };
        if (current.step())
            before.score = current.integer(0);
        undo.push_back(before);
        if (edit.score) {
            upsert.reset();
            upsert.bind(1, edit.account).bind(2, edit.factor).bind(3, *edit.score).run();
        } else {
            remove.reset();
            remove.bind(1, edit.account).bind(2, edit.factor).run();
        }
    }
    tx.commit();
    // Undo applies them backwards, so an account edited twice ends as it began.
    std::reverse(undo.begin(), undo.end());
    return undo;
}

QString ScoringRepository::note(Id account)
{
    auto st = m_db.prepare("SELECT coalesce(score_note, '') FROM accounts WHERE id = ?");
    st.bind(1, account);
    if (!st.step())
        throw InputError(tr("The account no longer exists."));
    return st.text(0);
}

QString ScoringRepository::setNote(Id account, const QString &note)
{
    const QString before = this->note(account);
    auto st = m_db.prepare("UPDATE accounts SET score_note = ? WHERE id = ?");
    const QString trimmed = note.trimmed();
    st.bind(1, trimmed.isEmpty() ? QString() : trimmed).bind(2, account).run();
    return before;
}

double ScoringRepository::setWeight(Id profile, Id factor, double weight)
{
    if (!std::isfinite(weight) || weight < 0)
        throw InputError(tr("A weight is a number of 0 or more."));
    auto profileExists = m_db.prepare("SELECT 1 FROM weight_profiles WHERE id = ?");
    profileExists.bind(1, profile);
    if (!profileExists.step())
        throw InputError(tr("The weight profile no longer exists."));
    auto factorExists = m_db.prepare("SELECT 1 FROM engagement_factors WHERE id = ?");
    factorExists.bind(1, factor);
    if (!factorExists.step())
        throw InputError(tr("The engagement factor no longer exists."));
    auto current = m_db.prepare("SELECT weight FROM profile_weights "
                                "WHERE profile_id = ? AND factor_id = ?");
    current.bind(1, profile).bind(2, factor);
    const double before = current.step() ? current.real(0) : 0.0;
    auto st = m_db.prepare("INSERT INTO profile_weights (profile_id, factor_id, weight) "
                           "VALUES (?, ?, ?) ON CONFLICT (profile_id, factor_id) "
                           "DO UPDATE SET weight = excluded.weight");
    st.bind(1, profile).bind(2, factor).bind(3, weight).run();
    return before;
}

std::vector<int> scopeReps(const BookView &view, std::span<const int> accountRows, int scopeRep)
{
    if (scopeRep >= 0)
        return { scopeRep };
    std::vector<char> owns(view.reps.size(), 0);
    for (const int row : accountRows) {
        if (const int owner = view.accounts.owner[std::size_t(row)]; owner >= 0)
            owns[std::size_t(owner)] = 1;
    }
    std::vector<int> reps;
    for (std::size_t r = 0; r < owns.size(); ++r)
        if (owns[r])
            reps.push_back(int(r));
    return reps;
}

int capacityOf(const BookView &view, std::span<const int> accountRows, int scopeRep,
               int defaultCapacity)
{
    int total = 0;
    for (const int rep : scopeReps(view, accountRows, scopeRep))
        total += view.reps[std::size_t(rep)].capacity.value_or(defaultCapacity);
    return total;
}

} // namespace tp
