#include "encodingevidence.h"

namespace tp::csv {

namespace {

// The number of continuation bytes after lead byte `b` (-1: not a lead byte), and the range
// allowed for the first of them (no overlong forms, surrogates or code points > U+10FFFF).
int leadLength(std::uint8_t b, std::uint8_t &lower, std::uint8_t &upper)
{
    lower = 0x80;
    upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        return 1;
    if (b == 0xE0) {
        lower = 0xA0;
        return 2;
    }
    if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
        return 2;
    if (b == 0xED) {
        upper = 0x9F;
        return 2;
    }
    if (b == 0xF0) {
        lower = 0x90;
        return 3;
    }
    if (b >= 0xF1 && b <= 0xF3)
        return 3;
    if (b == 0xF4) {
        upper = 0x8F;
        return 3;
    }
    return -1;
}

} // namespace

void EvidenceScanner::bad(std::uint8_t byte)
{
    ++m_evidence.badBytes;
    if (m_evidence.firstBad.size() < EncodingEvidence::placesKept)
        m_evidence.firstBad.push_back({ m_line, m_column, byte });
}

void EvidenceScanner::advance(std::uint8_t c)
{
    if (c == '\n') {
        if (!m_afterCr)
            ++m_line;
        m_afterCr = false;
        if (!m_quoted)
            m_column = 1;
        return;
    }
    m_afterCr = c == '\r';
    if (c == '\r') {
        ++m_line;
        if (!m_quoted)
            m_column = 1;
    } else if (c == '"') {
        m_quoted = !m_quoted; // a doubled quote toggles twice
    } else if (c == std::uint8_t(m_delimiter) && !m_quoted) {
        ++m_column;
    }
}

void EvidenceScanner::feed(const char *data, std::size_t size)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(data);
    const auto *const end = p + size;
    for (; p < end; ++p) {
        const std::uint8_t c = *p;
        if (m_need > 0) {
            if (c >= m_lower && c <= m_upper) {
                m_pending[m_pendingLength++] = c;
                m_lower = 0x80;
                m_upper = 0xBF;
                if (--m_need == 0) {
                    ++m_evidence.utf8Characters;
                    m_pendingLength = 0;
                }
                continue;
            }
            // The sequence breaks off: its lead byte is the bad one (what follows it is read
            // afresh, as a decoder would).
            bad(m_pending[0]);
            m_need = 0;
            m_pendingLength = 0;
            m_lower = 0x80;
            m_upper = 0xBF;
        }
        if (c < 0x80) {
            if (c == 0 && m_evidence.nuls++ == 0)
                m_evidence.firstNul = EncodingEvidence::Place{ m_line, m_column, 0 };
            advance(c);
            continue;
        }
        m_afterCr = false;
        const int need = leadLength(c, m_lower, m_upper);
        if (need < 0) {
            bad(c);
            continue;
        }
        m_need = std::uint8_t(need);
        m_pending[0] = c;
        m_pendingLength = 1;
    }
}

const EncodingEvidence &EvidenceScanner::finish()
{
    if (m_need > 0) {
        bad(m_pending[0]);
        m_need = 0;
        m_pendingLength = 0;
    }
    return m_evidence;
}

} // namespace tp::csv
