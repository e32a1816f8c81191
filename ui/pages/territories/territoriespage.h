#pragma once

#include "domain/entities.h"
#include "pages/page.h"
#include "territoryaccountmodel.h"

#include <vector>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QToolButton;
class QTableView;

namespace tp::ui {

class AccountDragView;
class AccountTableModel;
class ScopeState;
class ShareBarDelegate;
class TerritoryDropView;
class TerritoryMapPanel;
class TerritoryState;
class TerritoryTableModel;

// Territory planning (docs/METRICS.md "Territories"): every territory with its rep and figures,
// its share of the average on the chosen metric as a bar around the average line, and the
// balance; the accounts of the territory selected below, dragged (or moved with Move To) onto
// another territory, each move one undo step however many accounts it carries; territories
// made, renamed, given a rep, merged, locked and deleted. A book without territories shows each
// rep's accounts as that rep's territory: moving accounts then gives them to the rep.
// Beside the accounts, the map (TerritoryMapPanel): regions in their territory's colour; the
// regions selected on it list their accounts, whatever their territory, and a region dragged
// onto a territory moves its accounts there.
class TerritoriesPage : public Page
{
    Q_OBJECT

public:
    TerritoriesPage(BookSession *session, ScopeState *scope, QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("territories"); }
    QString title() const override { return tr("Territories"); }
    QIcon icon() const override;
    void focusSearch() override;
    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;
    void setCurrent(bool current) override;

    TerritoryState *state() const { return m_state; }
    TerritoryTableModel *territoryModel() const { return m_model; }
    QTableView *territoryView() const;
    QTableView *accountView() const;
    AccountTableModel *accountModel() const { return m_accounts; }
    QComboBox *metricBox() const { return m_metric; }
    QLabel *balanceLabel() const { return m_balance; }
    TerritoryMapPanel *mapPanel() const { return m_mapPanel; }

    // The layout entry (a row of the model) selected, -1 for none.
    int selectedEntry() const;
    // Moves accounts to the territory of layout entry `entry` (one undo step).
    bool moveAccounts(const std::vector<Id> &accounts, int entry);
    std::vector<Id> selectedAccounts() const;
    // Selects every account listed with the industry, size band or region of the current one
    // (then Move Accounts To or a drag moves them all); returns how many.
    enum class SameAs { Industry, SizeBand, Region };
    int selectAccountsLikeCurrent(SameAs same);

    bool createTerritory(const QString &name, std::optional<Id> rep);
    bool renameSelected(const QString &name);
    bool deleteSelected();
    bool mergeSelectedInto(int entry);
    bool setSelectedRep(std::optional<Id> rep);

private:
    void buildActions();
    QWidget *proposeButton(); // the bar's Propose… and Scenarios… (after buildActions())
    void openProposal();
    QWidget *weightsButton(); // Weights… beside the metric, shown for the weighted mix
    void askWeights();
    void updateBalance();
    void fitColumns();
    void showAccountsOfSelection();
    void updateActions();
    void askNewTerritory();
    void askRename();
    void askDelete();
    void fillMoveMenu(QMenu *menu, bool merge);
    void fillRepMenu(QMenu *menu);
    std::optional<Id> selectedTerritoryId() const;
    // What the selected rows are (territory ids, or rep ids in a book without territories),
    // kept across the model's resets so that an edit leaves the selection where it was.
    Id keyOf(int entry) const;
    void rememberSelection();
    void restoreSelection();
    // The map beside the accounts: what it chooses, the accounts table shows (and selects).
    QWidget *besideMap(QWidget *accounts);
    void connectMap();
    bool showAccountsOfMap();

    BookSession *m_session;
    TerritoryState *m_state;
    TerritoryTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    ShareBarDelegate *m_bars;
    TerritoryAccountModel *m_accounts;
    TerritoryDropView *m_territories;
    AccountDragView *m_accountView;
    QComboBox *m_metric;
    QLabel *m_balance;
    QLabel *m_accountsTitle;
    TerritoryMapPanel *m_mapPanel;
    QSplitter *m_mapSplit = nullptr;
    QAction *m_new = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_lock = nullptr;
    QAction *m_lockAccounts = nullptr;
    QAction *m_unlockAccounts = nullptr;
    QAction *m_propose = nullptr;
    QToolButton *m_weights = nullptr;
    bool m_weightsAsked = false;
    QAction *m_sameIndustry = nullptr;
    QAction *m_sameSize = nullptr;
    QAction *m_sameRegion = nullptr;
    QAction *m_scenarios = nullptr;
    QMenu *m_moveMenu = nullptr;
    QMenu *m_mergeMenu = nullptr;
    QMenu *m_repMenu = nullptr;
    std::vector<Id> m_selectedKeys;
    bool m_restoring = false;
    bool m_current = false;
    bool m_stale = true; // the balance line waits for the page to be shown
};

} // namespace tp::ui
