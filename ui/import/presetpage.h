#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace tp::ui {

class ImportPlan;
class MessageLabel;

// Step 2: what the file is. The preset (CRM export format) and kind detected from the header
// are shown and can be overridden; a mapping remembered for this header is offered; how the
// chosen format reads each column of the header is listed. The full analysis of the file runs
// here, with a progress bar.
class PresetPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PresetPage(ImportPlan *plan, QWidget *parent = nullptr);

    QComboBox *presetCombo() const { return m_preset; }
    QComboBox *kindCombo() const { return m_kind; }
    QCheckBox *rememberedCheck() const { return m_remembered; }
    QTableWidget *columnTable() const { return m_columns; }

    void initializePage() override;
    bool isComplete() const override;

private:
    void fillCombos();
    void showAnalysis();
    void showColumns();

    ImportPlan *m_plan;
    QLabel *m_detected;
    QComboBox *m_preset;
    QComboBox *m_kind;
    QCheckBox *m_remembered;
    QLabel *m_facts;
    QTableWidget *m_columns;
    QProgressBar *m_progress;
    MessageLabel *m_messages;
};

} // namespace tp::ui
