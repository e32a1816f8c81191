#pragma once

#include <QObject>

#include <functional>
#include <vector>

namespace tp::ui {

// When a state's figures (RoiState, HealthState) are worked out again after a change:
// - at once (`now`: a slider moving, another scope), or on the event loop's next turn (`later`:
//   row edits, so that several in a row cost one evaluation);
// - and only while one of the pages that show them is the window's current page. Until the
//   window says which pages those are (`setShownBy`), the figures are always kept current (a
//   state on its own, in a test or a benchmark); after that, a change made while all of them are
//   hidden is only noted, and evaluated when one of them is shown again (docs/PERFORMANCE.md,
//   "Bulk edits": a page on another tab costs an edit nothing).
// A read of the figures (`flush`) evaluates whatever is pending first, shown or not.
class EvaluationSchedule : public QObject
{
    Q_OBJECT

public:
    using Evaluate = std::function<void(bool scopeChanged)>;
    explicit EvaluationSchedule(Evaluate evaluate, QObject *parent = nullptr);

    // The figures are stale: evaluate them at once, when shown.
    void now(bool scopeChanged);
    // The figures are stale: evaluate them on the event loop's next turn, when shown.
    void later();
    // Evaluates what is pending, shown or not.
    void flush();
    bool isPending() const { return m_pending; }
    // Drops what is pending (the figures were evaluated some other way, or the view is gone).
    void clear();

    // `page` is (or is no longer) the window's current page; what was pending is evaluated
    // when one of the pages becomes current.
    void setShownBy(const QObject *page, bool shown);
    bool isShown() const;

private:
    void mark(bool scopeChanged);

    Evaluate m_evaluate;
    std::vector<const QObject *> m_pages; // told about; the window manages when it is shown
    std::vector<const QObject *> m_shownBy;
    bool m_pending = false;
    bool m_pendingScopeChange = false;
    bool m_queued = false;
};

} // namespace tp::ui
