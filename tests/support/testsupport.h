#pragma once

#include <QFileDevice>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tp::test {

// A temporary folder per test; `path("x.tpbook")` names a file inside it.
class TempDir
{
public:
    TempDir();
    QString path(const QString &name) const;
    QString root() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

QString dataFile(const QString &name);
QByteArray readAll(const QString &path);
// Writes `bytes` to the file `name` in `dir`; returns its path.
QString writeFile(const TempDir &dir, const char *name, const QByteArray &bytes);

// Makes a file or folder unwritable while alive, also for root (chattr +i, where chmod does not
// stop root; chmod where chattr is not allowed); ok() is false where neither works.
class Unwritable
{
public:
    explicit Unwritable(const QString &path);
    ~Unwritable();
    Unwritable(const Unwritable &) = delete;
    Unwritable &operator=(const Unwritable &) = delete;

    // Whether writing is really refused here.
    bool ok() const;

private:
    QString m_path;
    bool m_chattr = false;
    QFileDevice::Permissions m_permissions;
};

} // namespace tp::test
