#include "previewpage.h"

#include "analysisprogress.h"
#include "importcounts.h"
#include "importjob.h"
#include "importplan.h"
#include "messagelabel.h"
#include "rejectionmodel.h"
#include "report/rejectionscsv.h"
#include "session/booksession.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace tp::ui {

PreviewPage::PreviewPage(ImportPlan *plan, QWidget *parent)
    : QWizardPage(parent),
      m_plan(plan),
      m_job(new ImportJob(this)),
      m_progress(new QProgressBar(this)),
      m_counts(new ImportCounts(this)),
      m_rejectedTitle(new QLabel(this)),
      m_export(new QPushButton(tr("&Export…"), this)),
      m_rejections(new RejectionModel(this)),
      m_view(new QTableView(this)),
      m_skipInvalid(
              new QCheckBox(tr("S&kip invalid rows: import the others and leave these out"), this)),
      m_complete(new QCheckBox(tr("This file is the &complete pipeline of its source: "
                                  "opportunities missing from it are marked removed"),
                               this)),
      m_messages(new MessageLabel(this))
{
    setTitle(tr("Preview"));
    setSubTitle(tr("A trial run of the import: nothing is written to the book until you choose "
                   "Import."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));

    m_progress->setFormat(tr("Trying the import… %p%"));

    m_rejections->setObjectName(QStringLiteral("rejections"));
    m_view->setModel(m_rejections);
    m_view->setAccessibleName(tr("Rejected rows"));
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(RejectionModel::Line,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RejectionModel::ColumnNumber,
                                                     QHeaderView::ResizeToContents);
    m_export->setToolTip(tr("Save the rejected rows as a CSV file, to fix them in a spreadsheet"));
    auto *rejectedBar = new QHBoxLayout;
    rejectedBar->addWidget(m_rejectedTitle, 1);
    rejectedBar->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addLayout(rejectedBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_skipInvalid);
    layout->addWidget(m_complete);
    layout->addWidget(m_messages);
    // Takes the room the rejected rows' table leaves when there are none (stretch 0: while
    // the table shows, it takes it all), so that the counts stay together at the top.
    layout->addStretch(0);

    connect(m_job, &ImportJob::progress, this,
            [this](qint64 done, qint64 total) { showShare(m_progress, done, total); });
    connect(m_job, &ImportJob::finished, this, &PreviewPage::showResult);
    connect(m_skipInvalid, &QCheckBox::toggled, this, [this](bool on) {
        m_plan->setSkipInvalid(on);
        showStatus();
        emit completeChanged();
    });
    // Complete or not changes what the import removes: try it again.
    connect(m_complete, &QCheckBox::toggled, this, [this](bool on) {
        m_plan->setComplete(on);
        runDryRun();
    });
    connect(m_export, &QPushButton::clicked, this, &PreviewPage::exportDialog);
}

QString PreviewPage::countText(const QString &key) const
{
    return m_counts->text(key);
}

void PreviewPage::initializePage()
{
    const bool opportunities = m_plan->analysis().kind == crm::Kind::Opportunities;
    m_complete->setVisible(opportunities);
    {
        const QSignalBlocker a(m_skipInvalid), b(m_complete);
        m_skipInvalid->setChecked(m_plan->options().skipInvalid);
        m_complete->setChecked(opportunities && m_plan->options().complete);
    }
    m_plan->setComplete(m_complete->isChecked());
    runDryRun();
}

void PreviewPage::cleanupPage()
{
    m_job->cancel(); // going back: this run no longer matters
}

void PreviewPage::runDryRun()
{
    m_ran = false;
    m_counts->clear();
    m_rejections->setRejections({});
    m_progress->setRange(0, 0);
    m_progress->show();
    m_messages->setMessages({});
    showStatus();
    emit completeChanged();
    m_job->start(ImportJob::Mode::DryRun, m_plan->session()->path(), m_plan->filePath(),
                 m_plan->importOptions());
}

void PreviewPage::showResult()
{
    m_progress->hide();
    m_ran = true;
    const ImportJobResult &r = m_job->result();
    if (r.outcome != ImportJobResult::Outcome::Finished) {
        m_messages->setMessages({ r.error });
        emit completeChanged();
        return;
    }
    m_counts->setReport(r.report, !m_complete->isHidden() && m_complete->isChecked());
    m_rejections->setRejections(r.report.rejections);
    m_view->resizeColumnToContents(RejectionModel::Field);
    m_view->resizeColumnToContents(RejectionModel::Value);
    if (m_view->columnWidth(RejectionModel::Value) > 260)
        m_view->setColumnWidth(RejectionModel::Value, 260);
    showStatus();
    emit completeChanged();
}

void PreviewPage::showStatus()
{
    const ImportJobResult &r = m_job->result();
    const bool ok = m_ran && r.outcome == ImportJobResult::Outcome::Finished;
    const qint64 rejected = ok ? r.report.rejectedRows : 0;
    const QLocale locale;
    m_rejectedTitle->setText(
            !ok || rejected == 0 ? tr("Rejected rows: none.")
                    : qint64(r.report.rejections.size()) < rejected
                    ? tr("Rejected rows (the first %1 of %2):")
                              .arg(locale.toString(qint64(r.report.rejections.size())),
                                   locale.toString(rejected))
                    : tr("Rejected rows:"));
    m_export->setEnabled(ok && rejected > 0);
    m_view->setVisible(!ok || rejected > 0);
    if (!ok)
        return;
    QStringList problems, notes;
    if (rejected > 0 && !m_skipInvalid->isChecked())
        problems.append(tr("%Ln row(s) cannot be imported. Correct the file and start again, or "
                           "tick Skip invalid rows to import the others.",
                           nullptr, int(rejected)));
    const crm::UpsertCounts &c = r.report.counts;
    if (c.accountsCreated > 0 || c.repsCreated > 0)
        notes.append(
                tr("New accounts: %1 · new reps: %2")
                        .arg(locale.toString(c.accountsCreated), locale.toString(c.repsCreated)));
    if (c.stageChanges > 0 || c.closeDatePushes > 0)
        notes.append(
                tr("Stage changes: %1 · close dates pushed: %2")
                        .arg(locale.toString(c.stageChanges), locale.toString(c.closeDatePushes)));
    m_messages->setMessages(problems, notes);
}

bool PreviewPage::isComplete() const
{
    const ImportJobResult &r = m_job->result();
    return m_ran && !m_job->isRunning() && r.outcome == ImportJobResult::Outcome::Finished
            && (r.report.rejectedRows == 0 || m_skipInvalid->isChecked());
}

bool PreviewPage::exportRejections(const QString &path)
{
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly)
            && RejectionsCsv::write(m_plan->preview().file, m_rejections->rejections(), file)
            && file.commit();
    if (!ok)
        m_messages->setMessages(
                { tr("Cannot write %1: %2").arg(QFileInfo(path).fileName(), file.errorString()) });
    return ok;
}

void PreviewPage::exportDialog()
{
    const QFileInfo source(m_plan->filePath());
    const QString suggested = source.absolutePath() + QLatin1Char('/')
            + tr("%1 rejected rows").arg(source.completeBaseName()) + QStringLiteral(".csv");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Rejected Rows"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportRejections(path);
}

} // namespace tp::ui
