#include "stagemappingtable.h"

#include "models/formatter.h"
#include "style/theme.h"

#include "cellcomboguard.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QSignalBlocker>

namespace tp::ui {

StageMappingTable::StageMappingTable(QWidget *parent)
    : QTableWidget(parent), m_guard(new CellComboGuard(this))
{
    setColumnCount(3);
    setHorizontalHeaderLabels({ tr("Stage in the file"), tr("Rows"), tr("Our stage") });
    setAccessibleName(tr("Stages of the file and ours"));
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(RowsColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(StageColumn, QHeaderView::Fixed);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    // One stop of the Tab chain, like every table: the guard passes the focus on to a combo, Tab
    // leaves, Ctrl+Tab goes from combo to combo.
    setTabKeyNavigation(false);
    setFocusPolicy(Qt::TabFocus);
    setAlternatingRowColors(true);
}

QComboBox *StageMappingTable::comboOf(const QString &value) const
{
    const int row = int(m_values.indexOf(value));
    return row < 0 ? nullptr : qobject_cast<QComboBox *>(cellWidget(row, StageColumn));
}

int StageMappingTable::unmappedCount() const
{
    int n = 0;
    for (int row = 0; row < rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(cellWidget(row, StageColumn));
        n += combo && combo->currentData().toInt() < 0;
    }
    return n;
}

void StageMappingTable::rebuild(const std::vector<crm::StageValue> &stages)
{
    m_values.clear();
    clearContents();
    setRowCount(int(stages.size()));
    const QLocale locale;
    for (int row = 0; row < rowCount(); ++row) {
        const crm::StageValue &s = stages[std::size_t(row)];
        m_values.append(s.value);
        setItem(row, ValueColumn, new QTableWidgetItem(s.value));
        auto *rows = new QTableWidgetItem(locale.toString(s.rows));
        rows->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, RowsColumn, rows);

        auto *combo = new QComboBox(this);
        combo->setAccessibleName(tr("Our stage for %1").arg(s.value));
        combo->addItem(tr("Choose a stage…"), -1);
        for (Stage stage : allStages)
            combo->addItem(theme::stageIcon(stage), stageName(stage), int(stage));
        const QString value = s.value;
        connect(combo, &QComboBox::activated, this, [this, value, combo] {
            const int stage = combo->currentData().toInt();
            markUnmapped();
            emit stageChosen(value, stage < 0 ? std::nullopt : std::optional<Stage>(Stage(stage)));
        });
        m_guard->watch(combo, row, StageColumn);
        setCellWidget(row, StageColumn, combo);
    }
    if (rowCount() > 0) {
        int widest = 0;
        for (int row = 0; row < rowCount(); ++row)
            widest = std::max(widest, cellWidget(row, StageColumn)->sizeHint().width());
        // Room for the longest stage name and the placeholder, with the combo's arrow.
        widest = std::max(widest,
                          fontMetrics().horizontalAdvance(tr("Choose a stage…"))
                                  + 2 * fontMetrics().height() + 24);
        setColumnWidth(StageColumn, widest + 8);
        verticalHeader()->setDefaultSectionSize(cellWidget(0, StageColumn)->sizeHint().height()
                                                + 6);
    }
}

void StageMappingTable::showStages(const std::vector<crm::StageValue> &stages)
{
    QStringList values;
    for (const crm::StageValue &s : stages)
        values.append(s.value);
    if (values != m_values)
        rebuild(stages);
    for (int row = 0; row < rowCount(); ++row) {
        const crm::StageValue &s = stages[std::size_t(row)];
        auto *combo = qobject_cast<QComboBox *>(cellWidget(row, StageColumn));
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(std::max(0, combo->findData(s.stage ? int(*s.stage) : -1)));
    }
    markUnmapped();
}

void StageMappingTable::markUnmapped()
{
    const QColor warning = theme::warningText();
    for (int row = 0; row < rowCount(); ++row) {
        const auto *combo = qobject_cast<QComboBox *>(cellWidget(row, StageColumn));
        QTableWidgetItem *value = item(row, ValueColumn);
        const bool unmapped = combo && combo->currentData().toInt() < 0;
        value->setForeground(unmapped ? QBrush(warning) : QBrush());
        value->setToolTip(unmapped ? tr("No stage yet: choose one") : QString());
    }
}

void StageMappingTable::changeEvent(QEvent *event)
{
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        markUnmapped();
}

} // namespace tp::ui
