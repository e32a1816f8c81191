#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tp::ui {

class ImportCounts;
class ImportJob;
class ImportPlan;
class MessageLabel;
class RejectionModel;

// Step 4: a dry run of the import on a worker thread, showing how many rows it would create,
// update, leave unchanged, remove and reject, and the rejected rows (exportable as CSV). The
// two decisions that change what is written are made here: skip invalid rows, and whether the
// file is the complete pipeline of its source. Its Next button ("Import") commits.
class PreviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PreviewPage(ImportPlan *plan, QWidget *parent = nullptr);

    ImportCounts *counts() const { return m_counts; }
    QCheckBox *skipInvalidCheck() const { return m_skipInvalid; }
    QCheckBox *completeCheck() const { return m_complete; }
    QPushButton *exportButton() const { return m_export; }
    RejectionModel *rejectionModel() const { return m_rejections; }
    QTableView *rejectionView() const { return m_view; }
    ImportJob *job() const { return m_job; }
    // The figure shown for "created", "updated", "unchanged", "removed" or "rejected".
    QString countText(const QString &key) const;
    MessageLabel *messages() const { return m_messages; }

    // Writes the rejected rows to `path` as CSV; false (with the reason shown) when it cannot.
    bool exportRejections(const QString &path);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void runDryRun();
    void showResult();
    void showStatus();
    void exportDialog();

    ImportPlan *m_plan;
    ImportJob *m_job;
    QProgressBar *m_progress;
    ImportCounts *m_counts;
    QLabel *m_rejectedTitle;
    QPushButton *m_export;
    RejectionModel *m_rejections;
    QTableView *m_view;
    QCheckBox *m_skipInvalid;
    QCheckBox *m_complete;
    MessageLabel *m_messages;
    bool m_ran = false;
};

} // namespace tp::ui
