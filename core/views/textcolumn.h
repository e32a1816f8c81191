#pragma once

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace tp {

// A column of strings kept as one UTF-8 arena plus a case-folded twin for search and sort:
// a million names cost two allocations, and a substring search is a plain byte scan.
class TextColumn
{
public:
    void reserve(std::size_t rows, std::size_t bytes);
    void append(std::string_view utf8);
    void set(std::size_t row, const QString &text); // rare edits: rebuilds nothing, appends
    void appendAll(const TextColumn &other);
    std::size_t size() const { return m_offsets.size(); }

    QString at(std::size_t row) const;
    std::string_view utf8(std::size_t row) const;
    std::string_view folded(std::size_t row) const;

    static std::string fold(std::string_view utf8);

private:
    struct Span
    {
        std::uint32_t raw = 0, rawLength = 0, folded = 0, foldedLength = 0;
    };
    std::string m_raw;
    std::string m_folded;
    std::vector<Span> m_offsets;
};

} // namespace tp
