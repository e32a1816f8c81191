#pragma once

#include "widgets/regionmaprenderer.h"

#include <QList>
#include <QPolygonF>
#include <QWidget>

#include <functional>
#include <optional>

class QMimeData;

namespace tp::ui {

// The territory map: the countries of the world (the United States as its states) or the
// states of the United States, drawn by the app from the embedded outlines (core/geo), each
// region in the fill colour it is given, kept in a pixmap until something it shows changes.
// Hover names a region (or what the tooltip provider says); a click selects it (Ctrl or Shift
// adds to the selection), a drag with Shift (or any drag in lasso mode) selects what the lasso
// encloses; dragging a selected region starts a drag of the selection's region ids (mimeType()).
// A drag elsewhere, the arrow keys and the wheel pan and zoom; + and − zoom, 0 shows it all.
// Regions are indices into geo::RegionCatalogue::instance().
class RegionMap : public QWidget
{
    Q_OBJECT

public:
    explicit RegionMap(QWidget *parent = nullptr);

    static QString mimeType(); // "application/x-territory-planner-regions"
    // The region indices a drag from a map carries (its ids, one a line), none if it is none.
    static QList<int> regionsFromMimeData(const QMimeData *data);
    // What a drag of `regions` carries: their ids (mimeType()) and names (text).
    static QMimeData *mimeDataFor(const QList<int> &regions);

    void setView(geo::MapView view);
    geo::MapView view() const { return m_renderer.view(); }

    // Fill colours by region index; a region not named is drawn as plain land (in the World
    // view, a state without a colour shows the United States' colour).
    void setRegionColors(const QHash<int, QColor> &colors);
    const QHash<int, QColor> &regionColors() const { return m_renderer.regionColors(); }
    // What the tooltip says about a region (its figures); the region's name by default.
    void setToolTipProvider(std::function<QString(int region)> provider);

    // Regions shown as selected; setting them emits nothing.
    void setSelectedRegions(const QList<int> &regions);
    QList<int> selectedRegions() const { return m_selected; }
    // Plain drags draw a lasso instead of panning.
    void setLassoMode(bool lasso) { m_lassoMode = lasso; }
    bool lassoMode() const { return m_lassoMode; }

    qreal zoom() const { return m_zoom; }
    // Shows `logical` (geo::MapGeometry's coordinates) as large as it fits, centred, and keeps
    // it so when the widget is resized, until the user zooms or pans (or showAll()); an empty
    // rect shows everything.
    void showArea(const QRectF &logical);
    // Logical map coordinates (geo::MapGeometry's) → widget coordinates, and the way back.
    QTransform mapToWidget() const;
    std::optional<int> regionAt(QPointF widgetPos) const;
    std::optional<int> hoveredRegion() const { return m_hovered; }

    // Paints the map as it is shown (zoom, pan, selection; no hover) into `target`, kept in
    // proportion: PNG and PDF export, printing.
    void render(QPainter *painter, const QRectF &target) const;
    using QWidget::render;
    const RegionMapRenderer &renderer() const { return m_renderer; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void zoomIn();
    void zoomOut();
    void showAll();

signals:
    // The user clicked or lassoed `regions` (empty: clicked the sea or pressed Escape);
    // `extend` when they are to be added to the selection (Ctrl or Shift held) rather than
    // replace it. Ctrl+click on a selected region takes it out: then `regions` is the whole
    // selection left and `extend` false. selectedRegions() is already the new selection.
    void regionsSelected(const QList<int> &regions, bool extend);
    void hoveredRegionChanged(std::optional<int> region);
    void viewChanged(geo::MapView view);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Gesture { None, Pending, Pan, Lasso, Drag };

    void paintSelection(QPainter &painter, const QTransform &transform) const;
    void zoomAt(qreal factor, QPointF widgetPos);
    void panBy(QPointF widgetDelta);
    void clampCentre();
    void applyArea();
    void setHovered(std::optional<int> region);
    void finishLasso(bool extend);
    void startDrag();
    void selectFromClick(std::optional<int> region, Qt::KeyboardModifiers modifiers);

    RegionMapRenderer m_renderer;
    std::function<QString(int)> m_toolTip;
    QList<int> m_selected;
    std::optional<int> m_hovered;
    qreal m_zoom = 1.0;
    QPointF m_centre; // the logical point at the widget's centre
    QRectF m_area; // showArea()'s, while it holds
    bool m_lassoMode = false;

    Gesture m_gesture = Gesture::None;
    QPoint m_pressPos;
    QPoint m_lastPos;
    Qt::KeyboardModifiers m_pressModifiers;
    std::optional<int> m_pressRegion;
    QPolygonF m_lasso; // widget coordinates
};

} // namespace tp::ui
