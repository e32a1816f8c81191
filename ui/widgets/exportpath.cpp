#include "exportpath.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace tp::ui::exportpath {

namespace {

const QString folderKey = QStringLiteral("export/lastFolder");

} // namespace

QString lastFolder()
{
    const QString folder = QSettings().value(folderKey).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void remember(const QString &file)
{
    QSettings().setValue(folderKey, QFileInfo(file).absolutePath());
}

QString ask(QWidget *parent, const QString &title, const QString &fileName, const QString &filter,
            const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(parent, title,
                                                QDir(lastFolder()).filePath(fileName), filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    remember(path);
    return path;
}

} // namespace tp::ui::exportpath
