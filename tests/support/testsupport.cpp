#include "testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

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

Unwritable::Unwritable(const QString &path) : m_path(path)
{
    m_chattr = QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("+i"), path }) == 0;
    if (!m_chattr) {
        m_permissions = QFile::permissions(path);
        QFile::setPermissions(path,
                              m_permissions
                                      & ~(QFile::WriteOwner | QFile::WriteUser | QFile::WriteGroup
                                          | QFile::WriteOther));
    }
}

Unwritable::~Unwritable()
{
    if (m_chattr)
        QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("-i"), m_path });
    else
        QFile::setPermissions(m_path, m_permissions);
}

bool Unwritable::ok() const
{
    if (QFileInfo(m_path).isDir()) {
        QFile probe(m_path + QStringLiteral("/probe"));
        const bool written = probe.open(QIODevice::WriteOnly);
        probe.remove();
        return !written;
    }
    QFile file(m_path);
    return !file.open(QIODevice::ReadWrite);
}

} // namespace tp::test
