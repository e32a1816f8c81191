#pragma once

#include "import/analysis.h"

#include <QTableWidget>

#include <optional>

class QComboBox;

namespace tp::ui {

class CellComboGuard;

// The CRM stage values of the file with their row counts, each mapped to one of our stages
// with a combo. Values that no alias and no choice maps say "Choose a stage…" and are marked.
class StageMappingTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column { ValueColumn, RowsColumn, StageColumn };

    explicit StageMappingTable(QWidget *parent = nullptr);

    void showStages(const std::vector<crm::StageValue> &stages);
    QComboBox *comboOf(const QString &value) const;
    int unmappedCount() const;

signals:
    void stageChosen(const QString &value, std::optional<tp::Stage> stage);

protected:
    void changeEvent(QEvent *event) override;

private:
    CellComboGuard *m_guard;
    void rebuild(const std::vector<crm::StageValue> &stages);
    void markUnmapped();

    QStringList m_values;
};

} // namespace tp::ui
