#include "booktablemodel.h"

#include "session/booksession.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace tp::ui {

BookTableModel::BookTableModel(BookSession *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session)
{
    connect(session, &BookSession::aboutToSwitchBook, this, [this] {
        beginResetModel();
        m_resetting = true;
        m_rows.clear();
        m_sorted.clear();
        m_sortedValid = false;
    });
    connect(session, &BookSession::loaded, this, [this] {
        if (!m_resetting)
            beginResetModel();
        m_resetting = false;
        // Rep and territory indexes follow their rows into a reloaded view of the same book
        // (unless the scope, which follows the session too, said where they are already);
        // another book starts without the stage and status filters too.
        m_filter.owner = m_session->carriedRepIndex(m_filter.owner);
        if (!std::exchange(m_scopeSetWhileResetting, false)) {
            m_filter.scopeRep = m_session->carriedRepIndex(m_filter.scopeRep);
            m_filter.scopeTerritory = m_session->carriedTerritoryIndex(m_filter.scopeTerritory);
        }
        if (!m_session->wasReloaded()) {
            m_filter.stage.reset();
            m_filter.status.reset();
        }
        m_sortedValid = false;
        bookLoaded();
        rebuild();
        endResetModel();
    });
}

int BookTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_rows.size()) + (m_rows.empty() ? 0 : footerRowCount());
}

int BookTableModel::rowOfSource(int source) const
{
    // A linear scan of ints: well under a millisecond at a million rows, once per edit.
    const auto it = std::find(m_rows.begin(), m_rows.end(), source);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

void BookTableModel::rebuild()
{
    if (!m_session->view()) {
        m_rows.clear();
        m_sorted.clear();
        m_sortedValid = false;
        return;
    }
    if (!m_sortedValid) {
        if (m_sortColumn < 0 || m_sortColumn >= columnCount()) {
            m_sorted.resize(std::size_t(totalCount()));
            std::iota(m_sorted.begin(), m_sorted.end(), 0);
        } else {
            m_sorted = sortedRows(m_sortColumn, m_sortOrder == Qt::DescendingOrder);
        }
        m_sortedValid = true;
    }
    m_rows = filteredRows(m_sorted, m_filter);
}

void BookTableModel::populate()
{
    if (!m_session->view())
        return;
    bookLoaded();
    rebuild();
}

void BookTableModel::refresh()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

void BookTableModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder && m_sortedValid)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    m_sortedValid = false;
    refresh();
}

void BookTableModel::setFilter(const RowFilter &filter)
{
    m_filter = filter;
    refresh();
}

void BookTableModel::setTextFilter(const QString &text)
{
    if (text == m_filter.text)
        return;
    m_filter.text = text;
    refresh();
}

void BookTableModel::setOwnerFilter(int repIndex)
{
    if (repIndex == m_filter.owner)
        return;
    m_filter.owner = repIndex;
    refresh();
}

void BookTableModel::setStageFilter(std::optional<Stage> stage)
{
    if (stage == m_filter.stage)
        return;
    m_filter.stage = stage;
    refresh();
}

void BookTableModel::setStatusFilter(std::optional<Status> status)
{
    if (status == m_filter.status)
        return;
    m_filter.status = status;
    refresh();
}

void BookTableModel::setScope(int repIndex, int territoryIndex)
{
    if (m_resetting) {
        // Between aboutToSwitchBook() and loaded(): indexes into the view being loaded; the
        // rows are built when it is in place.
        m_filter.scopeRep = repIndex;
        m_filter.scopeTerritory = territoryIndex;
        m_scopeSetWhileResetting = true;
        return;
    }
    if (repIndex == m_filter.scopeRep && territoryIndex == m_filter.scopeTerritory)
        return;
    m_filter.scopeRep = repIndex;
    m_filter.scopeTerritory = territoryIndex;
    refresh();
}

void BookTableModel::emitRowChanged(int source)
{
    const int row = rowOfSource(source);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void BookTableModel::updateRow(int source)
{
    if (source < 0 || !m_session->view())
        return;
    const int row = rowOfSource(source);
    const bool passes = !filteredRows({ source }, m_filter).empty();
    if (passes == (row >= 0)) {
        emitRowChanged(source);
        return;
    }
    // The first or the last row of the book shown also shows or hides the footer: rebuild.
    if (footerRowCount() > 0 && (m_rows.empty() || (m_rows.size() == 1 && row >= 0))) {
        refresh();
        return;
    }
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
        return;
    }
    // The rows shown keep the order of m_sorted (a stale order stays until the next sort): the
    // new row goes after those shown before it there.
    int at = 0;
    for (const int sorted : m_sorted) {
        if (sorted == source)
            break;
        if (std::size_t(at) < m_rows.size() && m_rows[std::size_t(at)] == sorted)
            ++at;
    }
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, source);
    endInsertRows();
}

namespace {

// Ascending, without duplicates or -1.
void normalise(std::vector<int> &rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    rows.erase(rows.begin(), std::lower_bound(rows.begin(), rows.end(), 0));
}

} // namespace

void BookTableModel::emitRowsChanged(std::vector<int> sources)
{
    normalise(sources);
    if (sources.empty())
        return;
    if (sources.size() == 1) {
        emitRowChanged(sources.front());
        return;
    }
    std::vector<char> wanted(std::size_t(sources.back()) + 1, 0);
    for (const int source : sources)
        wanted[std::size_t(source)] = 1;
    int first = -1, last = -1;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const int source = m_rows[row];
        if (source >= 0 && std::size_t(source) < wanted.size() && wanted[std::size_t(source)]) {
            if (first < 0)
                first = int(row);
            last = int(row);
        }
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

void BookTableModel::updateRows(std::vector<int> sources)
{
    if (!m_session->view())
        return;
    normalise(sources);
    if (sources.size() <= 1) {
        if (!sources.empty())
            updateRow(sources.front());
        return;
    }
    const std::size_t size = std::size_t(sources.back()) + 1;
    std::vector<char> shown(size, 0), passes(size, 0);
    for (const int source : m_rows)
        if (source >= 0 && std::size_t(source) < size)
            shown[std::size_t(source)] = 1;
    for (const int source : filteredRows(sources, m_filter))
        passes[std::size_t(source)] = 1;
    const bool comeOrGo = std::any_of(sources.begin(), sources.end(), [&](int source) {
        return shown[std::size_t(source)] != passes[std::size_t(source)];
    });
    if (comeOrGo) {
        refresh();
        return;
    }
    emitRowsChanged(std::move(sources));
}

} // namespace tp::ui
