#pragma once

#include "geo/mapgeometry.h"

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QPixmap>
#include <QSet>
#include <QTransform>

class QPainter;

namespace tp::ui {

// The colours the map is drawn in, from the palette of the moment (light or dark).
struct RegionMapColors
{
    QColor sea; // behind the land
    QColor land; // a region without a colour of its own
    QColor border; // between regions
    QColor selected; // outline and tint of a selected region
    QColor hovered; // outline of the region under the mouse
    QColor text;

    static RegionMapColors fromPalette(const QPalette &palette);
    bool operator==(const RegionMapColors &other) const = default;
};

// Paints the regions of one view with their fill colours: onto any painter (render, export),
// or into a pixmap kept for a size, device pixel ratio, transform and colour set, which a
// change of a few regions' colours repaints in place rather than from scratch.
class RegionMapRenderer
{
public:
    explicit RegionMapRenderer(const geo::MapGeometry &geometry = geo::MapGeometry::instance());

    const geo::MapGeometry &geometry() const { return m_geometry; }
    void setView(geo::MapView view);
    geo::MapView view() const { return m_view; }
    void setColors(const RegionMapColors &colors);
    const RegionMapColors &colors() const { return m_colors; }

    // Fill colours by region index; regions not named are drawn as land.
    void setRegionColors(const QHash<int, QColor> &colors);
    const QHash<int, QColor> &regionColors() const { return m_regionColors; }
    // The colour `region` is filled with, as drawn.
    QColor fillOf(int region) const;

    // Every region under `transform` (logical → painter coordinates), clipped to `clip`.
    void paint(QPainter &painter, const QTransform &transform, const QRectF &clip) const;

    // The kept pixmap of the whole map for a widget of `size` at `ratio`, made again only when
    // something it shows changed.
    const QPixmap &pixmap(QSize size, qreal ratio, const QTransform &transform);
    bool isCached(QSize size, qreal ratio, const QTransform &transform) const;
    void dropCache() { m_pixmap = QPixmap(); }
    // How often the pixmap was painted from scratch and in part (tests, the benchmark).
    int fullPaints() const { return m_fullPaints; }
    int partialPaints() const { return m_partialPaints; }

private:
    void paintShape(QPainter &painter, const geo::RegionShape &shape, qreal borderWidth) const;
    void repaintRegions(const QSet<int> &regions);

    const geo::MapGeometry &m_geometry;
    geo::MapView m_view = geo::MapView::World;
    RegionMapColors m_colors;
    QHash<int, QColor> m_regionColors;
    QPixmap m_pixmap;
    QSize m_pixmapSize;
    qreal m_pixmapRatio = 0;
    QTransform m_pixmapTransform;
    QSet<int> m_stale; // regions whose colour changed since the pixmap was painted
    int m_fullPaints = 0;
    int m_partialPaints = 0;
};

} // namespace tp::ui
