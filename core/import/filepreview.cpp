#include "filepreview.h"

#include "analysis.h"
#include "domain/errors.h"
#include "presets.h"

#include <QCoreApplication>

namespace tp::crm {

namespace {

// As many records as analyzeFile() searches for the header.
constexpr int headerSearch = 30;
// The UTF-8 check of a file without BOM reads this much of it (a millisecond or so), not all.
constexpr qint64 encodingCheckBytes = 1 << 20;

QStringList toStrings(const csv::Record &record)
{
    QStringList out;
    out.reserve(qsizetype(record.fields.size()));
    for (std::string_view f : record.fields)
        out.append(QString::fromUtf8(f.data(), qsizetype(f.size())));
    return out;
}

bool isBlank(const QStringList &cells)
{
    for (const QString &cell : cells) {
        if (!cell.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

QStringList FilePreview::samplesOf(int column, int count) const
{
    QStringList values;
    if (column < 0)
        return values;
    for (const QStringList &row : samples) {
        const QString value = row.value(column).trimmed();
        if (!value.isEmpty() && !values.contains(value))
            values.append(value);
        if (values.size() >= count)
            break;
    }
    return values;
}

FilePreview previewFile(const QString &path, const csv::Options &csv, std::optional<Kind> kind,
                        int sampleRows)
{
    FilePreview preview;
    csv::Options options = csv;
    if (options.encodingCheckBytes <= 0 || options.encodingCheckBytes > encodingCheckBytes)
        options.encodingCheckBytes = encodingCheckBytes;
    csv::Reader reader(path, options);
    preview.file = reader.fileName();
    preview.dialect = reader.dialect();

    std::vector<QStringList> first;
    std::vector<qint64> lines;
    csv::Record record;
    while (int(first.size()) < headerSearch && reader.next(record)) {
        first.push_back(toStrings(record));
        lines.push_back(record.line);
    }
    const int headerIndex = findHeaderRow(first, kind);
    if (headerIndex < 0)
        throw InputError(QCoreApplication::translate(
                                 "tp::crm", "%1: no header row found in the first %2 lines.")
                                 .arg(preview.file)
                                 .arg(headerSearch));
    preview.header = first[std::size_t(headerIndex)];
    preview.headerLine = lines[std::size_t(headerIndex)];
    preview.fingerprint = headerFingerprint(preview.header);
    for (int i = 0; i < headerIndex; ++i) {
        QStringList cells;
        for (const QString &cell : first[std::size_t(i)]) {
            if (!cell.trimmed().isEmpty())
                cells.append(cell.trimmed());
        }
        if (!cells.isEmpty())
            preview.titleLines.append(cells.join(QLatin1Char(' ')));
    }

    auto take = [&](QStringList cells) {
        if (isBlank(cells) || isSalesforceFooter(cells))
            return;
        preview.samples.push_back(std::move(cells));
    };
    for (std::size_t i = std::size_t(headerIndex) + 1;
         i < first.size() && int(preview.samples.size()) < sampleRows; ++i)
        take(first[i]);
    while (int(preview.samples.size()) < sampleRows && reader.next(record))
        take(toStrings(record));
    return preview;
}

} // namespace tp::crm
