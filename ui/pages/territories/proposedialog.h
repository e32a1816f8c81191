#pragma once

#include "analytics/rebalance.h"
#include "proposalmodels.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTabWidget;

namespace tp::ui {

class BookSession;
class ScopeState;
class TerritoryState;
template<typename Result>
class BackgroundJob;

// Propose… on the Territories page (docs/METRICS.md "Territories", the rebalancing proposal):
// the tolerance, the disruption budget and whether accounts with open deals may move; the
// search runs off the GUI thread with progress and Cancel; then each territory before → after
// with what its rep gains and loses and the funnel check, and the moves. Apply Moves makes them
// one undoable edit.
class ProposeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProposeDialog(TerritoryState *state, QWidget *parent = nullptr);
    ~ProposeDialog() override;

    // The request the controls make.
    territories::ProposalRequest request() const;
    void setRequest(const territories::ProposalRequest &request);
    // Starts a proposal; waitForProposal() spins until it is shown (tests and screenshots).
    void propose();
    bool waitForProposal(int timeoutMs = 60000);
    // The proposal shown, if any.
    const ProposalFigures *figures() const { return m_figures.get(); }
    // Applies the moves shown as one edit; false when refused (or nothing to apply).
    bool applyMoves();
    // Keeps the moves shown as a scenario named `name` (an undoable edit).
    bool keepScenario(const QString &name);

    QTableView *territoryTable() const { return m_territoryTable; }
    QTableView *moveTable() const { return m_moveTable; }
    QLabel *summaryLabel() const { return m_summary; }

private:
    void showRunning(bool running);
    void deliver();
    QString summaryText() const;
    void checkFunnel(ProposalFigures &figures);
    void askKeepScenario();
    std::vector<std::pair<Id, Id>> movesById() const; // account → destination id

    TerritoryState *m_state;
    ScopeState *m_scope;
    BookSession *m_session;
    QDoubleSpinBox *m_tolerance;
    QSpinBox *m_maxMoves;
    QDoubleSpinBox *m_maxShare;
    QCheckBox *m_unlockOpen;
    QPushButton *m_propose;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTableView *m_territoryTable;
    QTableView *m_moveTable;
    QPushButton *m_apply;
    QPushButton *m_keep = nullptr;
    ProposalTerritoryModel *m_territoryModel;
    ProposalMoveModel *m_moveModel;
    BackgroundJob<rebalance::Proposal> *m_job;
    territories::ProposalRequest m_running; // the request of the run going or shown
    territories::Locks m_locks; // counted for the run going
    std::unique_ptr<ProposalFigures> m_figures;
    std::unique_ptr<territories::FunnelChecker> m_funnel; // made at the first proposal
};

} // namespace tp::ui
