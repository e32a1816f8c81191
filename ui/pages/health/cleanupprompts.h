#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

class QWidget;

namespace tp::ui {

// The questions the clean-up actions ask before they edit a selection of deals. nullopt when
// the user cancels.
class CleanupPrompts
{
    Q_DECLARE_TR_FUNCTIONS(tp::ui::CleanupPrompts)

public:
    static std::optional<QString> lostReason(QWidget *parent, int deals);
    static std::optional<QDate> date(QWidget *parent, const QString &title, const QString &label,
                                     const QDate &initial, bool allowClear);
    static std::optional<QString> nextStep(QWidget *parent, const QString &current);
};

} // namespace tp::ui
