#pragma once

// Where the CSV reader's bytes come from: a file read in blocks, or a buffer in memory.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>
#include <optional>

namespace tp::csv {

// A file's size and modification time: it has not changed while both are the same.
struct SourceStamp
{
    qint64 size = 0;
    qint64 modifiedMs = 0;
    bool operator==(const SourceStamp &) const = default;
};

class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Reads up to `size` bytes; 0 at the end. Throws InputError when reading fails.
    virtual qint64 read(char *data, qint64 size) = 0;
    virtual void seek(qint64 position) = 0;
    virtual qint64 size() const = 0;
    // The name errors use: the file's name, or what the caller called the buffer.
    virtual QString name() const = 0;
    // For a file, its stamp when it was opened; bytes in memory have none.
    virtual std::optional<SourceStamp> stamp() const { return std::nullopt; }
};

// Throws InputError if the file cannot be opened.
std::unique_ptr<ByteSource> openFile(const QString &path);
std::unique_ptr<ByteSource> memorySource(const QByteArray &bytes, const QString &name);

} // namespace tp::csv
