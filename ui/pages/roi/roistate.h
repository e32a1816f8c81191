#pragma once

#include "analytics/roi.h"

#include <QObject>
#include <QString>

#include <vector>

namespace tp::ui {

class AccountSelection;
class BookSession;
class EvaluationSchedule;
class ScopeState;

// The ROI figures of the scope bar's scope, evaluated again whenever a score, a weight, a
// threshold, an account or an opportunity changes, and the ROI page's selection (account rows)
// shared by the chart, the work list, the "needs scoring" list and the scoring panel, and with
// the other pages through the window's AccountSelection.
// Edits of accounts, opportunities and reps are evaluated once, when control returns to the
// event loop (several edits in a row cost one evaluation), or at once when the figures are read
// before that; while the ROI page is not the window's current page, only when it is shown again
// or the figures are read (EvaluationSchedule).
class RoiState : public QObject
{
    Q_OBJECT

public:
    RoiState(BookSession *session, ScopeState *scope, AccountSelection *shared,
             QObject *parent = nullptr);

    BookSession *session() const { return m_session; }
    // Reading the figures evaluates changes still pending.
    const roi::RoiResult &result();
    // The figures as last evaluated, pending changes left for later: what the work list model
    // shows until `evaluated` says there are new ones (a model must not change inside data()).
    const roi::RoiResult &evaluatedResult() const { return m_result; }
    // The reps of the scope who carry more active opportunities than their capacity.
    const std::vector<roi::RepLoad> &overCapacity();
    // Position of an account row in the work list, -1 when it is not scored or not in scope.
    int rankOf(int account);

    const std::vector<int> &selection() const { return m_selection; }
    int current() const { return m_current; }
    // Selects account rows; `current` is the one the scoring panel shows (-1: the first).
    void select(std::vector<int> accounts, int current = -1);

    // The ROI page's account tool-tip: figures and the top contributing factors.
    QString describe(int account);
    // The same for an account of evaluatedResult(), without evaluating pending changes.
    QString describe(const roi::ScoredAccount &account) const;
    // The same as lines for the chart's callout: the name, then the figures.
    QStringList hoverLines(int account);
    // "scored on 1 of 6 factors" for a scored account.
    static QString factorCoverageText(const roi::ScoredAccount &account);

    // `page`, which shows the figures, is (or is no longer) the window's current page.
    void setShownBy(const QObject *page, bool shown);

signals:
    // New figures (`scopeChanged`: another scope or book, so zoom and scroll start over).
    void evaluated(bool scopeChanged);
    void selectionChanged();

private:
    void evaluate(bool scopeChanged);

    BookSession *m_session;
    ScopeState *m_scope;
    AccountSelection *m_shared;
    roi::RoiResult m_result;
    std::vector<int> m_rank; // account row → position in the work list, -1
    std::vector<roi::RepLoad> m_overCapacity;
    std::vector<int> m_selection;
    int m_current = -1;
    bool m_selectionCleared = false; // by another view, not said yet
    EvaluationSchedule *m_schedule;
};

} // namespace tp::ui
