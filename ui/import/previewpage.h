#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
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
// decisions that change what is written are made here: skip invalid rows, whether the file is
// the complete pipeline of its source, and what the dry run found that needs the user's word
// (removing more than half of the source's open deals; rows that look like deals the book has
// from another CRM). Its Next button ("Import") commits.
class PreviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PreviewPage(ImportPlan *plan, QWidget *parent = nullptr);

    ImportCounts *counts() const { return m_counts; }
    QCheckBox *skipInvalidCheck() const { return m_skipInvalid; }
    QCheckBox *completeCheck() const { return m_complete; }
    // Shown when a complete import would remove more than half of its source's open deals.
    QCheckBox *massRemovalCheck() const { return m_massRemoval; }
    // Shown when new rows look like deals the book has from another source: leave them out or
    // import them anyway (nothing is chosen until the user does).
    QComboBox *duplicatesCombo() const { return m_duplicates; }
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
    bool confirmed() const;

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
    QCheckBox *m_massRemoval;
    QLabel *m_duplicatesLabel;
    QComboBox *m_duplicates;
    MessageLabel *m_messages;
    bool m_ran = false;
};

} // namespace tp::ui
