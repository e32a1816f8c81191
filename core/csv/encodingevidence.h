#pragma once

// Why a file without byte order mark is not UTF-8 throughout, so that the reader can decide
// per file with evidence instead of guessing (issue 16, item 3).

#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace tp::csv {

// What a pass over the bytes found: how many bytes are not UTF-8, how many characters are
// written the UTF-8 way, and where the first bad bytes are. Bad bytes and no UTF-8 character:
// the file is Windows-1252 (its accented letters are single bytes). Both: the file is mostly
// UTF-8 with a few bad bytes (a cell pasted from elsewhere, two files joined), which only the
// user can settle; guessing either way spoils one part of the text.
struct EncodingEvidence
{
    struct Place
    {
        qint64 line = 0; // physical line, 1-based, as the reader counts them
        int column = 0; // the CSV column (field), 1-based
        std::uint8_t byte = 0;
    };
    static constexpr std::size_t placesKept = 3;

    qint64 badBytes = 0;
    qint64 utf8Characters = 0; // multi-byte characters
    std::vector<Place> firstBad;
    // NUL bytes, which the reader drops (they carry no text), and where the first one is.
    qint64 nuls = 0;
    std::optional<Place> firstNul;

    bool mixed() const { return badBytes > 0 && utf8Characters > 0; }
    bool windows1252() const { return badBytes > 0 && utf8Characters == 0; }
};

// Collects EncodingEvidence over text fed block by block (blocks may split a character).
// Columns are counted by `delimiter` outside double quotes, as the CSV reader splits fields.
class EvidenceScanner
{
public:
    explicit EvidenceScanner(char delimiter) : m_delimiter(delimiter) { }
    void feed(const char *data, std::size_t size);
    // The end of the text: a character left incomplete is a bad byte.
    const EncodingEvidence &finish();
    // What the text so far shows (a character cut by the end of a bounded check is not bad).
    const EncodingEvidence &evidence() const { return m_evidence; }

private:
    void bad(std::uint8_t byte);
    void advance(std::uint8_t c); // line, column and quote state for an ASCII byte

    EncodingEvidence m_evidence;
    char m_delimiter;
    qint64 m_line = 1;
    int m_column = 1;
    bool m_quoted = false;
    bool m_afterCr = false;
    std::uint8_t m_need = 0;
    std::uint8_t m_lower = 0x80;
    std::uint8_t m_upper = 0xBF;
    std::uint8_t m_pending[4] = {};
    std::uint8_t m_pendingLength = 0;
};

} // namespace tp::csv
