#pragma once

#include "entities.h"

#include <QDate>
#include <QString>

#include <optional>

namespace tp {

// docs/METRICS.md, "One-on-one reviews": a review is a rep (none: the whole team), a date, notes
// and commitments.
struct Review
{
    Id id = 0;
    std::optional<Id> rep; // none: a team review
    QDate heldOn;
    QString notes;
    bool operator==(const Review &) const = default;
};

enum class CommitmentStatus : int { Open = 0, Done = 1, NotDone = 2, Dropped = 3 };
inline constexpr int commitmentStatusCount = 4;
// Stable English keys for exports (open, done, not_done, dropped), and the translated names
// the page and the pack show (Open, Done, Not done, Dropped).
QString commitmentStatusKey(CommitmentStatus status);
QString commitmentStatusName(CommitmentStatus status);

// A commitment made in a review, optionally tied to a deal or an account. An open one is carried
// into the rep's next reviews until one of them settles it (its status and `settledIn`).
struct Commitment
{
    Id id = 0;
    Id review = 0; // where it was made
    QString text;
    std::optional<Id> opportunity;
    std::optional<Id> account;
    QDate due; // invalid: none
    CommitmentStatus status = CommitmentStatus::Open;
    std::optional<Id> settledIn; // the review that gave it its status (none while open)
    bool operator==(const Commitment &) const = default;
};

// A rep's record: how many of the commitments settled (done or not done) were kept (done).
// Dropped and open ones count in neither.
struct CommitmentRecord
{
    int kept = 0;
    int made = 0;
    bool operator==(const CommitmentRecord &) const = default;
};

// METRICS "Stages": one gateway criterion of a stage, and whether a deal meets it.
struct StageCriterion
{
    Id id = 0;
    Stage stage = Stage::Qualify;
    int position = 0;
    QString text;
    bool operator==(const StageCriterion &) const = default;
};

struct CriterionTick
{
    Id opportunity = 0;
    Id criterion = 0;
    QDate checkedOn; // invalid: not ticked
    bool operator==(const CriterionTick &) const = default;
};

} // namespace tp
