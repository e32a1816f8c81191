#include "importcommand.h"

#include <QCoreApplication>

namespace tp::ui {

ImportCommand::ImportCommand(ImportRecord record)
    : QUndoCommand(QCoreApplication::translate("tp::ui::ImportCommand", "Import %1")
                           .arg(record.fileName())),
      m_record(std::move(record))
{ }

void ImportCommand::written(std::optional<Id> importId)
{
    if (importId)
        m_record.importId = *importId;
    m_written = true;
}

void ImportCommand::follow()
{
    if (!m_written)
        setObsolete(true); // nothing was written: nothing here can follow
    m_written = false;
}

void ImportCommand::undo()
{
    follow();
}

void ImportCommand::redo()
{
    follow();
}

} // namespace tp::ui
