#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace tp::ui {

// The questions the clean-up actions ask before they edit a selection of deals, each naming
// what it is about: one deal by its name (“Mark “Acme renewal” Lost”), several by their count
// (“Mark 12 Deals Lost”) with their names under it. A long name is elided, never cut, and
// shown whole in the heading's tool-tip. nullopt when the user cancels.
class CleanupPrompts
{
    Q_DECLARE_TR_FUNCTIONS(tp::ui::CleanupPrompts)

public:
    // `deals`: the names of the deals the edit is for.
    static std::optional<QString> lostReason(QWidget *parent, const QStringList &deals);
    static std::optional<QDate> closeDate(QWidget *parent, const QStringList &deals,
                                          const QDate &initial);
    static std::optional<QDate> nextActivity(QWidget *parent, const QStringList &deals,
                                             const QDate &initial);
    static std::optional<QString> nextStep(QWidget *parent, const QStringList &deals,
                                           const QString &current);

    // The titles, one deal named, several counted. A window title cuts its name after 40
    // characters with an ellipsis (`shorten`); the dialog's heading has it whole (elided to
    // the dialog's width).
    static QString lostTitle(const QStringList &deals, bool shorten = true);
    static QString closeDateTitle(const QStringList &deals, bool shorten = true);
    static QString nextActivityTitle(const QStringList &deals, bool shorten = true);
    static QString nextStepTitle(const QStringList &deals, bool shorten = true);
};

} // namespace tp::ui
