#pragma once

#include "analytics/pipelinehealth.h"
#include "analytics/stageconversion.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace tp::ui {

// METRICS "Key metrics" for the team and each rep of the scope over the window: win rate,
// average deal size and cycle, wins, attainment against its bar, coverage, active deals
// against capacity; figures that miss their bar are marked. The rep spread against its bar
// sits above the table; stage conversion and the average days in each stage below it.
class KeyMetricsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit KeyMetricsPanel(QWidget *parent = nullptr);

    void setReport(const health::HealthReport &report, const BookView &view);
    // nullopt while the stage history is being read.
    void setConversion(const std::optional<health::StageConversion> &conversion,
                       const BookView &view);
    QTableWidget *table() const { return m_table; }
    QTableWidget *conversionTable() const { return m_conversion; }

private:
    QLabel *m_summary;
    QTableWidget *m_table;
    QLabel *m_conversionTitle;
    QTableWidget *m_conversion;
    QLabel *m_conversionNote;
};

} // namespace tp::ui
