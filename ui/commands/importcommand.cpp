#include "importcommand.h"

#include <QCoreApplication>

namespace tp::ui {

ImportCommand::ImportCommand(ImportRecord record, Steps steps)
    : QUndoCommand(QCoreApplication::translate("tp::ui::ImportCommand", "Import %1")
                           .arg(record.fileName())),
      m_record(std::move(record)),
      m_steps(std::move(steps))
{ }

void ImportCommand::redo()
{
    if (m_written) {
        m_written = false;
        return;
    }
    const std::optional<Id> id = m_steps.redo ? m_steps.redo(m_record) : std::nullopt;
    if (!id) {
        setObsolete(true); // the book is as the undo left it; nothing here can be replayed
        return;
    }
    m_record.importId = *id;
}

void ImportCommand::undo()
{
    if (!m_steps.undo || !m_steps.undo(m_record))
        setObsolete(true); // refused (another import came after it, or I/O): the book is unchanged
}

} // namespace tp::ui
