#pragma once

#include "domain/review.h"
#include "pages/page.h"

#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTimer;

namespace tp::ui {

class BookSession;
class ChangesPanel;
class CommitmentsPanel;
class ForecastPanel;
class FunnelState;
class GatewaysPanel;
class HealthState;
class RisksPanel;
class ScopeState;

// The one-on-one review (docs/METRICS.md, "One-on-one reviews") of the scope bar's rep, or of
// the team when the scope is everyone: the reviews held so far, the one shown (the last one
// first; Start Review opens one dated the as-of date), its commitments and notes, the gateway
// criteria of the open deals, the forecast with the rep's calls, and the risks from the health
// and funnel figures.
class ReviewPage : public Page
{
    Q_OBJECT

public:
    ReviewPage(BookSession *session, ScopeState *scope, HealthState *health, FunnelState *funnel,
               QWidget *parent = nullptr);

    QString key() const override { return QStringLiteral("review"); }
    QString title() const override { return tr("Review"); }
    QIcon icon() const override;
    void focusSearch() override;
    void setCurrent(bool current) override;
    QByteArray saveState() const override;
    void restoreState(const QByteArray &state) override;

    // The review shown, and the rep's reviews (oldest first).
    std::optional<Review> review() const { return m_review; }
    const std::vector<Review> &history() const { return m_history; }
    // Starts the review of the scope's rep dated the as-of date, or shows the one held then.
    bool startReview();
    bool deleteReview();
    void showReview(Id review);
    // File ▸ Export Review Pack…: the PDF of the scope's rep (the team pack for everyone).
    QAction *exportPackAction() const { return m_exportPack; }
    bool exportPack(const QString &path);
    // Reads the book again now (otherwise done on the event loop's next turn after a change).
    void refresh();

    QComboBox *reviewBox() const { return m_reviewBox; }
    QTabWidget *tabs() const { return m_tabs; }
    ChangesPanel *changes() const { return m_changes; }
    ForecastPanel *forecast() const { return m_forecast; }
    CommitmentsPanel *commitments() const { return m_commitments; }
    GatewaysPanel *gateways() const { return m_gateways; }
    RisksPanel *risks() const { return m_risks; }
    QLabel *recordLabel() const { return m_record; }

private:
    std::optional<Id> repId() const;
    void scheduleRefresh();
    // The Changes tab's pair for `review` of `history`: since the last review before it, up to
    // its date (the as-of date without one), for the scope. Shown, or read ahead (`ahead`).
    void requestChanges(const std::optional<Review> &review, const std::vector<Review> &history,
                        bool ahead);
    // While the page is hidden: the Changes tab reads ahead the states opening it will compare
    // (the book loaded, or the scope changed), so that the first open does not wait for them.
    void prefetchChanges();
    void fillGateways();

    BookSession *m_session;
    ScopeState *m_scope;
    HealthState *m_health;
    FunnelState *m_funnel;
    std::vector<Review> m_history;
    std::optional<Review> m_review;
    std::optional<Id> m_chosen; // the review the user picked, kept across refreshes
    QLabel *m_who;
    QComboBox *m_reviewBox;
    QPushButton *m_start;
    QPushButton *m_delete;
    QLabel *m_record;
    QLabel *m_hint;
    QTabWidget *m_tabs;
    ChangesPanel *m_changes;
    ForecastPanel *m_forecast;
    CommitmentsPanel *m_commitments;
    GatewaysPanel *m_gateways;
    RisksPanel *m_risks;
    QTimer *m_refresh;
    QTimer *m_prefetch; // a moment after the book loads or the scope changes, while hidden
    QAction *m_exportPack;
    bool m_current = false;
    bool m_stale = true;
};

} // namespace tp::ui
