#include "reassignprompt.h"

#include "models/formatter.h"
#include "session/booksession.h"
#include "storage/accountreassignment.h"

#include <QMessageBox>
#include <QPushButton>

namespace tp::ui {

std::optional<bool> ReassignPrompt::ask(QWidget *parent, const BookSession &session, Id account,
                                        std::optional<Id> owner, const AccountOpenDeals &deals)
{
    const BookView *view = session.view();
    const int row = view ? view->accounts.indexOf(account) : -1;
    if (row < 0)
        return std::nullopt;
    const int n = int(deals.following.size());
    const int ownerBefore = view->accounts.owner[std::size_t(row)];
    const QString name = view->accounts.name.at(std::size_t(row));
    const QString before = ownerBefore >= 0 ? view->reps[std::size_t(ownerBefore)].name : QString();
    const QString after = session.repName(owner);
    Minor amount = 0;
    for (const Id deal : deals.following) {
        const int at = view->opportunities.indexOf(deal);
        if (at >= 0)
            amount += view->reportingAmount(at).value_or(0);
    }
    const QString money = Formatter().money(amount, view->settings.currency);

    QMessageBox box(parent);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Reassign Account"));
    box.setText(owner ? tr("Give “%1” to %2?").arg(name, after)
                      : tr("Take “%1” from %2 and leave it unassigned?").arg(name, before));
    QString details = before.isEmpty()
            ? tr("Its %n open deal(s) (%1) have no owner.", nullptr, n).arg(money)
            : tr("%1 owns its %n open deal(s) (%2).", nullptr, n).arg(before, money);
    if (deals.ownedByOthers > 0)
        details += QLatin1Char(' ')
                + tr("%n open deal(s) of other reps stay with them.", nullptr, deals.ownedByOthers);
    box.setInformativeText(details);
    QPushButton *move = box.addButton(owner ? tr("&Move Its %n Open Deal(s) Too", nullptr, n)
                                            : tr("&Unassign Its %n Open Deal(s) Too", nullptr, n),
                                      QMessageBox::AcceptRole);
    move->setObjectName(QStringLiteral("moveDeals"));
    const QString keepText = before.isEmpty()
            ? (n == 1 ? tr("&Leave It Unassigned") : tr("&Leave Them Unassigned"))
            : (n == 1 ? tr("&Keep It with %1") : tr("&Keep Them with %1")).arg(before);
    QPushButton *keep = box.addButton(keepText, QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepDeals"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(move);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == move)
        return true;
    if (box.clickedButton() == keep)
        return false;
    return std::nullopt;
}

} // namespace tp::ui
