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

} // namespace tp::test
