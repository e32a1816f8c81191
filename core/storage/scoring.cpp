#include "scoring.h"

#include <span>

namespace tp {

ScoringModel ScoringRepository::model()
{
    ScoringModel m;
    {
        auto st = m_db.prepare("SELECT id, name, description FROM engagement_factors "
                               "ORDER BY position, id");
        while (st.step())
            m.factors.push_back({st.int64(0), st.text(1), st.text(2)});
    }
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
                matrix.values[std::size_t(row) * std::size_t(matrix.factorCount) + std::size_t(f)]
                        = std::int8_t(st.integer(2));
            }
        }
    }
    return matrix;
}

int capacityOf(const BookView &view, std::span<const int> accountRows, int scopeRep,
               int defaultCapacity)
{
    const auto capacityOfRep = [&](std::size_t rep) {
        return view.reps[rep].capacity.value_or(defaultCapacity);
    };
    if (scopeRep >= 0)
        return capacityOfRep(std::size_t(scopeRep));
    std::vector<char> owns(view.reps.size(), 0);
    for (const int row : accountRows) {
        if (const int owner = view.accounts.owner[std::size_t(row)]; owner >= 0)
            owns[std::size_t(owner)] = 1;
    }
    int total = 0;
    for (std::size_t r = 0; r < owns.size(); ++r)
        total += owns[r] ? capacityOfRep(r) : 0;
    return total;
}

} // namespace tp
