#pragma once

#include "import/analysis.h"
#include "import/filepreview.h"

#include <QTableWidget>

class QComboBox;

namespace tp::ui {

class CellComboGuard;

// The mapping dialog's table: each field of the kind, the file column it reads (a combo, "Not
// imported" first) and sample values of that column from the file. Required fields are bold.
class FieldMappingTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column { FieldColumn, SourceColumn, SamplesColumn };

    explicit FieldMappingTable(QWidget *parent = nullptr);

    // Rebuilds the rows when the kind or the header changed, else only updates them.
    void showMapping(crm::Kind kind, const crm::FilePreview &preview,
                     const std::vector<std::pair<crm::Field, int>> &columns);
    QComboBox *comboOf(crm::Field field) const;
    int rowOf(crm::Field field) const;

signals:
    void columnChosen(crm::Field field, int column);

private:
    CellComboGuard *m_guard;
    void rebuild(crm::Kind kind, const crm::FilePreview &preview);
    void showSamples(int row, int column);

    crm::Kind m_kind = crm::Kind::Opportunities;
    QString m_fingerprint;
    std::vector<crm::Field> m_fields;
    crm::FilePreview m_preview;
};

} // namespace tp::ui
