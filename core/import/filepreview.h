#pragma once

#include "csv/reader.h"
#include "fields.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tp::crm {

// The start of a file, read without a full pass: its dialect, where its header is, the header
// and its fingerprint, and the first data rows (the mapping dialog's sample values). Cheap
// whatever the size of the file; the full pass is analyzeFile(). The encoding of a file without
// BOM is decided from its first MiB: when that is valid UTF-8 and the file goes on,
// dialect.encodingSettled is false and only the full pass can tell (a bad byte further on
// makes it Windows-1252).
struct FilePreview
{
    QString file; // the file's name, as errors name it
    csv::Dialect dialect;
    qint64 headerLine = 0;
    QStringList header;
    QString fingerprint; // headerFingerprint(header): finds a remembered mapping
    // The report's title lines above the header ("Opportunity Pipeline Report", "Generated
    // 11/20/2026 9:31 AM"), each record's non-empty cells joined by spaces; blank ones left out.
    QStringList titleLines;
    std::vector<QStringList> samples; // the first data rows, blank rows left out

    // Up to `count` distinct non-empty values of a column among the samples.
    QStringList samplesOf(int column, int count = 3) const;
};

// Reads the header and up to `sampleRows` data rows. Throws InputError (csv::ParseError) when
// the file cannot be read, or has no header row where analyzeFile() looks for one.
FilePreview previewFile(const QString &path, const csv::Options &csv = {},
                        std::optional<Kind> kind = {}, int sampleRows = 8);

} // namespace tp::crm
