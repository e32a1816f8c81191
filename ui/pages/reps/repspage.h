#pragma once

#include "pages/tablepage.h"

namespace tp::ui {

class RepTableModel;

// The reps with their quota for the scope's period, what they won in it and their attainment,
// capacity and load, over the team's line. Quota and capacity are edited in place, and so are
// the rep's email and CRM user id (publishing the moves needs them), each one undo step.
class RepsPage : public TablePage
{
    Q_OBJECT

public:
    RepsPage(BookSession *session, ScopeState *scope, QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("reps"); }
    QString title() const override { return tr("Reps & quotas"); }
    QIcon icon() const override;

    RepTableModel *repModel() const { return m_model; }

    // Back to the book's default capacity for the selected reps (one undo step).
    void useDefaultCapacity();
    // Removes the selected reps' quotas for the period (one undo step).
    void removeQuotas();

protected:
    QString countLabel(int shown, int total) const override;
    QString emptyBookText() const override;
    QString noMatchText() const override;
    void onScopeChanged() override;
    void updateActions() override;

private:
    RepTableModel *m_model;
    QAction *m_defaultCapacityAction = nullptr;
    QAction *m_removeQuotaAction = nullptr;
};

} // namespace tp::ui
