#pragma once

#include "storage/accountreassignment.h"
#include "storage/accounts.h"

#include <QUndoCommand>

namespace tp::ui {

class BookSession;

// One edit of an account (potential, owner), held as core's AccountChange.
class AccountCommand : public QUndoCommand
{
public:
    // `change` has already been written by the session: the first redo() only shows it.
    AccountCommand(BookSession *session, AccountChange change, const QString &text);

    void undo() override;
    void redo() override;

private:
    bool write(const Account &row);

    BookSession *m_session;
    AccountChange m_change;
    bool m_written = true;
};

} // namespace tp::ui

namespace tp::ui {

// An account given to another rep with the open deals that moved with it: one undo step
// (AccountReassigner writes all of it in one transaction).
class AccountReassignCommand : public QUndoCommand
{
public:
    // `change` has already been written by the session: the first redo() only shows it.
    AccountReassignCommand(BookSession *session, AccountReassignment change, const QString &text);

    void undo() override;
    void redo() override;

private:
    BookSession *m_session;
    AccountReassignment m_change;
    bool m_written = true;
};

} // namespace tp::ui
