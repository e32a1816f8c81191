#include "testsupport.h"

#include <QFile>

namespace tp::test {

TempDir::TempDir() = default;

QString TempDir::path(const QString &name) const
{
    return m_dir.filePath(name);
}

QString dataFile(const QString &name)
{
    return QStringLiteral(TEST_DATA_DIR) + QLatin1Char('/') + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString writeFile(const TempDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.path(QString::fromUtf8(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

} // namespace tp::test
