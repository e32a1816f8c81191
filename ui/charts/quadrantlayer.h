#pragma once

#include "quadrantdata.h"

#include <QGraphicsObject>
#include <QHash>
#include <QImage>
#include <QPainterPath>
#include <QStringList>

#include <vector>

namespace tp::ui {

// From chart values to the chart's coordinates: likelihood (0..1) across, potential (major
// units) up, linear or log10. Points whose potential is below `stripBelow` (none on the scale:
// no potential, or under the log scale's bottom) are drawn in `strip`, a band under the chart,
// at their likelihood.
struct QuadrantMapping
{
    QRectF plot;
    double xMin = 0, xMax = 1; // likelihood
    double yMin = 0, yMax = 1; // potential
    bool log = false;
    double stripBelow = 0;
    QRectF strip; // empty while no point is in it

    QPointF toPoint(double likelihood, double potential) const;
    double likelihoodAt(double x) const;
    double potentialAt(double y) const;
    bool inStrip(const QuadrantPoint &point) const { return point.potential < stripBelow; }
    // Where a point is drawn: on the plot, or in the strip.
    QPointF position(const QuadrantPoint &point) const;
};

// Paints the scored accounts inside the plot area of the quadrant chart, instead of a scatter
// series (which makes one graphics item per point: far too slow beyond a few thousand). Points
// are drawn once into a cached image from small pre-rendered sprites, and redrawn only when the
// data, the thresholds or the mapping change; selection, hover, threshold lines and the quadrant
// names are painted over it. A grid over the drawn points finds the one under the mouse.
class QuadrantLayer : public QGraphicsObject
{
    Q_OBJECT

public:
    explicit QuadrantLayer(QGraphicsItem *parent = nullptr);

    void setData(const QuadrantData *data);
    void setMapping(const QuadrantMapping &mapping);
    const QuadrantMapping &mapping() const { return m_mapping; }
    // Thresholds to colour and draw by (while a line is dragged, not yet those of the data).
    void setThresholds(double likelihood, double potential);
    double likelihoodThreshold() const { return m_likelihoodThreshold; }
    double potentialThreshold() const { return m_potentialThreshold; }
    void setSelection(const std::vector<int> &accounts, int current);
    // The point under the mouse, ringed, with its callout: `lines` (the first one bold) in a box
    // next to it, kept inside the chart.
    void setHoveredPoint(int point, const QStringList &lines = {});
    int hoveredPoint() const { return m_hovered; }
    QStringList hoverLines() const { return m_hoverLines; }
    // The callout's box in chart coordinates (empty when nothing is hovered).
    QRectF calloutRect() const;
    // The chart's whole area: where the strip's caption and the callout may go.
    void setBounds(const QRectF &bounds);
    // The strip's caption ("Below 10,000 or none"), drawn left of it.
    void setStripCaption(const QString &caption);
    void setDark(bool dark);
    // Paints every point as a vector shape (a PDF) instead of from the cached image.
    void setVectorOutput(bool vector) { m_vector = vector; }
    // Leaves out the selection and hover rings (an exported chart shows the data, not the
    // state of the screen it came from).
    void setMarksHidden(bool hidden) { m_marksHidden = hidden; }

    // The index in data().points of the point under `pos` (chart coordinates), -1 if none.
    int pointAt(const QPointF &pos) const;
    // Points drawn per quadrant with the current thresholds.
    const std::array<int, 4> &counts() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void invalidate();
    QRectF cacheRect() const; // the plot area, the strip, and a margin for points on their edges
    QPainterPath pointsClip() const; // the plot and the strip, with that margin
    QRectF hitArea() const; // the plot and the strip
    void ensureLayout() const; // positions, quadrants, counts and the hit grid
    void renderCache(qreal dpr) const;
    void drawFloors(QPainter *painter) const;
    void drawVectorPoints(QPainter *painter) const;
    void drawMarks(QPainter *painter) const;
    void drawThresholds(QPainter *painter) const;
    void drawQuadrantNames(QPainter *painter) const;
    void drawStrip(QPainter *painter) const;
    void drawCallout(QPainter *painter) const;
    QSizeF calloutSize() const;
    roi::Quadrant quadrantOf(const QuadrantPoint &point) const;
    const QImage &sprite(roi::Quadrant quadrant, bool thin, double radius, qreal dpr) const;

    const QuadrantData *m_data = nullptr;
    QuadrantMapping m_mapping;
    double m_likelihoodThreshold = 0.5;
    double m_potentialThreshold = 0;
    void remapSelection();

    std::vector<int> m_selectedAccounts;
    int m_currentAccount = -1;
    std::vector<int> m_selected; // point indexes of the selected accounts that are drawn
    int m_current = -1; // point index
    int m_hovered = -1;
    QStringList m_hoverLines;
    QRectF m_bounds;
    QString m_stripCaption;
    bool m_dark = false;
    bool m_vector = false;
    bool m_marksHidden = false;
    QHash<int, int> m_pointOfAccount;

    // Rebuilt lazily when the data, the thresholds or the mapping changed.
    mutable bool m_layoutValid = false;
    mutable std::array<int, 4> m_counts{};
    mutable std::vector<std::uint8_t> m_quadrants; // per point, for the current thresholds
    mutable QImage m_cache;
    mutable bool m_cacheValid = false;
    mutable QHash<quint32, QImage> m_sprites;
    mutable std::vector<QPointF> m_drawn; // point positions in chart coordinates
    mutable std::vector<char> m_visible; // inside the plot (or the strip's width)
    mutable std::vector<int> m_cellStart, m_cellPoints;
    mutable int m_columns = 0, m_rows = 0;
};

} // namespace tp::ui
