#include "roi.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace tp::roi {

namespace {

// Likelihoods are ratios of sums of products; a threshold of 0.5 must take an L that is 0.5
// on paper, whatever the last bit of the division says.
constexpr double tolerance = 1e-9;

QString segmentKey(const QString &text)
{
    return text.trimmed().toCaseFolded();
}

} // namespace

QString quadrantKey(Quadrant q)
{
    switch (q) {
    case Quadrant::Pursue:
        return QStringLiteral("pursue");
    case Quadrant::DevelopAccess:
        return QStringLiteral("develop");
    case Quadrant::QuickWins:
        return QStringLiteral("quick_wins");
    case Quadrant::Deprioritize:
        return QStringLiteral("deprioritize");
    }
    return {};
}

QString quadrantName(Quadrant q)
{
    switch (q) {
    case Quadrant::Pursue:
        return QCoreApplication::translate("tp::roi", "Pursue");
    case Quadrant::DevelopAccess:
        return QCoreApplication::translate("tp::roi", "Develop access");
    case Quadrant::QuickWins:
        return QCoreApplication::translate("tp::roi", "Quick wins");
    case Quadrant::Deprioritize:
        return QCoreApplication::translate("tp::roi", "Deprioritize");
    }
    return {};
}

std::optional<double> likelihood(std::span<const double> weights, const std::int8_t *scores)
{
    double weighted = 0, total = 0;
    for (std::size_t f = 0; f < weights.size(); ++f) {
        if (scores[f] < 0)
            continue;
        weighted += weights[f] * scores[f];
        total += weights[f];
    }
    if (total <= 0)
        return std::nullopt;
    return weighted / (5.0 * total);
}

FactorCoverage factorCoverage(std::span<const double> weights, const std::int8_t *scores)
{
    FactorCoverage c;
    for (std::size_t f = 0; f < weights.size(); ++f) {
        if (weights[f] <= 0)
            continue;
        ++c.weighted;
        c.scored += scores[f] >= 0 ? 1 : 0;
    }
    return c;
}

std::vector<double> contributions(std::span<const double> weights, const std::int8_t *scores)
{
    double total = 0;
    for (std::size_t f = 0; f < weights.size(); ++f) {
        if (scores[f] >= 0)
            total += weights[f];
    }
    if (total <= 0)
        return {};
    std::vector<double> shares(weights.size(), -1.0);
    for (std::size_t f = 0; f < weights.size(); ++f) {
        if (scores[f] >= 0)
            shares[f] = weights[f] * scores[f] / (5.0 * total);
    }
    return shares;
}

Minor expectedValue(Minor potential, double likelihood)
{
    return Minor(std::llround(double(potential) * likelihood));
}

Minor median(std::vector<Minor> &values)
{
    if (values.empty())
        return 0;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
    const Minor upper = values[mid];
    if (values.size() % 2)
        return upper;
    const Minor lower = *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid));
    const Minor sum = lower + upper; // half away from zero
    return sum >= 0 ? (sum + 1) / 2 : -((-sum + 1) / 2);
}

Quadrant quadrantOf(double likelihood, Minor potential, double likelihoodThreshold,
                    Minor potentialThreshold)
{
    const bool engaged = likelihood >= likelihoodThreshold - tolerance;
    const bool valuable = potential >= potentialThreshold;
    if (valuable)
        return engaged ? Quadrant::Pursue : Quadrant::DevelopAccess;
    return engaged ? Quadrant::QuickWins : Quadrant::Deprioritize;
}

ProfileResolver::ProfileResolver(const ScoringModel &model, const BookView &view)
    : m_model(model),
      m_view(view),
      m_bySizeBand(std::size_t(view.accounts.sizeBands.size()), -1),
      m_byIndustry(std::size_t(view.accounts.industries.size()), -1),
      m_byTerritory(view.territories.size(), -1),
      m_equal(model.factors.size(), 1.0)
{
    const auto match = [](std::vector<int> &table, const auto &names, const QString &segment,
                          int profile) {
        for (std::size_t i = 0; i < table.size(); ++i) {
            if (table[i] < 0 && segmentKey(names(i)) == segment)
                table[i] = profile;
        }
    };
    for (std::size_t p = 0; p < model.profiles.size(); ++p) {
        const WeightProfile &profile = model.profiles[p];
        const QString segment = segmentKey(profile.segment);
        switch (profile.kind) {
        case SegmentKind::Book:
            if (m_book < 0)
                m_book = int(p);
            break;
        case SegmentKind::SizeBand:
            match(
                    m_bySizeBand,
                    [&](std::size_t i) { return view.accounts.sizeBands[qsizetype(i)]; }, segment,
                    int(p));
            break;
        case SegmentKind::Industry:
            match(
                    m_byIndustry,
                    [&](std::size_t i) { return view.accounts.industries[qsizetype(i)]; }, segment,
                    int(p));
            break;
        case SegmentKind::Territory:
            match(
                    m_byTerritory, [&](std::size_t i) { return view.territories[i].name; }, segment,
                    int(p));
            break;
        }
    }
}

int ProfileResolver::profileFor(int row) const
{
    const auto r = std::size_t(row);
    const auto &a = m_view.accounts;
    if (const int s = a.sizeBand[r]; s >= 0 && m_bySizeBand[std::size_t(s)] >= 0)
        return m_bySizeBand[std::size_t(s)];
    if (const int i = a.industry[r]; i >= 0 && m_byIndustry[std::size_t(i)] >= 0)
        return m_byIndustry[std::size_t(i)];
    if (const int t = a.territory[r]; t >= 0 && m_byTerritory[std::size_t(t)] >= 0)
        return m_byTerritory[std::size_t(t)];
    return m_book;
}

std::span<const double> ProfileResolver::weightsFor(int row) const
{
    const int p = profileFor(row);
    return p >= 0 ? std::span<const double>(m_model.profiles[std::size_t(p)].weights)
                  : std::span<const double>(m_equal);
}

std::vector<double> contributions(const ScoringModel &model, const ScoreMatrix &scores,
                                  const ScoredAccount &account)
{
    if (account.profile >= 0)
        return contributions(model.profiles[std::size_t(account.profile)].weights,
                             scores.row(account.row));
    const std::vector<double> equal(model.factors.size(), 1.0); // as ProfileResolver
    return contributions(equal, scores.row(account.row));
}

RoiResult evaluate(const BookView &view, std::span<const int> rows, const ScoringModel &model,
                   const ScoreMatrix &scores, const RoiSettings &settings, int capacity)
{
    RoiResult result;
    result.likelihoodThreshold = settings.likelihoodThreshold;
    result.capacity = capacity;
    const auto &a = view.accounts;
    const ProfileResolver profiles(model, view);
    std::vector<Minor> potentials;
    for (const int row : rows) {
        const std::span<const double> weights = profiles.weightsFor(row);
        const std::optional<double> l = likelihood(weights, scores.row(row));
        if (!l) {
            result.unscored.push_back(row);
            continue;
        }
        ScoredAccount s;
        s.row = row;
        s.likelihood = *l;
        s.potential = a.revenuePotential(row, &s.potentialDerived);
        s.ev = expectedValue(s.potential, s.likelihood);
        s.profile = profiles.profileFor(row);
        const FactorCoverage coverage = factorCoverage(weights, scores.row(row));
        s.scoredFactors = coverage.scored;
        s.weightedFactors = coverage.weighted;
        result.workList.push_back(s);
        potentials.push_back(s.potential);
    }
    result.thresholdIsMedian = !settings.potentialThreshold.has_value();
    result.potentialThreshold =
            settings.potentialThreshold ? *settings.potentialThreshold : median(potentials);
    for (ScoredAccount &s : result.workList) {
        s.quadrant = quadrantOf(s.likelihood, s.potential, settings.likelihoodThreshold,
                                result.potentialThreshold);
        s.belowFloor = s.likelihood < settings.floorLikelihood - tolerance
                || s.potential < settings.floorPotential;
        ++result.quadrantCounts[std::size_t(s.quadrant)];
        result.belowFloor += s.belowFloor ? 1 : 0;
    }
    // Ties: the higher likelihood first, then the name (case-folded), then the book's order.
    std::sort(result.workList.begin(), result.workList.end(),
              [&a](const ScoredAccount &x, const ScoredAccount &y) {
                  if (x.ev != y.ev)
                      return x.ev > y.ev;
                  if (std::abs(x.likelihood - y.likelihood) > tolerance)
                      return x.likelihood > y.likelihood;
                  const int byName = a.name.folded(std::size_t(x.row))
                                             .compare(a.name.folded(std::size_t(y.row)));
                  if (byName != 0)
                      return byName < 0;
                  return x.row < y.row;
              });
    std::sort(result.unscored.begin(), result.unscored.end(), [&a](int x, int y) {
        const int byName = a.name.folded(std::size_t(x)).compare(a.name.folded(std::size_t(y)));
        return byName != 0 ? byName < 0 : x < y;
    });
    int used = 0;
    for (const ScoredAccount &s : result.workList) {
        used += std::max(1, a.openCount[std::size_t(s.row)]);
        if (used > capacity)
            break;
        ++result.withinCapacity;
    }
    return result;
}

std::vector<RepLoad> repsOverCapacity(const BookView &view, std::span<const int> reps)
{
    std::vector<int> active(view.reps.size(), 0);
    const auto &o = view.opportunities;
    for (std::size_t i = 0; i < o.status.size(); ++i) {
        if (o.status[i] == std::uint8_t(Status::Open) && o.owner[i] >= 0)
            ++active[std::size_t(o.owner[i])];
    }
    std::vector<RepLoad> over;
    const auto consider = [&](int rep) {
        const int capacity =
                view.reps[std::size_t(rep)].capacity.value_or(view.settings.defaultCapacity);
        if (active[std::size_t(rep)] > capacity)
            over.push_back({ rep, active[std::size_t(rep)], capacity });
    };
    for (const int rep : reps)
        if (rep >= 0 && std::size_t(rep) < view.reps.size())
            consider(rep);
    std::stable_sort(over.begin(), over.end(), [](const RepLoad &a, const RepLoad &b) {
        return a.active - a.capacity > b.active - b.capacity;
    });
    return over;
}

} // namespace tp::roi
