#pragma once

#include "formatter.h"
#include "views/tablequery.h"

#include <QAbstractTableModel>

#include <vector>

namespace tp::ui {

class BookSession;

// The common part of the book's tables: rows are a permutation of the BookView's rows, sorted
// and filtered by the model itself (no QSortFilterProxyModel: at a million rows it takes
// seconds). The full sorted permutation is cached for the sort column, so a new filter only
// filters again. Structural changes reset the model; a single-row edit emits dataChanged, and
// removes or inserts the row when the edit took it out of the filter or into it (a row given to
// another rep leaves that rep's list at once). A model may add footer rows (a total) after the
// rows of the book: they are not sorted with them and shown only when a row of the book is.
class BookTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit BookTableModel(BookSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    const RowFilter &filter() const { return m_filter; }
    void setFilter(const RowFilter &filter);
    void setTextFilter(const QString &text);
    void setOwnerFilter(int repIndex);
    void setStageFilter(std::optional<Stage> stage);
    void setStatusFilter(std::optional<Status> status);
    void setScope(int repIndex, int territoryIndex);

    // Rows of the book this table could show (before filters).
    virtual int totalCount() const = 0;
    // Rows of the book shown (rowCount() without the footer).
    int shownCount() const { return int(m_rows.size()); }
    bool isFooterRow(int row) const { return row >= int(m_rows.size()); }
    // The BookView row behind a table row, and back (-1 when filtered out).
    int sourceRow(int row) const { return m_rows[std::size_t(row)]; }
    int rowOfSource(int sourceRow) const;

    BookSession *session() const { return m_session; }
    const Formatter &formatter() const { return m_format; }

protected:
    virtual std::vector<int> sortedRows(int column, bool descending) const = 0;
    virtual std::vector<int> filteredRows(const std::vector<int> &sorted,
                                          const RowFilter &filter) const = 0;
    // A fresh book arrived (called inside the model reset, before rows are rebuilt).
    virtual void bookLoaded() { }
    // Rows after those of the book (a total row), shown while any row of the book is.
    virtual int footerRowCount() const { return 0; }

    // Derived constructors end with this: shows the session's book when it is already loaded.
    void populate();
    // Re-filters (and re-sorts when the cached order is stale) inside a model reset.
    void refresh();
    // An edit changed values the current sort depends on: sort again at the next refresh.
    void invalidateSortCache() { m_sortedValid = false; }
    void emitRowChanged(int sourceRow);
    // After an edit of `sourceRow`: removes its row when it no longer passes the filter, inserts
    // it (where the current order puts it) when it now does, else emits dataChanged for it.
    void updateRow(int sourceRow);
    // The same for the rows of one edit, however many: one pass over the rows shown, one
    // dataChanged over their span; when some come or go, the rows are filtered again (one reset,
    // not thousands of inserts).
    void updateRows(std::vector<int> sourceRows);
    void emitRowsChanged(std::vector<int> sourceRows);

    BookSession *m_session;
    Formatter m_format;

private:
    void rebuild();

    RowFilter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_sorted; // every row, in sort order
    bool m_sortedValid = false;
    std::vector<int> m_rows; // the rows shown: m_sorted minus the filtered-out ones
    bool m_resetting = false;
    bool m_scopeSetWhileResetting = false; // setScope() between aboutToSwitchBook and loaded
};

} // namespace tp::ui
