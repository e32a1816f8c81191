#include "snapshotsdialog.h"

#include "edits/bookeditor.h"
#include "models/formatter.h"
#include "report/reviewchanges.h"
#include "session/booksession.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

constexpr int idRole = Qt::UserRole + 1;

} // namespace

SnapshotsDialog::SnapshotsDialog(BookSession *session, QWidget *parent)
    : QDialog(parent),
      m_session(session),
      m_intro(new QLabel(this)),
      m_list(new QTreeWidget(this)),
      m_rename(new QPushButton(tr("&Rename"), this)),
      m_delete(new QPushButton(tr("&Delete…"), this))
{
    setWindowTitle(tr("Snapshots"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Every import keeps a snapshot of the deals as of its date. A label "
                        "names one in the lists. Deleting one keeps what the later snapshots "
                        "show: its rows that the next one lacks move into it."));
    m_list->setHeaderLabels({ tr("Date"), tr("Source file"), tr("Rows"), tr("Label") });
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers); // F2 and double-click: the label
    m_list->setAccessibleName(tr("Snapshots"));
    const int ch = fontMetrics().averageCharWidth();
    const int widths[] = { 12, 28, 10 };
    for (int c = 0; c < 3; ++c)
        m_list->header()->resizeSection(c, widths[c] * ch + 16);
    m_list->header()->setStretchLastSection(true);
    m_list->headerItem()->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    m_rename->setToolTip(tr("Edit the label of the selected snapshot (F2)"));
    m_delete->setToolTip(
            tr("Delete the selected snapshot (Delete); Undo (%1) brings it back")
                    .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    // Undo and Redo work here too, the window's own (its Edit menu is out of reach meanwhile).
    addActions(m_session->undoActions());

    auto *rename = new QAction(this);
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(rename);
    auto *remove = new QAction(this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_list->addAction(remove);
    connect(rename, &QAction::triggered, this, [this] { renameSelected(); });
    connect(remove, &QAction::triggered, this, [this] { deleteSelected(); });
    connect(m_rename, &QPushButton::clicked, this, [this] { renameSelected(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { renameSelected(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { updateButtons(); });
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_filling || column != labelColumn)
            return;
        const Id id = item->data(0, idRole).toLongLong();
        const QString label = item->text(labelColumn);
        if (!m_session->edit(&BookEditor::labelSnapshot, id, label))
            fill(); // refused: show the label the book keeps
    });
    connect(m_session, &BookSession::changed, this, [this](const BookChange &change) {
        // Later, not inside the list's own itemChanged() that made the edit.
        if (change.aspects() & ChangeAspect::Snapshots)
            QMetaObject::invokeMethod(
                    this, [this] { fill(); }, Qt::QueuedConnection);
    });
    connect(m_session, &BookSession::loaded, this, [this] { fill(); });

    auto *side = new QVBoxLayout;
    side->addWidget(m_rename);
    side->addWidget(m_delete);
    side->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_list, 1);
    middle->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(middle, 1);
    layout->addWidget(buttons);
    resize(72 * ch, 26 * fontMetrics().height());
    fill();
}

void SnapshotsDialog::fill()
{
    const std::optional<Id> keep = selected();
    try {
        m_snapshots = m_session->isOpen() ? ReviewChanges::snapshots(m_session->path())
                                          : std::vector<snapshots::SnapshotInfo>{};
    } catch (const std::exception &) {
        m_snapshots.clear();
    }
    m_filling = true;
    m_list->clear();
    const Formatter format;
    for (std::size_t i = m_snapshots.size(); i-- > 0;) { // newest first
        const snapshots::SnapshotInfo &s = m_snapshots[i];
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, format.date(s.date));
        item->setText(1,
                      !s.file.isEmpty()             ? s.file
                              : !s.source.isEmpty() ? s.source
                                                    : tr("(made with the demo book)"));
        item->setToolTip(1, s.source.isEmpty() ? QString() : tr("Preset: %1").arg(s.source));
        item->setText(2, format.number(s.rows));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(labelColumn, s.label);
        item->setData(0, idRole, s.id);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_filling = false;
    if (!keep || !select(*keep))
        if (m_list->topLevelItemCount() > 0)
            m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

void SnapshotsDialog::updateButtons()
{
    const bool writable = !m_session->isReadOnly() && selected().has_value();
    m_rename->setEnabled(writable);
    m_delete->setEnabled(writable);
}

std::optional<Id> SnapshotsDialog::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    return item->data(0, idRole).toLongLong();
}

bool SnapshotsDialog::select(Id snapshot)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, idRole).toLongLong() == snapshot) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void SnapshotsDialog::renameSelected()
{
    if (QTreeWidgetItem *item = m_list->currentItem(); item && m_rename->isEnabled())
        m_list->editItem(item, labelColumn);
}

void SnapshotsDialog::deleteSelected()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || !m_delete->isEnabled())
        return;
    const Id id = item->data(0, idRole).toLongLong();
    QMessageBox box(QMessageBox::Question, tr("Delete Snapshot"),
                    tr("Delete the snapshot of %1?").arg(item->text(0)), QMessageBox::NoButton,
                    this);
    box.setInformativeText(tr("The later snapshots keep their states: its rows that the next "
                              "snapshot lacks move into it. Undo brings it back."));
    QPushButton *yes = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != yes)
        return;
    const int row = m_list->indexOfTopLevelItem(item);
    // A full state of a large book moves most of its rows into the next snapshot: seconds.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool deleted = m_session->edit(&BookEditor::deleteSnapshot, id);
    QApplication::restoreOverrideCursor();
    if (deleted && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(
                m_list->topLevelItem(std::min(row, m_list->topLevelItemCount() - 1)));
}

} // namespace tp::ui
