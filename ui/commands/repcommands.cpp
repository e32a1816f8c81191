#include "repcommands.h"

#include "session/booksession.h"
#include "storage/reps.h"

namespace tp::ui {

RepCapacityCommand::RepCapacityCommand(BookSession *session, const RepCapacityChange &change,
                                       const QString &text)
    : QUndoCommand(text), m_session(session), m_change(change)
{ }

bool RepCapacityCommand::write(std::optional<int> capacity)
{
    return m_session->runGuarded(
            [&](Book &book) { RepRepository(book).setCapacity(m_change.rep, capacity); });
}

void RepCapacityCommand::redo()
{
    if (!m_written && !write(m_change.after)) {
        setObsolete(true);
        return;
    }
    m_written = false;
    m_session->applyRepCapacity(m_change.rep, m_change.after);
}

void RepCapacityCommand::undo()
{
    if (!write(m_change.before)) {
        setObsolete(true);
        return;
    }
    m_session->applyRepCapacity(m_change.rep, m_change.before);
}

QuotaCommand::QuotaCommand(BookSession *session, const QuotaChange &change, const QString &text)
    : QUndoCommand(text), m_session(session), m_change(change)
{ }

bool QuotaCommand::write(std::optional<Minor> amount)
{
    return m_session->runGuarded([&](Book &book) {
        RepRepository(book).setQuota(m_change.rep, m_change.period, amount);
    });
}

void QuotaCommand::redo()
{
    if (!m_written && !write(m_change.after)) {
        setObsolete(true);
        return;
    }
    m_written = false;
    m_session->applyQuota(m_change.rep, m_change.period);
}

void QuotaCommand::undo()
{
    if (!write(m_change.before)) {
        setObsolete(true);
        return;
    }
    m_session->applyQuota(m_change.rep, m_change.period);
}

} // namespace tp::ui
