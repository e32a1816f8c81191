#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QProgressBar;

namespace tp::ui {

class FieldMappingTable;
class ImportPlan;
class MessageLabel;
class StageMappingTable;

// Step 3: which column is which field, what the CRM's stages are in ours, and, only when the
// file leaves them open, the order of days and months and the decimal separator. Every choice
// analyses the file again; Next is enabled when nothing blocks the import.
class MappingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MappingPage(ImportPlan *plan, QWidget *parent = nullptr);

    FieldMappingTable *fieldTable() const { return m_fields; }
    StageMappingTable *stageTable() const { return m_stages; }
    QComboBox *dateOrderCombo() const { return m_dateOrder; }
    QComboBox *decimalCombo() const { return m_decimal; }
    QLabel *unmappedLabel() const { return m_unmapped; }
    // A scores file: which factor each column scores (hidden for other kinds).
    QLabel *factorsLabel() const { return m_factors; }
    MessageLabel *messages() const { return m_messages; }

    void initializePage() override;
    bool isComplete() const override;

private:
    void showAnalysis();
    void showFormats();

    ImportPlan *m_plan;
    FieldMappingTable *m_fields;
    QLabel *m_unmapped;
    QLabel *m_factors;
    QLabel *m_stagesTitle;
    StageMappingTable *m_stages;
    QLabel *m_dateOrderLabel;
    QComboBox *m_dateOrder;
    QLabel *m_decimalLabel;
    QComboBox *m_decimal;
    QProgressBar *m_progress;
    MessageLabel *m_messages;
};

} // namespace tp::ui
