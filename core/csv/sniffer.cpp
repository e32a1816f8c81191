#include "sniffer.h"

#include <map>
#include <vector>

namespace tp::csv {

namespace {

constexpr std::size_t maxRecords = 50;

struct Tally
{
    bool error = false; // text after a closing quote
    std::vector<int> fieldCounts; // per record
};

bool isLineEnd(char c)
{
    return c == '\r' || c == '\n';
}

Tally tally(std::string_view s, char delimiter, bool complete)
{
    Tally t;
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (t.fieldCounts.size() < maxRecords) {
        while (i < n && isLineEnd(s[i]))
            ++i;
        if (i >= n)
            break;
        int fields = 1;
        for (;;) {
            if (s[i] == '"') {
                bool closed = false;
                for (++i; i < n; ++i) {
                    if (s[i] != '"')
                        continue;
                    if (i + 1 < n && s[i + 1] == '"') {
                        ++i;
                        continue;
                    }
                    closed = i + 1 < n || complete;
                    ++i;
                    break;
                }
                if (!closed) {
                    // The sample ends inside this record: count it only if it is all we have.
                    if (t.fieldCounts.empty())
                        t.fieldCounts.push_back(fields);
                    return t;
                }
                while (i < n && (s[i] == ' ' || s[i] == '\t') && s[i] != delimiter)
                    ++i;
                t.error = t.error || (i < n && s[i] != delimiter && !isLineEnd(s[i]));
            }
            while (i < n && s[i] != delimiter && !isLineEnd(s[i]))
                ++i;
            if (i >= n && !complete) {
                if (t.fieldCounts.empty())
                    t.fieldCounts.push_back(fields);
                return t;
            }
            if (i < n && s[i] == delimiter) {
                ++fields;
                ++i;
                continue;
            }
            break;
        }
        t.fieldCounts.push_back(fields);
    }
    return t;
}

struct Score
{
    bool clean = false;
    std::size_t consistent = 0; // records with the most frequent field count (above 1)
    int fields = 0; // that field count

    bool operator>(const Score &o) const
    {
        if (clean != o.clean)
            return clean;
        if (consistent != o.consistent)
            return consistent > o.consistent;
        return fields > o.fields;
    }
};

Score score(const Tally &t)
{
    std::map<int, std::size_t> frequency;
    for (const int count : t.fieldCounts) {
        if (count > 1)
            ++frequency[count];
    }
    Score s;
    s.clean = !t.error;
    for (const auto &[fields, records] : frequency) {
        if (records >= s.consistent) {
            s.consistent = records;
            s.fields = fields;
        }
    }
    return s;
}

} // namespace

std::optional<char> parseSepLine(std::string_view text, bool atEnd)
{
    std::size_t i = 0;
    const bool quoted = !text.empty() && text[0] == '"';
    i += quoted;
    if (text.size() < i + 5)
        return std::nullopt;
    const std::string_view key = text.substr(i, 4);
    if ((key[0] | 0x20) != 's' || (key[1] | 0x20) != 'e' || (key[2] | 0x20) != 'p' || key[3] != '=')
        return std::nullopt;
    const char delimiter = text[i + 4];
    const auto byte = static_cast<unsigned char>(delimiter);
    if (byte == 0 || byte >= 0x80 || delimiter == '"' || isLineEnd(delimiter))
        return std::nullopt;
    i += 5;
    if (quoted) {
        if (i >= text.size() || text[i] != '"')
            return std::nullopt;
        ++i;
    }
    if (i < text.size() ? isLineEnd(text[i]) : atEnd)
        return delimiter;
    return std::nullopt;
}

char sniffDelimiter(std::string_view sample, bool complete)
{
    char best = ',';
    Score bestScore;
    for (const char candidate : delimiterCandidates) {
        const Score s = score(tally(sample, candidate, complete));
        if (s.consistent > 0 && s > bestScore) {
            best = candidate;
            bestScore = s;
        }
    }
    return best;
}

} // namespace tp::csv
