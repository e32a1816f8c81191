#include "accountspage.h"

#include "session/accountselection.h"

#include "delegates/moneydelegate.h"
#include "delegates/ownerdelegate.h"
#include "delegates/territorydelegate.h"
#include "edits/bookeditor.h"
#include "models/accounttablemodel.h"
#include "reassignprompt.h"
#include "session/booksession.h"
#include "storage/accountreassignment.h"
#include "style/icons.h"

#include <QAction>
#include <QComboBox>
#include <QTableView>

namespace tp::ui {

AccountsPage::AccountsPage(BookSession *session, ScopeState *scope, AccountSelection *selection,
                           QWidget *parent)
    : TablePage(session, scope, parent),
      m_model(new AccountTableModel(session, this)),
      m_ownerFilter(new QComboBox(this)),
      m_shared(selection)
{
    using Column = AccountColumn;
    setModel(m_model, { 28, 16, 9, 10, 19, 14, 14, 13, 8, 18 },
             { int(Column::Name), int(Column::Territory) });
    QTableView *view = tableView();
    view->setItemDelegateForColumn(int(Column::Potential), new MoneyDelegate(true, this));
    view->setItemDelegateForColumn(int(Column::Owner), new OwnerDelegate(session, this));
    view->setItemDelegateForColumn(int(Column::Territory), new TerritoryDelegate(session, this));
    m_model->setOwnerQuestion(
            [this](Id account, std::optional<Id> owner, const AccountOpenDeals &deals) {
                return ReassignPrompt::ask(this, *m_session, account, owner, deals);
            });

    m_ownerFilter->setToolTip(tr("Show one owner's accounts"));
    m_ownerFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillOwnerCombo(m_ownerFilter, session);
    connect(m_ownerFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setOwnerFilter(m_ownerFilter->currentData().toInt()); });
    addFilterWidget(m_ownerFilter);

    m_clearPotentialAction = new QAction(themeIcon(QStringLiteral("edit-clear")),
                                         tr("C&lear Revenue Potential"), this);
    m_clearPotentialAction->setStatusTip(
            tr("Derive the revenue potential of the selected accounts from their open pipeline"));
    connect(m_clearPotentialAction, &QAction::triggered, this, &AccountsPage::clearPotentials);
    addPageAction(m_clearPotentialAction);
    updateActions();

    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::shareSelection);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AccountsPage::shareSelection);
    connect(m_shared, &AccountSelection::changed, this, &AccountsPage::showSharedSelection);
    // A search or a filter hides rows; it is not the user choosing other accounts. While the
    // table is rebuilt its selection is not shared, and afterwards the shared one is shown
    // again on the rows still there.
    const auto rebuilding = [this] { m_showingShared = true; };
    const auto rebuilt = [this] {
        m_showingShared = false;
        showSharedSelection(nullptr);
    };
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, rebuilding);
    connect(m_model, &QAbstractItemModel::modelReset, this, rebuilt);
    connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, rebuilding);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, rebuilt);
}

void AccountsPage::shareSelection()
{
    if (m_showingShared)
        return;
    std::vector<int> accounts;
    for (const int row : selectedRows())
        accounts.push_back(m_model->sourceRow(row));
    const QModelIndex current = tableView()->selectionModel()->currentIndex();
    const bool currentSelected =
            current.isValid() && tableView()->selectionModel()->isSelected(current);
    m_shared->select(std::move(accounts), currentSelected ? m_model->sourceRow(current.row()) : -1,
                     this);
}

void AccountsPage::showSharedSelection(const QObject *from)
{
    if (from == this)
        return;
    const std::vector<int> &accounts = m_shared->accounts();
    // Table rows by account: one pass over the table for more than a few accounts.
    std::vector<int> rowOf;
    if (accounts.size() > 8) {
        if (const BookView *view = m_session->view()) {
            rowOf.assign(std::size_t(view->accounts.size()), -1);
            for (int row = 0; row < m_model->rowCount(); ++row)
                rowOf[std::size_t(m_model->sourceRow(row))] = row;
        }
    }
    const auto tableRow = [&](int account) {
        if (rowOf.empty())
            return m_model->rowOfSource(account);
        return account >= 0 && std::size_t(account) < rowOf.size() ? rowOf[std::size_t(account)]
                                                                   : -1;
    };
    m_showingShared = true;
    QItemSelection rows;
    for (const int account : accounts) {
        const int row = tableRow(account);
        if (row >= 0)
            rows.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    }
    QItemSelectionModel *selection = tableView()->selectionModel();
    selection->select(rows, QItemSelectionModel::ClearAndSelect);
    if (const int current = tableRow(m_shared->current()); current >= 0) {
        selection->setCurrentIndex(m_model->index(current, 0), QItemSelectionModel::NoUpdate);
        tableView()->scrollTo(m_model->index(current, 0));
    }
    m_showingShared = false;
}

QIcon AccountsPage::icon() const
{
    return pageIcon(QStringLiteral("accounts"));
}

void AccountsPage::onBookLoaded()
{
    // The model carries its owner filter across a reload of the book (BookSession).
    fillOwnerCombo(m_ownerFilter, m_session,
                   m_session->carriedRepIndex(m_ownerFilter->currentData().toInt()));
}

QString AccountsPage::countLabel(int shown, int total) const
{
    if (shown == total)
        return tr("%Ln accounts", nullptr, total);
    return tr("%1 of %Ln accounts", nullptr, total).arg(m_model->formatter().number(shown));
}

QString AccountsPage::emptyBookText() const
{
    return tr("This book has no accounts yet.");
}

QString AccountsPage::noMatchText() const
{
    return tr("No accounts match the search, the owner filter and the scope.");
}

QList<Id> AccountsPage::selectedWithPotential() const
{
    QList<Id> ids;
    const BookView *view = m_session->view();
    if (!view)
        return ids;
    for (int row : selectedRows())
        if (view->accounts.potential[std::size_t(m_model->sourceRow(row))] >= 0)
            ids.append(m_model->idAt(row));
    return ids;
}

void AccountsPage::updateActions()
{
    TablePage::updateActions();
    if (!m_clearPotentialAction) // called while the page is still being built
        return;
    m_clearPotentialAction->setEnabled(!selectedWithPotential().isEmpty());
}

void AccountsPage::clearPotentials()
{
    const QList<Id> ids = selectedWithPotential();
    if (ids.isEmpty())
        return;
    const std::vector<Id> accounts(ids.begin(), ids.end());
    m_session->edit(&BookEditor::setPotential, accounts, std::nullopt);
}

} // namespace tp::ui
