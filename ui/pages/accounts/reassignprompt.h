#pragma once

#include "domain/entities.h"
#include "storage/accountreassignment.h"

#include <QCoreApplication>

#include <optional>

class QWidget;

namespace tp::ui {

class BookSession;

// The question before an account goes to another rep while open deals follow its owner: move
// them too (the default), keep them with the owner before, or cancel (nullopt).
class ReassignPrompt
{
    Q_DECLARE_TR_FUNCTIONS(tp::ui::ReassignPrompt)

public:
    static std::optional<bool> ask(QWidget *parent, const BookSession &session, Id account,
                                   std::optional<Id> owner, const AccountOpenDeals &deals);
};

} // namespace tp::ui
