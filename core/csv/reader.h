#pragma once

// A streaming CSV reader for what spreadsheets and CRMs really export: RFC 4180 plus UTF-16,
// Windows-1252, BOMs, Excel's `sep=` line, bare CR line ends and NUL bytes. It reads the file
// in fixed-size blocks, so memory stays flat whatever the file size.

#include "csv/bytesource.h"
#include "csv/encoding.h"
#include "csv/encodingevidence.h"
#include "csv/parseerror.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace tp::csv {

// What the reader detected (or was told).
struct Dialect
{
    Encoding encoding = Encoding::Utf8;
    char delimiter = ',';
    bool sepLine = false; // the file starts with Excel's `sep=X` line, which is not a record
    // False when a bounded UTF-8 check (Options::encodingCheckBytes) found the start of a file
    // without BOM valid but did not read the rest: a bad byte further on would make the whole
    // file Windows-1252. The reader then reads it as UTF-8, bad bytes as U+FFFD.
    bool encodingSettled = true;
    // What the whole-file UTF-8 check found: valid throughout (read straight into records, NULs
    // dropped if it holds any).
    bool validUtf8 = false;
    // When it found bytes that are not UTF-8, or NUL bytes: how many, where, and how many
    // characters the file does write the UTF-8 way. A file without BOM and without a UTF-8
    // character is read as Windows-1252; one with both (evidence->mixed()) is read as UTF-8, its
    // bad bytes as U+FFFD, and the import asks which encoding to use unless Options::encoding says
    // it.
    std::optional<EncodingEvidence> evidence;
    bool hasNuls = false;
    // The file the dialect was detected on, for Options::known.
    std::optional<SourceStamp> source;
};

struct Options
{
    std::optional<Encoding> encoding; // detected when empty
    std::optional<char> delimiter; // sniffed when empty (a `sep=` line also sets it)
    qint64 blockSize = 1 << 20; // bytes read at a time; tests use tiny blocks
    // A longer value or record is an error, so that memory stays flat whatever the file: no CRM
    // writes a value near 4 MiB (Salesforce's longest text field holds 131,072 characters,
    // HubSpot's 65,536), while a quote never closed in a big file runs to its end.
    qint64 maxFieldBytes = 4 << 20;
    qint64 maxRecordBytes = 32 << 20;
    // How much of a file without BOM the UTF-8 check reads; 0: all of it. A bound makes
    // opening cheap whatever the file's size (a preview of its first rows), at the price of
    // Dialect::encodingSettled.
    qint64 encodingCheckBytes = 0;
    // The dialect an earlier reader of the same file detected (the import's second pass): used
    // as it is, without detection or the UTF-8 pre-pass, while the file has the size and
    // modification time it had then; else everything is detected again.
    std::optional<Dialect> known;
};

struct Record
{
    qint64 line = 0; // physical line (1-based) of the record's first character
    // UTF-8, unquoted and unescaped. Valid until the next call of next() or rewind().
    std::vector<std::string_view> fields;
};

class ReaderPrivate;

// Usage:
//     tp::csv::Reader reader(path);
//     tp::csv::Record record;
//     while (reader.next(record)) { ... record.fields ... }
// Reuse one Record: its vector keeps its capacity, so the loop allocates nothing per record.
//
// Semantics:
// - Encoding: a BOM (UTF-8, UTF-16LE/BE) decides; else the NUL pattern of UTF-16 without BOM;
//   else the whole file is checked to be UTF-8 (a fast pre-pass, which Options::encodingCheckBytes
//   can bound). If it is not, a second pass collects the evidence (Dialect::evidence): without
//   any character written the UTF-8 way it is read as Windows-1252; with some, as UTF-8 with its
//   bad bytes as U+FFFD, and the caller must ask (a truncated last character counts as a bad
//   byte). Records are always UTF-8;
//   invalid input where the encoding is certain (a lone surrogate, a bad byte after a UTF-8
//   BOM) becomes U+FFFD. NUL characters are dropped, in every encoding: they carry no text,
//   and QString, SQLite and the UI would each treat them differently.
// - Delimiter: an Excel `sep=X` first line names it (and is skipped), else it is sniffed among
//   `,` `;` tab `|` on the first records (see sniffer.h).
// - Quoted fields keep line breaks (LF, CR, CRLF) verbatim; `""` is a quote. A quote inside an
//   unquoted field is plain text (`5" screen`). Spaces between a closing quote and the
//   delimiter are ignored; anything else there is a ParseError, as is a quote never closed.
// - Line ends are LF, CRLF or a bare CR. Blank lines are skipped (line numbers count them);
//   a missing final line end is fine. Field counts may differ between records: the caller
//   decides what a ragged row means, and where the header is.
// - A value longer than Options::maxFieldBytes (4 MiB) or a record longer than
//   Options::maxRecordBytes (32 MiB: a quote never closed in a big file) is a ParseError too,
//   raised as soon as the reader is that far, so memory stays bounded whatever the file.
// - After a ParseError the reader stays at the error: next() throws it again until rewind().
// - `fileName()` and ParseError::file() are the file's name without its folder; bytes without
//   a name are called "pasted text".
class Reader
{
public:
    // Opens the file and detects its dialect. Throws InputError if it cannot be read, or if
    // Options::delimiter is a quote, a line break or not ASCII.
    explicit Reader(const QString &path, const Options &options = {});
    // The same over bytes in memory (tests, fuzzing, the clipboard); `name` is used in errors.
    // Never throws a ParseError (only next() does); InputError for a bad forced delimiter.
    static Reader fromBytes(const QByteArray &bytes, const QString &name = {},
                            const Options &options = {});
    Reader(Reader &&other) noexcept;
    Reader &operator=(Reader &&other) noexcept;
    ~Reader();

    const Dialect &dialect() const;
    QString fileName() const;

    // The next record; false at the end. Throws ParseError, or InputError if reading fails.
    bool next(Record &record);

    // For a progress bar: bytes of the file consumed so far (at most a block ahead of the
    // records returned), and the file size.
    qint64 bytesRead() const;
    qint64 totalBytes() const;

    // Back to the first record, for a second pass.
    void rewind();

private:
    struct FromBytes
    { };
    Reader(FromBytes, const QByteArray &bytes, const QString &name, const Options &options);

    std::unique_ptr<ReaderPrivate> d;
};

} // namespace tp::csv
