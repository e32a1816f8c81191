#pragma once

// Finds the dialect of a CSV text from its beginning: Excel's `sep=` line, or else the
// delimiter that splits the first records most consistently.

#include <cstddef>
#include <optional>
#include <string_view>

namespace tp::csv {

// Excel's first line `sep=;` (also quoted, `"sep=;"`, and in any case): the delimiter it
// names. `atEnd`: `text` is the whole file, so the line may end without a line break.
std::optional<char> parseSepLine(std::string_view text, bool atEnd);

// The candidates, in the order that breaks ties.
inline constexpr char delimiterCandidates[] = { ',', ';', '\t', '|' };

// Picks the delimiter among `,` `;` tab `|` by parsing the first records of `sample` (UTF-8)
// with each, quote-aware: a candidate that leaves text after a closing quote loses; then the
// most records sharing one field count above 1, then the larger field count. `,` if none splits
// anything. `complete`: the sample is the whole text, so its last record counts too.
char sniffDelimiter(std::string_view sample, bool complete);

} // namespace tp::csv
