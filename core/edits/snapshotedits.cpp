// BookEditor: labelling and deleting the snapshots imports take (docs/METRICS.md, "Changes
// between two snapshots"). Deleting one keeps the states of the others (history kept); its undo
// brings it back with every row.
#include "bookeditor.h"

#include "domain/errors.h"
#include "storage/book.h"
#include "storage/snapshotwriter.h"

#include <QLocale>

namespace tp {

namespace {

QString dateOf(const SnapshotRecord &snapshot)
{
    return QLocale().toString(snapshot.takenOn, QLocale::ShortFormat);
}

} // namespace

BookChange BookEditor::labelSnapshot(Id snapshot, const QString &label)
{
    const auto record = snapshots::readSnapshotHead(m_book.db(), snapshot);
    if (!record)
        throw InputError(tr("The snapshot no longer exists."));
    BookChange change;
    change.snapshotLabels.push_back(
            { { snapshot, record->label }, { snapshot, label.simplified() } });
    change.text = label.simplified().isEmpty()
            ? tr("Clear the label of the snapshot of %1").arg(dateOf(*record))
            : tr("Label the snapshot of %1").arg(dateOf(*record));
    return written(std::move(change));
}

BookChange BookEditor::deleteSnapshot(Id snapshot)
{
    SnapshotDeletion deletion = snapshots::plannedDeletion(m_book.db(), snapshot);
    if (!deletion.before)
        throw InputError(tr("The snapshot no longer exists."));
    BookChange change;
    change.text = tr("Delete the snapshot of %1").arg(dateOf(*deletion.before));
    change.snapshotDeletions.push_back(std::move(deletion));
    return written(std::move(change));
}

void BookEditor::writeSnapshots(const BookChange &change)
{
    sql::Database &db = m_book.db();
    for (const Delta<SnapshotLabel> &d : change.snapshotLabels)
        if (!snapshots::labelSnapshot(db, d.after.snapshot, d.after.label))
            throw InputError(tr("The snapshot no longer exists."));
    for (const SnapshotDeletion &d : change.snapshotDeletions) {
        if (d.after)
            snapshots::restoreSnapshot(db, d);
        else if (!snapshots::deleteSnapshot(db, d.id()))
            throw InputError(tr("The snapshot no longer exists."));
    }
}

} // namespace tp
