#include "tablepage.h"

#include "models/booktablemodel.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "style/icons.h"
#include "widgets/emptystate.h"
#include "widgets/tablekeys.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

// Above this many rows a keystroke in the search field waits for the next one.
constexpr int immediateSearchRows = 50000;

} // namespace

TablePage::TablePage(BookSession *session, ScopeState *scope, QWidget *parent)
    : Page(parent),
      m_session(session),
      m_scope(scope),
      m_view(new QTableView(this)),
      m_search(new QLineEdit(this)),
      m_filterRow(new QHBoxLayout),
      m_countLabel(new QLabel(this)),
      m_empty(new EmptyState(m_view->viewport())),
      m_searchTimer(new QTimer(this))
{
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search"));
    m_search->addAction(themeIcon(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 32);
    m_search->setToolTip(tr("Search names and CRM ids (Ctrl+F)"));

    m_filterRow->setContentsMargins(0, 0, 0, 0);
    m_filterRow->addWidget(m_search);
    m_filterRow->addStretch(1);
    m_filterRow->addWidget(m_countLabel);
    m_countLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(m_filterRow);
    layout->addWidget(m_view, 1);

    m_empty->hide();
    m_view->viewport()->installEventFilter(this);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->setTextFilter(m_search->text());
    });
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (m_model && m_model->totalCount() < immediateSearchRows) {
            m_searchTimer->stop();
            m_model->setTextFilter(m_search->text());
        } else {
            m_searchTimer->start();
        }
    });

    // Copy is the page's: Ctrl+C works while the focus is anywhere in the page.
    m_copyAction = new QAction(themeIcon(QStringLiteral("edit-copy")), tr("&Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setStatusTip(tr("Copy the selected rows as tab-separated text"));
    connect(m_copyAction, &QAction::triggered, this, &TablePage::copySelection);
    addPageAction(m_copyAction);

    connect(scope, &ScopeState::changed, this, &TablePage::onScopeChanged);
    connect(session, &BookSession::loaded, this, [this] {
        onBookLoaded();
        updateState();
    });
    connect(session, &BookSession::loadingStarted, this, &TablePage::updateState);
    connect(session, &BookSession::loadFailed, this, &TablePage::updateState);
    connect(session, &BookSession::loadCancelled, this, &TablePage::updateState);
}

void TablePage::setModel(BookTableModel *model, const QList<int> &columnWidths,
                         const QList<int> &stretchColumns)
{
    m_model = model;
    m_view->setModel(model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    letTabLeave(m_view);

    // Fixed row heights keep a million rows instant; the row numbers add nothing here.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    rows->hide();

    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(m_view->fontMetrics().averageCharWidth() * 4);
    // Wide enough for the header text and its sort arrow, whatever the translation.
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    const QFontMetrics headerMetrics(header->font());
    for (int column = 0; column < columnWidths.size() && column < model->columnCount(); ++column) {
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        m_defaultWidths.append(std::max(columnWidths[column] * charWidth + 16,
                                        headerMetrics.horizontalAdvance(title) + 28));
    }
    m_stretchColumns = stretchColumns;
    fitColumns();
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            m_userLayout = true;
    });
    // Book order until the user picks a column (or the saved header state does).
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);

    connect(model, &QAbstractItemModel::modelReset, this, &TablePage::updateState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TablePage::updateState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TablePage::updateState);
    connect(model, &QAbstractItemModel::dataChanged, this, &TablePage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TablePage::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TablePage::showContextMenu);
    updateState();
}

void TablePage::addFilterWidget(QWidget *widget)
{
    // After the search field and the filters before it; the stretch and the count stay last.
    m_filterRow->insertWidget(m_nextFilterIndex++, widget);
}

void TablePage::fillOwnerCombo(QComboBox *combo, const BookSession *session, int selected)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("All owners"), -1);
    if (const BookView *view = session->view()) {
        if (!view->reps.empty())
            combo->insertSeparator(1);
        for (std::size_t i = 0; i < view->reps.size(); ++i)
            combo->addItem(view->reps[i].name, int(i));
    }
    combo->setCurrentIndex(std::max(0, combo->findData(selected)));
}

void TablePage::onScopeChanged()
{
    if (m_model)
        m_model->setScope(m_scope->repIndex(), m_scope->territoryIndex());
}

void TablePage::updateActions()
{
    m_copyAction->setEnabled(m_view->selectionModel() && m_view->selectionModel()->hasSelection());
}

QList<int> TablePage::selectedRows() const
{
    QList<int> rows;
    if (!m_view->selectionModel())
        return rows;
    // Ranges, not selectedRows(): cheap even when a million rows are selected.
    // Footer rows (a total) are not rows of the book: never part of a selection's edits.
    const int shown = m_model ? m_model->shownCount() : 0;
    for (const QItemSelectionRange &range : m_view->selectionModel()->selection())
        for (int row = range.top(); row <= std::min(range.bottom(), shown - 1); ++row)
            rows.append(row);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QString TablePage::selectedRowsAsText() const
{
    if (!m_model)
        return {};
    const QHeaderView *header = m_view->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QString text;
    for (int row : selectedRows()) {
        for (int i = 0; i < columns.size(); ++i) {
            if (i > 0)
                text += QLatin1Char('\t');
            QString cell = m_model->index(row, columns[i]).data(Qt::DisplayRole).toString();
            cell.replace(QLatin1Char('\t'), QLatin1Char(' '));
            cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
            text += cell;
        }
        text += QLatin1Char('\n');
    }
    return text;
}

void TablePage::copySelection()
{
    const QString text = selectedRowsAsText();
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    const int rows = int(text.count(QLatin1Char('\n')));
    emit statusMessage(tr("Copied %n row(s).", nullptr, rows));
}

void TablePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QByteArray TablePage::saveHeaderState() const
{
    return m_view->horizontalHeader()->saveState();
}

void TablePage::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty() && m_view->horizontalHeader()->restoreState(state))
        m_userLayout = true;
}

void TablePage::fitColumns()
{
    if (m_userLayout || m_defaultWidths.isEmpty())
        return;
    QHeaderView *header = m_view->horizontalHeader();
    int total = 0;
    for (int width : std::as_const(m_defaultWidths))
        total += width;
    const int extra = std::max(0, m_view->viewport()->width() - total);
    const int share = m_stretchColumns.isEmpty() ? 0 : extra / int(m_stretchColumns.size());
    m_fitting = true;
    for (int column = 0; column < m_defaultWidths.size(); ++column)
        header->resizeSection(
                column, m_defaultWidths[column] + (m_stretchColumns.contains(column) ? share : 0));
    m_fitting = false;
}

QString TablePage::countText() const
{
    return m_countLabel->text();
}

QString TablePage::emptyText() const
{
    return m_empty->isVisibleTo(m_view->viewport()) ? m_empty->text() : QString();
}

void TablePage::updateState()
{
    if (!m_model)
        return;
    const int shown = m_model->shownCount();
    const int total = m_model->totalCount();
    m_countLabel->setText(m_session->isOpen() ? countLabel(shown, total) : QString());

    Emptiness empty;
    if (shown == 0) {
        empty = emptiness(m_session, total > 0, emptyBookText());
        if (empty.text.isEmpty())
            empty.text = noMatchText();
    }
    m_empty->setMessage(empty.text, empty.actions);
    m_empty->setVisible(!empty.text.isEmpty());
    placeEmptyLabel();
    updateActions();
}

void TablePage::placeEmptyLabel()
{
    const QRect area = m_view->viewport()->rect();
    m_empty->setGeometry(area);
}

bool TablePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        placeEmptyLabel();
        fitColumns();
    }
    return QWidget::eventFilter(watched, event);
}

void TablePage::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addActions(pageActions());
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace tp::ui
