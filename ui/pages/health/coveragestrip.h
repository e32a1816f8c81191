#pragma once

#include "analytics/pipelinehealth.h"

#include <QWidget>

#include <array>

class QLabel;

namespace tp::ui {

// METRICS "Coverage" as a row of figures: target, won, remaining, raw, honest, weighted and
// required coverage; "target reached" when nothing remains, "no quota" without a target, and
// honest coverage marked when it falls short of the required.
class CoverageStrip : public QWidget
{
    Q_OBJECT

public:
    enum Figure { Target, Won, Remaining, Raw, Honest, Weighted, Required, FigureCount };

    explicit CoverageStrip(QWidget *parent = nullptr);

    void setCoverage(const health::CoverageFigures &coverage, const QString &currency,
                     const QString &period);
    QString valueText(Figure figure) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void colourHonest();

    bool m_short = false; // honest coverage below the required
    std::array<QLabel *, FigureCount> m_values{};
    std::array<QLabel *, FigureCount> m_names{};
};

} // namespace tp::ui
