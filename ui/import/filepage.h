#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace tp::ui {

class ImportPlan;
class MessageLabel;

// Step 1: which CSV file. A path typed or chosen with Browse…; the file's header and first rows
// are read at once and shown, so that the user sees it is the right file, and a file that is
// no CSV is refused here, with the reason. Reading them takes about the same time whatever the
// file's size: what needs the whole file is the analysis, on a worker thread.
class FilePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FilePage(ImportPlan *plan, QWidget *parent = nullptr);

    void setPath(const QString &path);
    QLineEdit *pathEdit() const { return m_path; }
    QTableWidget *firstRows() const { return m_rows; }
    QLabel *summaryLabel() const { return m_summary; }
    QString error() const;

    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void readFile();
    void showFile();
    void showSummary();

    ImportPlan *m_plan;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_summary;
    QTableWidget *m_rows;
    MessageLabel *m_error;
    QTimer *m_typing;
};

} // namespace tp::ui
