#pragma once

#include "storage/opportunities.h"

#include <QUndoCommand>

namespace tp::ui {

class BookSession;

// One edit of an opportunity, held as core's change record (ids, rows before and after, the
// history rows it wrote), never as a view index. Undo writes `before` and deletes those history
// rows; redo writes `after` and puts them back (OpportunityRepository::undo/redo).
class OpportunityCommand : public QUndoCommand
{
public:
    // `change` has already been written by the session: the first redo() only shows it.
    OpportunityCommand(BookSession *session, OpportunityChange change, const QString &text);

    void undo() override;
    void redo() override;

    const OpportunityChange &change() const { return m_change; }

private:
    BookSession *m_session;
    OpportunityChange m_change;
    bool m_written = true;
};

} // namespace tp::ui
