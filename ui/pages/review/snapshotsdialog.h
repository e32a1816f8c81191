#pragma once

#include "storage/snapshotreader.h"

#include <QDialog>

#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tp::ui {

class BookSession;

// The book's snapshots, newest first, with their date, the file their import read, the rows it
// listed and their label (docs/METRICS.md, "Changes between two snapshots"). F2 (or Rename)
// edits the selected one's label in place; Delete deletes it after asking. Each is an edit of
// the session (Edit ▸ Undo takes it back); deleting one keeps the states of the others.
class SnapshotsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SnapshotsDialog(BookSession *session, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *deleteButton() const { return m_delete; }

    // The list's column holding the label (edited in place).
    static constexpr int labelColumn = 3;

    // Selects the snapshot (false when it is not listed).
    bool select(Id snapshot);
    // Starts editing the selected snapshot's label (F2).
    void renameSelected();
    // Asks, then deletes the selected snapshot (Delete).
    void deleteSelected();

private:
    void fill();
    void updateButtons();
    std::optional<Id> selected() const;

    BookSession *m_session;
    std::vector<snapshots::SnapshotInfo> m_snapshots;
    QLabel *m_intro;
    QTreeWidget *m_list;
    QPushButton *m_rename;
    QPushButton *m_delete;
    bool m_filling = false;
};

} // namespace tp::ui
