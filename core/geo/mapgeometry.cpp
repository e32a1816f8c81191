#include "geo/mapgeometry.h"

#include <QDataStream>
#include <QFile>

#include <algorithm>

namespace tp::geo {

namespace {

constexpr quint32 magic = 0x54504D50; // "TPMP"
constexpr quint32 version = 1;

QPainterPath readRings(QDataStream &in, double left, double top, double unit)
{
    QPainterPath path;
    quint32 rings = 0;
    in >> rings;
    for (quint32 r = 0; r < rings && in.status() == QDataStream::Ok; ++r) {
        quint32 points = 0;
        in >> points;
        qint32 x = 0;
        qint32 y = 0;
        for (quint32 p = 0; p < points && in.status() == QDataStream::Ok; ++p) {
            qint16 dx = 0;
            qint16 dy = 0;
            in >> dx >> dy;
            x += dx;
            y += dy;
            const QPointF point(left + x * unit, top + y * unit);
            if (p == 0)
                path.moveTo(point);
            else
                path.lineTo(point);
        }
        path.closeSubpath();
    }
    return path;
}

// The middle of the longest inside run across the middle of the largest part; the centre of
// its bounds when that lies inside (most regions).
QPointF anchorOf(const QPainterPath &path)
{
    QRectF largest;
    for (const QPolygonF &part : path.toSubpathPolygons()) {
        const QRectF bounds = part.boundingRect();
        if (bounds.width() * bounds.height() > largest.width() * largest.height())
            largest = bounds;
    }
    if (path.contains(largest.center()))
        return largest.center();
    constexpr int samples = 64;
    const double y = largest.center().y();
    int bestStart = -1;
    int bestLength = 0;
    int start = -1;
    for (int i = 0; i <= samples; ++i) {
        const double x = largest.left() + largest.width() * (i + 0.5) / (samples + 1);
        const bool inside = i < samples && path.contains(QPointF(x, y));
        if (inside && start < 0)
            start = i;
        if (!inside && start >= 0) {
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
            start = -1;
        }
    }
    if (bestStart < 0)
        return largest.center();
    const double middle = bestStart + bestLength / 2.0;
    return QPointF(largest.left() + largest.width() * middle / (samples + 1), y);
}

} // namespace

const MapGeometry &MapGeometry::instance()
{
    static const MapGeometry geometry = [] {
        QFile file(QStringLiteral(":/map/regions.bin"));
        if (!file.open(QIODevice::ReadOnly))
            return MapGeometry();
        return fromData(file.readAll());
    }();
    return geometry;
}

MapGeometry MapGeometry::fromData(const QByteArray &compressed, const RegionCatalogue &catalogue)
{
    MapGeometry geometry;
    const QByteArray data = qUncompress(compressed);
    QDataStream in(data);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 fileMagic = 0;
    quint32 fileVersion = 0;
    quint32 views = 0;
    in >> fileMagic >> fileVersion >> views;
    if (fileMagic != magic || fileVersion != version)
        return MapGeometry();
    for (quint32 v = 0; v < views && in.status() == QDataStream::Ok; ++v) {
        QString name;
        double left = 0;
        double top = 0;
        double width = 0;
        double height = 0;
        double unit = 0;
        quint32 regions = 0;
        in >> name >> left >> top >> width >> height >> unit >> regions;
        View &view = geometry.m_views[name == u"world" ? 0 : 1];
        view.bounds = QRectF(left, top, width, height);
        for (quint32 r = 0; r < regions && in.status() == QDataStream::Ok; ++r) {
            QString id;
            in >> id;
            QPainterPath path = readRings(in, left, top, unit);
            const std::optional<int> region = catalogue.indexOf(id);
            if (!region || path.isEmpty())
                continue;
            view.shapes.push_back(
                    RegionShape{ *region, path, path.boundingRect(), anchorOf(path) });
        }
        // Larger regions first, so that an enclave (Lesotho, the Vatican) or a dot is drawn over
        // its surroundings and found first; the United States' outline under its states.
        const auto area = [](const RegionShape &shape) {
            return shape.bounds.width() * shape.bounds.height();
        };
        std::stable_sort(view.shapes.begin(), view.shapes.end(),
                         [&](const RegionShape &a, const RegionShape &b) {
                             const bool aNation = a.region == catalogue.unitedStates();
                             const bool bNation = b.region == catalogue.unitedStates();
                             if (aNation != bNation)
                                 return aNation;
                             return area(a) > area(b);
                         });
        for (int i = 0; i < int(view.shapes.size()); ++i)
            view.shapeByRegion.insert(view.shapes[size_t(i)].region, i);
    }
    if (in.status() != QDataStream::Ok)
        return MapGeometry();
    return geometry;
}

const RegionShape *MapGeometry::shape(MapView view, int region) const
{
    const View &v = at(view);
    const auto it = v.shapeByRegion.constFind(region);
    return it == v.shapeByRegion.cend() ? nullptr : &v.shapes[size_t(*it)];
}

std::optional<int> MapGeometry::regionAt(MapView view, QPointF point) const
{
    const std::vector<RegionShape> &shapes = at(view).shapes;
    // Topmost first: the last drawn.
    for (std::size_t i = shapes.size(); i-- > 0;) {
        const RegionShape &shape = shapes[i];
        if (shape.bounds.contains(point) && shape.path.contains(point))
            return shape.region;
    }
    return std::nullopt;
}

} // namespace tp::geo
