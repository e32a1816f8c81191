#pragma once

#include "import/importrecord.h"

#include <QUndoCommand>

#include <optional>

namespace tp::ui {

// A committed CSV import as one undo step ("Import deals.csv").
// Undo: core's undoImport() puts the book back exactly as it was before the import (the
// remembered mapping stays: it describes the file, not the book's data).
// Redo: imports the same file again with the same options and as-of date, so the book is again
// as the import left it (same rows, same ids).
// Both write on a background job before the stack moves (ImportStep, docs/ARCHITECTURE.md
// "Background jobs"): undo() and redo() here only follow what that step wrote. A stack moved
// any other way (QUndoStack::undo() called directly) wrote nothing: the step then leaves the
// history, and the book stays as it is.
class ImportCommand : public QUndoCommand
{
public:
    // The import has already been written: the first redo() does nothing.
    explicit ImportCommand(ImportRecord record);

    // ImportStep wrote the book as this step's undo or redo leaves it (a redo: as the import
    // `importId`); the stack's undo() or redo() follows at once.
    void written(std::optional<Id> importId = std::nullopt);

    void undo() override;
    void redo() override;

    const ImportRecord &record() const { return m_record; }

private:
    void follow();

    ImportRecord m_record;
    bool m_written = true;
};

} // namespace tp::ui
