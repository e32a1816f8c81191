#pragma once

#include <QObject>
#include <QString>

class QMimeData;
class QWidget;

namespace tp::ui {

// Lets a window take a CSV file dropped from the file manager: .csv, .tsv and .txt files are
// accepted (the first one of a drop), anything else is refused before the drop.
class CsvDropHandler : public QObject
{
    Q_OBJECT

public:
    // Makes `window` accept drops and watches its drag and drop events.
    explicit CsvDropHandler(QWidget *window);

    // The first local file of `mime` that looks like CSV, or nothing.
    static QString importableFile(const QMimeData *mime);

signals:
    void fileDropped(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace tp::ui
