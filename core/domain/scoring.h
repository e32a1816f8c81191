#pragma once

#include "entities.h"
#include "money.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace tp {

// An engagement factor (METRICS "Accounts"), scored 0..5 per account.
struct EngagementFactor
{
    Id id = 0;
    QString name;
    QString description;

    bool operator==(const EngagementFactor &) const = default;
};

// What a weight profile is attached to. The most specific match applies to an account:
// size band beats industry beats territory beats the book default.
enum class SegmentKind { Book, Territory, Industry, SizeBand };

QString segmentKindKey(SegmentKind kind); // "book", "territory", "industry", "size_band"
std::optional<SegmentKind> segmentKindFromKey(const QString &key);

struct WeightProfile
{
    Id id = 0;
    QString name;
    SegmentKind kind = SegmentKind::Book;
    QString segment; // the territory's name, the industry or the size band; empty for the book
    std::vector<double> weights; // per factor, in the order of ScoringModel::factors

    bool operator==(const WeightProfile &) const = default;
};

// The factors in their order and the profiles; weights absent from the book are 0.
struct ScoringModel
{
    std::vector<EngagementFactor> factors;
    std::vector<WeightProfile> profiles;

    bool operator==(const ScoringModel &) const = default;
};

// One account's score for one factor; nullopt: not scored (which is not 0).
struct ScoreEdit
{
    Id account = 0;
    Id factor = 0;
    std::optional<int> score;

    bool operator==(const ScoreEdit &) const = default;
};

// Everything the book holds of an engagement factor: enough to put it back after its removal.
struct FactorRecord
{
    EngagementFactor factor;
    int index = 0; // among the factors, 0-based
    std::vector<std::pair<Id, double>> weights; // profile → weight
    std::vector<std::pair<Id, int>> scores; // account → score

    bool operator==(const FactorRecord &) const = default;
};

// A weight profile with its weights: enough to put it back after its removal.
struct ProfileRecord
{
    Id id = 0;
    QString name;
    SegmentKind kind = SegmentKind::Book;
    QString segment;
    std::vector<std::pair<Id, double>> weights; // factor → weight

    bool operator==(const ProfileRecord &) const = default;
};

// The ROI settings of METRICS "Accounts", kept in the book.
struct RoiSettings
{
    double likelihoodThreshold = 0.5; // L*
    std::optional<Minor> potentialThreshold; // R*; unset: the median of the scored accounts
    double floorLikelihood = 0.2;
    Minor floorPotential = 0; // R_min

    bool operator==(const RoiSettings &) const = default;
};

// The scores of a set of accounts (the rows of a BookView), row by row: 0..5, or -1 when the
// factor is not scored ("not scored" is not 0).
struct ScoreMatrix
{
    int factorCount = 0;
    std::vector<std::int8_t> values; // rows × factorCount

    std::int8_t at(int row, int factor) const
    {
        return values[std::size_t(row) * std::size_t(factorCount) + std::size_t(factor)];
    }
    const std::int8_t *row(int row) const
    {
        return values.data() + std::size_t(row) * std::size_t(factorCount);
    }

    bool operator==(const ScoreMatrix &) const = default;
};

// The `rows` accounts' `scores` (laid out by `from`'s factors) laid out by `to`'s: a factor's
// column follows it by id; a factor `from` lacks is not scored.
ScoreMatrix remapScores(const ScoreMatrix &scores, std::size_t rows, const ScoringModel &from,
                        const ScoringModel &to);

} // namespace tp
