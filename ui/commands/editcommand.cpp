#include "editcommand.h"

#include "session/booksession.h"

namespace tp::ui {

namespace {
constexpr int mergeableId = 0x4543; // "EC": every edit with a merge key
}

EditCommand::EditCommand(BookSession *session, BookChange change)
    : QUndoCommand(change.text), m_session(session), m_change(std::move(change))
{ }

int EditCommand::id() const
{
    return m_change.mergeKey.isEmpty() ? -1 : mergeableId;
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const EditCommand *>(other);
    if (!next || next->m_change.mergeKey != m_change.mergeKey)
        return false;
    m_change.mergeWith(next->m_change);
    setText(m_change.text);
    // A slider moved back where it started: nothing is left to undo.
    if (m_change.isEmpty())
        setObsolete(true);
    return true;
}

void EditCommand::redo()
{
    if (m_written) {
        m_written = false;
        return;
    }
    if (!m_session->applyChange(m_change))
        setObsolete(true);
}

void EditCommand::undo()
{
    BookChange inverse = m_change.inverse();
    if (!m_session->applyChange(inverse)) {
        setObsolete(true);
        return;
    }
    // History rows keep the ids they were written with: the inverse removed exactly those.
}

} // namespace tp::ui
