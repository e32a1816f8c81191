#pragma once

#include "page.h"

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace tp::ui {

class BookSession;
class BookTableModel;
class EmptyState;
class ScopeState;

// The shape every table page shares: a filter row (search field, the page's filter combos,
// a count), the table, an empty state over it (why, and Import CSV… for an empty book), a
// context menu of the page's actions
// and Copy as tab-separated rows. Each page is its own subclass in its own folder.
class TablePage : public Page
{
    Q_OBJECT

public:
    TablePage(BookSession *session, ScopeState *scope, QWidget *parent = nullptr);

    QAction *copyAction() const { return m_copyAction; }

    QTableView *tableView() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    BookTableModel *model() const { return m_model; }
    QString countText() const;
    QString emptyText() const;

    void focusSearch() override;
    EmptyState *emptyState() const { return m_empty; }
    // The selected rows, visible columns in their visual order, as tab-separated text.
    QString selectedRowsAsText() const;
    void copySelection();

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);
    QByteArray saveState() const override { return saveHeaderState(); }
    void restoreState(const QByteArray &state) override { restoreHeaderState(state); }

protected:
    // Sets up the table for `model`. `columnWidths` are in average character widths, so they
    // follow the font and the screen's scale; never resizeColumnsToContents at a million rows.
    // Until the user arranges the columns, `stretchColumns` share the width left over.
    void setModel(BookTableModel *model, const QList<int> &columnWidths,
                  const QList<int> &stretchColumns = {});
    void addFilterWidget(QWidget *widget);
    // "All owners" plus the book's reps (user data: rep index, -1 for all), `selected` current.
    static void fillOwnerCombo(QComboBox *combo, const BookSession *session, int selected = -1);

    // Count label text, e.g. "120 of 1,500 opportunities".
    virtual QString countLabel(int shown, int total) const = 0;
    virtual QString emptyBookText() const = 0;
    virtual QString noMatchText() const = 0;
    // A new book is in: refill the page's combos.
    virtual void onBookLoaded() { }
    // The scope bar moved.
    virtual void onScopeChanged();
    // Selection moved: enable or disable the page's actions.
    virtual void updateActions();
    // Model ids of the selected rows, in row order.
    QList<int> selectedRows() const;

    bool eventFilter(QObject *watched, QEvent *event) override;
    void fileActionsChanged() override { updateState(); }

    BookSession *m_session;
    ScopeState *m_scope;

private:
    void updateState();
    void placeEmptyLabel();
    void fitColumns();
    void showContextMenu(const QPoint &pos);

    BookTableModel *m_model = nullptr;
    QTableView *m_view;
    QLineEdit *m_search;
    QHBoxLayout *m_filterRow;
    QLabel *m_countLabel;
    EmptyState *m_empty;
    QTimer *m_searchTimer;
    QAction *m_copyAction;
    int m_nextFilterIndex = 1;
    QList<int> m_defaultWidths; // pixels
    QList<int> m_stretchColumns;
    bool m_fitting = false;
    bool m_userLayout = false; // the user (or saved settings) sized the columns
};

} // namespace tp::ui
