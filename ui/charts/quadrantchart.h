#pragma once

#include "quadrantdata.h"

#include <QChartView>

#include <functional>

class QCategoryAxis;
class QScatterSeries;
class QValueAxis;

namespace tp::ui {

class QuadrantLayer;

// The ROI quadrant: likelihood of engagement across, revenue potential up (linear or log).
// Qt Charts draws the axes and the grid; QuadrantLayer paints the points inside the plot area.
// The potential axis is a category axis over the potential (or its log10) whose labels are
// placed again at round values after every change of range, so a zoomed or logarithmic axis
// always has labels. Points without potential, or under the log scale's bottom, are drawn in a
// strip under the chart, with a caption that says so. The threshold lines can be dragged
// (thresholdsDragged() on release); a click picks the point under the mouse; dragging elsewhere
// zooms to the rectangle (rubber band), resetZoom() goes back. Hovering a point rings it and
// shows the hover text provider's lines in a callout next to it.
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
    // The callout's lines for an account (the first is its title), empty for none.
    void setHoverTextProvider(std::function<QStringList(int account)> provider);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }

    QuadrantLayer *layer() const { return m_layer; }
    // Where a value pair is in the view's coordinates (tests, and the mouse).
    QPoint positionOf(double likelihood, double potential) const;
    // Where an account's point is drawn in the view's coordinates (on the plot or in the strip).
    QPoint positionOfAccount(int account) const;
    // The account under a position of the view, -1 if none.
    int accountAt(const QPoint &pos) const;
    // The hovered account (-1: none), its callout's lines and where the callout is (view
    // coordinates).
    int hoveredAccount() const;
    QStringList hoverText() const;
    QRect calloutGeometry() const;
    // The labels of the potential axis as they are now, and the strip under the chart.
    QStringList potentialLabels() const;
    QRect stripGeometry() const;
    QString stripCaption() const { return m_stripCaption; }

    // The chart as it is shown, under `caption` (its first line the title, the others details:
    // whose data, as of when, with which thresholds), at `scale` times its size (PNG), or on a PDF
    // page with vector points. False (with *error) when the file cannot be written.
    bool exportPng(const QString &path, const QStringList &caption, qreal scale = 2.0,
                   QString *error = nullptr);
    bool exportPdf(const QString &path, const QStringList &caption, QString *error = nullptr);

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
    void updateStrip();
    void relabel();
    void hover(int point);
    Drag dragAt(const QPointF &chartPos) const;
    double stripBelow() const;

    QuadrantData m_data;
    QuadrantLayer *m_layer;
    QValueAxis *m_x;
    QCategoryAxis *m_y; // the potential, or its log10
    QScatterSeries *m_anchor; // empty: binds the axes to the chart
    std::function<QStringList(int)> m_hoverText;
    QString m_currency;
    QString m_stripCaption;
    int m_stripCount = 0; // points drawn in the strip
    bool m_log = false;
    bool m_zoomed = false;
    bool m_settingRanges = false;
    bool m_relabelling = false;
    Drag m_drag = Drag::None;
};

} // namespace tp::ui
