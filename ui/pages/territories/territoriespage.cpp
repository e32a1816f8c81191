#include "territoriespage.h"

#include "accountdrag.h"
#include "edits/bookeditor.h"
#include "mixweightsdialog.h"
#include "models/accounttablemodel.h"
#include "models/modelroles.h"
#include "proposedialog.h"
#include "scenariosdialog.h"
#include "session/booksession.h"
#include "sharebardelegate.h"
#include "style/icons.h"
#include "territorymappanel.h"
#include "territorystate.h"
#include "territorytablemodel.h"
#include "views/bookview.h"

#include <QAction>
#include <QComboBox>
#include <QDataStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

constexpr quint32 stateVersion = 1;

using territories::Metric;

constexpr Metric shownMetrics[] = { Metric::Ev,       Metric::Potential, Metric::Pipeline,
                                    Metric::Accounts, Metric::Active,    Metric::Mix };

} // namespace

TerritoriesPage::TerritoriesPage(BookSession *session, ScopeState *scope, QWidget *parent)
    : Page(parent),
      m_session(session),
      m_state(new TerritoryState(session, scope, this)),
      m_model(new TerritoryTableModel(m_state, this)),
      m_sorted(new QSortFilterProxyModel(this)),
      m_bars(new ShareBarDelegate(this)),
      m_accounts(new TerritoryAccountModel(session, this)),
      m_territories(new TerritoryDropView(this)),
      m_accountView(new AccountDragView(this)),
      m_metric(new QComboBox(this)),
      m_balance(new QLabel(this)),
      m_accountsTitle(new QLabel(this)),
      m_mapPanel(new TerritoryMapPanel(m_state, this))
{
    auto *content = new QWidget(this);
    auto *metricLabel = new QLabel(tr("&Balance on:"), content);
    metricLabel->setBuddy(m_metric);
    for (const Metric m : shownMetrics)
        m_metric->addItem(territories::metricName(m), int(m));
    m_metric->setAccessibleName(tr("Metric the territories are balanced on"));
    m_balance->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(RawValueRole);
    m_territories->setModel(m_sorted);
    m_territories->setSortingEnabled(true);
    m_territories->sortByColumn(-1, Qt::AscendingOrder);
    m_territories->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_territories->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_territories->setAlternatingRowColors(true);
    m_territories->verticalHeader()->hide();
    m_territories->setWordWrap(false);
    m_territories->setItemDelegateForColumn(int(TerritoryTableModel::Column::Share), m_bars);
    m_territories->horizontalHeader()->setStretchLastSection(true);
    m_territories->setAccessibleName(tr("Territories"));
    m_territories->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_accountView->setModel(m_accounts);
    m_accountView->setSortingEnabled(true);
    m_accountView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_accountView->setAlternatingRowColors(true);
    m_accountView->verticalHeader()->hide();
    m_accountView->setWordWrap(false);
    m_accountView->horizontalHeader()->setStretchLastSection(true);
    m_accountView->setAccessibleName(tr("Accounts of the territory"));
    m_accountView->setIdsOfSelection([this] { return selectedAccounts(); });
    m_accountView->setContextMenuPolicy(Qt::ActionsContextMenu);

    buildActions();
    auto *bar = new QHBoxLayout;
    bar->addWidget(metricLabel);
    bar->addWidget(m_metric);
    bar->addWidget(weightsButton());
    bar->addSpacing(12);
    bar->addWidget(m_balance, 1);
    bar->addWidget(proposeButton());
    auto *top = new QWidget(content);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_territories, 1);
    auto *bottom = new QWidget(content);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_accountsTitle);
    bottomLayout->addWidget(m_accountView, 1);
    auto *split = new QSplitter(Qt::Vertical, content);
    split->setObjectName(QStringLiteral("TerritoriesSplit"));
    split->addWidget(top);
    split->addWidget(besideMap(bottom));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(split);
    setContent(
            content, session, [](const BookView &view) { return view.accounts.size() > 0; },
            tr("This book has no accounts yet: import an accounts export (with a Territory "
               "column, if your CRM has one) to plan territories."));

    connectMap();
    connect(m_metric, &QComboBox::activated, this, [this] {
        const auto metric = Metric(m_metric->currentData().toInt());
        // The first time the mix is chosen, its weights are asked for.
        if (metric == Metric::Mix && !m_weightsAsked)
            askWeights();
        m_state->setMetric(metric);
        m_weights->setVisible(metric == Metric::Mix);
    });
    connect(m_state, &TerritoryState::changed, this, [this] {
        m_stale = true;
        if (m_current) {
            updateBalance();
            updateActions();
        }
    });
    connect(m_territories->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_restoring)
            rememberSelection();
        if (!m_restoring && m_territories->selectionModel()->hasSelection())
            m_mapPanel->clearChoice();
        showAccountsOfSelection();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        restoreSelection();
        if (m_current)
            fitColumns();
    });
    connect(m_accountView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateActions(); });
    connect(m_territories, &TerritoryDropView::accountsDropped, this,
            [this](const std::vector<Id> &ids, int row) {
                moveAccounts(ids, m_sorted->mapToSource(m_sorted->index(row, 0)).row());
            });
    connect(session, &BookSession::loaded, this, [this] {
        showAccountsOfSelection();
        updateActions();
    });
    showAccountsOfSelection();
    updateActions();
}

void TerritoriesPage::setCurrent(bool current)
{
    m_current = current;
    if (current && m_stale) {
        updateBalance();
        updateActions();
        fitColumns();
    }
}

void TerritoriesPage::fitColumns()
{
    // The figures as wide as they need, the bars given what is left (at least their own).
    QHeaderView *header = m_territories->horizontalHeader();
    const int share = int(TerritoryTableModel::Column::Share);
    for (int c = 0; c < share; ++c)
        m_territories->resizeColumnToContents(c);
    header->resizeSection(
            share, std::max(header->sectionSize(share), fontMetrics().averageCharWidth() * 30));
}

QIcon TerritoriesPage::icon() const
{
    return pageIcon(QStringLiteral("territories"));
}

void TerritoriesPage::focusSearch()
{
    m_territories->setFocus(Qt::ShortcutFocusReason);
}

QTableView *TerritoriesPage::territoryView() const
{
    return m_territories;
}

QTableView *TerritoriesPage::accountView() const
{
    return m_accountView;
}

void TerritoriesPage::buildActions()
{
    m_new = new QAction(tr("&New Territory…"), this);
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_new, &QAction::triggered, this, [this] { askNewTerritory(); });
    m_rename = new QAction(tr("&Rename Territory…"), this);
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_rename, &QAction::triggered, this, [this] { askRename(); });
    m_delete = new QAction(tr("&Delete Territory…"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_delete, &QAction::triggered, this, [this] { askDelete(); });
    m_lock = new QAction(tr("&Lock Territory"), this);
    m_lock->setCheckable(true);
    m_lock->setToolTip(tr("A locked territory neither gives nor takes accounts in a "
                          "rebalancing proposal"));
    connect(m_lock, &QAction::triggered, this, [this](bool locked) {
        if (const auto id = selectedTerritoryId())
            m_session->edit(&BookEditor::setTerritoryLocked, *id, locked);
    });
    m_lockAccounts = new QAction(tr("L&ock Accounts"), this);
    connect(m_lockAccounts, &QAction::triggered, this, [this] {
        m_session->edit(&BookEditor::setAccountLock, selectedAccounts(), std::optional(true));
    });
    m_unlockAccounts = new QAction(tr("&Unlock Accounts"), this);
    m_unlockAccounts->setToolTip(tr("Accounts with an open deal are locked unless unlocked"));
    connect(m_unlockAccounts, &QAction::triggered, this, [this] {
        m_session->edit(&BookEditor::setAccountLock, selectedAccounts(), std::optional(false));
    });
    m_moveMenu = new QMenu(tr("&Move Accounts To"), this);
    connect(m_moveMenu, &QMenu::aboutToShow, this, [this] { fillMoveMenu(m_moveMenu, false); });
    m_mergeMenu = new QMenu(tr("Mer&ge Into"), this);
    connect(m_mergeMenu, &QMenu::aboutToShow, this, [this] { fillMoveMenu(m_mergeMenu, true); });
    m_repMenu = new QMenu(tr("&Give to Rep"), this);
    connect(m_repMenu, &QMenu::aboutToShow, this, [this] { fillRepMenu(m_repMenu); });

    m_propose = new QAction(tr("&Propose Rebalancing…"), this);
    m_propose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_propose->setToolTip(tr("Propose the fewest moves that bring every territory near the "
                             "average"));
    m_propose->setIconText(tr("Propose…")); // the bar's button; the menu has the whole text
    connect(m_propose, &QAction::triggered, this, [this] { openProposal(); });
    m_scenarios = new QAction(tr("&Scenarios…"), this);
    m_scenarios->setToolTip(tr("Compare the kept scenarios side by side and apply one"));
    connect(m_scenarios, &QAction::triggered, this, [this] {
        ScenariosDialog dialog(m_state, this);
        dialog.exec();
    });

    for (QAction *a : { m_new, m_rename, m_delete, m_lock })
        addPageAction(a);
    addPageAction(m_propose);
    addPageAction(m_scenarios);
    addPageAction(m_repMenu->menuAction());
    addPageAction(m_mergeMenu->menuAction());
    m_territories->addActions({ m_new, m_rename, m_repMenu->menuAction(), m_mergeMenu->menuAction(),
                                m_lock, m_delete });
    m_sameIndustry = new QAction(tr("Select Same &Industry"), this);
    m_sameIndustry->setToolTip(
            tr("Select every account listed in the industry of the current one"));
    connect(m_sameIndustry, &QAction::triggered, this,
            [this] { selectAccountsLikeCurrent(SameAs::Industry); });
    m_sameSize = new QAction(tr("Select Same Si&ze Band"), this);
    m_sameSize->setToolTip(tr("Select every account listed in the size band of the current one"));
    connect(m_sameSize, &QAction::triggered, this,
            [this] { selectAccountsLikeCurrent(SameAs::SizeBand); });
    m_sameRegion = new QAction(tr("Select Same Re&gion"), this);
    m_sameRegion->setToolTip(tr("Select every account listed in the region of the current one"));
    connect(m_sameRegion, &QAction::triggered, this,
            [this] { selectAccountsLikeCurrent(SameAs::Region); });
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_accountView->addActions({ m_moveMenu->menuAction(), m_lockAccounts, m_unlockAccounts,
                                separator, m_sameIndustry, m_sameSize, m_sameRegion });
}

QWidget *TerritoriesPage::weightsButton()
{
    m_weights = new QToolButton(this);
    m_weights->setText(tr("&Weights…"));
    m_weights->setToolTip(tr("What the weighted mix weighs: expected value, potential, open "
                             "pipeline, accounts and active deals"));
    m_weights->setVisible(false);
    connect(m_weights, &QToolButton::clicked, this, [this] { askWeights(); });
    return m_weights;
}

void TerritoriesPage::askWeights()
{
    m_weightsAsked = true;
    if (const auto weights = MixWeightsDialog::ask(this, m_state->mixWeights()))
        m_state->setMixWeights(*weights);
}

QWidget *TerritoriesPage::proposeButton()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : { m_propose, m_scenarios }) {
        auto *button = new QToolButton(box);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(button);
    }
    return box;
}

void TerritoriesPage::openProposal()
{
    if (!m_session->view())
        return;
    if (m_state->layout().entries.size() < 2) {
        QMessageBox::information(this, tr("Propose Rebalancing"),
                                 tr("A proposal moves accounts between territories: this book "
                                    "needs at least two."));
        return;
    }
    ProposeDialog dialog(m_state, this);
    dialog.exec();
}

void TerritoriesPage::updateBalance()
{
    m_stale = false;
    if (!m_session->view()) {
        m_balance->clear();
        return;
    }
    const territories::Report &r = m_state->report();
    const territories::Layout &l = m_state->layout();
    const Formatter format;
    double largest = 0;
    for (const territories::Figures &f : r.territories)
        largest = std::max(largest, f.shareOfAverage.value_or(0.0));
    m_bars->setScale(largest);
    QString text = r.balance
            ? tr("<b>Balance %1</b> (smallest ÷ largest) · largest deviation %2")
                      .arg(format.ratio(*r.balance), format.ratio(r.maxDeviation.value_or(0.0)))
            : tr("<b>Balance</b> undefined: nothing weighs on this metric");
    if (l.byRep)
        text += tr(" · no territories yet: each rep's accounts are shown as theirs");
    if (l.unassigned > 0)
        text += tr(" · %n account(s) in no territory", nullptr, l.unassigned);
    m_balance->setText(text);
}

int TerritoriesPage::selectedEntry() const
{
    const QModelIndex current = m_territories->selectionModel()->currentIndex();
    const QModelIndexList rows = m_territories->selectionModel()->selectedRows();
    const QModelIndex pick = !rows.isEmpty() ? rows.front() : current;
    return pick.isValid() ? m_sorted->mapToSource(pick).row() : -1;
}

Id TerritoriesPage::keyOf(int entry) const
{
    const BookView *view = m_session->view();
    const territories::Layout &l = m_state->layout();
    if (!view || entry < 0 || entry >= int(l.entries.size()))
        return 0;
    const territories::Layout::Entry &e = l.entries[std::size_t(entry)];
    if (l.byRep)
        return e.rep >= 0 ? view->reps[std::size_t(e.rep)].id : 0;
    return e.territory >= 0 ? view->territories[std::size_t(e.territory)].id : 0;
}

void TerritoriesPage::rememberSelection()
{
    m_selectedKeys.clear();
    for (const QModelIndex &row : m_territories->selectionModel()->selectedRows())
        m_selectedKeys.push_back(keyOf(m_sorted->mapToSource(row).row()));
}

void TerritoriesPage::restoreSelection()
{
    if (m_selectedKeys.empty())
        return;
    m_restoring = true;
    QItemSelection selection;
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const Id key = keyOf(m_sorted->mapToSource(m_sorted->index(row, 0)).row());
        if (std::find(m_selectedKeys.begin(), m_selectedKeys.end(), key) != m_selectedKeys.end())
            selection.select(m_sorted->index(row, 0),
                             m_sorted->index(row, m_sorted->columnCount() - 1));
    }
    m_territories->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_territories->selectionModel()->setCurrentIndex(selection.indexes().front(),
                                                         QItemSelectionModel::NoUpdate);
    m_restoring = false;
    showAccountsOfSelection();
    updateActions();
}

std::optional<Id> TerritoriesPage::selectedTerritoryId() const
{
    const BookView *view = m_session->view();
    const int territory = m_model->territoryIndex(selectedEntry());
    if (!view || territory < 0)
        return std::nullopt;
    return view->territories[std::size_t(territory)].id;
}

void TerritoriesPage::showAccountsOfSelection()
{
    const int entry = selectedEntry();
    if (entry < 0 && showAccountsOfMap())
        return;
    m_accounts->setAccounts(std::nullopt);
    const territories::Layout &l = m_state->layout();
    if (entry < 0 || entry >= int(l.entries.size())) {
        m_accounts->setScope(-1, -1);
        m_accountsTitle->setText(tr("<b>All accounts</b>: drag them onto a territory to move "
                                    "them there; select a territory to see its own."));
        return;
    }
    const territories::Layout::Entry &e = l.entries[std::size_t(entry)];
    if (l.byRep)
        m_accounts->setScope(e.rep, -1);
    else
        m_accounts->setScope(-1, e.territory);
    m_accountsTitle->setText(tr("<b>Accounts of %1</b>: drag them onto another territory, or "
                                "Move Accounts To in their menu.")
                                     .arg(e.name.toHtmlEscaped()));
}

int TerritoriesPage::selectAccountsLikeCurrent(SameAs same)
{
    const BookView *view = m_session->view();
    const QModelIndex current = m_accountView->currentIndex();
    if (!view || !current.isValid())
        return 0;
    const AccountColumns &a = view->accounts;
    const std::vector<int> &column = same == SameAs::Industry ? a.industry
            : same == SameAs::SizeBand                        ? a.sizeBand
                                                              : a.region;
    const auto valueAt = [&](int modelRow) {
        const int row = a.indexOf(m_accounts->idAt(modelRow));
        return row >= 0 && std::size_t(row) < column.size() ? column[std::size_t(row)] : -1;
    };
    const int wanted = valueAt(current.row());
    if (wanted < 0)
        return 0;
    // Runs of neighbouring rows as one range each: a selection of 30,000 rows stays small.
    QItemSelection selection;
    const int rows = m_accounts->rowCount();
    const int lastColumn = m_accounts->columnCount() - 1;
    int count = 0;
    for (int r = 0; r < rows;) {
        if (valueAt(r) != wanted) {
            ++r;
            continue;
        }
        int end = r;
        while (end + 1 < rows && valueAt(end + 1) == wanted)
            ++end;
        selection.select(m_accounts->index(r, 0), m_accounts->index(end, lastColumn));
        count += end - r + 1;
        r = end + 1;
    }
    m_accountView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_accountView->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    return count;
}

std::vector<Id> TerritoriesPage::selectedAccounts() const
{
    std::vector<Id> ids;
    for (const QModelIndex &row : m_accountView->selectionModel()->selectedRows())
        ids.push_back(m_accounts->idAt(row.row()));
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool TerritoriesPage::moveAccounts(const std::vector<Id> &accounts, int entry)
{
    const territories::Layout &l = m_state->layout();
    const BookView *view = m_session->view();
    if (!view || accounts.empty() || entry < 0 || entry >= int(l.entries.size()))
        return false;
    const territories::Layout::Entry e = l.entries[std::size_t(entry)];
    if (l.byRep)
        return m_session->edit(&BookEditor::setAccountOwner, accounts,
                               std::optional(view->reps[std::size_t(e.rep)].id), false);
    return m_session->edit(&BookEditor::setTerritory, accounts,
                           std::optional(view->territories[std::size_t(e.territory)].id));
}

void TerritoriesPage::fillMoveMenu(QMenu *menu, bool merge)
{
    menu->clear();
    const territories::Layout &l = m_state->layout();
    const int selected = selectedEntry();
    for (std::size_t e = 0; e < l.entries.size(); ++e) {
        if (int(e) == selected)
            continue;
        QAction *a = menu->addAction(l.entries[e].name);
        connect(a, &QAction::triggered, this, [this, e, merge] {
            if (merge)
                mergeSelectedInto(int(e));
            else
                moveAccounts(selectedAccounts(), int(e));
        });
    }
    if (menu->isEmpty())
        menu->addAction(tr("No other territory"))->setEnabled(false);
}

void TerritoriesPage::fillRepMenu(QMenu *menu)
{
    menu->clear();
    const BookView *view = m_session->view();
    if (!view)
        return;
    connect(menu->addAction(tr("No Rep")), &QAction::triggered, this,
            [this] { setSelectedRep(std::nullopt); });
    menu->addSeparator();
    for (const RepRow &rep : view->reps) {
        const Id id = rep.id;
        connect(menu->addAction(rep.name), &QAction::triggered, this,
                [this, id] { setSelectedRep(id); });
    }
}

bool TerritoriesPage::createTerritory(const QString &name, std::optional<Id> rep)
{
    return m_session->edit(&BookEditor::createTerritory, name, rep);
}

bool TerritoriesPage::renameSelected(const QString &name)
{
    const auto id = selectedTerritoryId();
    return id && m_session->edit(&BookEditor::renameTerritory, *id, name);
}

bool TerritoriesPage::deleteSelected()
{
    const auto id = selectedTerritoryId();
    return id && m_session->edit(&BookEditor::deleteTerritory, *id);
}

bool TerritoriesPage::mergeSelectedInto(int entry)
{
    const BookView *view = m_session->view();
    const int into = m_model->territoryIndex(entry);
    if (!view || into < 0)
        return false;
    std::vector<Id> from;
    for (const QModelIndex &row : m_territories->selectionModel()->selectedRows()) {
        const int t = m_model->territoryIndex(m_sorted->mapToSource(row).row());
        if (t >= 0 && t != into)
            from.push_back(view->territories[std::size_t(t)].id);
    }
    return !from.empty()
            && m_session->edit(&BookEditor::mergeTerritories, from,
                               view->territories[std::size_t(into)].id);
}

bool TerritoriesPage::setSelectedRep(std::optional<Id> rep)
{
    const auto id = selectedTerritoryId();
    return id && m_session->edit(&BookEditor::setTerritoryRep, *id, rep);
}

void TerritoriesPage::askNewTerritory()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Territory"), tr("&Name:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        createTerritory(name, std::nullopt);
}

void TerritoriesPage::askRename()
{
    const int entry = selectedEntry();
    if (!selectedTerritoryId())
        return;
    bool ok = false;
    const QString name =
            QInputDialog::getText(this, tr("Rename Territory"), tr("&Name:"), QLineEdit::Normal,
                                  m_state->layout().entries[std::size_t(entry)].name, &ok);
    if (ok)
        renameSelected(name);
}

void TerritoriesPage::askDelete()
{
    const int entry = selectedEntry();
    if (!selectedTerritoryId())
        return;
    const territories::Figures &f = m_state->report().territories[std::size_t(entry)];
    const auto answer = QMessageBox::question(
            this, tr("Delete Territory"),
            tr("Delete territory %1? Its %n account(s) will be in no territory; their owners "
               "stay. Edit ▸ Undo brings it back.",
               nullptr, f.accounts)
                    .arg(m_state->layout().entries[std::size_t(entry)].name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        deleteSelected();
}

void TerritoriesPage::updateActions()
{
    const bool writable = m_session->view() && !m_session->isReadOnly();
    const bool territory = selectedTerritoryId().has_value();
    const bool accounts = !selectedAccounts().empty();
    m_new->setEnabled(writable);
    m_rename->setEnabled(writable && territory);
    m_delete->setEnabled(writable && territory);
    m_lock->setEnabled(writable && territory);
    m_repMenu->menuAction()->setEnabled(writable && territory);
    m_mergeMenu->menuAction()->setEnabled(writable && territory);
    m_moveMenu->menuAction()->setEnabled(writable && accounts);
    m_lockAccounts->setEnabled(writable && accounts);
    for (QAction *a : { m_sameIndustry, m_sameSize, m_sameRegion })
        a->setEnabled(m_accountView->currentIndex().isValid());
    m_unlockAccounts->setEnabled(writable && accounts);
    m_propose->setEnabled(writable);
    m_scenarios->setEnabled(m_session->view() != nullptr);
    const BookView *view = m_session->view();
    const int t = m_model->territoryIndex(selectedEntry());
    m_lock->setChecked(view && t >= 0 && view->territories[std::size_t(t)].locked);
}

QByteArray TerritoriesPage::saveState() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out << stateVersion << qint32(m_metric->currentIndex())
        << m_territories->horizontalHeader()->saveState();
    out << m_mapSplit->saveState() << m_mapPanel->saveState();
    const territories::MixWeights &w = m_state->mixWeights();
    out << w.ev << w.potential << w.pipeline << w.accounts << w.active << m_weightsAsked;
    return data;
}

void TerritoriesPage::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    quint32 version = 0;
    qint32 metric = 0;
    QByteArray header;
    in >> version >> metric >> header;
    if (in.status() != QDataStream::Ok || version != stateVersion)
        return;
    if (metric >= 0 && metric < m_metric->count()) {
        m_metric->setCurrentIndex(metric);
        m_state->setMetric(Metric(m_metric->currentData().toInt()));
    }
    m_territories->horizontalHeader()->restoreState(header);
    // The map's, when the state has them (it was saved before the map was there otherwise).
    QByteArray mapSplit, map;
    in >> mapSplit >> map;
    if (in.status() == QDataStream::Ok) {
        m_mapSplit->restoreState(mapSplit);
        m_mapPanel->restoreState(map);
    }
    // The mix's weights, when the state has them.
    territories::MixWeights w;
    bool asked = false;
    in >> w.ev >> w.potential >> w.pipeline >> w.accounts >> w.active >> asked;
    if (in.status() == QDataStream::Ok) {
        m_state->setMixWeights(w);
        m_weightsAsked = asked;
    }
    m_weights->setVisible(m_state->metric() == Metric::Mix);
}

QWidget *TerritoriesPage::besideMap(QWidget *accounts)
{
    // The map left of the accounts, each half of the width at first; both give way to the
    // other when dragged, neither below its own minimum (1024×640 keeps a usable map).
    m_accountsTitle->setWordWrap(true);
    m_mapSplit = new QSplitter(Qt::Horizontal, accounts->parentWidget());
    m_mapSplit->setObjectName(QStringLiteral("TerritoriesMapSplit"));
    m_mapSplit->addWidget(m_mapPanel);
    m_mapSplit->addWidget(accounts);
    m_mapSplit->setStretchFactor(0, 1);
    m_mapSplit->setStretchFactor(1, 1);
    m_mapSplit->setChildrenCollapsible(false);
    m_mapSplit->setSizes({ 1000, 1000 });
    return m_mapSplit;
}

void TerritoriesPage::connectMap()
{
    connect(m_mapPanel, &TerritoryMapPanel::choiceChanged, this, [this] {
        if (m_mapPanel->choice() != TerritoryMapPanel::Choice::None) {
            // The map's choice replaces the selected territory's accounts.
            m_territories->selectionModel()->clear();
        }
        showAccountsOfSelection();
        updateActions();
    });
    connect(m_mapPanel, &TerritoryMapPanel::statusMessage, this, &Page::statusMessage);
    connect(m_territories, &TerritoryDropView::regionsDropped, this,
            [this](const QList<int> &regions, int row) {
                moveAccounts(m_mapPanel->accountsOf(regions),
                             m_sorted->mapToSource(m_sorted->index(row, 0)).row());
            });
}

bool TerritoriesPage::showAccountsOfMap()
{
    if (m_mapPanel->choice() == TerritoryMapPanel::Choice::None)
        return false;
    m_accounts->setScope(-1, -1);
    m_accounts->setAccounts(m_mapPanel->chosenAccounts());
    m_accountsTitle->setText(m_mapPanel->choiceTitle());
    // Chosen: Move Accounts To, Lock Accounts and a drag take them all at once.
    m_accountView->selectAll();
    return true;
}

} // namespace tp::ui
