#pragma once

#include "quadrantdata.h"

#include <QGraphicsObject>
#include <QHash>
#include <QImage>

#include <vector>

namespace tp::ui {

// From chart values to the chart's coordinates: likelihood (0..1) across, potential (major
// units) up, linear or log10.
struct QuadrantMapping
{
    QRectF plot;
    double xMin = 0, xMax = 1; // likelihood
    double yMin = 0, yMax = 1; // potential
    bool log = false;

    QPointF toPoint(double likelihood, double potential) const;
    double likelihoodAt(double x) const;
    double potentialAt(double y) const;
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
    void setHoveredPoint(int point);
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
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    void invalidate();
    QRectF cacheRect() const; // the plot area and a margin for points on its edges
    void ensureLayout() const; // positions, quadrants, counts and the hit grid
    void renderCache(qreal dpr) const;
    void drawFloors(QPainter *painter) const;
    void drawVectorPoints(QPainter *painter) const;
    void drawMarks(QPainter *painter) const;
    void drawThresholds(QPainter *painter) const;
    void drawQuadrantNames(QPainter *painter) const;
    roi::Quadrant quadrantOf(const QuadrantPoint &point) const;
    const QImage &sprite(roi::Quadrant quadrant, double radius, qreal dpr) const;

    const QuadrantData *m_data = nullptr;
    QuadrantMapping m_mapping;
    double m_likelihoodThreshold = 0.5;
    double m_potentialThreshold = 0;
    void remapSelection();

    std::vector<int> m_selectedAccounts;
    int m_currentAccount = -1;
    std::vector<int> m_selected; // point indexes of the selected accounts that are drawn
    int m_current = -1;          // point index
    int m_hovered = -1;
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
    mutable std::vector<int> m_cellStart, m_cellPoints;
    mutable int m_columns = 0, m_rows = 0;
};

} // namespace tp::ui
