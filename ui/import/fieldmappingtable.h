#pragma once

#include "import/analysis.h"
#include "import/filepreview.h"

#include <QTableWidget>

#include <map>

class QComboBox;

namespace tp::ui {

class CellComboGuard;

// The mapping dialog's table: each field of the kind, the file column it reads (a combo, "Not
// imported" first) and sample values of that column from the file. Required fields are bold;
// fields whose values the analysis found at fault show their samples in the warning colour.
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
    // The fields whose values are at fault, with why (their samples' tooltip); the rest clear.
    void setFieldProblems(const std::map<crm::Field, QString> &problems);
    QString problemOf(crm::Field field) const;

protected:
    void changeEvent(QEvent *event) override;

signals:
    void columnChosen(crm::Field field, int column);

private:
    CellComboGuard *m_guard;
    void rebuild(crm::Kind kind, const crm::FilePreview &preview);
    void showSamples(int row, int column);
    void markProblems();

    crm::Kind m_kind = crm::Kind::Opportunities;
    QString m_fingerprint;
    std::vector<crm::Field> m_fields;
    crm::FilePreview m_preview;
    std::map<crm::Field, QString> m_problems;
};

} // namespace tp::ui
