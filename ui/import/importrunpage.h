#pragma once

#include "importrecord.h"

#include <QElapsedTimer>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tp::ui {

class ImportCounts;
class ImportJob;
class ImportPlan;

// Step 5: the import itself, on a worker thread with its own connection to the book: a progress
// bar, rows per second, time left, and Cancel (the import rolls back; the book is unchanged).
// When it commits, committed() carries what undo and redo need.
class ImportRunPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportRunPage(ImportPlan *plan, QWidget *parent = nullptr);

    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *rateLabel() const { return m_rate; }
    QLabel *resultLabel() const { return m_result; }
    ImportCounts *counts() const { return m_counts; }
    ImportJob *job() const { return m_job; }
    bool isRunning() const;
    bool wasCommitted() const { return m_committed; }

    void cancel();
    void initializePage() override;
    bool isComplete() const override;

signals:
    void committed(const tp::ui::ImportRecord &record);
    void ended(); // committed, cancelled or failed

private:
    void onProgress(qint64 done, qint64 total);
    void onFinished();

    ImportPlan *m_plan;
    ImportJob *m_job;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QPushButton *m_cancel;
    ImportCounts *m_counts;
    QLabel *m_result;
    QElapsedTimer m_clock;
    ImportRecord m_record;
    bool m_committed = false;
};

} // namespace tp::ui
