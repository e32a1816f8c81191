// libFuzzer target for the streaming CSV reader (core/csv).
//
// The first byte picks options (a forced encoding, a forced delimiter, a tiny block size); the
// rest is the file. Besides "never crash", it checks what must hold for any input:
// - every field is valid UTF-8 without NUL;
// - the records and the error (line, column) do not depend on the block size;
// - rewind() gives the same records again;
// - a bounded encoding check (Options::encodingCheckBytes) that says the encoding is settled
//   decided as the whole-file check does;
// - the evidence of a file that is not UTF-8 throughout is consistent: the places it keeps are
//   within its count of bad bytes, on lines and columns from 1, and a file read as
//   Windows-1252 without being told writes no UTF-8 character.
#include "csv/reader.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace {

struct Outcome
{
    std::vector<std::vector<std::string>> records;
    std::vector<qint64> lines;
    std::optional<std::pair<qint64, int>> error; // line, column
    bool operator==(const Outcome &) const = default;
};

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool isCleanUtf8(std::string_view text)
{
    tp::csv::Utf8Validator validator;
    return validator.feed(text.data(), text.size()) && validator.finish() && !validator.sawNul();
}

Outcome readAll(tp::csv::Reader &reader)
{
    Outcome outcome;
    tp::csv::Record record;
    try {
        while (reader.next(record)) {
            check(record.line >= 1);
            check(outcome.lines.empty() || record.line > outcome.lines.back());
            auto &copy = outcome.records.emplace_back();
            for (const std::string_view field : record.fields) {
                check(isCleanUtf8(field));
                copy.emplace_back(field);
            }
            outcome.lines.push_back(record.line);
        }
    } catch (const tp::csv::ParseError &e) {
        check(e.line() >= 1 && e.column() >= 1);
        check(!e.message().isEmpty());
        outcome.error = std::make_pair(e.line(), e.column());
    }
    check(reader.bytesRead() <= reader.totalBytes());
    return outcome;
}

std::optional<Outcome> read(const QByteArray &bytes, const tp::csv::Options &options)
{
    try {
        tp::csv::Reader reader =
                tp::csv::Reader::fromBytes(bytes, QStringLiteral("fuzz.csv"), options);
        Outcome first = readAll(reader);
        if (bytes.size() < 4096) {
            reader.rewind();
            check(readAll(reader) == first);
        }
        return first;
    } catch (const tp::csv::ParseError &) {
        throw; // only next() may throw a ParseError
    } catch (const tp::InputError &) {
        return std::nullopt; // e.g. a forced delimiter that cannot be one
    }
}

std::optional<tp::csv::Dialect> dialectOf(const QByteArray &bytes, const tp::csv::Options &options)
{
    try {
        return tp::csv::Reader::fromBytes(bytes, QStringLiteral("fuzz.csv"), options).dialect();
    } catch (const tp::InputError &) {
        return std::nullopt;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t control = data[0];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    tp::csv::Options options;
    if (control & 0x07 && (control & 0x07) <= 5)
        options.encoding = tp::csv::Encoding((control & 0x07) - 1);
    if (control & 0x18) {
        static constexpr char delimiters[] = { ',', ';', '\t', '|' };
        options.delimiter = delimiters[(control >> 3) & 0x03];
    }
    options.maxRecordBytes = 1 << 16; // errors for long records, not slow runs

    const std::optional<Outcome> whole = read(bytes, options);
    tp::csv::Options bounded = options;
    bounded.encodingCheckBytes = 1 + (control >> 5) * 4; // 1..29 bytes
    const std::optional<tp::csv::Dialect> wholeDialect = dialectOf(bytes, options);
    const std::optional<tp::csv::Dialect> boundedDialect = dialectOf(bytes, bounded);
    check(wholeDialect.has_value() == boundedDialect.has_value());
    if (wholeDialect && wholeDialect->evidence) {
        const tp::csv::EncodingEvidence &e = *wholeDialect->evidence;
        // Evidence is gathered for bytes that are not UTF-8, or for NULs in a UTF-8 file.
        check((e.badBytes > 0 || e.nuls > 0) && e.firstBad.size() <= std::size_t(e.badBytes)
              && e.firstBad.size() <= tp::csv::EncodingEvidence::placesKept);
        check((e.nuls > 0) == e.firstNul.has_value());
        if (e.firstNul)
            check(e.firstNul->line >= 1 && e.firstNul->column >= 1);
        for (const auto &place : e.firstBad)
            check(place.line >= 1 && place.column >= 1 && place.byte >= 0x80);
        if (!options.encoding && wholeDialect->encoding == tp::csv::Encoding::Windows1252)
            check(e.utf8Characters == 0);
    }
    if (wholeDialect && boundedDialect) {
        check(wholeDialect->encodingSettled);
        if (boundedDialect->encodingSettled) {
            check(boundedDialect->encoding == wholeDialect->encoding);
            check(boundedDialect->delimiter == wholeDialect->delimiter);
            check(boundedDialect->sepLine == wholeDialect->sepLine);
        } else {
            // Read as UTF-8 so far, or as Windows-1252 while no UTF-8 character was seen.
            check(!options.encoding
                  && (boundedDialect->encoding == tp::csv::Encoding::Utf8
                      || boundedDialect->encoding == tp::csv::Encoding::Windows1252));
        }
        read(bytes, bounded); // its fields are clean UTF-8 too
    }
    options.blockSize = 1 + (control >> 5); // 1..8 bytes: every boundary gets hit
    const std::optional<Outcome> pieces = read(bytes, options);
    check(whole.has_value() == pieces.has_value());
    // Whether a record over the limit is noticed depends on the block size; below a third of
    // the limit (a byte decodes to at most 3 bytes of UTF-8) no record can reach it.
    if (whole && pieces && bytes.size() < (1 << 14))
        check(*whole == *pieces);
    return 0;
}
