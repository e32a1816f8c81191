#include "scenariosdialog.h"

#include "edits/bookeditor.h"
#include "models/modelroles.h"
#include "session/booksession.h"
#include "session/scopestate.h"
#include "storage/bookreader.h"
#include "territorystate.h"
#include "views/bookview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tp::ui {

ScenarioCompareModel::ScenarioCompareModel(QObject *parent) : QAbstractTableModel(parent) { }

void ScenarioCompareModel::setColumns(const territories::Layout &layout,
                                      std::vector<Column> columns)
{
    beginResetModel();
    m_layout = layout;
    m_columns = std::move(columns);
    endResetModel();
}

int ScenarioCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_columns.empty() ? 0
                                                 : FirstTerritory + int(m_layout.entries.size());
}

int ScenarioCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_columns.empty() ? 0 : 1 + int(m_columns.size());
}

QString ScenarioCompareModel::cell(int row, const Column &c) const
{
    const auto ratio = [this](const std::optional<double> &r) {
        return r ? m_format.ratio(*r) : tr("—");
    };
    switch (row) {
    case Moves:
        if (c.scenario.id == 0)
            return tr("—");
        return c.placement.gone > 0
                ? tr("%1 (%2 no longer apply)")
                          .arg(m_format.number(qint64(c.placement.pending.size())),
                               m_format.number(c.placement.gone))
                : m_format.number(qint64(c.placement.pending.size()));
    case Balance:
        return ratio(c.report.balance);
    case Deviation:
        return ratio(c.report.maxDeviation);
    default:
        return ratio(c.report.territories[std::size_t(row - FirstTerritory)].shareOfAverage);
    }
}

QString ScenarioCompareModel::requestText(const Scenario &s) const
{
    const auto metric = territories::metricFromKey(s.metric);
    QString text = tr("Made on %1 on %2 within ±%3%")
                           .arg(m_format.date(s.createdOn),
                                metric ? territories::metricName(*metric) : s.metric,
                                m_format.locale().toString(s.tolerance * 100, 'f', 0));
    if (s.maxMoves)
        text += tr(", at most %n account(s)", nullptr, *s.maxMoves);
    if (s.maxShare)
        text += tr(", at most %1% of the total")
                        .arg(m_format.locale().toString(*s.maxShare * 100, 'f', 0));
    if (s.unlockOpen)
        text += tr(", accounts with open deals free to move");
    return text + tr(": %n move(s) kept", nullptr, int(s.moves.size()));
}

QVariant ScenarioCompareModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int row = index.row();
    if (index.column() == 0) {
        if (role != Qt::DisplayRole)
            return {};
        switch (row) {
        case Moves:
            return tr("Accounts to move");
        case Balance:
            return tr("Balance");
        case Deviation:
            return tr("Largest deviation");
        default:
            return tr("%1 share").arg(m_layout.entries[std::size_t(row - FirstTerritory)].name);
        }
    }
    const Column &c = m_columns[std::size_t(index.column() - 1)];
    switch (role) {
    case Qt::DisplayRole:
        return cell(row, c);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row < FirstTerritory) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case RawValueRole:
        if (row == Moves)
            return qlonglong(c.placement.pending.size());
        if (row == Balance)
            return c.report.balance ? QVariant(*c.report.balance) : QVariant();
        if (row == Deviation)
            return c.report.maxDeviation ? QVariant(*c.report.maxDeviation) : QVariant();
        return c.report.territories[std::size_t(row - FirstTerritory)].shareOfAverage.value_or(0);
    default:
        return {};
    }
}

QVariant ScenarioCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section == 0)
        return role == Qt::DisplayRole
                ? QVariant(territories::metricName(m_columns.front().report.metric))
                : QVariant();
    const Column &c = m_columns[std::size_t(section - 1)];
    if (role == Qt::DisplayRole)
        return c.scenario.id == 0 ? tr("Now") : c.scenario.name;
    if (role == Qt::ToolTipRole)
        return c.scenario.id == 0 ? tr("The book as it is") : requestText(c.scenario);
    return {};
}

ScenariosDialog::ScenariosDialog(TerritoryState *state, QWidget *parent)
    : QDialog(parent),
      m_state(state),
      m_session(state->session()),
      m_model(new ScenarioCompareModel(this)),
      m_table(new QTableView(this)),
      m_note(new QLabel(this))
{
    setWindowTitle(tr("Scenarios"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectColumns);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Scenarios side by side"));
    m_note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = buttons->addButton(tr("&Apply Scenario"), QDialogButtonBox::ActionRole);
    m_rename = buttons->addButton(tr("&Rename…"), QDialogButtonBox::ActionRole);
    m_delete = buttons->addButton(tr("&Delete"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] { applySelected(); });
    connect(m_rename, &QPushButton::clicked, this, [this] { askRename(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    // Edit ▸ Undo and Redo by their shortcuts while the dialog is up.
    addActions(m_session->undoActions());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    connect(m_session, &BookSession::changed, this, [this](const BookChange &change) {
        if (change.aspects()
            & (ChangeAspect::Scenarios | ChangeAspect::Accounts | ChangeAspect::Territories))
            refresh();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ScenariosDialog::updateButtons);
    refresh();
    resize(860, 480);
}

void ScenariosDialog::refresh()
{
    const int selected = selectedColumn();
    const BookView *view = m_session->view();
    const auto reader = m_session->reader();
    std::vector<ScenarioCompareModel::Column> columns;
    if (view && reader) {
        const territories::Layout &layout = m_state->layout();
        const QString period = m_state->scope()->period().label();
        ScenarioCompareModel::Column now;
        now.report = m_state->report();
        columns.push_back(std::move(now));
        for (Scenario &s : reader->scenarios()) {
            ScenarioCompareModel::Column c;
            c.placement = territories::placeScenario(*view, layout, s);
            territories::Layout after = layout;
            after.accountEntry = c.placement.accountEntry;
            c.report = territories::evaluate(*view, after, m_state->metric(), period,
                                             m_state->mixWeights());
            c.scenario = std::move(s);
            columns.push_back(std::move(c));
        }
        m_model->setColumns(layout, std::move(columns));
    } else {
        m_model->setColumns({}, {});
    }
    const int kept = std::max(m_model->columnCount() - 2, 0);
    m_note->setText(kept == 0 ? tr("No scenario kept yet: Propose… on the Territories page, then "
                                   "Keep as Scenario.")
                              : tr("%n scenario(s) kept, each placed on the book as it is now. "
                                   "Select a column to apply, rename or delete it.",
                                   nullptr, kept));
    m_table->resizeColumnsToContents();
    if (selected >= 2 && selected < m_model->columnCount())
        selectScenario(selected);
    updateButtons();
}

int ScenariosDialog::selectedColumn() const
{
    const QModelIndexList columns = m_table->selectionModel()->selectedColumns();
    if (columns.isEmpty())
        return -1;
    const int column = columns.front().column();
    return column >= 2 ? column : -1;
}

void ScenariosDialog::selectScenario(int column)
{
    m_table->selectColumn(column);
}

void ScenariosDialog::updateButtons()
{
    const int column = selectedColumn();
    const bool writable = m_session->view() && !m_session->isReadOnly();
    m_apply->setEnabled(writable && column >= 2
                        && !m_model->columns()[std::size_t(column - 1)].placement.pending.empty());
    m_rename->setEnabled(writable && column >= 2);
    m_delete->setEnabled(writable && column >= 2);
}

bool ScenariosDialog::applySelected()
{
    const int column = selectedColumn();
    const BookView *view = m_session->view();
    if (column < 2 || !view)
        return false;
    const ScenarioCompareModel::Column &c = m_model->columns()[std::size_t(column - 1)];
    const territories::Layout &layout = m_state->layout();
    std::vector<std::pair<Id, Id>> moves;
    for (const auto &[row, entry] : c.placement.pending)
        moves.emplace_back(view->accounts.id[std::size_t(row)],
                           territories::destinationId(*view, layout, entry));
    if (moves.empty())
        return false;
    const QString text = tr("Apply scenario %1").arg(c.scenario.name);
    return m_session->edit(&BookEditor::moveAccounts, std::span<const std::pair<Id, Id>>(moves),
                           layout.byRep, text);
}

bool ScenariosDialog::renameSelected(const QString &name)
{
    const int column = selectedColumn();
    if (column < 2)
        return false;
    return m_session->edit(&BookEditor::renameScenario,
                           m_model->columns()[std::size_t(column - 1)].scenario.id, name);
}

bool ScenariosDialog::deleteSelected()
{
    const int column = selectedColumn();
    if (column < 2)
        return false;
    return m_session->edit(&BookEditor::deleteScenario,
                           m_model->columns()[std::size_t(column - 1)].scenario.id);
}

void ScenariosDialog::askRename()
{
    const int column = selectedColumn();
    if (column < 2)
        return;
    bool ok = false;
    const QString name =
            QInputDialog::getText(this, tr("Rename Scenario"), tr("New name:"), QLineEdit::Normal,
                                  m_model->columns()[std::size_t(column - 1)].scenario.name, &ok);
    if (ok)
        renameSelected(name);
}

} // namespace tp::ui
