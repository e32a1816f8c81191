#include "accounttablemodel.h"

#include "edits/bookeditor.h"
#include "modelroles.h"
#include "session/booksession.h"
#include "storage/accountreassignment.h"
#include "storage/bookreader.h"
#include "style/theme.h"

#include <QBrush>
#include <QFont>

namespace tp::ui {

namespace {

using Column = AccountColumn;

QString dictionaryValue(const QStringList &dictionary, int index)
{
    return index >= 0 ? dictionary.value(index) : QString();
}

} // namespace

AccountTableModel::AccountTableModel(BookSession *session, QObject *parent)
    : BookTableModel(session, parent)
{
    connect(session, &BookSession::changed, this, [this](const BookChange &change) {
        const BookView *view = m_session->view();
        if (!view)
            return;
        const Column sorted = Column(sortColumn());
        const bool accounts = change.aspects().testFlag(ChangeAspect::Accounts);
        const bool deals = change.aspects().testFlag(ChangeAspect::Opportunities);
        if ((accounts
             && (sorted == Column::Owner || sorted == Column::Potential
                 || sorted == Column::Territory))
            || (deals
                && (sorted == Column::Potential || sorted == Column::OpenPipeline
                    || sorted == Column::OpenOpportunities)))
            invalidateSortCache();
        // Given to another rep: it leaves a list scoped or filtered to the one before.
        std::vector<int> rows;
        for (const Id id : change.accountIds())
            rows.push_back(view->accounts.indexOf(id));
        updateRows(std::move(rows));
        // An opportunity edit moves its account's open pipeline (and a derived potential).
        std::vector<int> ofDeals;
        for (const Id id : change.opportunityIds()) {
            const int opportunity = view->opportunities.indexOf(id);
            if (opportunity >= 0)
                ofDeals.push_back(view->opportunities.account[std::size_t(opportunity)]);
        }
        emitRowsChanged(std::move(ofDeals));
    });
    populate();
}

int AccountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

int AccountTableModel::totalCount() const
{
    const BookView *view = m_session->view();
    return view ? view->accounts.size() : 0;
}

Id AccountTableModel::idAt(int row) const
{
    return m_session->view()->accounts.id[std::size_t(sourceRow(row))];
}

int AccountTableModel::rowOfId(Id id) const
{
    const BookView *view = m_session->view();
    return view ? rowOfSource(view->accounts.indexOf(id)) : -1;
}

bool AccountTableModel::isNumeric(Column column)
{
    return column == Column::Potential || column == Column::OpenPipeline
            || column == Column::OpenOpportunities;
}

std::vector<int> AccountTableModel::sortedRows(int column, bool descending) const
{
    return sortedAccounts(*m_session->view(), Column(column), descending);
}

std::vector<int> AccountTableModel::filteredRows(const std::vector<int> &sorted,
                                                 const RowFilter &filter) const
{
    return filterAccounts(*m_session->view(), sorted, filter);
}

bool AccountTableModel::isDerived(int row) const
{
    bool derived = false;
    m_session->view()->accounts.revenuePotential(row, &derived);
    return derived;
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return BookTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(Column(section)) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && Column(section) == Column::Potential)
        return tr("The potential set for the account, else its open pipeline (in italics)");
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Industry:
        return tr("Industry");
    case Column::SizeBand:
        return tr("Size band");
    case Column::Region:
        return tr("Region");
    case Column::Territory:
        return tr("Territory");
    case Column::Owner:
        return tr("Owner");
    case Column::Potential:
        return tr("Revenue potential");
    case Column::OpenPipeline:
        return tr("Open pipeline");
    case Column::OpenOpportunities:
        return tr("Open opportunities");
    case Column::CrmId:
        return tr("CRM id");
    case Column::Count:
        break;
    }
    return {};
}

Qt::ItemFlags AccountTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = BookTableModel::flags(index);
    if (index.isValid()
        && (Column(index.column()) == Column::Potential || Column(index.column()) == Column::Owner
            || Column(index.column()) == Column::Territory))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_session->view())
        return {};
    const BookView &v = *m_session->view();
    const auto &a = v.accounts;
    const int row = sourceRow(index.row());
    const auto i = std::size_t(row);
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::EditRole:
        if (column == Column::Potential)
            return a.potential[i] >= 0 ? QVariant(double(a.potential[i]) / 100.0) : QVariant();
        if (column == Column::Owner)
            return a.owner[i] >= 0 ? QVariant(qlonglong(v.reps[std::size_t(a.owner[i])].id))
                                   : QVariant();
        if (column == Column::Territory)
            return a.territory[i] >= 0
                    ? QVariant(qlonglong(v.territories[std::size_t(a.territory[i])].id))
                    : QVariant();
        return display(row, column);
    case RawValueRole:
        return rawValue(row, column);
    case IdRole:
        return qlonglong(a.id[i]);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::FontRole:
        if (column == Column::Potential && isDerived(row)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if ((column == Column::Potential && isDerived(row))
            || (column == Column::Owner && a.owner[i] < 0))
            return QBrush(theme::derivedText());
        return {};
    case Qt::ToolTipRole:
        if (column == Column::Potential && isDerived(row))
            return tr("Derived from open pipeline");
        if (column == Column::Name)
            return display(row, column);
        return {};
    default:
        return {};
    }
}

QVariant AccountTableModel::display(int row, Column column) const
{
    const BookView &v = *m_session->view();
    const auto &a = v.accounts;
    const auto i = std::size_t(row);
    switch (column) {
    case Column::Name:
        return a.name.at(i);
    case Column::Industry:
        return dictionaryValue(a.industries, a.industry[i]);
    case Column::SizeBand:
        return dictionaryValue(a.sizeBands, a.sizeBand[i]);
    case Column::Region:
        return dictionaryValue(a.regions, a.region[i]);
    case Column::Territory:
        return a.territory[i] >= 0 ? v.territories[std::size_t(a.territory[i])].name : QString();
    case Column::Owner:
        return a.owner[i] >= 0 ? v.reps[std::size_t(a.owner[i])].name : tr("Unassigned");
    case Column::Potential:
        return m_format.money(a.revenuePotential(row), v.settings.currency);
    case Column::OpenPipeline:
        return m_format.money(a.openAmount[i], v.settings.currency);
    case Column::OpenOpportunities:
        return m_format.number(a.openCount[i]);
    case Column::CrmId:
        return a.crmId.at(i);
    case Column::Count:
        break;
    }
    return {};
}

QVariant AccountTableModel::rawValue(int row, Column column) const
{
    const BookView &v = *m_session->view();
    const auto &a = v.accounts;
    const auto i = std::size_t(row);
    switch (column) {
    case Column::Potential:
        return qlonglong(a.revenuePotential(row));
    case Column::OpenPipeline:
        return qlonglong(a.openAmount[i]);
    case Column::OpenOpportunities:
        return a.openCount[i];
    case Column::Owner:
        return a.owner[i] >= 0 ? QVariant(qlonglong(v.reps[std::size_t(a.owner[i])].id))
                               : QVariant();
    case Column::Territory:
        return a.territory[i] >= 0
                ? QVariant(qlonglong(v.territories[std::size_t(a.territory[i])].id))
                : QVariant();
    default:
        return display(row, column);
    }
}

bool AccountTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Id id = idAt(index.row());
    if (Column(index.column()) == Column::Potential) {
        // Empty clears it: the potential is then derived from the open pipeline again.
        bool ok = false;
        const auto potential = m_format.moneyFromVariant(value, &ok);
        if (!ok) {
            m_session->reportError(tr("“%1” is not an amount.").arg(value.toString()));
            return false;
        }
        return m_session->edit(&BookEditor::setPotential, only(id), potential);
    }
    if (Column(index.column()) == Column::Territory)
        return setTerritory(id, value);
    // Owner: a rep id, a rep name, or empty for unassigned.
    if (!value.isValid() || value.isNull())
        return reassign(id, std::nullopt);
    bool isNumber = false;
    const qlonglong rep = value.toLongLong(&isNumber);
    if (isNumber)
        return reassign(id, rep > 0 ? std::optional<Id>(rep) : std::nullopt);
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == tr("Unassigned"))
        return reassign(id, std::nullopt);
    for (const RepRow &r : m_session->view()->reps)
        if (r.name.compare(name, Qt::CaseInsensitive) == 0)
            return reassign(id, r.id);
    m_session->reportError(tr("There is no rep named “%1”.").arg(name));
    return false;
}

// A territory id, a territory's name, or empty for none.
bool AccountTableModel::setTerritory(Id account, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return m_session->edit(&BookEditor::setTerritory, only(account), std::nullopt);
    bool isNumber = false;
    const qlonglong territory = value.toLongLong(&isNumber);
    if (isNumber)
        return m_session->edit(&BookEditor::setTerritory, only(account),
                               territory > 0 ? std::optional<Id>(territory) : std::nullopt);
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == tr("No territory"))
        return m_session->edit(&BookEditor::setTerritory, only(account), std::nullopt);
    for (const TerritoryRow &t : m_session->view()->territories) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return m_session->edit(&BookEditor::setTerritory, only(account), t.id);
    }
    m_session->reportError(tr("There is no territory named “%1”.").arg(name));
    return false;
}

bool AccountTableModel::reassign(Id account, std::optional<Id> owner)
{
    const BookView *view = m_session->view();
    const int row = view->accounts.indexOf(account);
    const int before = row >= 0 ? view->accounts.owner[std::size_t(row)] : -1;
    if ((before >= 0 ? std::optional<Id>(view->reps[std::size_t(before)].id) : std::nullopt)
        == owner)
        return true; // the same owner: nothing to ask, nothing to change
    const auto reader = m_session->reader();
    const AccountOpenDeals deals = reader ? reader->accountOpenDeals(account) : AccountOpenDeals();
    std::optional<bool> move = true;
    if (!deals.following.empty() && m_ownerQuestion)
        move = m_ownerQuestion(account, owner, deals);
    if (!move)
        return false;
    return m_session->edit(&BookEditor::setAccountOwner, only(account), owner, *move);
}

} // namespace tp::ui
