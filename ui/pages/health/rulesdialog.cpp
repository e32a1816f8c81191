#include "rulesdialog.h"

#include "analytics/dealhealth.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tp::ui {

namespace {

QSpinBox *daysBox(int value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 3650);
    box->setSuffix(QCoreApplication::translate("tp::ui::RulesDialog", " days"));
    box->setValue(value);
    return box;
}

} // namespace

RulesDialog::RulesDialog(const StallRules &rules, const std::array<int, 4> &stageLimitDays,
                         QWidget *parent)
    : QDialog(parent),
      m_idleAtRisk(daysBox(rules.idleAtRiskDays, this)),
      m_idleStalled(daysBox(rules.idleStalledDays, this)),
      m_pushes(new QSpinBox(this)),
      m_multiple(new QDoubleSpinBox(this))
{
    setWindowTitle(tr("Stalled-Deal Rules"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A deal is stalled when any stalled rule fires, at risk when only "
                                "at-risk rules fire. Every figure of the Pipeline Health page and "
                                "of summary follows these rules."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *activity = new QGroupBox(tr("No activity"), this);
    auto *activityForm = new QFormLayout(activity);
    activityForm->addRow(tr("At risk after more than:"), m_idleAtRisk);
    activityForm->addRow(tr("Stalled after more than:"), m_idleStalled);
    layout->addWidget(activity);

    auto *stages = new QGroupBox(tr("Longest stay in a stage (stalled beyond)"), this);
    auto *stageBox = new QVBoxLayout(stages);
    auto *stageForm = new QFormLayout;
    stageBox->addLayout(stageForm);
    for (Stage stage : openStages) {
        const auto i = std::size_t(stageIndex(stage));
        m_stageLimits[i] = daysBox(stageLimitDays[i], stages);
        stageForm->addRow(tr("%1:").arg(stageName(stage)), m_stageLimits[i]);
    }
    // No accusation without evidence (METRICS "Stalled deals").
    m_unknownEntry = new QLabel(tr("A deal whose stage entry date is unknown (no stage history, "
                                   "and the imported file did not date its last stage change) "
                                   "is never stalled by this rule; its reasons say “%1”.")
                                        .arg(health::Reasons::stageEntryUnknown()),
                                stages);
    m_unknownEntry->setWordWrap(true);
    m_unknownEntry->setForegroundRole(QPalette::PlaceholderText);
    // Under the form, not in it: a wrapped label in a form row gets the height of one line.
    stageBox->addWidget(m_unknownEntry);
    layout->addWidget(stages);

    auto *other = new QGroupBox(tr("Close date and age"), this);
    auto *otherForm = new QFormLayout(other);
    m_pushes->setRange(1, 99);
    m_pushes->setSuffix(tr(" pushes"));
    m_pushes->setValue(rules.pushesAtRisk);
    otherForm->addRow(tr("At risk from:"), m_pushes);
    m_multiple->setRange(0.1, 20.0);
    m_multiple->setSingleStep(0.5);
    m_multiple->setDecimals(1);
    m_multiple->setSuffix(tr("× the average cycle"));
    m_multiple->setValue(rules.agedCycleMultiple);
    otherForm->addRow(tr("Stalled when open longer than:"), m_multiple);
    auto *passed =
            new QLabel(tr("A deal whose expected close date has passed is always stalled."), other);
    passed->setWordWrap(true);
    otherForm->addRow(passed);
    layout->addWidget(other);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                                 | QDialogButtonBox::RestoreDefaults,
                                         this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &RulesDialog::restoreDefaults);
    layout->addWidget(buttons);
}

void RulesDialog::restoreDefaults()
{
    const StallRules defaults;
    const BookSettings settings;
    m_idleAtRisk->setValue(defaults.idleAtRiskDays);
    m_idleStalled->setValue(defaults.idleStalledDays);
    m_pushes->setValue(defaults.pushesAtRisk);
    m_multiple->setValue(defaults.agedCycleMultiple);
    for (std::size_t i = 0; i < m_stageLimits.size(); ++i)
        m_stageLimits[i]->setValue(settings.stageLimitDays[i]);
}

QString RulesDialog::unknownEntryText() const
{
    return m_unknownEntry->text();
}

StallRules RulesDialog::rules() const
{
    StallRules r;
    r.idleAtRiskDays = m_idleAtRisk->value();
    r.idleStalledDays = m_idleStalled->value();
    r.pushesAtRisk = m_pushes->value();
    r.agedCycleMultiple = m_multiple->value();
    return r;
}

std::array<int, 4> RulesDialog::stageLimitDays() const
{
    std::array<int, 4> days{};
    for (std::size_t i = 0; i < days.size(); ++i)
        days[i] = m_stageLimits[i]->value();
    return days;
}

} // namespace tp::ui
