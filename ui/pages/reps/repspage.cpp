#include "repspage.h"

#include "delegates/moneydelegate.h"
#include "delegates/spinboxdelegate.h"
#include "edits/bookeditor.h"
#include "models/modelroles.h"
#include "models/reptablemodel.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "style/icons.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>

namespace tp::ui {

RepsPage::RepsPage(BookSession *session, ScopeState *scope, QWidget *parent)
    : TablePage(session, scope, parent), m_model(new RepTableModel(session, this))
{
    using Column = RepTableModel::Column;
    m_model->setPeriod(scope->period(), scope->asOf());
    setModel(m_model, { 28, 18, 18, 12, 10, 18, 18, 26, 20 }, { int(Column::Rep) });
    tableView()->horizontalHeader()->setSortIndicator(int(Column::Rep), Qt::AscendingOrder);
    tableView()->setItemDelegateForColumn(int(Column::Quota), new MoneyDelegate(true, this));
    tableView()->setItemDelegateForColumn(int(Column::Capacity), SpinBoxDelegate::capacity(this));
    searchField()->setToolTip(tr("Search rep names (Ctrl+F)"));

    m_defaultCapacityAction = new QAction(tr("Use &Default Capacity"), this);
    m_defaultCapacityAction->setStatusTip(tr("Give the selected reps the book's default capacity"));
    connect(m_defaultCapacityAction, &QAction::triggered, this, &RepsPage::useDefaultCapacity);
    addPageAction(m_defaultCapacityAction);

    m_removeQuotaAction =
            new QAction(themeIcon(QStringLiteral("edit-clear")), tr("&Remove Quota"), this);
    m_removeQuotaAction->setStatusTip(tr("Remove the selected reps' quotas for the period"));
    connect(m_removeQuotaAction, &QAction::triggered, this, &RepsPage::removeQuotas);
    addPageAction(m_removeQuotaAction);
    updateActions();
}

QIcon RepsPage::icon() const
{
    return pageIcon(QStringLiteral("reps"));
}

void RepsPage::onScopeChanged()
{
    TablePage::onScopeChanged();
    m_model->setPeriod(m_scope->period(), m_scope->asOf());
}

QString RepsPage::countLabel(int shown, int total) const
{
    if (shown == total)
        return tr("%Ln reps", nullptr, total);
    return tr("%1 of %Ln reps", nullptr, total).arg(m_model->formatter().number(shown));
}

QString RepsPage::emptyBookText() const
{
    return tr("This book has no reps yet.");
}

QString RepsPage::noMatchText() const
{
    return tr("No reps match the search and the scope.");
}

void RepsPage::updateActions()
{
    TablePage::updateActions();
    if (!m_removeQuotaAction) // called while the page is still being built
        return;
    bool capacity = false, quota = false;
    const BookView *view = m_session->view();
    if (view) {
        for (int row : selectedRows()) {
            capacity = capacity
                    || view->reps[std::size_t(m_model->sourceRow(row))].capacity.has_value();
            quota = quota
                    || m_model->index(row, int(RepTableModel::Column::Quota))
                               .data(RawValueRole)
                               .isValid();
        }
    }
    m_defaultCapacityAction->setEnabled(capacity);
    m_removeQuotaAction->setEnabled(quota);
}

void RepsPage::useDefaultCapacity()
{
    const BookView *view = m_session->view();
    if (!view)
        return;
    QList<Id> ids;
    for (int row : selectedRows())
        if (view->reps[std::size_t(m_model->sourceRow(row))].capacity)
            ids.append(m_model->idAt(row));
    if (ids.isEmpty())
        return;
    const std::vector<Id> reps(ids.begin(), ids.end());
    m_session->edit(&BookEditor::setRepCapacity, reps, std::nullopt);
}

void RepsPage::removeQuotas()
{
    QList<Id> ids;
    for (int row : selectedRows())
        if (m_model->index(row, int(RepTableModel::Column::Quota)).data(RawValueRole).isValid())
            ids.append(m_model->idAt(row));
    if (ids.isEmpty())
        return;
    const QString period = m_model->period();
    const std::vector<Id> reps(ids.begin(), ids.end());
    m_session->edit(&BookEditor::setQuota, reps, period, std::nullopt);
}

} // namespace tp::ui
