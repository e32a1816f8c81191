#pragma once

#include "domain/entities.h"
#include "pages/tablepage.h"

class QComboBox;

namespace tp::ui {

class AccountSelection;
class AccountTableModel;

// Every account of the book with its revenue potential and open pipeline; potential and owner
// are edited in place. Its selection follows, and is followed by, the other pages' (the ROI
// chart's) through the window's AccountSelection.
class AccountsPage : public TablePage
{
    Q_OBJECT

public:
    AccountsPage(BookSession *session, ScopeState *scope, AccountSelection *selection,
                 QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("accounts"); }
    QString title() const override { return tr("Accounts"); }
    QIcon icon() const override;

    AccountTableModel *accountModel() const { return m_model; }
    QComboBox *ownerFilter() const { return m_ownerFilter; }

    // Clears the revenue potential of the selected accounts (one undo step): it is derived
    // from their open pipeline again.
    void clearPotentials();

protected:
    QString countLabel(int shown, int total) const override;
    QString emptyBookText() const override;
    QString noMatchText() const override;
    void onBookLoaded() override;
    void updateActions() override;

private:
    QList<Id> selectedWithPotential() const;
    void shareSelection();
    void showSharedSelection(const QObject *from);

    AccountTableModel *m_model;
    QComboBox *m_ownerFilter;
    QAction *m_clearPotentialAction = nullptr;
    AccountSelection *m_shared;
    bool m_showingShared = false;
};

} // namespace tp::ui
