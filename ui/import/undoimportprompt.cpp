#include "undoimportprompt.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace tp::ui {

bool UndoImportPrompt::ask(QWidget *parent, const QString &fileName, const crm::UndoPlan &plan)
{
    const int count = int(plan.laterEditCount);
    QStringList named;
    for (const QString &edit : plan.laterEdits.mid(0, namedEdits))
        named.append(QStringLiteral("• ") + edit);
    const int unnamed = count - int(named.size());
    if (unnamed > 0)
        named.append(tr("… and %n more", nullptr, unnamed));

    QMessageBox box(parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Undo Import"));
    box.setText(tr("Undoing the import of %1 would lose %n edit(s) made after it.", nullptr, count)
                        .arg(fileName));
    box.setInformativeText(named.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
                           + tr("Undo it anyway to put the book back as it was before the "
                                "import, without these edits; keep everything to leave the book "
                                "as it is."));
    if (unnamed > 0) {
        QStringList all = plan.laterEdits;
        if (count > all.size())
            all.append(tr("… and %n more", nullptr, count - int(all.size())));
        box.setDetailedText(all.join(QLatin1Char('\n')));
    }
    QPushButton *undo = box.addButton(tr("&Undo Import and Lose %n Edit(s)", nullptr, count),
                                      QMessageBox::DestructiveRole);
    undo->setObjectName(QStringLiteral("undoAnyway"));
    QPushButton *keep = box.addButton(tr("&Keep Everything"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepEverything"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == undo;
}

} // namespace tp::ui
