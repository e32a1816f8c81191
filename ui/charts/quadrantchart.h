#pragma once

#include "quadrantdata.h"

#include <QChartView>

#include <functional>

class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace tp::ui {

class QuadrantLayer;

// The ROI quadrant: likelihood of engagement across, revenue potential up (linear or log).
// Qt Charts draws the axes and the grid; QuadrantLayer paints the points inside the plot area.
// The threshold lines can be dragged (thresholdsDragged() on release); a click picks the point
// under the mouse; dragging elsewhere zooms to the rectangle (rubber band), right click or
// resetZoom() goes back. Hovering a point shows the text of the tool-tip provider.
class QuadrantChart : public QChartView
{
    Q_OBJECT

public:
    explicit QuadrantChart(QWidget *parent = nullptr);
    ~QuadrantChart() override;

    // New data; the zoom stays unless `resetZoom`.
    void setData(QuadrantData data, bool resetZoom);
    const QuadrantData &data() const { return m_data; }
    void setCurrency(const QString &currency);
    void setLogScale(bool log);
    bool logScale() const { return m_log; }
    void setSelection(const std::vector<int> &accounts, int current);
    void setToolTipProvider(std::function<QString(int account)> provider);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }

    QuadrantLayer *layer() const { return m_layer; }
    // Where a value pair is in the view's coordinates (tests, and the mouse).
    QPoint positionOf(double likelihood, double potential) const;
    // The account under a position of the view, -1 if none.
    int accountAt(const QPoint &pos) const;

    // The chart as it is shown, at `scale` times its size (PNG), or on a PDF page with vector
    // points. False (with *error) when the file cannot be written.
    bool exportPng(const QString &path, qreal scale = 2.0, QString *error = nullptr);
    bool exportPdf(const QString &path, const QString &title, QString *error = nullptr);

signals:
    void accountClicked(int account, Qt::KeyboardModifiers modifiers);
    // A threshold line was dropped; `potentialMoved` is false when only the likelihood line was.
    void thresholdsDragged(double likelihood, double potential, bool potentialMoved);
    void zoomChanged(bool zoomed);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Drag { None, Likelihood, Potential, Both };

    void applyRanges();
    void updateMapping();
    void updateTheme();
    Drag dragAt(const QPointF &chartPos) const;
    QAbstractAxis *yAxis() const;

    QuadrantData m_data;
    QuadrantLayer *m_layer;
    QValueAxis *m_x;
    QValueAxis *m_yLinear;
    QLogValueAxis *m_yLog;
    QScatterSeries *m_anchor; // empty: binds the axes to the chart
    std::function<QString(int)> m_toolTip;
    QString m_currency;
    bool m_log = false;
    bool m_zoomed = false;
    bool m_settingRanges = false;
    Drag m_drag = Drag::None;
};

} // namespace tp::ui
