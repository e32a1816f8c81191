#include "reader.h"

#include "csv/bytefinder.h"
#include "csv/bytesource.h"
#include "csv/sniffer.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cstring>
#include <limits>

namespace tp::csv {

namespace {

constexpr qint64 headBytes = 4 << 10; // enough to see a BOM or the UTF-16 NUL pattern
constexpr qint64 sampleBytes = 64 << 10; // the delimiter sniffer's sample

QString tr(const char *text)
{
    return QCoreApplication::translate("tp::csv", text);
}

Decoder::Source decoderSource(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf16LE:
        return Decoder::Source::Utf16LE;
    case Encoding::Utf16BE:
        return Decoder::Source::Utf16BE;
    case Encoding::Windows1252:
        return Decoder::Source::Windows1252;
    case Encoding::Utf8:
    case Encoding::Utf8Bom:
        break;
    }
    return Decoder::Source::Utf8;
}

// Reads until `size` bytes or the end of the source.
qint64 readFully(ByteSource &source, char *data, qint64 size)
{
    qint64 total = 0;
    while (total < size) {
        const qint64 n = source.read(data + total, size - total);
        if (n <= 0)
            break;
        total += n;
    }
    return total;
}

// Turns the doubled quotes of a quoted field into single ones, in place; returns the new size.
std::size_t unescapeQuotes(char *field, std::size_t size)
{
    const char *in = field;
    const char *const end = field + size;
    char *out = field;
    while (in < end) {
        const auto *quote = static_cast<const char *>(std::memchr(in, '"', std::size_t(end - in)));
        const char *const stop = quote ? quote + 1 : end; // keep the first quote of a pair
        std::memmove(out, in, std::size_t(stop - in));
        out += stop - in;
        in = quote ? quote + 2 : end;
    }
    return std::size_t(out - field);
}

// A growable byte buffer that does not zero what it allocates: reads overwrite it anyway.
class Buffer
{
public:
    char *data() { return m_data.get(); }
    const char *data() const { return m_data.get(); }
    std::size_t capacity() const { return m_capacity; }
    // At least `capacity` bytes, keeping the first `keep`.
    void reserve(std::size_t capacity, std::size_t keep)
    {
        if (capacity <= m_capacity)
            return;
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
        if (keep > 0)
            std::memcpy(bigger.get(), m_data.get(), keep);
        m_data = std::move(bigger);
        m_capacity = capacity;
    }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_capacity = 0;
};

} // namespace

class ReaderPrivate
{
public:
    ReaderPrivate(std::unique_ptr<ByteSource> source, const Options &options);

    bool next(Record &record);
    void rewind();

    std::unique_ptr<ByteSource> source;
    Dialect dialect;
    qint64 bytesRead = 0;

private:
    enum class State { SepLine, RecordStart, FieldStart, Unquoted, Quoted, AfterQuote, LineEnd };
    enum class Scan { Record, NeedMore, End };
    struct Span
    {
        std::size_t begin;
        std::size_t size;
    };

    enum class Utf8Check { Valid, ValidSoFar, Invalid };

    void detect(const Options &options);
    Utf8Check checkUtf8(qint64 limit, bool &sawNul);
    EncodingEvidence gatherEvidence(qint64 limit, char delimiter, bool &complete);
    char sniff(bool &sepLine);
    std::string decodedSample(bool &complete);

    Scan scan();
    void refill();
    void compact();
    void reserve(std::size_t room);
    void pushField(std::size_t begin, std::size_t end, bool escaped);
    QString describe(const char *p) const;
    [[noreturn]] void fail(qint64 line, int column, const QString &expected, const QString &found);
    [[noreturn]] void failTooLong();
    [[noreturn]] void failFieldTooLong();

    std::size_t m_blockSize;
    std::size_t m_maxRecordBytes;
    std::size_t m_maxFieldBytes;
    int m_bomLength = 0;
    bool m_passthrough = false; // valid UTF-8: read straight into the buffer
    bool m_dropNuls = false; // ... and it holds NULs to drop
    Decoder m_decoder{ Decoder::Source::Utf8 };
    Buffer m_raw; // a block before decoding

    // The text (UTF-8) of the current block(s): [0, m_length), then ByteFinder padding.
    Buffer m_buffer;
    std::size_t m_length = 0;
    bool m_eof = false; // the source is exhausted and the decoder flushed

    // Where the scan is; offsets into m_buffer survive its compaction and growth.
    State m_state = State::RecordStart;
    std::size_t m_pos = 0;
    std::size_t m_recordStart = 0;
    std::size_t m_fieldStart = 0;
    bool m_escaped = false; // the quoted field has doubled quotes
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    qint64 m_quoteLine = 0;
    std::vector<Span> m_spans; // the current record's fields: [0, m_fieldCount)
    std::size_t m_fieldCount = 0;
    std::optional<ParseError> m_error;

    ByteFinder m_unquotedFinder{ ',', '\r', '\n' };
    ByteFinder m_quotedFinder{ '"', '\r', '\n' };
};

ReaderPrivate::ReaderPrivate(std::unique_ptr<ByteSource> byteSource, const Options &options)
    : source(std::move(byteSource))
      // No block larger than the file: small files need no megabyte buffers. (A size of 0 may
      // be a pipe, which has no size.)
      ,
      m_blockSize(std::size_t(std::max<qint64>(
              source->size() > 0 ? std::min(options.blockSize, source->size()) : options.blockSize,
              1))),
      m_maxRecordBytes(std::size_t(std::max<qint64>(options.maxRecordBytes, 1))),
      m_maxFieldBytes(std::size_t(std::max<qint64>(options.maxFieldBytes, 1)))
{
    detect(options);
    m_unquotedFinder = ByteFinder(dialect.delimiter, '\r', '\n');
    rewind();
}

void ReaderPrivate::detect(const Options &options)
{
    std::vector<char> head(headBytes);
    const qint64 headSize = readFully(*source, head.data(), headBytes);
    if (options.known && options.known->encodingSettled && options.known->source
        && options.known->source == source->stamp()) {
        dialect = *options.known;
        m_bomLength = bomLength(dialect.encoding, head.data(), std::size_t(headSize));
        m_passthrough = dialect.validUtf8;
        m_dropNuls = dialect.hasNuls;
        m_decoder = Decoder(decoderSource(dialect.encoding));
        return;
    }
    dialect.source = source->stamp();
    Encoding encoding;
    if (options.encoding) {
        encoding = *options.encoding;
        m_bomLength = bomLength(encoding, head.data(), std::size_t(headSize));
        if (encoding == Encoding::Utf8 || encoding == Encoding::Utf8Bom)
            encoding = m_bomLength > 0 ? Encoding::Utf8Bom : Encoding::Utf8;
    } else {
        const EncodingGuess guess = guessEncoding(head.data(), std::size_t(headSize));
        encoding = guess.encoding;
        m_bomLength = guess.bomLength;
    }
    if (encoding == Encoding::Utf8 || encoding == Encoding::Utf8Bom) {
        bool sawNul = false;
        switch (checkUtf8(options.encodingCheckBytes, sawNul)) {
        case Utf8Check::Valid:
            m_passthrough = dialect.validUtf8 = true;
            m_dropNuls = dialect.hasNuls = sawNul;
            if (sawNul) { // where they are, for the import to say (a pass that only NULs cost)
                dialect.encoding = encoding;
                m_decoder = Decoder(decoderSource(encoding));
                bool sepLine = false, complete = false;
                dialect.evidence =
                        gatherEvidence(options.encodingCheckBytes,
                                       options.delimiter.value_or(sniff(sepLine)), complete);
            }
            break;
        case Utf8Check::ValidSoFar:
            // Decoded, not passed through: the unread rest may hold bytes that are not UTF-8.
            if (encoding == Encoding::Utf8 && !options.encoding)
                dialect.encodingSettled = false;
            break;
        case Utf8Check::Invalid: {
            // The evidence needs the columns, and the columns the delimiter: sniffed on the
            // text read as UTF-8 (delimiters are ASCII in both readings).
            dialect.encoding = encoding;
            m_decoder = Decoder(decoderSource(encoding));
            bool sepLine = false;
            bool complete = false;
            dialect.evidence = gatherEvidence(options.encodingCheckBytes,
                                              options.delimiter.value_or(sniff(sepLine)), complete);
            // Without BOM or the caller's word: Windows-1252 when nothing is written the UTF-8
            // way; else UTF-8 with the bad bytes as U+FFFD, and the caller asks. A bounded check
            // that saw no UTF-8 character yet cannot tell: the rest of the file might have some.
            if (encoding == Encoding::Utf8 && !options.encoding
                && dialect.evidence->windows1252()) {
                encoding = Encoding::Windows1252;
                dialect.encodingSettled = complete;
            }
            break;
        }
        }
    }
    dialect.encoding = encoding;
    m_decoder = Decoder(decoderSource(encoding));
    dialect.delimiter = sniff(dialect.sepLine);
    if (options.delimiter) {
        const auto d = static_cast<unsigned char>(*options.delimiter);
        if (d == 0 || d >= 0x80 || d == '"' || d == '\r' || d == '\n')
            throw InputError(tr("The delimiter must be an ASCII character other than a quote or "
                                "a line break."));
        dialect.delimiter = *options.delimiter;
    }
}

// The delimiter of the text as the current decoder reads it: an Excel `sep=` line names it, else
// it is sniffed on the first records.
char ReaderPrivate::sniff(bool &sepLine)
{
    bool complete = false;
    const std::string sample = decodedSample(complete);
    if (const std::optional<char> sep = parseSepLine(sample, complete)) {
        sepLine = true;
        return *sep;
    }
    sepLine = false;
    return sniffDelimiter(sample, complete);
}

// The second pass over a file that is not UTF-8 throughout (EncodingEvidence), bounded like the
// first by a positive `limit`.
EncodingEvidence ReaderPrivate::gatherEvidence(qint64 limit, char delimiter, bool &complete)
{
    source->seek(m_bomLength);
    m_raw.reserve(m_blockSize, 0);
    EvidenceScanner scanner(delimiter);
    qint64 left = limit > 0 ? limit : std::numeric_limits<qint64>::max();
    complete = true;
    for (;;) {
        if (left == 0) {
            char more;
            complete = source->read(&more, 1) <= 0;
            break;
        }
        const qint64 n = source->read(m_raw.data(), std::min(qint64(m_blockSize), left));
        if (n <= 0)
            break;
        left -= n;
        scanner.feed(m_raw.data(), std::size_t(n));
    }
    return complete ? scanner.finish() : scanner.evidence();
}

// The whole-file pre-pass: one invalid byte anywhere means the file is not UTF-8 throughout.
// A positive `limit` stops it after that many bytes: ValidSoFar when the file goes on.
ReaderPrivate::Utf8Check ReaderPrivate::checkUtf8(qint64 limit, bool &sawNul)
{
    source->seek(m_bomLength);
    m_raw.reserve(m_blockSize, 0);
    Utf8Validator validator;
    qint64 left = limit > 0 ? limit : std::numeric_limits<qint64>::max();
    for (;;) {
        if (left == 0) {
            char more;
            if (source->read(&more, 1) > 0)
                return Utf8Check::ValidSoFar;
            break;
        }
        const qint64 n = source->read(m_raw.data(), std::min(qint64(m_blockSize), left));
        if (n <= 0)
            break;
        left -= n;
        if (!validator.feed(m_raw.data(), std::size_t(n)))
            return Utf8Check::Invalid;
    }
    sawNul = validator.sawNul();
    return validator.finish() ? Utf8Check::Valid : Utf8Check::Invalid;
}

std::string ReaderPrivate::decodedSample(bool &complete)
{
    source->seek(m_bomLength);
    // One byte more than the file holds tells that the sample is all of it.
    const qint64 rest = std::max<qint64>(source->size() - m_bomLength, 0);
    const qint64 wanted = std::min(sampleBytes, rest + 1);
    std::vector<char> raw(static_cast<std::size_t>(wanted));
    const qint64 size = readFully(*source, raw.data(), wanted);
    complete = size < wanted;
    std::string text(Decoder::maxOutput(std::size_t(size)), '\0');
    std::size_t length;
    if (m_passthrough) {
        std::memcpy(text.data(), raw.data(), std::size_t(size));
        length = dropNuls(text.data(), std::size_t(size));
    } else {
        Decoder decoder(decoderSource(dialect.encoding));
        length = decoder.decode(raw.data(), std::size_t(size), text.data());
        if (complete)
            length += decoder.finish(text.data() + length);
    }
    text.resize(length);
    return text;
}

void ReaderPrivate::rewind()
{
    source->seek(m_bomLength);
    bytesRead = m_bomLength;
    m_decoder.reset();
    m_length = 0;
    reserve(0);
    std::memset(m_buffer.data(), 0, ByteFinder::padding);
    m_eof = false;
    m_state = dialect.sepLine ? State::SepLine : State::RecordStart;
    m_pos = m_recordStart = m_fieldStart = 0;
    m_line = 1;
    m_fieldCount = 0;
    m_error.reset();
}

bool ReaderPrivate::next(Record &record)
{
    if (m_error)
        throw *m_error;
    for (;;) {
        switch (scan()) {
        case Scan::Record: {
            record.line = m_recordLine;
            record.fields.resize(m_fieldCount);
            const char *const buffer = m_buffer.data();
            for (std::size_t i = 0; i < m_fieldCount; ++i)
                record.fields[i] = std::string_view(buffer + m_spans[i].begin, m_spans[i].size);
            return true;
        }
        case Scan::End:
            return false;
        case Scan::NeedMore:
            Q_ASSERT(!m_eof);
            if (m_eof)
                return false;
            refill();
            break;
        }
    }
}

inline void ReaderPrivate::pushField(std::size_t begin, std::size_t end, bool escaped)
{
    std::size_t size = end - begin;
    if (size > m_maxFieldBytes) [[unlikely]]
        failFieldTooLong();
    if (escaped) [[unlikely]]
        size = unescapeQuotes(m_buffer.data() + begin, size);
    if (m_fieldCount == m_spans.size()) [[unlikely]]
        m_spans.resize(std::max<std::size_t>(64, 2 * m_spans.size()));
    m_spans[m_fieldCount++] = { begin, size };
}

ReaderPrivate::Scan ReaderPrivate::scan()
{
    // The hot loop. The switch resumes where the last call stopped (the end of the buffer);
    // within the buffer the states follow each other by goto, not through the switch, which
    // would cost an indirect jump per field. Line and position live in locals until we leave.
    char *const buffer = m_buffer.data();
    const char *const end = buffer + m_length;
    const char *p = buffer + m_pos;
    const char delimiter = dialect.delimiter;
    qint64 line = m_line;
    const auto leave = [&](State next, Scan result) {
        m_pos = std::size_t(p - buffer);
        m_state = next;
        m_line = line;
        return result;
    };
    switch (m_state) {
    case State::SepLine:
        while (p < end && *p != '\r' && *p != '\n')
            ++p;
        if (p == end && !m_eof)
            return leave(State::SepLine, Scan::NeedMore);
        [[fallthrough]]; // the line break is skipped like a blank line

    case State::RecordStart:
        while (p < end && (*p == '\n' || *p == '\r')) { // blank lines
            if (*p == '\r' && p + 1 == end && !m_eof)
                return leave(State::RecordStart, Scan::NeedMore);
            p += (p[0] == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
            ++line;
        }
        if (p == end)
            return leave(State::RecordStart, m_eof ? Scan::End : Scan::NeedMore);
        m_recordStart = std::size_t(p - buffer);
        m_recordLine = line;
        m_fieldCount = 0;
        [[fallthrough]];

    case State::FieldStart:
    fieldStart:
        if (p == end && !m_eof)
            return leave(State::FieldStart, Scan::NeedMore);
        if (p < end && *p == '"') {
            m_quoteLine = line;
            m_escaped = false;
            m_fieldStart = std::size_t(++p - buffer);
            goto quoted;
        }
        m_fieldStart = std::size_t(p - buffer);
        [[fallthrough]];

    case State::Unquoted:
        p = m_unquotedFinder.find(p, end);
        if (p == end && !m_eof)
            return leave(State::Unquoted, Scan::NeedMore);
        pushField(m_fieldStart, std::size_t(p - buffer), false);
        if (p == end)
            return leave(State::RecordStart, Scan::Record);
        if (*p == delimiter) {
            ++p;
            goto fieldStart;
        }
        goto lineEnd;

    case State::Quoted:
    quoted:
        for (;;) {
            p = m_quotedFinder.find(p, end);
            if (p == end) {
                if (m_eof)
                    fail(m_quoteLine, int(m_fieldCount + 1), tr("a closing quote"),
                         tr("the end of the file"));
                return leave(State::Quoted, Scan::NeedMore);
            }
            if (p + 1 == end && !m_eof && *p != '\n')
                return leave(State::Quoted, Scan::NeedMore); // a CR or quote needs the next byte
            if (*p == '"') {
                if (p + 1 < end && p[1] == '"') {
                    m_escaped = true;
                    p += 2;
                    continue;
                }
                pushField(m_fieldStart, std::size_t(p - buffer), m_escaped);
                ++p;
                break;
            }
            if (*p == '\r' && p + 1 < end && p[1] == '\n')
                ++p; // a CRLF is one line break
            ++p;
            ++line;
        }
        [[fallthrough]];

    case State::AfterQuote:
        // Some writers pad with spaces after the closing quote: ignore them.
        while (p < end && (*p == ' ' || *p == '\t') && *p != delimiter)
            ++p;
        if (p == end) {
            if (m_eof)
                return leave(State::RecordStart, Scan::Record);
            return leave(State::AfterQuote, Scan::NeedMore);
        }
        if (*p == delimiter) {
            ++p;
            goto fieldStart;
        }
        if (*p != '\r' && *p != '\n')
            fail(line, int(m_fieldCount), tr("a delimiter or line end after the closing quote"),
                 describe(p));
        [[fallthrough]];

    case State::LineEnd:
    lineEnd:
        if (*p == '\r' && p + 1 == end && !m_eof)
            return leave(State::LineEnd, Scan::NeedMore);
        p += (p[0] == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
        ++line;
        return leave(State::RecordStart, Scan::Record);
    }
    Q_UNREACHABLE();
    return Scan::End;
}

void ReaderPrivate::refill()
{
    compact();
    char *out;
    qint64 n;
    if (m_passthrough) {
        reserve(m_blockSize);
        out = m_buffer.data() + m_length;
        n = source->read(out, qint64(m_blockSize));
        if (n > 0)
            m_length += m_dropNuls ? dropNuls(out, std::size_t(n)) : std::size_t(n);
    } else {
        m_raw.reserve(m_blockSize, 0);
        n = source->read(m_raw.data(), qint64(m_blockSize));
        reserve(Decoder::maxOutput(std::size_t(std::max<qint64>(n, 0))));
        out = m_buffer.data() + m_length;
        m_length +=
                n > 0 ? m_decoder.decode(m_raw.data(), std::size_t(n), out) : m_decoder.finish(out);
    }
    if (n <= 0)
        m_eof = true;
    bytesRead += std::max<qint64>(n, 0);
    // ByteFinder looks at up to 15 bytes past the end; let them be defined.
    std::memset(m_buffer.data() + m_length, 0, ByteFinder::padding);
}

// Drops what the scan is done with: everything before the current record.
void ReaderPrivate::compact()
{
    const bool betweenRecords = m_state == State::RecordStart || m_state == State::SepLine;
    const std::size_t keep = betweenRecords ? m_pos : m_recordStart;
    if (keep > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + keep, m_length - keep);
        m_length -= keep;
        m_pos -= keep;
        if (!betweenRecords) {
            m_recordStart -= keep;
            m_fieldStart -= keep;
            for (std::size_t i = 0; i < m_fieldCount; ++i)
                m_spans[i].begin -= keep;
        }
    }
    if (!betweenRecords && m_length > m_maxRecordBytes)
        failTooLong();
    const bool inField = m_state == State::Unquoted || m_state == State::Quoted;
    if (inField && m_length - m_fieldStart > m_maxFieldBytes)
        failFieldTooLong();
}

void ReaderPrivate::reserve(std::size_t room)
{
    const std::size_t needed = m_length + room + ByteFinder::padding;
    if (m_buffer.capacity() >= needed)
        return;
    // Grow geometrically for long records, but not far past the record limit.
    const std::size_t ceiling = m_maxRecordBytes + room + ByteFinder::padding;
    m_buffer.reserve(std::max(needed, std::min(2 * m_buffer.capacity(), ceiling)), m_length);
}

QString ReaderPrivate::describe(const char *p) const
{
    const auto lead = static_cast<unsigned char>(*p);
    if (lead < 0x20 || lead == 0x7F)
        return QStringLiteral("U+%1").arg(lead, 4, 16, QLatin1Char('0')).toUpper();
    const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const auto available = std::min<std::ptrdiff_t>(length, m_buffer.data() + m_length - p);
    return QLatin1Char('"') + QString::fromUtf8(p, available) + QLatin1Char('"');
}

void ReaderPrivate::fail(qint64 line, int column, const QString &expected, const QString &found)
{
    m_error.emplace(source->name(), line, column, expected, found);
    throw *m_error;
}

void ReaderPrivate::failTooLong()
{
    const QString limit = QLocale().formattedDataSize(qint64(m_maxRecordBytes), 0,
                                                      QLocale::DataSizeTraditionalFormat);
    const int column = int(m_fieldCount + 1);
    if (m_state == State::Quoted)
        fail(m_quoteLine, column, tr("a closing quote"),
             tr("more than %1 of text without one").arg(limit));
    fail(m_recordLine, column, tr("a line end"), tr("a record longer than %1").arg(limit));
}

void ReaderPrivate::failFieldTooLong()
{
    const QString limit = QLocale().formattedDataSize(qint64(m_maxFieldBytes), 0,
                                                      QLocale::DataSizeTraditionalFormat);
    const bool quoted = m_state == State::Quoted || m_state == State::AfterQuote;
    fail(quoted ? m_quoteLine : m_recordLine, int(m_fieldCount + 1),
         tr("a value of at most %1").arg(limit),
         quoted ? tr("a longer one (a quote never closed?)")
                : tr("a longer one (is the file a CSV export?)"));
}

Reader::Reader(const QString &path, const Options &options)
    : d(std::make_unique<ReaderPrivate>(openFile(path), options))
{ }

Reader::Reader(FromBytes, const QByteArray &bytes, const QString &name, const Options &options)
    : d(std::make_unique<ReaderPrivate>(memorySource(bytes, name), options))
{ }

Reader Reader::fromBytes(const QByteArray &bytes, const QString &name, const Options &options)
{
    return Reader(FromBytes{}, bytes, name, options);
}

Reader::Reader(Reader &&other) noexcept = default;
Reader &Reader::operator=(Reader &&other) noexcept = default;
Reader::~Reader() = default;

const Dialect &Reader::dialect() const
{
    return d->dialect;
}

QString Reader::fileName() const
{
    return d->source->name();
}

bool Reader::next(Record &record)
{
    return d->next(record);
}

qint64 Reader::bytesRead() const
{
    return d->bytesRead;
}

qint64 Reader::totalBytes() const
{
    return d->source->size();
}

void Reader::rewind()
{
    d->rewind();
}

} // namespace tp::csv
