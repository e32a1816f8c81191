#pragma once

#include "domain/bookchange.h"

#include <QUndoCommand>

namespace tp::ui {

class BookSession;

// Every edit of a book's data as one undo step (in the spirit of Tiled's ChangeValue): it holds
// the change record core wrote (docs/ARCHITECTURE.md, "The edit path"). Undo writes and applies
// its inverse through the session, redo the change again. The session writes the first time
// itself, so a refused value never reaches the stack; the first redo() does nothing. A step the
// book refuses later (locked, I/O) leaves the history: it can no longer be replayed faithfully.
// Consecutive changes with the same merge key become one step (a spin box stepping).
class EditCommand : public QUndoCommand
{
public:
    EditCommand(BookSession *session, BookChange change);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

    const BookChange &change() const { return m_change; }

private:
    BookSession *m_session;
    BookChange m_change;
    bool m_written = true;
};

} // namespace tp::ui
