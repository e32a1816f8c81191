#pragma once

#include "import/importer.h"

#include <QWidget>

class QLabel;

namespace tp::ui {

// What an import creates, updates, leaves unchanged, removes and rejects, as labelled figures
// in the user's locale: the preview's forecast and the import's result look the same.
class ImportCounts : public QWidget
{
    Q_OBJECT

public:
    explicit ImportCounts(QWidget *parent = nullptr);

    // "Marked removed" only for an import that declares its file complete.
    void setReport(const crm::ImportReport &report, bool showRemoved);
    void clear();
    // The figure shown for "created", "updated", "unchanged", "removed", "rejected" or
    // "duplicates" (new rows like deals the book has from another source; shown when some are).
    QString text(const QString &key) const;

private:
    QList<QLabel *> m_labels;
    QList<QLabel *> m_values;
};

} // namespace tp::ui
