#include "textcolumn.h"

namespace tp {

void TextColumn::reserve(std::size_t rows, std::size_t bytes)
{
    m_offsets.reserve(rows);
    m_raw.reserve(bytes);
    m_folded.reserve(bytes);
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
    const QByteArray folded = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()))
                                      .toCaseFolded()
                                      .toUtf8();
    return std::string(folded.constData(), std::size_t(folded.size()));
}

void TextColumn::append(std::string_view utf8)
{
    Span span;
    span.raw = std::uint32_t(m_raw.size());
    span.rawLength = std::uint32_t(utf8.size());
    m_raw.append(utf8);
    span.folded = std::uint32_t(m_folded.size());
    m_folded.resize(m_folded.size() + utf8.size());
    char *out = m_folded.data() + span.folded;
    unsigned char high = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        high |= static_cast<unsigned char>(c);
        out[i] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    }
    if (high & 0x80) {
        m_folded.resize(span.folded);
        m_folded.append(fold(utf8));
    }
    span.foldedLength = std::uint32_t(m_folded.size() - span.folded);
    m_offsets.push_back(span);
}

void TextColumn::set(std::size_t row, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const std::string_view view(utf8.constData(), std::size_t(utf8.size()));
    Span &span = m_offsets[row];
    span.raw = std::uint32_t(m_raw.size());
    span.rawLength = std::uint32_t(view.size());
    m_raw.append(view);
    const std::string f = fold(view);
    span.folded = std::uint32_t(m_folded.size());
    span.foldedLength = std::uint32_t(f.size());
    m_folded.append(f);
}

void TextColumn::appendAll(const TextColumn &other)
{
    const auto raw = std::uint32_t(m_raw.size());
    const auto folded = std::uint32_t(m_folded.size());
    m_raw.append(other.m_raw);
    m_folded.append(other.m_folded);
    m_offsets.reserve(m_offsets.size() + other.m_offsets.size());
    for (Span span : other.m_offsets) {
        span.raw += raw;
        span.folded += folded;
        m_offsets.push_back(span);
    }
}

QString TextColumn::at(std::size_t row) const
{
    const auto v = utf8(row);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

std::string_view TextColumn::utf8(std::size_t row) const
{
    const Span &s = m_offsets[row];
    return std::string_view(m_raw).substr(s.raw, s.rawLength);
}

std::string_view TextColumn::folded(std::size_t row) const
{
    const Span &s = m_offsets[row];
    return std::string_view(m_folded).substr(s.folded, s.foldedLength);
}

} // namespace tp
