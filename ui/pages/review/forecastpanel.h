#pragma once

#include "analytics/categorymoves.h"
#include "domain/dates.h"
#include "report/reviewchanges.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QLabel;
class QTableView;
class QTableWidget;

namespace tp::ui {

class BookSession;
class HealthState;
class OpportunityTableModel;

// The review's forecast (docs/METRICS.md, "Forecast categories"): closed, commit, best case and
// pipeline for the period, each including the one before, with honest commit beside the rep's
// commit (and, when the user says so, without the Commit deals that missed a gateway); how the
// flow's deals moved between categories since the Changes tab's first snapshot
// (core/analytics/categorymoves.h); and the period's open deals of the scope, whose rep's call
// is edited in place (an undoable edit that the next import keeps unless the CRM changed the
// category).
class ForecastPanel : public QWidget
{
    Q_OBJECT

public:
    enum Figure { Closed, Commit, BestCase, Pipeline, HonestCommit, FigureCount };

    ForecastPanel(BookSession *session, HealthState *health, QWidget *parent = nullptr);

    // The deals listed: the scope's (rep and territory indexes into the view, -1 for all) open
    // deals closing by the end of `period`.
    void setScope(int repIndex, int territoryIndex, const Period &period);
    // The category moves of the Changes tab's comparison (none when nothing is compared).
    void setComparison(const ReviewChanges::Compared &compared);
    // Commit deals (open, closing in the period, not stalled) that missed a gateway: their sum,
    // taken out of honest commit while the box is ticked.
    void setMissedGatewayCommit(Minor amount, int deals);
    // The figures again, from the health report.
    void update();

    QString figureText(Figure figure) const;
    QLabel *honestCaption() const { return m_names[HonestCommit]; }
    QCheckBox *gatewayBox() const { return m_gatewayBox; }
    QTableWidget *movesTable() const { return m_moves; }
    QLabel *movesTitle() const { return m_movesTitle; }
    QTableView *dealsTable() const { return m_deals; }
    OpportunityTableModel *dealsModel() const { return m_model; }
    const changes::CategoryMoves &moves() const { return m_categoryMoves; }

private:
    void fillMoves(const QString &currency);

    BookSession *m_session;
    HealthState *m_health;
    std::array<QLabel *, FigureCount> m_names{};
    std::array<QLabel *, FigureCount> m_values{};
    QLabel *m_period;
    QCheckBox *m_gatewayBox;
    QLabel *m_movesTitle;
    QTableWidget *m_moves;
    QLabel *m_dealsTitle;
    QTableView *m_deals;
    OpportunityTableModel *m_model;
    changes::CategoryMoves m_categoryMoves;
    QDate m_from, m_to;
    bool m_compared = false;
    Minor m_missedCommit = 0;
    int m_missedDeals = 0;
};

} // namespace tp::ui
