#include "accountcommand.h"

#include "session/booksession.h"

namespace tp::ui {

AccountCommand::AccountCommand(BookSession *session, AccountChange change, const QString &text)
    : QUndoCommand(text), m_session(session), m_change(std::move(change))
{ }

bool AccountCommand::write(const Account &row)
{
    return m_session->runGuarded([&row](Book &book) { AccountRepository(book).write(row); });
}

void AccountCommand::redo()
{
    if (!m_written && !write(m_change.after)) {
        setObsolete(true);
        return;
    }
    m_written = false;
    m_session->applyAccount(m_change.after);
}

void AccountCommand::undo()
{
    if (!write(m_change.before)) {
        setObsolete(true);
        return;
    }
    m_session->applyAccount(m_change.before);
}

} // namespace tp::ui

namespace tp::ui {

AccountReassignCommand::AccountReassignCommand(BookSession *session, AccountReassignment change,
                                               const QString &text)
    : QUndoCommand(text), m_session(session), m_change(std::move(change))
{ }

void AccountReassignCommand::redo()
{
    if (!m_written
        && !m_session->runGuarded([this](Book &book) { AccountReassigner(book).redo(m_change); })) {
        setObsolete(true);
        return;
    }
    m_written = false;
    m_session->applyAccount(m_change.account.after);
    for (const OpportunityChange &deal : m_change.deals)
        m_session->applyOpportunity(deal.after);
}

void AccountReassignCommand::undo()
{
    if (!m_session->runGuarded([this](Book &book) { AccountReassigner(book).undo(m_change); })) {
        setObsolete(true);
        return;
    }
    for (const OpportunityChange &deal : m_change.deals)
        m_session->applyOpportunity(deal.before);
    m_session->applyAccount(m_change.account.before);
}

} // namespace tp::ui
