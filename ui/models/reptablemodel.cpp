#include "reptablemodel.h"

#include "modelroles.h"
#include "session/booksession.h"
#include "style/theme.h"

#include <QBrush>
#include <QFont>

#include <algorithm>
#include <numeric>

namespace tp::ui {

RepTableModel::RepTableModel(BookSession *session, QObject *parent)
    : BookTableModel(session, parent)
{
    connect(session, &BookSession::repChanged, this, [this](Id id) {
        if (const BookView *view = m_session->view()) {
            if (Column(sortColumn()) == Column::Capacity)
                invalidateSortCache();
            emitRowChanged(view->repIndex(id));
        }
    });
    connect(session, &BookSession::quotaChanged, this, [this](Id id, const QString &period) {
        const BookView *view = m_session->view();
        if (!view || period != m_period)
            return;
        const int rep = view->repIndex(id);
        if (rep < 0)
            return;
        m_quota[std::size_t(rep)] = m_session->quota(id, m_period);
        if (Column(sortColumn()) == Column::Quota)
            invalidateSortCache();
        emitRowChanged(rep);
    });
    connect(session, &BookSession::opportunityChanged, this, [this] {
        if (!m_session->view() || rowCount() == 0)
            return;
        computeTotals();
        if (Column(sortColumn()) == Column::Active || Column(sortColumn()) == Column::OpenPipeline)
            invalidateSortCache();
        emit dataChanged(index(0, int(Column::Active)),
                         index(rowCount() - 1, int(Column::OpenPipeline)));
    });
    populate();
}

int RepTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

int RepTableModel::totalCount() const
{
    const BookView *view = m_session->view();
    return view ? int(view->reps.size()) : 0;
}

Id RepTableModel::idAt(int row) const
{
    return m_session->view()->reps[std::size_t(sourceRow(row))].id;
}

int RepTableModel::rowOfId(Id id) const
{
    const BookView *view = m_session->view();
    return view ? rowOfSource(view->repIndex(id)) : -1;
}

int RepTableModel::capacityOf(int rep) const
{
    const BookView &v = *m_session->view();
    return v.reps[std::size_t(rep)].capacity.value_or(v.settings.defaultCapacity);
}

void RepTableModel::setPeriod(const QString &period)
{
    if (period == m_period)
        return;
    m_period = period;
    loadQuotas();
    if (Column(sortColumn()) == Column::Quota)
        invalidateSortCache();
    refresh(); // a reset also refreshes the "Quota (period)" header
}

void RepTableModel::bookLoaded()
{
    loadQuotas();
    computeTotals();
}

void RepTableModel::loadQuotas()
{
    const BookView *view = m_session->view();
    m_quota.assign(view ? view->reps.size() : 0, std::nullopt);
    if (!view || m_period.isEmpty())
        return;
    for (std::size_t i = 0; i < view->reps.size(); ++i)
        m_quota[i] = m_session->quota(view->reps[i].id, m_period);
}

void RepTableModel::computeTotals()
{
    const BookView *view = m_session->view();
    const std::size_t reps = view ? view->reps.size() : 0;
    m_active.assign(reps, 0);
    m_pipeline.assign(reps, 0);
    if (!view)
        return;
    const auto &o = view->opportunities;
    const int reporting = int(o.currencies.indexOf(view->settings.currency));
    for (std::size_t i = 0; i < o.id.size(); ++i) {
        const int owner = o.owner[i];
        if (owner < 0 || o.status[i] != std::uint8_t(Status::Open))
            continue;
        m_active[std::size_t(owner)] += 1;
        if (int(o.currency[i]) == reporting)
            m_pipeline[std::size_t(owner)] += o.amount[i];
    }
}

std::vector<int> RepTableModel::sortedRows(int column, bool descending) const
{
    const BookView &v = *m_session->view();
    std::vector<int> rows(v.reps.size());
    std::iota(rows.begin(), rows.end(), 0);
    const auto key = [&](int r) -> qint64 {
        const auto i = std::size_t(r);
        switch (Column(column)) {
        case Column::Quota:
            return m_quota[i] ? *m_quota[i] : -1;
        case Column::Capacity:
            return capacityOf(r);
        case Column::Active:
            return m_active[i];
        case Column::OpenPipeline:
            return m_pipeline[i];
        default:
            return 0;
        }
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int l, int r) {
        if (Column(column) == Column::Rep) {
            const int c = QString::compare(v.reps[std::size_t(l)].name, v.reps[std::size_t(r)].name,
                                           Qt::CaseInsensitive);
            return descending ? c > 0 : c < 0;
        }
        return descending ? key(l) > key(r) : key(l) < key(r);
    });
    return rows;
}

std::vector<int> RepTableModel::filteredRows(const std::vector<int> &sorted,
                                             const RowFilter &filter) const
{
    const BookView &v = *m_session->view();
    // In a territory's scope: the reps who work in it (own it, its accounts or their deals).
    std::vector<char> inTerritory;
    if (filter.scopeTerritory >= 0) {
        inTerritory.assign(v.reps.size(), 0);
        const int territoryOwner = v.territories[std::size_t(filter.scopeTerritory)].owner;
        if (territoryOwner >= 0)
            inTerritory[std::size_t(territoryOwner)] = 1;
        for (int i = 0; i < v.accounts.size(); ++i)
            if (v.accounts.territory[std::size_t(i)] == filter.scopeTerritory
                && v.accounts.owner[std::size_t(i)] >= 0)
                inTerritory[std::size_t(v.accounts.owner[std::size_t(i)])] = 1;
        const auto &o = v.opportunities;
        for (std::size_t i = 0; i < o.id.size(); ++i) {
            const int account = o.account[i];
            if (o.owner[i] >= 0 && account >= 0
                && v.accounts.territory[std::size_t(account)] == filter.scopeTerritory)
                inTerritory[std::size_t(o.owner[i])] = 1;
        }
    }
    const QString text = filter.text.trimmed();
    std::vector<int> rows;
    for (int r : sorted) {
        if (filter.scopeRep >= 0 && r != filter.scopeRep)
            continue;
        if (filter.owner >= 0 && r != filter.owner)
            continue;
        if (!inTerritory.empty() && !inTerritory[std::size_t(r)])
            continue;
        if (!text.isEmpty() && !v.reps[std::size_t(r)].name.contains(text, Qt::CaseInsensitive))
            continue;
        rows.push_back(r);
    }
    return rows;
}

QVariant RepTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return BookTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(Column(section)) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        if (Column(section) == Column::Active)
            return tr("Open opportunities the rep owns, against the rep's capacity");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Rep:
        return tr("Rep");
    case Column::Quota:
        return m_period.isEmpty() ? tr("Quota") : tr("Quota (%1)").arg(m_period);
    case Column::Capacity:
        return tr("Capacity");
    case Column::Active:
        return tr("Active opportunities");
    case Column::OpenPipeline:
        return tr("Open pipeline");
    case Column::Count:
        break;
    }
    return {};
}

Qt::ItemFlags RepTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = BookTableModel::flags(index);
    if (index.isValid()
        && (Column(index.column()) == Column::Quota || Column(index.column()) == Column::Capacity)
        && !(Column(index.column()) == Column::Quota && m_period.isEmpty()))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant RepTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !m_session->view())
        return {};
    const BookView &v = *m_session->view();
    const int rep = sourceRow(index.row());
    const auto i = std::size_t(rep);
    const auto column = Column(index.column());
    const bool defaultCapacity = !v.reps[i].capacity.has_value();
    const bool overCapacity = m_active[i] > capacityOf(rep);
    switch (role) {
    case Qt::DisplayRole:
        return display(rep, column);
    case Qt::EditRole:
        if (column == Column::Quota)
            return m_quota[i] ? QVariant(double(*m_quota[i]) / 100.0) : QVariant();
        if (column == Column::Capacity)
            return v.reps[i].capacity ? QVariant(*v.reps[i].capacity) : QVariant();
        return display(rep, column);
    case RawValueRole:
        return rawValue(rep, column);
    case IdRole:
        return qlonglong(v.reps[i].id);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
                (isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    case Qt::FontRole:
        if ((column == Column::Capacity && defaultCapacity)
            || (column == Column::Active && overCapacity)) {
            QFont font;
            font.setItalic(column == Column::Capacity);
            font.setBold(column == Column::Active);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if ((column == Column::Capacity && defaultCapacity)
            || (column == Column::Quota && !m_quota[i]))
            return QBrush(theme::derivedText());
        if (column == Column::Active && overCapacity)
            return QBrush(theme::warningText());
        return {};
    case Qt::ToolTipRole:
        if (column == Column::Capacity && defaultCapacity)
            return tr("The book's default capacity");
        if (column == Column::Quota && !m_quota[i])
            return tr("No quota for %1").arg(m_period);
        if (column == Column::Active && overCapacity)
            return tr("%1 active opportunities: more than the capacity of %2")
                    .arg(m_format.number(m_active[i]), m_format.number(capacityOf(rep)));
        return {};
    default:
        return {};
    }
}

QVariant RepTableModel::display(int rep, Column column) const
{
    const BookView &v = *m_session->view();
    const auto i = std::size_t(rep);
    switch (column) {
    case Column::Rep:
        return v.reps[i].name;
    case Column::Quota:
        return m_quota[i] ? m_format.money(*m_quota[i], v.settings.currency) : QStringLiteral("—");
    case Column::Capacity:
        return m_format.number(capacityOf(rep));
    case Column::Active:
        return m_format.number(m_active[i]);
    case Column::OpenPipeline:
        return m_format.money(m_pipeline[i], v.settings.currency);
    case Column::Count:
        break;
    }
    return {};
}

QVariant RepTableModel::rawValue(int rep, Column column) const
{
    const auto i = std::size_t(rep);
    switch (column) {
    case Column::Quota:
        return m_quota[i] ? QVariant(qlonglong(*m_quota[i])) : QVariant();
    case Column::Capacity:
        return capacityOf(rep);
    case Column::Active:
        return m_active[i];
    case Column::OpenPipeline:
        return qlonglong(m_pipeline[i]);
    default:
        return display(rep, column);
    }
}

bool RepTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Id id = idAt(index.row());
    const bool empty = !value.isValid() || value.isNull() || value.toString().trimmed().isEmpty();
    if (Column(index.column()) == Column::Quota) {
        // Empty removes the quota for the period.
        bool ok = false;
        const auto amount = m_format.moneyFromVariant(value, &ok);
        if (!ok) {
            m_session->reportError(tr("“%1” is not an amount.").arg(value.toString()));
            return false;
        }
        return m_session->setQuota(id, m_period, amount);
    }
    // Capacity: empty goes back to the book's default.
    if (empty)
        return m_session->setRepCapacity(id, std::nullopt);
    bool ok = false;
    const int capacity = value.typeId() == QMetaType::QString
            ? m_format.locale().toInt(value.toString().trimmed(), &ok)
            : value.toInt(&ok);
    if (!ok) {
        m_session->reportError(tr("“%1” is not a whole number.").arg(value.toString()));
        return false;
    }
    return m_session->setRepCapacity(id, capacity);
}

} // namespace tp::ui
