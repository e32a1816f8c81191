#include "gateways.h"

#include <algorithm>

namespace tp::gateways {

Standing standing(Stage stage, std::span<const StageCriterion> criteria, std::span<const Id> ticked)
{
    Standing result;
    if (!isOpenStage(stage))
        return result;
    for (const StageCriterion &c : criteria) {
        if (int(c.stage) > int(stage))
            continue;
        ++result.total;
        const bool met = std::find(ticked.begin(), ticked.end(), c.id) != ticked.end();
        if (met)
            ++result.met;
        else if (int(c.stage) < int(stage))
            result.missed.push_back(c);
    }
    return result;
}

} // namespace tp::gateways
