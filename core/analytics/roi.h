#pragma once

#include "domain/scoring.h"
#include "views/bookview.h"

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace tp::roi {

// METRICS "Accounts": likelihood of engagement, revenue potential, expected value, the ROI
// quadrant, floors and the work list. Pure functions over a BookView and the scores.

enum class Quadrant { Pursue, DevelopAccess, QuickWins, Deprioritize };
inline constexpr std::array<Quadrant, 4> quadrants{ Quadrant::Pursue, Quadrant::DevelopAccess,
                                                    Quadrant::QuickWins, Quadrant::Deprioritize };
QString quadrantKey(Quadrant q); // "pursue", "develop", "quick_wins", "deprioritize" (CLI.md)
QString quadrantName(Quadrant q); // translated: "Pursue", "Develop access", ...

// Likelihood L = Σ w·s / (5 · Σ w) over the factors scored for the account (score >= 0);
// nullopt when none is scored, or when the scored factors all weigh 0 (nothing to place).
std::optional<double> likelihood(std::span<const double> weights, const std::int8_t *scores);
// How many of the factors with a weight above 0 there are, and how many of them are scored.
struct FactorCoverage
{
    int scored = 0;
    int weighted = 0;
};
FactorCoverage factorCoverage(std::span<const double> weights, const std::int8_t *scores);
// Each factor's share of L (w·s / (5 · Σ w) over the scored factors; they add up to L),
// -1 for a factor not scored. Empty when L is undefined.
std::vector<double> contributions(std::span<const double> weights, const std::int8_t *scores);
// EV = R × L, rounded to the minor unit, half away from zero.
Minor expectedValue(Minor potential, double likelihood);
// The median of the values (the mean of the two middle ones for an even count, rounded half
// away from zero); 0 for none. Reorders `values`.
Minor median(std::vector<Minor> &values);
Quadrant quadrantOf(double likelihood, Minor potential, double likelihoodThreshold,
                    Minor potentialThreshold);

// The profile that applies to account `row`: the most specific one matching its size band,
// else its industry, else its territory, else the book's (segments match case-insensitively,
// surrounding spaces ignored). -1 when the model has no book profile and nothing matches.
class ProfileResolver
{
public:
    ProfileResolver(const ScoringModel &model, const BookView &view);
    int profileFor(int row) const;
    // The weights of profileFor(row); equal weights when no profile applies.
    std::span<const double> weightsFor(int row) const;

private:
    const ScoringModel &m_model;
    const BookView &m_view;
    std::vector<int> m_bySizeBand, m_byIndustry, m_byTerritory; // dictionary index → profile
    int m_book = -1;
    std::vector<double> m_equal;
};

struct ScoredAccount
{
    int row = -1; // in BookView::accounts
    double likelihood = 0; // L
    Minor potential = 0; // R
    bool potentialDerived = false;
    Minor ev = 0;
    Quadrant quadrant = Quadrant::Deprioritize;
    bool belowFloor = false;
    int profile = -1; // index into ScoringModel::profiles
    // What L rests on: the factors that weigh in the account's profile, and how many of them
    // are scored. "Likelihood 80%" from one factor of six is a guess, not a measure.
    int scoredFactors = 0;
    int weightedFactors = 0;
    // Fewer than half of the factors that weigh are scored.
    bool thinlyScored() const { return scoredFactors * 2 < weightedFactors; }
};

struct RoiResult
{
    std::vector<ScoredAccount> workList; // the scored accounts, ranked (EV, then L, then name)
    std::vector<int> unscored; // account rows that need scoring, by name
    Minor potentialThreshold = 0; // R* used
    bool thresholdIsMedian = true;
    double likelihoodThreshold = 0.5; // L* used
    std::array<int, 4> quadrantCounts{}; // by Quadrant
    int belowFloor = 0;
    int capacity = 0; // active opportunities the scope's reps can carry
    int withinCapacity = 0; // the first rows of workList that fit in it (see evaluate())
};

// The contributions of a scored account's factors under the profile it was evaluated with
// (ScoredAccount::profile; equal weights when none applied).
std::vector<double> contributions(const ScoringModel &model, const ScoreMatrix &scores,
                                  const ScoredAccount &account);

// Evaluates the accounts `rows` of `view` (a scope). The work list's capacity line: going down
// the ranked list, each account takes as many units of `capacity` as it has open
// opportunities, at least one (working an account is at least one active pursuit);
// withinCapacity counts the accounts before the one that no longer fits.
RoiResult evaluate(const BookView &view, std::span<const int> rows, const ScoringModel &model,
                   const ScoreMatrix &scores, const RoiSettings &settings, int capacity);

// A rep's active opportunities (open ones they own) against their capacity (their own, else the
// book's default).
struct RepLoad
{
    int rep = -1; // index into BookView::reps
    int active = 0;
    int capacity = 0;
};
// The reps among `reps` (indexes) who carry more than their capacity, most over first.
std::vector<RepLoad> repsOverCapacity(const BookView &view, std::span<const int> reps);

} // namespace tp::roi
