#pragma once

#include "import/importrecord.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace tp::ui {

class BookSession;

// A committed CSV import as one undo step ("Import deals.csv").
// Undo: core's undoImport() puts the book back exactly as it was before the import (the
// remembered mapping stays: it describes the file, not the book's data).
// Redo: imports the same file again with the same options and as-of date, through `reimport`
// (which runs it off the GUI thread with progress and cancel), so the book is again as the
// import left it. Only when the file is still the one imported (same size and modification
// time); if it changed, went missing, or the re-import is cancelled or fails, the book stays as
// it is and the step leaves the history with a message (there is nothing faithful to redo).
class ImportCommand : public QUndoCommand
{
public:
    // Runs the import of `record` again; the new import's id, or nothing (reported already).
    using Reimport = std::function<std::optional<Id>(const ImportRecord &record)>;

    // The import has already been written: the first redo() does nothing.
    ImportCommand(BookSession *session, ImportRecord record, Reimport reimport);

    void undo() override;
    void redo() override;

    const ImportRecord &record() const { return m_record; }

private:
    BookSession *m_session;
    ImportRecord m_record;
    Reimport m_reimport;
    bool m_written = true;
};

} // namespace tp::ui
