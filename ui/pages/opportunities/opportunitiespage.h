#pragma once

#include "pages/tablepage.h"

class QComboBox;

namespace tp::ui {

class OpportunityTableModel;

// Every opportunity of the book: search, filters by stage, status and owner, inline edits of
// stage, amount, expected close, probability override, owner and the rep's forecast call.
class OpportunitiesPage : public TablePage
{
    Q_OBJECT

public:
    OpportunitiesPage(BookSession *session, ScopeState *scope, QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("opportunities"); }
    QString title() const override { return tr("Opportunities"); }
    QIcon icon() const override;

    OpportunityTableModel *opportunityModel() const { return m_model; }
    QComboBox *stageFilter() const { return m_stageFilter; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QComboBox *ownerFilter() const { return m_ownerFilter; }

    // Clears the probability override of the selected rows (one undo step).
    void clearProbabilityOverrides();

protected:
    void changeEvent(QEvent *event) override;
    QString countLabel(int shown, int total) const override;
    QString emptyBookText() const override;
    QString noMatchText() const override;
    void onBookLoaded() override;
    void updateActions() override;

private:
    OpportunityTableModel *m_model;
    QComboBox *m_stageFilter;
    QComboBox *m_statusFilter;
    QComboBox *m_ownerFilter;
    QAction *m_clearOverrideAction = nullptr;
};

} // namespace tp::ui
