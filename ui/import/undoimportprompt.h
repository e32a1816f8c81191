#pragma once

#include "import/importjournal.h"

#include <QCoreApplication>

class QWidget;

namespace tp::ui {

// The question before an import is undone while edits made after it touch its rows: undoing it
// loses them (UndoPlan::laterEdits, named), so the default is to keep everything. True: undo
// anyway.
class UndoImportPrompt
{
    Q_DECLARE_TR_FUNCTIONS(tp::ui::UndoImportPrompt)

public:
    // How many of the later edits the question names; the rest are in its details.
    static constexpr int namedEdits = 5;

    static bool ask(QWidget *parent, const QString &fileName, const crm::UndoPlan &plan);
};

} // namespace tp::ui
