#pragma once

#include "analytics/snapshotdiff.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace tp::ui {

// The pipeline flow of a comparison as a waterfall (docs/METRICS.md, "Pipeline flow"): start,
// new, moved in, amount up, amount down, won, lost, removed, moved out, end, each bar with its
// amount; drawn with QPainter in the palette's colours. A click (or Left/Right and Space) picks
// a bucket, which the page lists; a second click on it picks none.
class FlowWaterfall : public QWidget
{
    Q_OBJECT

public:
    explicit FlowWaterfall(QWidget *parent = nullptr);

    void setComparison(const changes::Comparison &comparison, const QString &currency);
    std::optional<changes::Bucket> selected() const { return m_selected; }
    void select(std::optional<changes::Bucket> bucket);
    // The steps from left to right: start, the eight buckets in CLI.md's order, end.
    static std::vector<std::optional<changes::Bucket>> steps();
    QString stepName(int step) const;
    QRectF barRect(int step) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void bucketSelected(std::optional<changes::Bucket> bucket);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Signed amount of each step (start and end: their level).
    std::vector<double> deltas() const;

    changes::Comparison m_comparison;
    QString m_currency;
    std::optional<changes::Bucket> m_selected;
    int m_focus = 1;
};

} // namespace tp::ui
