#include "proposalmodels.h"

#include "models/modelroles.h"
#include "style/theme.h"

#include <QBrush>

#include <cmath>

namespace tp::ui {

namespace {

QString shareText(const Formatter &format, const std::optional<double> &share)
{
    return share ? format.ratio(*share) : QCoreApplication::translate("tp::ui::Proposal", "—");
}

} // namespace

ProposalTerritoryModel::ProposalTerritoryModel(QObject *parent) : QAbstractTableModel(parent) { }

void ProposalTerritoryModel::setFigures(const ProposalFigures *figures)
{
    beginResetModel();
    m_figures = figures;
    endResetModel();
}

int ProposalTerritoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_figures ? 0 : int(m_figures->layout.entries.size());
}

int ProposalTerritoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString ProposalTerritoryModel::gainLoss(Minor gained, Minor lost) const
{
    if (gained == 0 && lost == 0)
        return tr("—");
    // Whole units: the statement reads at a glance (the tooltip has the cents).
    const auto whole = [this](Minor amount) {
        return m_format.locale().toCurrencyString(std::round(double(amount) / 100.0),
                                                  m_format.currencySymbol(m_figures->currency), 0);
    };
    QStringList parts;
    if (gained != 0)
        parts.append(QLatin1Char('+') + whole(gained));
    if (lost != 0)
        parts.append(QChar(0x2212) + whole(lost));
    return parts.join(QStringLiteral(" / "));
}

QString ProposalTerritoryModel::activities(const territories::FunnelCheck &check) const
{
    return check.activitiesPerWeek ? m_format.number(*check.activitiesPerWeek) : tr("—");
}

QString ProposalTerritoryModel::display(int row, Column column) const
{
    const auto t = std::size_t(row);
    const ProposalFigures &f = *m_figures;
    const territories::Carried &gained = f.proposal.gained[t];
    const territories::Carried &lost = f.proposal.lost[t];
    switch (column) {
    case Column::Territory:
        return f.layout.entries[t].name;
    case Column::Rep:
        return f.repNames.value(row).isEmpty() ? tr("No rep") : f.repNames.value(row);
    case Column::Share:
        return tr("%1 → %2").arg(
                shareText(m_format, f.before.territories[t].shareOfAverage),
                shareText(m_format, f.proposal.after.territories[t].shareOfAverage));
    case Column::Accounts: {
        QString now = m_format.number(f.proposal.after.territories[t].accounts);
        if (gained.accounts == 0 && lost.accounts == 0)
            return now;
        return tr("%1 (+%2 / −%3)")
                .arg(now, m_format.number(gained.accounts), m_format.number(lost.accounts));
    }
    case Column::Potential:
        return gainLoss(gained.potential, lost.potential);
    case Column::Ev:
        return gainLoss(gained.ev, lost.ev);
    case Column::OpenPipeline:
        return gainLoss(gained.openPipeline, lost.openPipeline);
    case Column::Activities: {
        const territories::FunnelCheck &b = f.funnelBefore[t];
        const territories::FunnelCheck &a = f.funnelAfter[t];
        if (!a.activitiesPerWeek && !b.activitiesPerWeek)
            return tr("—");
        const QString text = tr("%1 → %2").arg(activities(b), activities(a));
        return a.beyondPace() ? tr("%1 ⚠").arg(text) : text;
    }
    case Column::Count:
        break;
    }
    return {};
}

QString ProposalTerritoryModel::toolTip(int row, Column column) const
{
    const auto t = std::size_t(row);
    const ProposalFigures &f = *m_figures;
    if (column == Column::Activities) {
        const territories::FunnelCheck &a = f.funnelAfter[t];
        if (!a.activitiesPerWeek)
            return a.missing;
        const QString rep = f.repNames.value(row);
        return tr("After the moves this book needs %1 activities a week to reach %2's quota "
                  "(%3 still to find beyond its pipeline); %2 logs %4 a week.")
                .arg(m_format.number(*a.activitiesPerWeek), rep,
                     m_format.money(a.needed, f.currency),
                     m_format.number(qint64(std::llround(a.pace))));
    }
    if (column == Column::Potential || column == Column::Ev || column == Column::OpenPipeline) {
        const territories::Figures &before = f.before.territories[t];
        const territories::Figures &after = f.proposal.after.territories[t];
        const auto pick = [column](const territories::Figures &x) {
            return column == Column::Potential ? x.potential
                    : column == Column::Ev     ? x.ev
                                               : x.openPipeline;
        };
        const territories::Carried &g = f.proposal.gained[t];
        const territories::Carried &l = f.proposal.lost[t];
        const auto moved = [column](const territories::Carried &x) {
            return column == Column::Potential ? x.potential
                    : column == Column::Ev     ? x.ev
                                               : x.openPipeline;
        };
        return tr("%1 → %2\nGained %3, lost %4")
                .arg(m_format.money(pick(before), f.currency),
                     m_format.money(pick(after), f.currency), m_format.money(moved(g), f.currency),
                     m_format.money(moved(l), f.currency));
    }
    return {};
}

QVariant ProposalTerritoryModel::data(const QModelIndex &index, int role) const
{
    if (!m_figures || !index.isValid() || index.row() >= rowCount())
        return {};
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(index.row(), column);
    case Qt::ToolTipRole:
        return toolTip(index.row(), column);
    case Qt::TextAlignmentRole:
        return column <= Column::Rep ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Column::Activities
            && m_figures->funnelAfter[std::size_t(index.row())].beyondPace())
            return QBrush(theme::warningText());
        return {};
    case RawValueRole:
        if (column == Column::Share)
            return m_figures->proposal.after.territories[std::size_t(index.row())]
                    .shareOfAverage.value_or(0);
        return {};
    default:
        return {};
    }
}

QVariant ProposalTerritoryModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Territory:
        return tr("Territory");
    case Column::Rep:
        return tr("Rep");
    case Column::Share:
        return tr("Share of average");
    case Column::Accounts:
        return tr("Accounts");
    case Column::Potential:
        return tr("Potential");
    case Column::Ev:
        return tr("EV");
    case Column::OpenPipeline:
        return tr("Open pipeline");
    case Column::Activities:
        return tr("Activities a week");
    case Column::Count:
        break;
    }
    return {};
}

ProposalMoveModel::ProposalMoveModel(QObject *parent) : QAbstractTableModel(parent) { }

void ProposalMoveModel::setFigures(const ProposalFigures *figures)
{
    beginResetModel();
    m_figures = figures;
    endResetModel();
}

int ProposalMoveModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_figures ? 0 : int(m_figures->proposal.plan.moves.size());
}

int ProposalMoveModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString ProposalMoveModel::value(int row) const
{
    const ProposalFigures &f = *m_figures;
    const auto account = std::size_t(f.proposal.plan.moves[std::size_t(row)].account);
    if (const std::optional<Minor> &money = f.moneyValues[std::size_t(row)])
        return m_format.money(*money, f.currency);
    const double m = f.before.accountValue[account];
    if (f.before.metric == territories::Metric::Mix)
        return m_format.locale().toString(m, 'f', 2);
    return m_format.number(qint64(std::llround(m)));
}

QVariant ProposalMoveModel::data(const QModelIndex &index, int role) const
{
    if (!m_figures || !index.isValid() || index.row() >= rowCount())
        return {};
    const rebalance::Move &m = m_figures->proposal.plan.moves[std::size_t(index.row())];
    const auto column = Column(index.column());
    if (role == Qt::TextAlignmentRole)
        return column == Column::Value ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == RawValueRole && column == Column::Value)
        return m_figures->before.accountValue[std::size_t(m.account)];
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Column::Account:
        return m_figures->accountNames.value(index.row());
    case Column::From:
        return m_figures->layout.entries[std::size_t(m.from)].name;
    case Column::To:
        return m_figures->layout.entries[std::size_t(m.to)].name;
    case Column::Value:
        return value(index.row());
    case Column::Count:
        break;
    }
    return {};
}

QVariant ProposalMoveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Account:
        return tr("Account");
    case Column::From:
        return tr("From");
    case Column::To:
        return tr("To");
    case Column::Value:
        return tr("Value");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace tp::ui
