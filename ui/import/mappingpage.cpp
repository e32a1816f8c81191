#include "mappingpage.h"

#include "analysisprogress.h"
#include "fieldmappingtable.h"
#include "importplan.h"
#include "messagelabel.h"
#include "stagemappingtable.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace tp::ui {

namespace {

bool anyAmbiguousDates(const crm::Analysis &a)
{
    return std::any_of(a.dates.begin(), a.dates.end(),
                       [](const auto &d) { return d.second.ambiguous || d.second.contradictory; });
}

bool anyAmbiguousAmounts(const crm::Analysis &a)
{
    return std::any_of(a.amounts.begin(), a.amounts.end(),
                       [](const auto &f) { return f.second.ambiguous || f.second.mixed; });
}

template<typename T>
void selectData(QComboBox *combo, const std::optional<T> &value)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(value ? int(*value) : -1)));
}

template<typename T>
std::optional<T> selectedData(const QComboBox *combo)
{
    const int v = combo->currentData().toInt();
    return v < 0 ? std::nullopt : std::optional<T>(T(v));
}

} // namespace

MappingPage::MappingPage(ImportPlan *plan, QWidget *parent)
    : QWizardPage(parent),
      m_plan(plan),
      m_fields(new FieldMappingTable(this)),
      m_unmapped(new QLabel(this)),
      m_factors(new QLabel(this)),
      m_stagesTitle(new QLabel(tr("CRM &stages and ours:"), this)),
      m_stages(new StageMappingTable(this)),
      m_dateOrderLabel(new QLabel(tr("&Dates are written:"), this)),
      m_dateOrder(new QComboBox(this)),
      m_decimalLabel(new QLabel(tr("Decimal &separator:"), this)),
      m_decimal(new QComboBox(this)),
      m_progress(new QProgressBar(this)),
      m_messages(new MessageLabel(this))
{
    setTitle(tr("Map the Columns"));
    setSubTitle(tr("Which column of the file fills each field, and which of our stages each CRM "
                   "stage is. Bold fields are required."));

    m_unmapped->setWordWrap(true);
    m_unmapped->setTextFormat(Qt::PlainText);
    m_factors->setWordWrap(true);
    m_factors->setTextFormat(Qt::PlainText);
    m_stagesTitle->setBuddy(m_stages);
    m_dateOrderLabel->setBuddy(m_dateOrder);
    m_decimalLabel->setBuddy(m_decimal);
    m_dateOrder->addItem(tr("Choose an order…"), -1);
    for (auto order : { values::DateOrder::DayMonthYear, values::DateOrder::MonthDayYear,
                        values::DateOrder::YearMonthDay })
        m_dateOrder->addItem(values::dateOrderName(order), int(order));
    m_decimal->addItem(tr("As most values suggest"), -1);
    m_decimal->addItem(tr("Dot (1,234.56)"), int(values::DecimalSeparator::Dot));
    m_decimal->addItem(tr("Comma (1.234,56)"), int(values::DecimalSeparator::Comma));
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Checking the file… %p%"));
    m_progress->setMaximumHeight(m_progress->sizeHint().height());

    auto *stagesBox = new QWidget(this);
    auto *stagesLayout = new QVBoxLayout(stagesBox);
    stagesLayout->setContentsMargins(0, 0, 0, 0);
    stagesLayout->addWidget(m_stagesTitle);
    stagesLayout->addWidget(m_stages);
    auto *tables = new QSplitter(Qt::Vertical, this);
    tables->setChildrenCollapsible(false);
    tables->addWidget(m_fields);
    tables->addWidget(stagesBox);
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);

    auto *formats = new QGridLayout;
    formats->addWidget(m_dateOrderLabel, 0, 0);
    formats->addWidget(m_dateOrder, 0, 1);
    formats->addWidget(m_decimalLabel, 1, 0);
    formats->addWidget(m_decimal, 1, 1);
    formats->setColumnStretch(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tables, 1);
    layout->addWidget(m_factors);
    layout->addWidget(m_unmapped);
    layout->addLayout(formats);
    layout->addWidget(m_progress);
    layout->addWidget(m_messages);

    connect(m_fields, &FieldMappingTable::columnChosen, m_plan, &ImportPlan::setColumn);
    connect(m_stages, &StageMappingTable::stageChosen, m_plan, &ImportPlan::setStage);
    connect(m_dateOrder, &QComboBox::activated, this,
            [this] { m_plan->setDateOrder(selectedData<values::DateOrder>(m_dateOrder)); });
    connect(m_decimal, &QComboBox::activated, this,
            [this] { m_plan->setDecimal(selectedData<values::DecimalSeparator>(m_decimal)); });
    followAnalysis(m_plan, this, m_progress);
    connect(m_plan, &ImportPlan::analysisFinished, this, &MappingPage::showAnalysis);
}

void MappingPage::initializePage()
{
    showAnalysis();
}

void MappingPage::showAnalysis()
{
    m_progress->setVisible(m_plan->isAnalysing());
    emit completeChanged();
    if (!m_plan->hasAnalysis()) {
        if (!m_plan->isAnalysing())
            m_messages->setMessages({ m_plan->analysisError() });
        return;
    }
    const crm::Analysis &a = m_plan->analysis();
    m_fields->showMapping(a.kind, m_plan->preview(), a.columns);
    std::map<crm::Field, QString> faults;
    for (const auto &[field, report] : a.identifiers) {
        if (report.mangled > 0)
            faults[field] = tr("%n value(s) in this column look like ids that Excel turned into "
                               "numbers.",
                               nullptr, int(report.mangled));
    }
    m_fields->setFieldProblems(faults);
    QStringList factors;
    for (const crm::FactorColumn &f : a.factors) {
        const QString column = a.header.value(f.column).trimmed();
        factors.append(column == f.name ? f.name : tr("%1 (column \"%2\")").arg(f.name, column));
    }
    m_factors->setVisible(a.kind == crm::Kind::Scores);
    m_factors->setText(factors.isEmpty()
                               ? tr("Engagement scores are read from columns named as the factors; "
                                    "this file has none.")
                               : tr("Engagement scores, from the columns named as the factors: %1.")
                                         .arg(factors.join(QStringLiteral(", "))));
    // Columns the format knows and leaves out (a checksum, a pipeline name) are not imported
    // either: said apart from those nothing reads, so the count agrees with the previous page.
    QStringList knownUnread;
    for (int c = 0; c < a.header.size(); ++c) {
        const bool read = std::any_of(a.columns.begin(), a.columns.end(),
                                      [c](const auto &p) { return p.second == c; })
                || std::any_of(a.factors.begin(), a.factors.end(),
                               [c](const crm::FactorColumn &f) { return f.column == c; })
                || std::find(a.dealNaming.columns.begin(), a.dealNaming.columns.end(), c)
                        != a.dealNaming.columns.end();
        if (!read && !a.unmappedColumns.contains(a.header[c]) && !a.header[c].trimmed().isEmpty())
            knownUnread.append(a.header[c]);
    }
    QStringList unread;
    if (!a.unmappedColumns.isEmpty())
        unread.append(tr("Not imported: %1.").arg(a.unmappedColumns.join(QStringLiteral(", "))));
    if (!knownUnread.isEmpty())
        unread.append(tr("Left out, as the format always does: %1.")
                              .arg(knownUnread.join(QStringLiteral(", "))));
    m_unmapped->setText(unread.isEmpty() ? tr("Every column of the file is imported.")
                                         : unread.join(QLatin1Char(' ')));
    m_stages->showStages(a.stages);
    m_stagesTitle->parentWidget()->setVisible(!a.stages.empty());
    showFormats();
    m_messages->setMessages(
            a.problemsWithHints(tr("Choose one of our stages for each in the stage table above."),
                                tr("Choose it on the previous page, under Encoding.")),
            a.warnings);
}

void MappingPage::showFormats()
{
    const crm::Analysis &a = m_plan->analysis();
    const bool askOrder = anyAmbiguousDates(a);
    const bool askDecimal = anyAmbiguousAmounts(a);
    m_dateOrderLabel->setVisible(askOrder);
    m_dateOrder->setVisible(askOrder);
    m_decimalLabel->setVisible(askDecimal);
    m_decimal->setVisible(askDecimal);
    selectData(m_dateOrder, m_plan->options().dateOrder);
    selectData(m_decimal, m_plan->options().decimal);
}

bool MappingPage::isComplete() const
{
    return m_plan->canImport() && !m_plan->isAnalysing();
}

} // namespace tp::ui
