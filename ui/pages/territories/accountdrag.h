#pragma once

#include "domain/entities.h"

#include <QList>
#include <QTableView>

#include <functional>
#include <vector>

class QMimeData;

namespace tp::ui {

// Accounts dragged between territories: their ids as "application/x-territory-planner-accounts"
// (one decimal id per line).
QMimeData *accountsMimeData(const std::vector<Id> &accounts);
std::vector<Id> accountsFromMimeData(const QMimeData *mime);

// The accounts table of the Territories page: its selected accounts are dragged out as
// accountsMimeData(), named by `ids` (the model's ids of the selected rows).
class AccountDragView : public QTableView
{
    Q_OBJECT

public:
    explicit AccountDragView(QWidget *parent = nullptr);
    void setIdsOfSelection(std::function<std::vector<Id>()> ids) { m_ids = std::move(ids); }

protected:
    void startDrag(Qt::DropActions supportedActions) override;

private:
    std::function<std::vector<Id>()> m_ids;
};

// The territories table: accounts dropped on a row move into that territory
// (accountsDropped()), and so do the accounts of regions dragged from the map (regionsDropped(),
// RegionMap::mimeType()).
class TerritoryDropView : public QTableView
{
    Q_OBJECT

public:
    explicit TerritoryDropView(QWidget *parent = nullptr);

signals:
    void accountsDropped(const std::vector<tp::Id> &accounts, int row);
    void regionsDropped(const QList<int> &regions, int row);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
};

} // namespace tp::ui
