#pragma once

#include "analytics/reptable.h"
#include "booktablemodel.h"
#include "domain/dates.h"

namespace tp::ui {

// The reps of the book with their quota for the scope's period, what they won in it, their
// attainment (METRICS "Key metrics": won ÷ quota), capacity, active (open) opportunities
// against capacity and open pipeline, and under them the team's line: the team's totals, not
// editable, not sorted with the reps. The figures are core's (health::repTable over the team's
// report for the period, as of the scope's date), evaluated again when a deal, a quota or a rep
// changes, once, when they are next read. Quota and capacity are editable, and so are the
// rep's email and user id in the CRM, which publishing the moves needs (MovesExport).
class RepTableModel : public BookTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Rep,
        Quota,
        Won,
        Attainment,
        Capacity,
        Active,
        OpenPipeline,
        Email,
        CrmUserId,
        Count
    };

    explicit RepTableModel(BookSession *session, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    int totalCount() const override;
    Id idAt(int row) const;
    int rowOfId(Id id) const;
    // The row of the team's totals, -1 while no rep is shown.
    int teamRow() const { return rowCount() > shownCount() ? shownCount() : -1; }

    // The quota period shown ("2026-Q4") and the as-of date its figures are taken on.
    QString period() const { return m_period.label(); }
    void setPeriod(const Period &period, const QDate &asOf);

    int capacityOf(int repIndex) const;
    static bool isNumeric(Column column)
    {
        return column != Column::Rep && column != Column::Email && column != Column::CrmUserId;
    }
    static bool isText(Column column) { return !isNumeric(column); }

protected:
    std::vector<int> sortedRows(int column, bool descending) const override;
    std::vector<int> filteredRows(const std::vector<int> &sorted,
                                  const RowFilter &filter) const override;
    void bookLoaded() override;
    int footerRowCount() const override { return 1; }

private:
    const health::RepTable &figures() const;
    void figuresChanged(const QList<Column> &sortedBy);
    QVariant teamData(Column column, int role) const;
    QVariant display(int rep, Column column) const;
    QVariant rawValue(int rep, Column column) const;
    QString attainmentText(const std::optional<double> &attainment,
                           const std::optional<Minor> &quota) const;
    bool belowBar(const std::optional<double> &attainment) const;

    Period m_period;
    QDate m_asOf;
    mutable health::RepTable m_figures;
    mutable bool m_stale = true;
};

} // namespace tp::ui
