#include "territorytablemodel.h"

#include "models/modelroles.h"
#include "session/booksession.h"
#include "style/theme.h"
#include "territorycolors.h"
#include "territorystate.h"
#include "views/bookview.h"

#include <QBrush>
#include <QPalette>

namespace tp::ui {

TerritoryTableModel::TerritoryTableModel(TerritoryState *state, QObject *parent)
    : QAbstractTableModel(parent), m_state(state)
{
    // Nothing is evaluated here: the figures are worked out when a view next asks for them.
    const auto refresh = [this](bool layoutChanged) {
        if (layoutChanged || m_rows < 0) {
            beginResetModel();
            m_rows = -1;
            endResetModel();
        } else if (m_rows > 0) {
            emit dataChanged(index(0, 0), index(m_rows - 1, int(Column::Count) - 1));
            emit headerDataChanged(Qt::Horizontal, int(Column::Share), int(Column::Share));
        }
    };
    connect(state, &TerritoryState::changed, this, refresh);
}

int TerritoryTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    if (m_rows < 0)
        m_rows = int(m_state->layout().entries.size());
    return m_rows;
}

int TerritoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

int TerritoryTableModel::territoryIndex(int row) const
{
    const auto &entries = m_state->layout().entries;
    return row >= 0 && row < int(entries.size()) ? entries[std::size_t(row)].territory : -1;
}

QString TerritoryTableModel::currency() const
{
    const BookView *view = m_state->session()->view();
    return view ? view->settings.currency : QString();
}

QVariant TerritoryTableModel::display(int row, Column column) const
{
    const territories::Layout &layout = m_state->layout();
    const territories::Figures &f = m_state->report().territories[std::size_t(row)];
    const BookView *view = m_state->session()->view();
    switch (column) {
    case Column::Territory:
        return layout.entries[std::size_t(row)].name;
    case Column::Rep: {
        const int rep = layout.entries[std::size_t(row)].rep;
        return rep >= 0 && view ? view->reps[std::size_t(rep)].name : tr("No rep");
    }
    case Column::Accounts:
        return m_format.number(f.accounts);
    case Column::Potential:
        return m_format.money(f.potential, currency());
    case Column::Ev:
        return m_format.money(f.ev, currency());
    case Column::OpenPipeline:
        return m_format.money(f.openPipeline, currency());
    case Column::Active:
        return tr("%1 of %2").arg(m_format.number(f.active), m_format.number(f.capacity));
    case Column::Quota:
        return f.quota ? m_format.money(*f.quota, currency()) : tr("—");
    case Column::Share:
        return f.shareOfAverage ? m_format.ratio(*f.shareOfAverage) : tr("—");
    case Column::Count:
        break;
    }
    return {};
}

QVariant TerritoryTableModel::raw(int row, Column column) const
{
    const territories::Figures &f = m_state->report().territories[std::size_t(row)];
    switch (column) {
    case Column::Territory:
    case Column::Rep:
        return display(row, column);
    case Column::Accounts:
        return f.accounts;
    case Column::Potential:
        return qlonglong(f.potential);
    case Column::Ev:
        return qlonglong(f.ev);
    case Column::OpenPipeline:
        return qlonglong(f.openPipeline);
    case Column::Active:
        return f.active;
    case Column::Quota:
        return f.quota ? QVariant(qlonglong(*f.quota)) : QVariant();
    case Column::Share:
        return f.shareOfAverage ? QVariant(*f.shareOfAverage) : QVariant();
    case Column::Count:
        break;
    }
    return {};
}

QVariant TerritoryTableModel::swatch(int row) const
{
    const BookView *view = m_state->session()->view();
    if (!view)
        return {};
    const int slot = territorycolors::slotOf(m_state->layout(), *view, row);
    return territorycolors::swatch(territorycolors::ofSlot(slot, theme::isDark()));
}

QVariant TerritoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), column);
    case Qt::EditRole:
    case RawValueRole:
        return raw(index.row(), column);
    case Qt::TextAlignmentRole:
        return column == Column::Territory || column == Column::Rep
                ? QVariant(Qt::AlignLeading | Qt::AlignVCenter)
                : QVariant(Qt::AlignTrailing | Qt::AlignVCenter);
    case Qt::DecorationRole:
        return column == Column::Territory ? swatch(index.row()) : QVariant();
    case Qt::ForegroundRole: {
        const territories::Figures &f = m_state->report().territories[std::size_t(index.row())];
        if (column == Column::Active && f.active > f.capacity)
            return QBrush(theme::warningText());
        if (column == Column::Rep && m_state->layout().entries[std::size_t(index.row())].rep < 0)
            return QBrush(QPalette().color(QPalette::PlaceholderText));
        return {};
    }
    case Qt::ToolTipRole:
        if (column == Column::Active)
            return tr("Open opportunities of its accounts, whoever owns them, against its "
                      "rep's capacity");
        if (column == Column::Share)
            return tr("%1 on %2: 100% is the average of the territories")
                    .arg(display(index.row(), column).toString(),
                         territories::metricName(m_state->metric()));
        return {};
    default:
        return {};
    }
}

QVariant TerritoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section <= int(Column::Rep) ? QVariant(Qt::AlignLeading | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignTrailing | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Territory:
        return tr("Territory");
    case Column::Rep:
        return tr("Rep");
    case Column::Accounts:
        return tr("Accounts");
    case Column::Potential:
        return tr("Potential");
    case Column::Ev:
        return tr("Expected value");
    case Column::OpenPipeline:
        return tr("Open pipeline");
    case Column::Active:
        return tr("Active deals");
    case Column::Quota:
        return tr("Quota");
    case Column::Share:
        return tr("Share of average (%1)").arg(territories::metricName(m_state->metric()));
    case Column::Count:
        break;
    }
    return {};
}

} // namespace tp::ui
