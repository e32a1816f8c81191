#include "filepage.h"

#include "csv/encoding.h"
#include "importplan.h"
#include "messagelabel.h"

#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>

namespace tp::ui {

namespace {

const QString folderKey = QStringLiteral("importWizard/folder");

QString delimiterName(char delimiter)
{
    switch (delimiter) {
    case ',':
        return FilePage::tr("comma-separated");
    case ';':
        return FilePage::tr("semicolon-separated");
    case '\t':
        return FilePage::tr("tab-separated");
    case '|':
        return FilePage::tr("separated by |");
    default:
        return FilePage::tr("separated by %1").arg(QLatin1Char(delimiter));
    }
}

} // namespace

FilePage::FilePage(ImportPlan *plan, QWidget *parent)
    : QWizardPage(parent),
      m_plan(plan),
      m_path(new QLineEdit(this)),
      m_browse(new QPushButton(tr("&Browse…"), this)),
      m_summary(new QLabel(this)),
      m_rows(new QTableWidget(this)),
      m_error(new MessageLabel(this)),
      m_typing(new QTimer(this))
{
    setTitle(tr("Choose a CSV File"));
    setSubTitle(tr("An export from Salesforce, HubSpot, Pipedrive, Zoho or Dynamics 365, or any "
                   "other CSV file. You can also drop a file on the main window."));

    auto *label = new QLabel(tr("&File:"), this);
    label->setBuddy(m_path);
    m_path->setPlaceholderText(tr("Path of a .csv, .tsv or .txt file"));
    m_path->setClearButtonEnabled(true);
    auto *files = new QFileSystemModel(this);
    files->setRootPath(QString());
    files->setNameFilters(
            { QStringLiteral("*.csv"), QStringLiteral("*.tsv"), QStringLiteral("*.txt") });
    files->setNameFilterDisables(false);
    m_path->setCompleter(new QCompleter(files, this));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rows->setAccessibleName(tr("The first rows of the file"));
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionMode(QAbstractItemView::NoSelection);
    m_rows->setFocusPolicy(Qt::NoFocus);
    m_rows->setWordWrap(false);
    m_rows->setAlternatingRowColors(true);
    m_rows->verticalHeader()->hide();
    m_rows->hide();

    auto *layout = new QGridLayout(this);
    layout->addWidget(label, 0, 0);
    layout->addWidget(m_path, 0, 1);
    layout->addWidget(m_browse, 0, 2);
    layout->addWidget(m_summary, 1, 1, 1, 2);
    layout->addWidget(m_error, 2, 1, 1, 2);
    layout->addWidget(m_rows, 3, 0, 1, 3);
    layout->setRowStretch(3, 1);
    layout->setColumnStretch(1, 1);

    // Reading a header is quick, but not on every keystroke.
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &FilePage::readFile);
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        m_typing->start();
        emit completeChanged();
    });
    connect(m_browse, &QPushButton::clicked, this, &FilePage::browse);
    connect(m_plan, &ImportPlan::analysisFinished, this, &FilePage::showSummary);
}

void FilePage::setPath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    readFile();
}

QString FilePage::error() const
{
    return m_error->problems().value(0);
}

void FilePage::browse()
{
    QSettings settings;
    const QString start = m_plan->hasFile()
            ? QFileInfo(m_plan->filePath()).absolutePath()
            : settings.value(folderKey,
                             QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                      .toString();
    const QString path = QFileDialog::getOpenFileName(
            this, tr("Import CSV File"), start, tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(folderKey, QFileInfo(path).absolutePath());
    setPath(path);
}

void FilePage::readFile()
{
    m_typing->stop();
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    QString error;
    if (path.isEmpty() || QFileInfo(path).absoluteFilePath() == m_plan->filePath()) {
        m_error->setMessages({});
    } else if (!m_plan->setFile(path, &error)) {
        m_error->setMessages({ error });
    } else {
        m_error->setMessages({});
    }
    showFile();
    emit completeChanged();
}

void FilePage::showFile()
{
    const bool ok = isComplete();
    m_rows->setVisible(ok);
    if (!ok) {
        m_summary->clear();
        return;
    }
    showSummary();
    const auto &p = m_plan->preview();

    // The header and the first rows, as the file has them.
    m_rows->clear();
    m_rows->setColumnCount(int(p.header.size()));
    m_rows->setRowCount(int(p.samples.size()));
    m_rows->setHorizontalHeaderLabels(p.header);
    for (int row = 0; row < m_rows->rowCount(); ++row) {
        const QStringList &cells = p.samples[std::size_t(row)];
        for (int column = 0; column < m_rows->columnCount(); ++column) {
            const QString cell = cells.value(column);
            auto *item = new QTableWidgetItem(
                    QString(cell).replace(QLatin1Char('\n'), QLatin1Char(' ')));
            item->setToolTip(cell);
            m_rows->setItem(row, column, item);
        }
    }
    m_rows->resizeColumnsToContents();
    const int widest = fontMetrics().averageCharWidth() * 28;
    for (int column = 0; column < m_rows->columnCount(); ++column)
        m_rows->setColumnWidth(column, std::min(m_rows->columnWidth(column), widest));
}

void FilePage::showSummary()
{
    if (!isComplete()) {
        m_summary->clear();
        return;
    }
    // The preview decides the encoding of a big file on its start; the analysis, which reads
    // all of it on a worker thread, has the last word.
    const auto &p = m_plan->preview();
    QString encoding = csv::encodingName(p.dialect.encoding);
    if (m_plan->hasAnalysis())
        encoding = csv::encodingName(m_plan->analysis().dialect.encoding);
    else if (!p.dialect.encodingSettled)
        encoding = (m_plan->isAnalysing() ? tr("%1 so far (reading the rest…)")
                                          : tr("%1 in its first megabyte"))
                           .arg(encoding);
    const QLocale locale;
    m_summary->setText(
            tr("%1 · %2 · %3, %4 · header on line %5 · columns: %6")
                    .arg(p.file, locale.formattedDataSize(QFileInfo(m_plan->filePath()).size()),
                         encoding, delimiterName(p.dialect.delimiter),
                         locale.toString(p.headerLine), locale.toString(p.header.size())));
}

bool FilePage::isComplete() const
{
    const QString typed = QDir::fromNativeSeparators(m_path->text().trimmed());
    return m_plan->hasFile() && !m_typing->isActive() && !typed.isEmpty()
            && QFileInfo(typed).absoluteFilePath() == m_plan->filePath();
}

bool FilePage::validatePage()
{
    if (m_typing->isActive())
        readFile();
    return isComplete();
}

} // namespace tp::ui
