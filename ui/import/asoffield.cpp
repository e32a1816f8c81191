#include "asoffield.h"

#include "importplan.h"
#include "models/formatter.h"
#include "style/theme.h"
#include "widgets/dateedit.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace tp::ui {

AsOfField::AsOfField(ImportPlan *plan, QWidget *parent)
    : QWidget(parent),
      m_plan(plan),
      m_edit(new DateEdit(this)),
      m_source(new QLabel(this)),
      m_future(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_source);
    layout->addWidget(m_future);
    layout->addStretch(1);

    setFocusProxy(m_edit); // the form's label leads to the date
    m_edit->setAccessibleName(tr("As of"));
    // The dry run follows the date once it is typed, not at every digit.
    m_edit->setKeyboardTracking(false);
    m_source->setTextFormat(Qt::PlainText);
    m_future->setTextFormat(Qt::PlainText);
    m_future->hide();

    connect(m_edit, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        m_plan->setAsOf(date);
        showSource();
        showFutureHint();
    });
    connect(m_edit, &DateEdit::typedTextRejected, this, [this](const QString &text) {
        const Formatter format(m_edit->locale());
        m_source->setText(tr("“%1” is not a date; type one like %2.")
                                  .arg(text, format.date(m_plan->exportDate().date)));
    });
    connect(m_plan, &ImportPlan::fileChanged, this, &AsOfField::showPlan);
    showPlan();
}

void AsOfField::showPlan()
{
    const QDate asOf =
            m_plan->options().asOf.isValid() ? m_plan->options().asOf : QDate::currentDate();
    {
        const QSignalBlocker blocker(m_edit);
        m_edit->setDate(asOf);
    }
    showSource();
    showFutureHint();
}

QString AsOfField::sourceText() const
{
    return m_source->text();
}

void AsOfField::showSource()
{
    const crm::ExportDate &suggested = m_plan->exportDate();
    if (m_edit->date() != suggested.date || !suggested.date.isValid()) {
        const QString date = Formatter(m_edit->locale()).date(suggested.date);
        m_source->setText(suggested.date.isValid() ? tr("set by you; the file gives %1").arg(date)
                                                   : QString());
        return;
    }
    switch (suggested.source) {
    case crm::ExportDate::Source::FileName:
        m_source->setText(tr("from the file name"));
        break;
    case crm::ExportDate::Source::Title:
        m_source->setText(tr("from the report's title"));
        break;
    case crm::ExportDate::Source::Modified:
        m_source->setText(tr("the file's modified date"));
        break;
    case crm::ExportDate::Source::Today:
        m_source->setText(tr("today"));
        break;
    }
}

void AsOfField::showFutureHint()
{
    const QDate asOf = m_edit->date();
    const QDate today = QDate::currentDate();
    const bool future = asOf > today;
    const Formatter format(m_edit->locale());
    m_future->setText(future ? QStringLiteral("⚠ ") + tr("in the future") : QString());
    m_future->setVisible(future);
    const QString tip = tr("The day the export was taken: the import's snapshot and the stage "
                           "changes it finds are dated on it");
    const int days = int(today.daysTo(asOf));
    const QString futureTip = future
            ? tr("%1 is %n day(s) after today (%2): the changes this file shows would be dated "
                 "on a day that has not come yet.",
                 nullptr, days)
                      .arg(format.date(asOf), format.date(today))
            : QString();
    m_edit->setToolTip(future ? tip + QStringLiteral("\n") + futureTip : tip);
    m_future->setToolTip(futureTip);
    QPalette palette = m_future->palette();
    palette.setColor(QPalette::WindowText, theme::warningText());
    m_future->setPalette(palette);
}

void AsOfField::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        showFutureHint();
}

} // namespace tp::ui
