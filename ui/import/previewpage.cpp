#include "previewpage.h"

#include "analysisprogress.h"
#include "importcounts.h"
#include "importjob.h"
#include "importplan.h"
#include "messagelabel.h"
#include "rejectionmodel.h"
#include "report/rejectionscsv.h"
#include "session/booksession.h"
#include "widgets/exportpath.h"
#include "widgets/tablekeys.h"

#include <QCheckBox>
#include <QComboBox>
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

#include <algorithm>

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
      m_massRemoval(new QCheckBox(this)),
      m_duplicatesLabel(new QLabel(this)),
      m_duplicates(new QComboBox(this)),
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
    letTabLeave(m_view); // Tab goes on to the check boxes below, as from every table
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(RejectionModel::Line,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RejectionModel::ColumnNumber,
                                                     QHeaderView::ResizeToContents);
    m_export->setToolTip(tr("Save the rejected rows as a CSV file, to fix them in a spreadsheet"));
    auto *rejectedBar = new QHBoxLayout;
    rejectedBar->addWidget(m_rejectedTitle, 1);
    rejectedBar->addWidget(m_export);

    m_massRemoval->hide();
    m_duplicatesLabel->setWordWrap(true);
    m_duplicatesLabel->setBuddy(m_duplicates);
    m_duplicates->addItem(tr("Choose…"), int(crm::DuplicatePolicy::Ask));
    m_duplicates->addItem(tr("Leave them out"), int(crm::DuplicatePolicy::Skip));
    m_duplicates->addItem(tr("Import them anyway"), int(crm::DuplicatePolicy::Import));
    auto *duplicatesRow = new QHBoxLayout;
    duplicatesRow->addWidget(m_duplicatesLabel, 1);
    duplicatesRow->addWidget(m_duplicates);
    m_duplicatesLabel->hide();
    m_duplicates->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addLayout(rejectedBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_skipInvalid);
    layout->addWidget(m_complete);
    layout->addWidget(m_massRemoval);
    layout->addLayout(duplicatesRow);
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
    connect(m_massRemoval, &QCheckBox::toggled, this, [this](bool on) {
        m_plan->setAllowMassRemoval(on);
        showStatus();
        emit completeChanged();
    });
    // Leaving them out changes what is created: try it again.
    connect(m_duplicates, &QComboBox::activated, this, [this] {
        m_plan->setDuplicates(crm::DuplicatePolicy(m_duplicates->currentData().toInt()));
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
    {
        const QSignalBlocker c(m_massRemoval);
        m_massRemoval->setChecked(m_plan->options().allowMassRemoval);
    }
    m_duplicates->setCurrentIndex(m_duplicates->findData(int(m_plan->options().duplicates)));
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
    const crm::UpsertCounts &c = r.report.counts;
    const QLocale locale;
    const bool massRemoval = std::any_of(r.report.unconfirmed.begin(), r.report.unconfirmed.end(),
                                         [](const crm::Confirmation &x) {
                                             return x.kind == crm::Confirmation::Kind::MassRemoval;
                                         });
    m_massRemoval->setVisible(massRemoval || m_massRemoval->isChecked());
    m_massRemoval->setText(tr("&Yes, mark %1 of the %2 open deals of this source removed: they "
                              "really are gone")
                                   .arg(locale.toString(c.removed), locale.toString(c.sourceOpen)));
    const bool duplicates = c.duplicates > 0;
    m_duplicatesLabel->setVisible(duplicates);
    m_duplicates->setVisible(duplicates);
    if (duplicates) {
        const crm::LikelyDuplicate &first = r.report.duplicates.front();
        m_duplicatesLabel->setText(
                tr("%Ln new row(s) look like deals the book already has from another source "
                   "(the same account and name, and the same amount or close date), such as "
                   "line %1, “%2”. &Likely duplicates:",
                   nullptr, int(c.duplicates))
                        .arg(first.line)
                        .arg(first.name));
    }
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
    for (const crm::Confirmation &c : r.report.unconfirmed) {
        if (c.kind == crm::Confirmation::Kind::MassRemoval && !m_massRemoval->isChecked())
            problems.append(tr("A complete pipeline that lacks more than half of its source's "
                               "open deals: is the file cut short? Tick the box above if they "
                               "really are gone."));
        else if (c.kind == crm::Confirmation::Kind::Duplicates)
            problems.append(tr("Choose what to do with the likely duplicates."));
    }
    if (rejected > 0 && !m_skipInvalid->isChecked())
        problems.append(tr("%Ln row(s) cannot be imported. Correct the file and start again, or "
                           "tick Skip invalid rows to import the others.",
                           nullptr, int(rejected)));
    if (!r.report.analysis.dealNamingNote.isEmpty())
        notes.append(r.report.analysis.dealNamingNote);
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

bool PreviewPage::confirmed() const
{
    const ImportJobResult &r = m_job->result();
    return std::all_of(r.report.unconfirmed.begin(), r.report.unconfirmed.end(),
                       [this](const crm::Confirmation &c) {
                           return c.kind == crm::Confirmation::Kind::MassRemoval
                                   && m_massRemoval->isChecked();
                       });
}

bool PreviewPage::isComplete() const
{
    const ImportJobResult &r = m_job->result();
    return m_ran && !m_job->isRunning() && r.outcome == ImportJobResult::Outcome::Finished
            && (r.report.rejectedRows == 0 || m_skipInvalid->isChecked()) && confirmed();
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
    // In the folder of the last export, like every export dialog.
    const QString name =
            tr("%1 rejected rows").arg(QFileInfo(m_plan->filePath()).completeBaseName())
            + QStringLiteral(".csv");
    const QString path = exportpath::ask(this, tr("Export Rejected Rows"), name,
                                         tr("CSV files (*.csv)"), QStringLiteral("csv"));
    if (!path.isEmpty())
        exportRejections(path);
}

} // namespace tp::ui
