#pragma once

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

} // namespace tp::test
