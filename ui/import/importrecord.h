#pragma once

#include "domain/entities.h"
#include "import/analysis.h"

#include <QDateTime>
#include <QFileInfo>
#include <QString>

namespace tp::ui {

// A file as it was when an import read it: a later redo only re-imports the same file.
struct FileStamp
{
    qint64 size = -1;
    QDateTime modified;

    static FileStamp of(const QString &path)
    {
        const QFileInfo info(path);
        return info.exists() ? FileStamp{ info.size(), info.lastModified() } : FileStamp{};
    }
    bool exists() const { return size >= 0; }
    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};

// A committed import, all that is needed to undo it and to run it again the same way: the
// options are those it ran with (preset, kind and columns pinned, the as-of date set).
struct ImportRecord
{
    Id importId = 0;
    QString file; // absolute path
    FileStamp stamp;
    crm::ImportOptions options;
    qint64 rows = 0; // the file's data rows, for messages

    QString fileName() const { return QFileInfo(file).fileName(); }
};

} // namespace tp::ui
