#include "fieldmappingtable.h"

#include "cellcomboguard.h"
#include "style/theme.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QSignalBlocker>

#include <algorithm>

namespace tp::ui {

FieldMappingTable::FieldMappingTable(QWidget *parent)
    : QTableWidget(parent), m_guard(new CellComboGuard(this))
{
    setColumnCount(3);
    setHorizontalHeaderLabels({ tr("Field"), tr("Column in the file"), tr("Sample values") });
    setAccessibleName(tr("Columns of the file for each field"));
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(SourceColumn, QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    // One stop of the Tab chain, like every table: the guard passes the focus on to a combo, Tab
    // leaves, Ctrl+Tab goes from combo to combo.
    setTabKeyNavigation(false);
    setFocusPolicy(Qt::TabFocus);
    setAlternatingRowColors(true);
}

int FieldMappingTable::rowOf(crm::Field field) const
{
    const auto it = std::find(m_fields.begin(), m_fields.end(), field);
    return it == m_fields.end() ? -1 : int(it - m_fields.begin());
}

QComboBox *FieldMappingTable::comboOf(crm::Field field) const
{
    const int row = rowOf(field);
    return row < 0 ? nullptr : qobject_cast<QComboBox *>(cellWidget(row, SourceColumn));
}

void FieldMappingTable::rebuild(crm::Kind kind, const crm::FilePreview &preview)
{
    m_kind = kind;
    m_fingerprint = preview.fingerprint;
    m_preview = preview;
    m_fields = crm::fieldsOf(kind);
    clearContents();
    setRowCount(int(m_fields.size()));
    // Wide enough for the file's column names (CRM exports have long ones), within reason.
    int longestName = 0;
    for (const QString &name : preview.header)
        longestName = std::max(longestName, int(name.trimmed().size()));
    const int comboLength = std::clamp(longestName, 18, 34);
    int widest = 0;
    for (int row = 0; row < rowCount(); ++row) {
        const crm::Field field = m_fields[std::size_t(row)];
        auto *label = new QTableWidgetItem(crm::fieldLabel(field));
        if (crm::isRequired(kind, field)) {
            QFont bold = font();
            bold.setBold(true);
            label->setFont(bold);
            label->setToolTip(tr("Required: a file without it cannot be imported"));
        }
        setItem(row, FieldColumn, label);

        auto *combo = new QComboBox(this);
        combo->setAccessibleName(crm::fieldLabel(field));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(comboLength);
        combo->addItem(tr("Not imported"), -1);
        combo->insertSeparator(1);
        for (int c = 0; c < preview.header.size(); ++c) {
            const QString name = preview.header[c].trimmed();
            combo->addItem(name.isEmpty() ? tr("Column %1").arg(c + 1) : name, c);
            combo->setItemData(combo->count() - 1, tr("Column %1").arg(c + 1), Qt::ToolTipRole);
        }
        connect(combo, &QComboBox::activated, this, [this, field, combo] {
            const int column = combo->currentData().toInt();
            showSamples(rowOf(field), column);
            emit columnChosen(field, column);
        });
        m_guard->watch(combo, row, SourceColumn);
        setCellWidget(row, SourceColumn, combo);
        widest = std::max(widest, combo->sizeHint().width());
        setItem(row, SamplesColumn, new QTableWidgetItem);
    }
    if (rowCount() > 0) {
        setColumnWidth(SourceColumn, widest + 8);
        verticalHeader()->setDefaultSectionSize(cellWidget(0, SourceColumn)->sizeHint().height()
                                                + 6);
    }
}

void FieldMappingTable::showMapping(crm::Kind kind, const crm::FilePreview &preview,
                                    const std::vector<std::pair<crm::Field, int>> &columns)
{
    if (kind != m_kind || preview.fingerprint != m_fingerprint || m_fields.empty())
        rebuild(kind, preview);
    for (int row = 0; row < rowCount(); ++row) {
        const crm::Field field = m_fields[std::size_t(row)];
        int column = -1;
        for (const auto &[f, c] : columns) {
            if (f == field)
                column = c;
        }
        auto *combo = qobject_cast<QComboBox *>(cellWidget(row, SourceColumn));
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(std::max(0, combo->findData(column)));
        showSamples(row, column);
    }
}

void FieldMappingTable::showSamples(int row, int column)
{
    QTableWidgetItem *samples = row >= 0 ? item(row, SamplesColumn) : nullptr;
    if (!samples)
        return;
    const QStringList values = m_preview.samplesOf(column);
    // One line per sample in the tooltip; on one line in the cell.
    QStringList oneLine;
    for (const QString &v : values)
        oneLine.append(QString(v).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    samples->setText(oneLine.join(QStringLiteral("  ·  ")));
    samples->setToolTip(values.join(QLatin1Char('\n')));
    samples->setData(Qt::UserRole, samples->toolTip());
    markProblems();
}

void FieldMappingTable::setFieldProblems(const std::map<crm::Field, QString> &problems)
{
    m_problems = problems;
    markProblems();
}

QString FieldMappingTable::problemOf(crm::Field field) const
{
    const auto it = m_problems.find(field);
    return it == m_problems.end() ? QString() : it->second;
}

void FieldMappingTable::markProblems()
{
    for (int row = 0; row < rowCount(); ++row) {
        QTableWidgetItem *samples = item(row, SamplesColumn);
        if (!samples)
            continue;
        const QString problem = problemOf(m_fields[std::size_t(row)]);
        const QString values = samples->data(Qt::UserRole).toString();
        if (problem.isEmpty()) {
            samples->setData(Qt::ForegroundRole, QVariant());
            samples->setToolTip(values);
        } else {
            samples->setForeground(theme::warningText());
            samples->setToolTip(values.isEmpty() ? problem
                                                 : problem + QStringLiteral("\n\n") + values);
        }
    }
}

void FieldMappingTable::changeEvent(QEvent *event)
{
    QTableWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        markProblems();
}

} // namespace tp::ui
