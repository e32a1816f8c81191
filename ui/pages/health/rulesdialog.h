#pragma once

#include "storage/settings.h"

#include <QDialog>

#include <array>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace tp::ui {

// The stalled-deal rules of the book (METRICS "Stalled deals"): idle days for at risk and for
// stalled, each open stage's limit (and what it does without a stage entry date), pushes for at
// risk and the multiple of the average cycle.
class RulesDialog : public QDialog
{
    Q_OBJECT

public:
    RulesDialog(const StallRules &rules, const std::array<int, 4> &stageLimitDays,
                QWidget *parent = nullptr);

    StallRules rules() const;
    std::array<int, 4> stageLimitDays() const;
    // What the stage limit does for a deal whose stage entry is unknown.
    QString unknownEntryText() const;

private:
    void restoreDefaults();

    QSpinBox *m_idleAtRisk;
    QSpinBox *m_idleStalled;
    std::array<QSpinBox *, 4> m_stageLimits{};
    QSpinBox *m_pushes;
    QDoubleSpinBox *m_multiple;
    QLabel *m_unknownEntry = nullptr;
};

} // namespace tp::ui
