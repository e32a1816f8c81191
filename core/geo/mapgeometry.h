#pragma once

#include "geo/regioncatalogue.h"

#include <QByteArray>
#include <QHash>
#include <QPainterPath>
#include <QRectF>

#include <optional>
#include <vector>

namespace tp::geo {

// The two ways the map is drawn: the countries of the world (the United States as its states,
// over its own outline), and the United States alone (Alaska and Hawaii as insets).
enum class MapView : quint8 { World, UnitedStates };

// One region's outline in a view's logical coordinates (y down).
struct RegionShape
{
    int region = -1; // index into the RegionCatalogue
    QPainterPath path;
    QRectF bounds;
    QPointF anchor; // a point inside its largest part: where a label goes, or a click lands
};

// The projected outlines of resources/map/regions.bin (scripts/make-map-resource says where
// they come from), in a fixed logical space per view: World is Natural Earth I, 1000 units
// wide; United States is us-atlas's Albers, about 1000 × 600.
class MapGeometry
{
public:
    static const MapGeometry &instance(); // the embedded resource, read once

    // Reads a resource as the script writes it; an invalid geometry when it is not one.
    static MapGeometry fromData(const QByteArray &compressed,
                                const RegionCatalogue &catalogue = RegionCatalogue::instance());

    bool isValid() const { return !m_views[0].shapes.empty() && !m_views[1].shapes.empty(); }
    QRectF bounds(MapView view) const { return at(view).bounds; }
    // In drawing order: a region drawn over another comes after it.
    const std::vector<RegionShape> &shapes(MapView view) const { return at(view).shapes; }
    // The shape of `region` in `view`, or null when the view does not draw it.
    const RegionShape *shape(MapView view, int region) const;
    // The topmost region under a logical point.
    std::optional<int> regionAt(MapView view, QPointF point) const;

private:
    struct View
    {
        QRectF bounds;
        std::vector<RegionShape> shapes;
        QHash<int, int> shapeByRegion;
    };
    const View &at(MapView view) const { return m_views[view == MapView::World ? 0 : 1]; }
    View m_views[2];
};

} // namespace tp::geo
