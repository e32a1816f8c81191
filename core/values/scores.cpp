#include "scores.h"

#include <QCoreApplication>

namespace tp::values {

Result<int> parseScore(std::string_view value)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return Result<int>::empty();
    std::size_t i = 1;
    bool ok = t[0] >= '0' && t[0] <= '5';
    if (ok && i < t.size() && (t[i] == '.' || t[i] == ',')) {
        ++i;
        ok = i < t.size();
        while (i < t.size() && t[i] == '0')
            ++i;
    }
    if (ok && i == t.size())
        return Result<int>::of(t[0] - '0');
    return Result<int>::invalid(
            QCoreApplication::translate("tp::values",
                                        "expected a score from 0 to 5 (or nothing: not scored), "
                                        "found %1")
                    .arg(quoted(t)));
}

} // namespace tp::values
