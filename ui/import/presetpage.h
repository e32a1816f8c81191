#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace tp::ui {

class AsOfField;
class ImportPlan;
class MessageLabel;

// Step 2: what the file is. The preset (CRM export format), kind and text encoding detected from
// the file are shown and can be overridden; a mapping remembered for this header is offered; how
// the chosen format reads each column of the header is listed. The full analysis of the file
// runs here, with a progress bar. A file that is UTF-8 but for a few bytes is not guessed: the
// page says where they are, and Next waits for the user's choice of encoding. The as-of date
// (the day of the export, which dates the snapshot and the stage changes) is set here too.
class PresetPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PresetPage(ImportPlan *plan, QWidget *parent = nullptr);

    QComboBox *presetCombo() const { return m_preset; }
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *encodingCombo() const { return m_encoding; }
    AsOfField *asOfField() const { return m_asOf; }
    QStringList problems() const;
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
    QComboBox *m_encoding;
    AsOfField *m_asOf;
    QCheckBox *m_remembered;
    QLabel *m_facts;
    QTableWidget *m_columns;
    QProgressBar *m_progress;
    MessageLabel *m_messages;
};

} // namespace tp::ui
