#pragma once

// Booleans: true/false, yes/no, y/n and 1/0, in any letter case (TRUE, Yes, n), after trimming
// (see common.h). Empty is no value. Anything else is rejected: no guessing from "on", "x" or
// "-". Nothing is decided per column; BooleanColumn only counts, for the preview.

#include "common.h"

namespace tp::values {

struct BooleanFormat
{
    qint64 values = 0; // non-empty
    qint64 trueCount = 0;
    qint64 falseCount = 0;
    qint64 rejected = 0;
    std::string rejectedExample;
};

class BooleanColumn
{
public:
    void observe(std::string_view value);
    void merge(const BooleanColumn &other);
    BooleanFormat decide() const { return m_format; }

private:
    BooleanFormat m_format;
};

Result<bool> parseBoolean(std::string_view value);
inline Result<bool> parseBoolean(std::string_view value, const BooleanFormat &)
{
    return parseBoolean(value);
}

} // namespace tp::values
