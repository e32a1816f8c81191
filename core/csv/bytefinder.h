#pragma once

// The reader's inner loop: find the next of three special bytes (delimiter or quote, CR, LF)
// sixteen bytes at a time with SSE2, or through a byte table elsewhere.

#include <array>
#include <bit>
#include <cstddef>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define TP_CSV_SSE2 1
#endif

namespace tp::csv {

// Reads up to 15 bytes past `end` (the reader pads its buffer by `padding` bytes), but never
// reports a position at or after `end`.
class ByteFinder
{
public:
    static constexpr std::size_t padding = 16;

    ByteFinder(char a, char b, char c)
    {
#ifdef TP_CSV_SSE2
        m_a = _mm_set1_epi8(a);
        m_b = _mm_set1_epi8(b);
        m_c = _mm_set1_epi8(c);
#else
        m_table.fill(false);
        for (const char x : { a, b, c })
            m_table[static_cast<unsigned char>(x)] = true;
#endif
    }

    // The first position in [p, end) holding one of the three bytes, or `end`.
    const char *find(const char *p, const char *end) const
    {
#ifdef TP_CSV_SSE2
        while (p < end) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i hits =
                    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, m_a), _mm_cmpeq_epi8(v, m_b)),
                                 _mm_cmpeq_epi8(v, m_c));
            const int mask = _mm_movemask_epi8(hits);
            if (mask != 0) {
                const char *hit = p + std::countr_zero(unsigned(mask));
                return hit < end ? hit : end;
            }
            p += 16;
        }
        return end;
#else
        while (p < end && !m_table[static_cast<unsigned char>(*p)])
            ++p;
        return p;
#endif
    }

private:
#ifdef TP_CSV_SSE2
    __m128i m_a;
    __m128i m_b;
    __m128i m_c;
#else
    std::array<bool, 256> m_table;
#endif
};

} // namespace tp::csv
