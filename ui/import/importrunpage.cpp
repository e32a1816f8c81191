#include "importrunpage.h"

#include "analysisprogress.h"
#include "importcounts.h"
#include "importjob.h"
#include "importplan.h"
#include "importrate.h"
#include "session/booksession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace tp::ui {

ImportRunPage::ImportRunPage(ImportPlan *plan, QWidget *parent)
    : QWizardPage(parent),
      m_plan(plan),
      m_job(new ImportJob(this)),
      m_progress(new QProgressBar(this)),
      m_rate(new QLabel(this)),
      m_cancel(new QPushButton(tr("&Cancel Import"), this)),
      m_counts(new ImportCounts(this)),
      m_result(new QLabel(this))
{
    setTitle(tr("Importing"));
    setFinalPage(true);
    m_progress->setRange(0, 1000);
    m_progress->setAccessibleName(tr("Import progress"));
    m_cancel->setToolTip(tr("Stop the import; the book stays as it was"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_rate, 1);
    bar->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addLayout(bar);
    layout->addSpacing(12);
    layout->addWidget(m_counts);
    layout->addSpacing(6);
    layout->addWidget(m_result);
    layout->addStretch(1);

    connect(m_cancel, &QPushButton::clicked, this, &ImportRunPage::cancel);
    connect(m_job, &ImportJob::progress, this, &ImportRunPage::onProgress);
    connect(m_job, &ImportJob::finished, this, &ImportRunPage::onFinished);
}

bool ImportRunPage::isRunning() const
{
    return m_job->isRunning();
}

void ImportRunPage::initializePage()
{
    m_committed = false;
    setTitle(tr("Importing"));
    m_record = {};
    m_record.file = m_plan->filePath();
    m_record.options = m_plan->importOptions();
    m_record.rows = m_plan->analysis().rows;
    setSubTitle(tr("%1 into %2.")
                        .arg(m_record.fileName(), QFileInfo(m_plan->session()->path()).fileName()));
    m_progress->setValue(0);
    m_rate->setText(tr("Starting…"));
    m_result->clear();
    m_counts->clear();
    m_counts->hide();
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_clock.start();
    m_job->start(ImportJob::Mode::Import, m_plan->session()->path(), m_record.file,
                 m_record.options);
    emit completeChanged();
}

void ImportRunPage::cancel()
{
    if (!m_job->isRunning())
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_rate->setText(tr("Cancelling…"));
}

void ImportRunPage::onProgress(qint64 done, qint64 total)
{
    showShare(m_progress, done, total);
    if (m_job->isCancelling())
        return;
    ImportRate rate(m_record.rows);
    rate.update(done, total, m_clock.elapsed());
    m_rate->setText(rate.text());
}

void ImportRunPage::onFinished()
{
    const ImportJobResult &r = m_job->result();
    m_cancel->hide();
    const QLocale locale;
    if (r.outcome == ImportJobResult::Outcome::Finished && r.report.committed) {
        m_committed = true;
        setTitle(tr("Imported"));
        m_progress->setValue(m_progress->maximum());
        if (r.elapsedMs < 1000) {
            m_rate->setText(tr("%Ln row(s) in less than a second", nullptr, int(m_record.rows)));
        } else {
            const double seconds = r.elapsedMs / 1000.0;
            m_rate->setText(tr("%Ln row(s) in %1 (%2 rows/s)", nullptr, int(m_record.rows))
                                    .arg(ImportRate::durationText(qint64(std::lround(seconds))),
                                         locale.toString(qint64(double(m_record.rows) / seconds))));
        }
        m_counts->setReport(r.report, m_record.options.complete);
        m_counts->show();
        m_result->setText(tr("Imported. Edit ▸ Undo, or File ▸ Undo Last Import, takes the whole "
                             "import back."));
        m_record.importId = r.report.importId;
        m_record.stamp = r.stamp;
        emit committed(m_record);
    } else if (r.outcome == ImportJobResult::Outcome::Finished) {
        // Rejected rows appeared after the preview (the file changed): nothing was written.
        setTitle(tr("Import Failed"));
        m_rate->clear();
        m_result->setText(
                tr("Nothing was imported: %Ln row(s) were rejected. The book is unchanged.",
                   nullptr, int(r.report.rejectedRows)));
    } else if (r.outcome == ImportJobResult::Outcome::Cancelled) {
        setTitle(tr("Import Cancelled"));
        m_rate->clear();
        m_result->setText(tr("Import cancelled. The book is unchanged."));
    } else {
        setTitle(tr("Import Failed"));
        m_rate->clear();
        m_result->setText(tr("The import failed: %1").arg(r.error));
    }
    emit ended();
    emit completeChanged();
}

bool ImportRunPage::isComplete() const
{
    return !m_job->isRunning();
}

} // namespace tp::ui
