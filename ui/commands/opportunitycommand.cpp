#include "opportunitycommand.h"

#include "session/booksession.h"

namespace tp::ui {

OpportunityCommand::OpportunityCommand(BookSession *session, OpportunityChange change,
                                       const QString &text)
    : QUndoCommand(text), m_session(session), m_change(std::move(change))
{ }

void OpportunityCommand::redo()
{
    if (!m_written && !m_session->runGuarded([this](Book &book) {
            OpportunityRepository(book).redo(m_change);
        })) {
        // The book refused (locked, I/O): it is unchanged, and this step can no longer be
        // replayed faithfully, so the stack drops it.
        setObsolete(true);
        return;
    }
    m_written = false;
    m_session->applyOpportunity(m_change.after);
}

void OpportunityCommand::undo()
{
    if (!m_session->runGuarded(
                [this](Book &book) { OpportunityRepository(book).undo(m_change); })) {
        setObsolete(true);
        return;
    }
    m_session->applyOpportunity(m_change.before);
}

} // namespace tp::ui
