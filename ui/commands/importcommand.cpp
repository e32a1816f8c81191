#include "importcommand.h"

#include "session/booksession.h"

#include <QCoreApplication>

namespace tp::ui {

ImportCommand::ImportCommand(BookSession *session, ImportRecord record, Reimport reimport)
    : QUndoCommand(QCoreApplication::translate("tp::ui::ImportCommand", "Import %1")
                           .arg(record.fileName())),
      m_session(session),
      m_record(std::move(record)),
      m_reimport(std::move(reimport))
{ }

void ImportCommand::redo()
{
    if (m_written) {
        m_written = false;
        return;
    }
    const std::optional<Id> id = m_reimport ? m_reimport(m_record) : std::nullopt;
    if (!id) {
        setObsolete(true); // the book is as the undo left it; nothing here can be replayed
        return;
    }
    m_record.importId = *id;
}

void ImportCommand::undo()
{
    if (!m_session->undoImport(m_record.importId))
        setObsolete(true); // refused (another import came after it, or I/O): the book is unchanged
}

} // namespace tp::ui
