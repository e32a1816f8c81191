#include "presetpage.h"

#include "analysisprogress.h"
#include "asoffield.h"
#include "csv/encoding.h"
#include "import/presets.h"
#include "importplan.h"
#include "messagelabel.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace tp::ui {

PresetPage::PresetPage(ImportPlan *plan, QWidget *parent)
    : QWizardPage(parent),
      m_plan(plan),
      m_detected(new QLabel(this)),
      m_preset(new QComboBox(this)),
      m_kind(new QComboBox(this)),
      m_encoding(new QComboBox(this)),
      m_asOf(new AsOfField(plan, this)),
      m_remembered(new QCheckBox(this)),
      m_facts(new QLabel(this)),
      m_columns(new QTableWidget(this)),
      m_progress(new QProgressBar(this)),
      m_messages(new MessageLabel(this))
{
    setTitle(tr("What the File Holds"));
    setSubTitle(tr("Detected from the file's header. Change it if the file comes from another "
                   "CRM or holds something else."));

    m_detected->setTextFormat(Qt::PlainText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remembered->setToolTip(tr("The columns, stages and formats you chose when you last imported "
                                "a file with this header"));
    m_columns->setColumnCount(2);
    m_columns->setHorizontalHeaderLabels({ tr("Column in the file"), tr("Read as") });
    m_columns->setAccessibleName(tr("How the format reads the columns"));
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_columns->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->setSelectionMode(QAbstractItemView::NoSelection);
    m_columns->setFocusPolicy(Qt::NoFocus);
    m_columns->setAlternatingRowColors(true);
    m_progress->setFormat(tr("Reading the file… %p%"));
    m_progress->hide();

    m_encoding->setToolTip(tr("How the file's text is written: detected unless you choose. A file "
                              "that is UTF-8 but for a few bytes needs your choice."));
    auto *form = new QFormLayout;
    form->addRow(tr("Detected:"), m_detected);
    form->addRow(tr("CRM &format:"), m_preset);
    form->addRow(tr("&Holds:"), m_kind);
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&As of:"), m_asOf);
    form->addRow(QString(), m_remembered);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_facts);
    layout->addWidget(m_columns, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_messages);

    for (const crm::Preset &p : crm::presets())
        m_preset->addItem(p.label, p.id);
    for (crm::Kind kind : crm::allKinds())
        m_kind->addItem(crm::kindLabel(kind), int(kind));
    m_encoding->addItem(tr("Detected"));
    for (const csv::Encoding e : { csv::Encoding::Utf8, csv::Encoding::Windows1252,
                                   csv::Encoding::Utf16LE, csv::Encoding::Utf16BE })
        m_encoding->addItem(csv::encodingName(e), int(e));

    connect(m_preset, &QComboBox::activated, this,
            [this] { m_plan->setPreset(m_preset->currentData().toString()); });
    connect(m_kind, &QComboBox::activated, this,
            [this] { m_plan->setKind(crm::Kind(m_kind->currentData().toInt())); });
    connect(m_encoding, &QComboBox::activated, this, [this] {
        const QVariant e = m_encoding->currentData();
        m_plan->setEncoding(e.isValid() ? std::optional(csv::Encoding(e.toInt())) : std::nullopt);
    });
    connect(m_remembered, &QCheckBox::toggled, m_plan, &ImportPlan::setUseRemembered);
    followAnalysis(m_plan, this, m_progress);
    connect(m_plan, &ImportPlan::analysisFinished, this, &PresetPage::showAnalysis);
}

void PresetPage::initializePage()
{
    fillCombos();
    m_asOf->showPlan();
    showAnalysis();
}

void PresetPage::fillCombos()
{
    const QSignalBlocker blocker(m_remembered);
    const auto &remembered = m_plan->remembered();
    m_remembered->setVisible(remembered.has_value());
    if (remembered)
        m_remembered->setText(
                tr("&Use the mapping saved for this header on %1")
                        .arg(QLocale().toString(remembered->savedOn, QLocale::ShortFormat)));
    m_remembered->setChecked(m_plan->usesRemembered());
}

void PresetPage::showAnalysis()
{
    m_progress->setVisible(m_plan->isAnalysing());
    emit completeChanged();
    if (!m_plan->hasAnalysis()) {
        m_messages->setMessages(m_plan->isAnalysing() ? QStringList()
                                                      : QStringList{ m_plan->analysisError() });
        return;
    }
    const crm::Analysis &a = m_plan->analysis();
    const QSignalBlocker presetBlocker(m_preset), kindBlocker(m_kind), encodingBlocker(m_encoding);
    m_preset->setCurrentIndex(m_preset->findData(a.presetId));
    m_kind->setCurrentIndex(m_kind->findData(int(a.kind)));
    const auto chosen = m_plan->options().csv.encoding;
    m_encoding->setCurrentIndex(chosen ? m_encoding->findData(int(*chosen)) : 0);
    m_encoding->setItemText(
            0,
            a.encodingProblem >= 0 ? tr("Choose one")
                                   : tr("Detected: %1").arg(csv::encodingName(a.dialect.encoding)));
    const auto detected = crm::detectPreset(m_plan->preview().header);
    const QString kind = detected ? crm::kindLabel(detected->preset->kind) : QString();
    // "Quotas" is both a format and a kind: said once.
    const int guessed = int(a.columns.size());
    const QString unknown = guessed > 0 ? tr("No known CRM export: %n column(s) recognised by "
                                             "their names, check them on the next page",
                                             nullptr, guessed)
                                        : tr("No known CRM export: map the columns yourself");
    m_detected->setText(!detected ? unknown
                                : detected->preset->label == kind
                                ? kind
                                : tr("%1, %2").arg(detected->preset->label, kind));

    std::set<int> read;
    for (const auto &[field, column] : a.columns)
        read.insert(column);
    for (const crm::FactorColumn &factor : a.factors)
        read.insert(factor.column);
    read.insert(a.dealNaming.columns.begin(), a.dealNaming.columns.end());
    const QLocale locale;
    m_facts->setText(tr("Data rows: %1 · header on line %2 · columns read: %3 of %4")
                             .arg(locale.toString(a.rows), locale.toString(a.headerLine),
                                  locale.toString(qint64(read.size())),
                                  locale.toString(a.header.size())));
    showColumns();
    m_messages->setMessages(problems(), a.warnings);
}

QStringList PresetPage::problems() const
{
    if (!m_plan->hasAnalysis() || m_plan->analysis().encodingProblem < 0)
        return {};
    const crm::Analysis &a = m_plan->analysis();
    return { a.problemsWithHints({}, tr("Choose it under Encoding.")).at(a.encodingProblem) };
}

void PresetPage::showColumns()
{
    const crm::Analysis &a = m_plan->analysis();
    m_columns->setRowCount(int(a.header.size()));
    for (int c = 0; c < a.header.size(); ++c) {
        QStringList fields;
        for (const auto &[field, column] : a.columns) {
            if (column == c)
                fields.append(crm::fieldLabel(field));
        }
        for (const crm::FactorColumn &factor : a.factors) {
            if (factor.column == c)
                fields.append(tr("Score of %1").arg(factor.name));
        }
        const auto &naming = a.dealNaming.columns;
        if (std::find(naming.begin(), naming.end(), c) != naming.end())
            fields.append(tr("Part of the deal's name"));
        m_columns->setItem(c, 0, new QTableWidgetItem(a.header[c]));
        auto *readAs = new QTableWidgetItem(fields.isEmpty() ? tr("Not imported")
                                                             : fields.join(QStringLiteral(", ")));
        if (fields.isEmpty())
            readAs->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        m_columns->setItem(c, 1, readAs);
    }
}

bool PresetPage::isComplete() const
{
    return m_plan->hasAnalysis() && problems().isEmpty();
}

} // namespace tp::ui
