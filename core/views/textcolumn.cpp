#include "textcolumn.h"

#include "hugepages.h"

namespace tp {

TextColumn::Arena &TextColumn::last()
{
    if (m_arenas.empty())
        m_arenas.emplace_back();
    return m_arenas.back();
}

void TextColumn::reserve(std::size_t rows, std::size_t bytes)
{
    m_spans.reserve(rows);
    Arena &arena = last();
    arena.raw.reserve(bytes);
    arena.folded.reserve(bytes);
    adviseHugePages(m_spans.data(), m_spans.capacity() * sizeof(Span));
    adviseHugePages(arena.raw.data(), arena.raw.capacity());
    adviseHugePages(arena.folded.data(), arena.folded.capacity());
}

std::string TextColumn::fold(std::string_view utf8)
{
    bool ascii = true;
    for (char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        std::string out(utf8);
        for (char &c : out) {
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        }
        return out;
    }
    const QByteArray folded =
            QString::fromUtf8(utf8.data(), qsizetype(utf8.size())).toCaseFolded().toUtf8();
    return std::string(folded.constData(), std::size_t(folded.size()));
}

TextColumn::Span TextColumn::appendTo(std::size_t index, std::string_view utf8)
{
    Arena &arena = m_arenas[index];
    Span span;
    span.arena = std::uint32_t(index);
    span.raw = std::uint32_t(arena.raw.size());
    span.rawLength = std::uint32_t(utf8.size());
    arena.raw.append(utf8);
    span.folded = std::uint32_t(arena.folded.size());
    // ASCII folds in place; anything else goes through Qt's full case folding.
    arena.folded.resize(arena.folded.size() + utf8.size());
    char *out = arena.folded.data() + span.folded;
    unsigned char high = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        high |= static_cast<unsigned char>(c);
        out[i] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    }
    if (high & 0x80) {
        arena.folded.resize(span.folded);
        arena.folded.append(fold(utf8));
    }
    span.foldedLength = std::uint32_t(arena.folded.size() - span.folded);
    return span;
}

void TextColumn::append(std::string_view utf8)
{
    last();
    m_spans.push_back(appendTo(m_arenas.size() - 1, utf8));
}

void TextColumn::set(std::size_t row, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    last();
    m_spans[row] = appendTo(m_arenas.size() - 1,
                            std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

void TextColumn::appendAll(TextColumn &&other)
{
    if (other.m_arenas.empty())
        return;
    if (m_arenas.size() + other.m_arenas.size() > maxArenas) {
        // Out of arena slots (many joins): copy the text instead.
        for (std::size_t row = 0; row < other.size(); ++row)
            append(other.utf8(row));
        return;
    }
    const auto first = std::uint32_t(m_arenas.size());
    for (Arena &arena : other.m_arenas)
        m_arenas.push_back(std::move(arena));
    m_spans.reserve(m_spans.size() + other.m_spans.size());
    for (Span span : other.m_spans) {
        span.arena = span.arena + first;
        m_spans.push_back(span);
    }
    other = TextColumn();
}

QString TextColumn::at(std::size_t row) const
{
    const auto v = utf8(row);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

std::string_view TextColumn::utf8(std::size_t row) const
{
    const Span &s = m_spans[row];
    return std::string_view(m_arenas[s.arena].raw).substr(s.raw, s.rawLength);
}

std::string_view TextColumn::folded(std::size_t row) const
{
    const Span &s = m_spans[row];
    return std::string_view(m_arenas[s.arena].folded).substr(s.folded, s.foldedLength);
}

} // namespace tp
