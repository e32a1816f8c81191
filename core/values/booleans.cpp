#include "booleans.h"

#include <QCoreApplication>

namespace tp::values {

namespace {

enum class Truth : std::uint8_t { Unknown, True, False };

Truth truthOf(std::string_view t)
{
    using detail::equalsIgnoringCase;
    for (const std::string_view yes : { "true", "yes", "y", "1" }) {
        if (equalsIgnoringCase(t, yes))
            return Truth::True;
    }
    for (const std::string_view no : { "false", "no", "n", "0" }) {
        if (equalsIgnoringCase(t, no))
            return Truth::False;
    }
    return Truth::Unknown;
}

} // namespace

void BooleanColumn::observe(std::string_view value)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return;
    ++m_format.values;
    switch (truthOf(t)) {
    case Truth::True:
        ++m_format.trueCount;
        break;
    case Truth::False:
        ++m_format.falseCount;
        break;
    case Truth::Unknown:
        ++m_format.rejected;
        keepExample(m_format.rejectedExample, t);
        break;
    }
}

void BooleanColumn::merge(const BooleanColumn &other)
{
    m_format.values += other.m_format.values;
    m_format.trueCount += other.m_format.trueCount;
    m_format.falseCount += other.m_format.falseCount;
    m_format.rejected += other.m_format.rejected;
    keepExample(m_format.rejectedExample, other.m_format.rejectedExample);
}

Result<bool> parseBoolean(std::string_view value)
{
    const std::string_view t = trimmed(value);
    if (t.empty())
        return Result<bool>::empty();
    switch (truthOf(t)) {
    case Truth::True:
        return Result<bool>::of(true);
    case Truth::False:
        return Result<bool>::of(false);
    case Truth::Unknown:
        break;
    }
    return Result<bool>::invalid(
            QCoreApplication::translate("tp::values",
                                        "expected yes/no, true/false or 1/0, found %1")
                    .arg(quoted(t)));
}

} // namespace tp::values
