#include "accountdrag.h"

#include "widgets/regionmap.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QMimeData>

namespace tp::ui {

namespace {

const QString mimeType = QStringLiteral("application/x-territory-planner-accounts");

// Accounts, or regions of the map whose accounts move.
bool carriesAccounts(const QMimeData *mime)
{
    return !accountsFromMimeData(mime).empty() || !RegionMap::regionsFromMimeData(mime).isEmpty();
}

} // namespace

QMimeData *accountsMimeData(const std::vector<Id> &accounts)
{
    QByteArray bytes;
    for (const Id id : accounts)
        bytes += QByteArray::number(id) + '\n';
    auto *mime = new QMimeData;
    mime->setData(mimeType, bytes);
    return mime;
}

std::vector<Id> accountsFromMimeData(const QMimeData *mime)
{
    std::vector<Id> ids;
    if (!mime || !mime->hasFormat(mimeType))
        return ids;
    for (const QByteArray &line : mime->data(mimeType).split('\n')) {
        bool ok = false;
        const Id id = line.trimmed().toLongLong(&ok);
        if (ok && id > 0)
            ids.push_back(id);
    }
    return ids;
}

AccountDragView::AccountDragView(QWidget *parent) : QTableView(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionBehavior(QAbstractItemView::SelectRows);
}

void AccountDragView::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions);
    const std::vector<Id> ids = m_ids ? m_ids() : std::vector<Id>{};
    if (ids.empty())
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(accountsMimeData(ids));
    drag->exec(Qt::MoveAction);
}

TerritoryDropView::TerritoryDropView(QWidget *parent) : QTableView(parent)
{
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DropOnly);
}

void TerritoryDropView::dragEnterEvent(QDragEnterEvent *event)
{
    if (carriesAccounts(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void TerritoryDropView::dragMoveEvent(QDragMoveEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid() && carriesAccounts(event->mimeData())) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void TerritoryDropView::dropEvent(QDropEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    const std::vector<Id> ids = accountsFromMimeData(event->mimeData());
    const QList<int> regions = RegionMap::regionsFromMimeData(event->mimeData());
    if (!index.isValid() || (ids.empty() && regions.isEmpty())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    if (!ids.empty())
        emit accountsDropped(ids, index.row());
    else
        emit regionsDropped(regions, index.row());
}

} // namespace tp::ui
