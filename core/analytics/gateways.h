#pragma once

#include "domain/review.h"

#include <span>
#include <vector>

namespace tp::gateways {

// docs/METRICS.md, "Stages": each stage's gateway criteria are what a deal must meet to leave
// it. A deal *misses a gateway* when a criterion of a stage before its own is not ticked: it
// went on without it ("in Propose, but the proof the buyer wants was never agreed"). The
// criteria of its own stage are its to-do, not a miss. Closed deals miss nothing.
struct Standing
{
    int met = 0; // criteria ticked among those of its stages so far (before and its own)
    int total = 0;
    std::vector<StageCriterion> missed; // of the stages before its own, in order
};

// `criteria` by stage and position (ReviewRepository::criteria); `ticked` the ids of the
// criteria the deal meets.
Standing standing(Stage stage, std::span<const StageCriterion> criteria,
                  std::span<const Id> ticked);

} // namespace tp::gateways
