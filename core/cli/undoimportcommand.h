#pragma once

#include <QStringList>
#include <QTextStream>

namespace tp::cli {

// `territory-planner undo-import --db BOOK [--dry-run] [--force] [--json]`: undoes the book's
// newest import, listing first what it deletes, what it puts back and the edits made after the
// import that the undo would lose; with such edits it changes nothing unless --force.
int undoImportCommand(const QStringList &arguments, QTextStream &out, QTextStream &err,
                      const QString &usage);

} // namespace tp::cli
