#pragma once

#include "import/importrecord.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace tp::ui {

// A committed CSV import as one undo step ("Import deals.csv").
// Undo: core's undoImport() puts the book back exactly as it was before the import (the
// remembered mapping stays: it describes the file, not the book's data).
// Redo: imports the same file again with the same options and as-of date, so the book is again
// as the import left it (same rows, same ids). Only when the file is still the one imported
// (same size and modification time); if it changed, went missing, or the re-import is
// cancelled or fails, the book stays as it is and the step leaves the history with a message:
// there is nothing faithful to redo. An undo the book refuses (another import came after it)
// leaves the history the same way.
class ImportCommand : public QUndoCommand
{
public:
    // How the import is taken back and run again. Both run off the GUI thread (with a progress
    // dialog) and report their own errors.
    struct Steps
    {
        // True when the book is back as it was before the import.
        std::function<bool(const ImportRecord &record)> undo;
        // The new import's id, or nothing.
        std::function<std::optional<Id>(const ImportRecord &record)> redo;
    };

    // The import has already been written: the first redo() does nothing.
    ImportCommand(ImportRecord record, Steps steps);

    void undo() override;
    void redo() override;

    const ImportRecord &record() const { return m_record; }

private:
    ImportRecord m_record;
    Steps m_steps;
    bool m_written = true;
};

} // namespace tp::ui
