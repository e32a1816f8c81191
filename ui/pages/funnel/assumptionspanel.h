#pragma once

#include "analytics/funnel.h"

#include <QWidget>

#include <array>

class QDoubleSpinBox;
class QLabel;
class QToolButton;

namespace tp::ui {

class FunnelState;

// The funnel's editable figures: the target and the four rates, each with where it comes from
// (the scope's history and what it rests on, the book's default, or the user's assumption) and
// a reset to history. Editing one enters it as an assumption of the scope, saved at once and
// undoable; the rest of the page follows.
class AssumptionsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Row { Target, DealSize, WinRate, MeetingRate, ActivityRate, RowCount };

    explicit AssumptionsPanel(FunnelState *state, QWidget *parent = nullptr);

    QDoubleSpinBox *spinBox(Row row) const { return m_boxes[std::size_t(row)]; }
    QString sourceText(Row row) const;
    QToolButton *resetButton(Row row) const { return m_resets[std::size_t(row)]; }
    // Enters a value (as the spin box would): major units for money, percent for rates.
    void enter(Row row, double value);
    void reset(Row row);
    void resetAll();

private:
    void refresh();

    FunnelState *m_state;
    std::array<QDoubleSpinBox *, RowCount> m_boxes{};
    std::array<QLabel *, RowCount> m_sources{};
    std::array<QToolButton *, RowCount> m_resets{};
    bool m_refreshing = false;
};

} // namespace tp::ui
