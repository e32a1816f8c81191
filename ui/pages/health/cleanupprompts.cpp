#include "cleanupprompts.h"

#include "widgets/dateedit.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>

namespace tp::ui {

std::optional<QString> CleanupPrompts::lostReason(QWidget *parent, int deals)
{
    const QStringList reasons{tr("No decision"), tr("Lost to a competitor"), tr("No budget"),
                              tr("Went dark"), tr("Timing")};
    bool ok = false;
    const QString reason = QInputDialog::getItem(
            parent, tr("Mark Lost"), tr("Mark %n deal(s) lost. Reason:", nullptr, deals), reasons, 0,
            true, &ok);
    if (!ok)
        return std::nullopt;
    return reason.trimmed();
}

std::optional<QDate> CleanupPrompts::date(QWidget *parent, const QString &title,
                                          const QString &label, const QDate &initial,
                                          bool allowClear)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *form = new QFormLayout(&dialog);
    auto *edit = new DateEdit(initial, &dialog);
    form->addRow(label, edit);
    QCheckBox *clear = nullptr;
    if (allowClear) {
        clear = new QCheckBox(tr("No date (clear it)"), &dialog);
        QObject::connect(clear, &QCheckBox::toggled, edit, &QWidget::setDisabled);
        form->addRow(clear);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return clear && clear->isChecked() ? QDate() : edit->date();
}

std::optional<QString> CleanupPrompts::nextStep(QWidget *parent, const QString &current)
{
    bool ok = false;
    const QString step = QInputDialog::getText(parent, tr("Set Next Step"), tr("Next step:"),
                                               QLineEdit::Normal, current, &ok);
    if (!ok)
        return std::nullopt;
    return step.trimmed();
}

} // namespace tp::ui
