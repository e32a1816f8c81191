#pragma once

#include "analytics/gateways.h"

#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QTreeWidget;

namespace tp::ui {

class BookSession;

// Gateway criteria (docs/METRICS.md, "Stages"; core/analytics/gateways.h): the review's open
// deals, those that went past a stage without meeting its criteria first, and for the selected
// deal the checklist of its stages so far, ticked or unticked as one undoable edit each.
class GatewaysPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GatewaysPanel(BookSession *session, QWidget *parent = nullptr);

    struct Deal
    {
        Id id = 0;
        int row = 0; // in the view
        gateways::Standing standing;
        std::vector<Id> ticked;
    };
    // The deals (view rows) with what they meet, and the criteria; `on` dates a tick.
    void show(std::vector<Deal> deals, const std::vector<StageCriterion> &criteria,
              const QDate &on);

    QTreeWidget *dealList() const { return m_deals; }
    QListWidget *checklist() const { return m_checklist; }
    // Ticks or unticks a criterion of the selected deal (what a click on its box does).
    bool setMet(Id criterion, bool met);

private:
    void showChecklist();

    BookSession *m_session;
    std::vector<Deal> m_rows;
    std::vector<StageCriterion> m_criteria;
    QDate m_on;
    QTreeWidget *m_deals;
    QListWidget *m_checklist;
    QLabel *m_summary;
    QLabel *m_dealTitle;
    bool m_filling = false;
};

} // namespace tp::ui
