#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tp {

// A column of strings kept in UTF-8 arenas plus a case-folded twin for search and sort: a
// million names cost a few allocations, and a substring search is a plain byte scan. Columns
// read in parallel are joined by moving their arenas, never by copying the text.
class TextColumn
{
public:
    void reserve(std::size_t rows, std::size_t bytes);
    void append(std::string_view utf8);
    void set(std::size_t row, const QString &text); // rare edits: appends, rebuilds nothing
    void appendAll(TextColumn &&other);
    std::size_t size() const { return m_spans.size(); }

    QString at(std::size_t row) const;
    std::string_view utf8(std::size_t row) const;
    std::string_view folded(std::size_t row) const;

    static std::string fold(std::string_view utf8);

private:
    struct Arena
    {
        std::string raw;
        std::string folded;
    };
    struct Span
    {
        std::uint32_t raw = 0, folded = 0, rawLength = 0;
        std::uint32_t foldedLength : 28 = 0;
        std::uint32_t arena : 4 = 0;
    };
    static constexpr std::size_t maxArenas = 16;

    Arena &last();
    Span appendTo(std::size_t arena, std::string_view utf8);

    std::vector<Arena> m_arenas;
    std::vector<Span> m_spans;
};

} // namespace tp
