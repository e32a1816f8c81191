#pragma once

// Engagement scores (METRICS "Accounts"): a whole number from 0 to 5, after trimming (see
// common.h); "4.0" and "4,00" are 4, as spreadsheets write them. Empty is no value: the factor
// is not scored, which is not 0. Anything else (6, -1, 2.5, "high") is rejected.

#include "common.h"

namespace tp::values {

Result<int> parseScore(std::string_view value);

} // namespace tp::values
