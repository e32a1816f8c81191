#pragma once

#include "analytics/pipelinehealth.h"
#include "models/formatter.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace tp::ui {

class HealthState;

// The open deals of the scope with their health and reasons (METRICS "Stalled deals"), filtered
// by level, stage, days since progress and text, sorted by any column (stalled and larger first
// until the user sorts).
class HealthDealsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Health,
        Opportunity,
        Account,
        Owner,
        Stage,
        Amount,
        CloseDate,
        Idle,
        InStage,
        Pushes,
        Reasons,
        ColumnCount
    };

    struct Filter
    {
        unsigned levels = 0b111; // bit per health::Level
        std::optional<tp::Stage> stage;
        std::optional<health::AgeBucket> age;
        QString text;

        bool operator==(const Filter &) const = default;
    };

    explicit HealthDealsModel(HealthState *state, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    const Filter &filter() const { return m_filter; }
    void setFilter(const Filter &filter);
    // The opportunity row of the view shown at a table row.
    int opportunityAt(int row) const;
    Id idAt(int row) const;
    // Open deals of the scope before the filter.
    int totalCount() const;

private:
    void rebuild();
    QVariant sortKey(int row, int column) const;
    health::DealFacts factsOf(int row) const;

    HealthState *m_state;
    Formatter m_format;
    Filter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_rows; // opportunity rows of the view, in display order
};

} // namespace tp::ui
