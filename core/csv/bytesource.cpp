#include "bytesource.h"

#include "domain/errors.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace tp::csv {

namespace {

class FileSource : public ByteSource
{
public:
    explicit FileSource(const QString &path) : m_file(path)
    {
        // Unbuffered: the reader reads large blocks into its own buffer; no second copy.
        if (QFileInfo(path).isDir() || !m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            throw InputError(QCoreApplication::translate("tp::csv", "Cannot open %1: %2.")
                                     .arg(QFileInfo(path).fileName(), errorText()));
        m_size = m_file.size();
        m_stamp = SourceStamp{
            m_size, m_file.fileTime(QFileDevice::FileModificationTime).toMSecsSinceEpoch()
        };
    }

    qint64 read(char *data, qint64 size) override
    {
        const qint64 n = m_file.read(data, size);
        if (n < 0)
            throw InputError(QCoreApplication::translate("tp::csv", "Cannot read %1: %2.")
                                     .arg(name(), m_file.errorString()));
        return n;
    }

    void seek(qint64 position) override
    {
        if (!m_file.seek(position))
            throw InputError(QCoreApplication::translate("tp::csv", "Cannot read %1: %2.")
                                     .arg(name(), m_file.errorString()));
    }

    qint64 size() const override { return m_size; }
    QString name() const override { return QFileInfo(m_file.fileName()).fileName(); }
    std::optional<SourceStamp> stamp() const override { return m_stamp; }

private:
    QString errorText() const
    {
        if (QFileInfo(m_file.fileName()).isDir())
            return QCoreApplication::translate("tp::csv", "it is a folder");
        return m_file.errorString();
    }

    QFile m_file;
    qint64 m_size = 0;
    SourceStamp m_stamp;
};

class MemorySource : public ByteSource
{
public:
    MemorySource(const QByteArray &bytes, const QString &name)
        : m_bytes(bytes),
          m_name(name.isEmpty() ? QCoreApplication::translate("tp::csv", "pasted text") : name)
    { }

    qint64 read(char *data, qint64 size) override
    {
        const qint64 n = std::min(size, m_bytes.size() - m_position);
        if (n > 0)
            std::memcpy(data, m_bytes.constData() + m_position, std::size_t(n));
        m_position += std::max<qint64>(n, 0);
        return std::max<qint64>(n, 0);
    }

    void seek(qint64 position) override
    {
        m_position = std::clamp<qint64>(position, 0, m_bytes.size());
    }
    qint64 size() const override { return m_bytes.size(); }
    QString name() const override { return m_name; }

private:
    QByteArray m_bytes;
    QString m_name;
    qint64 m_position = 0;
};

} // namespace

std::unique_ptr<ByteSource> openFile(const QString &path)
{
    return std::make_unique<FileSource>(path);
}

std::unique_ptr<ByteSource> memorySource(const QByteArray &bytes, const QString &name)
{
    return std::make_unique<MemorySource>(bytes, name);
}

} // namespace tp::csv
