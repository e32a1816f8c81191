#pragma once

#include "booktablemodel.h"

namespace tp::ui {

// The reps of the book with their quota for the scope's period, capacity, active (open)
// opportunities against capacity and open pipeline. Quota and capacity are editable.
class RepTableModel : public BookTableModel
{
    Q_OBJECT

public:
    enum class Column { Rep, Quota, Capacity, Active, OpenPipeline, Count };

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

    // The quota period shown ("2026-Q4").
    QString period() const { return m_period; }
    void setPeriod(const QString &period);

    int capacityOf(int repIndex) const;
    static bool isNumeric(Column column) { return column != Column::Rep; }

protected:
    std::vector<int> sortedRows(int column, bool descending) const override;
    std::vector<int> filteredRows(const std::vector<int> &sorted,
                                  const RowFilter &filter) const override;
    void bookLoaded() override;

private:
    void loadQuotas();
    void computeTotals();
    QVariant display(int rep, Column column) const;
    QVariant rawValue(int rep, Column column) const;

    QString m_period;
    std::vector<std::optional<Minor>> m_quota; // per rep index, for m_period
    std::vector<int> m_active; // open opportunities owned
    std::vector<Minor> m_pipeline; // their amount in the book currency
};

} // namespace tp::ui
