#pragma once

#include "analytics/territoryfunnel.h"
#include "analytics/territoryproposal.h"
#include "models/formatter.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace tp::ui {

// What the Propose dialog shows of a proposal (docs/METRICS.md "Territories", the rebalancing
// proposal): each territory before → after with what its rep gains and loses and the funnel
// check, and the moves. Both read one ProposalFigures, set whole after each run.
struct ProposalFigures
{
    QString currency;
    territories::Layout layout;
    territories::Report before;
    territories::TerritoryProposal proposal;
    QStringList repNames; // per entry ("" none)
    std::vector<territories::FunnelCheck> funnelBefore, funnelAfter; // per entry
    // Per move: the account's name, and its m in minor units on a money metric.
    QStringList accountNames;
    std::vector<std::optional<Minor>> moneyValues;
};

class ProposalTerritoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Territory,
        Rep,
        Share,
        Accounts,
        Potential,
        Ev,
        OpenPipeline,
        Activities,
        Count
    };

    explicit ProposalTerritoryModel(QObject *parent = nullptr);
    void setFigures(const ProposalFigures *figures); // null: empty

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString display(int row, Column column) const;
    QString toolTip(int row, Column column) const;
    QString gainLoss(Minor gained, Minor lost) const;
    QString activities(const territories::FunnelCheck &check) const;

    const ProposalFigures *m_figures = nullptr;
    Formatter m_format;
};

class ProposalMoveModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Account, From, To, Value, Count };

    explicit ProposalMoveModel(QObject *parent = nullptr);
    void setFigures(const ProposalFigures *figures);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString value(int row) const;

    const ProposalFigures *m_figures = nullptr;
    Formatter m_format;
};

} // namespace tp::ui
