#pragma once

#include "pipelinehealth.h"

#include <optional>
#include <vector>

namespace tp::health {

// The team's line under the reps (METRICS "Coverage" and "Key metrics" for the team scope).
struct TeamLine
{
    std::optional<Minor> quota; // the reps' quotas for the period summed; nullopt when none has one
    Minor wonInPeriod = 0; // every deal won in the period (W), owned or not
    std::optional<double> attainment; // W / T, undefined without a target
    Minor openAmount = 0; // the team's open pipeline in the book's currency
    qint64 active = 0; // open deals owned by a rep
    qint64 capacity = 0; // the reps' capacities summed
    // What the team's figures hold beyond the reps' own: deals nobody owns.
    qint64 unassignedOpen = 0;
    Minor unassignedOpenAmount = 0;
    Minor unassignedWonInPeriod = 0;
};

// The Reps & quotas table: every rep of the book (by rep index) with the figures the team's
// report gives it, zero for a rep who owns no deal, and the team's line.
struct RepTable
{
    std::vector<RepFigures> reps; // reps[i].rep == i
    TeamLine team;
};

// `team` must be the report of the team scope (no rep, no territory) for the period wanted.
RepTable repTable(const BookView &view, const HealthReport &team);

} // namespace tp::health
