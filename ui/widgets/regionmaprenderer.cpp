#include "widgets/regionmaprenderer.h"

#include "style/theme.h"

#include <QPainter>

#include <algorithm>

namespace tp::ui {

namespace {

// A partial repaint is worth it for a few regions; beyond that, the whole map is as quick.
constexpr int partialLimit = 24;

} // namespace

RegionMapColors RegionMapColors::fromPalette(const QPalette &palette)
{
    const bool dark = theme::isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    RegionMapColors colors;
    // A faint blue sea under grey land, readable in both schemes.
    colors.sea = theme::blend(base, QColor(0x3d, 0x7e, 0xc9), dark ? 0.16 : 0.08);
    colors.land = theme::blend(base, text, dark ? 0.22 : 0.14);
    colors.border = dark ? theme::blend(base, text, 0.05) : base;
    colors.selected = palette.color(QPalette::Highlight);
    colors.hovered = text;
    colors.text = text;
    // As a pixmap holds them (8 bits a channel), so that a colour read back compares equal.
    for (QColor *color : { &colors.sea, &colors.land, &colors.border, &colors.selected,
                           &colors.hovered, &colors.text })
        *color = QColor::fromRgba(color->rgba());
    return colors;
}

RegionMapRenderer::RegionMapRenderer(const geo::MapGeometry &geometry) : m_geometry(geometry) { }

void RegionMapRenderer::setView(geo::MapView view)
{
    if (view == m_view)
        return;
    m_view = view;
    dropCache();
}

void RegionMapRenderer::setColors(const RegionMapColors &colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    dropCache();
}

void RegionMapRenderer::setRegionColors(const QHash<int, QColor> &colors)
{
    for (auto it = colors.cbegin(); it != colors.cend(); ++it) {
        if (m_regionColors.value(it.key()) != it.value())
            m_stale.insert(it.key());
    }
    for (auto it = m_regionColors.cbegin(); it != m_regionColors.cend(); ++it) {
        if (!colors.contains(it.key()))
            m_stale.insert(it.key());
    }
    m_regionColors = colors;
}

QColor RegionMapRenderer::fillOf(int region) const
{
    const auto it = m_regionColors.constFind(region);
    if (it != m_regionColors.cend() && it->isValid())
        return *it;
    const geo::Region &r = geo::RegionCatalogue::instance().region(region);
    // In the World view a state without a colour of its own shows its country's.
    if (m_view == geo::MapView::World && r.kind == geo::RegionKind::UsState)
        return fillOf(r.country);
    return m_colors.land;
}

void RegionMapRenderer::paintShape(QPainter &painter, const geo::RegionShape &shape,
                                   qreal borderWidth) const
{
    QPen pen(m_colors.border, borderWidth);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(fillOf(shape.region));
    painter.drawPath(shape.path);
}

void RegionMapRenderer::paint(QPainter &painter, const QTransform &transform,
                              const QRectF &clip) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(clip, m_colors.sea);
    painter.setTransform(transform, true);
    const QRectF visible = transform.inverted().mapRect(clip);
    // Borders thin enough for the whole world, a little stronger zoomed in.
    const qreal borderWidth = std::clamp(transform.m11() * 0.35, 0.6, 1.4);
    for (const geo::RegionShape &shape : m_geometry.shapes(m_view)) {
        if (shape.bounds.intersects(visible))
            paintShape(painter, shape, borderWidth);
    }
    painter.restore();
}

bool RegionMapRenderer::isCached(QSize size, qreal ratio, const QTransform &transform) const
{
    return !m_pixmap.isNull() && m_pixmapSize == size && qFuzzyCompare(m_pixmapRatio, ratio)
            && m_pixmapTransform == transform && m_stale.isEmpty();
}

const QPixmap &RegionMapRenderer::pixmap(QSize size, qreal ratio, const QTransform &transform)
{
    const bool sameFrame = !m_pixmap.isNull() && m_pixmapSize == size
            && qFuzzyCompare(m_pixmapRatio, ratio) && m_pixmapTransform == transform;
    if (sameFrame && m_stale.isEmpty())
        return m_pixmap;
    if (sameFrame && m_stale.size() <= partialLimit) {
        repaintRegions(m_stale);
        m_stale.clear();
        return m_pixmap;
    }
    m_pixmap = QPixmap(size * ratio);
    m_pixmap.setDevicePixelRatio(ratio);
    m_pixmapSize = size;
    m_pixmapRatio = ratio;
    m_pixmapTransform = transform;
    m_stale.clear();
    QPainter painter(&m_pixmap);
    paint(painter, transform, QRectF(QPointF(0, 0), size));
    ++m_fullPaints;
    return m_pixmap;
}

void RegionMapRenderer::repaintRegions(const QSet<int> &regions)
{
    // The changed regions' pixels (a little wider, for the borders' antialiasing) are painted
    // again, in one pass, with everything that reaches into them, in drawing order.
    QRegion pixels;
    std::vector<QRectF> areas;
    const qreal slack = 2 / m_pixmapTransform.m11();
    const QTransform back = m_pixmapTransform.inverted();
    for (const int region : regions) {
        if (const geo::RegionShape *changed = m_geometry.shape(m_view, region)) {
            const QRect rect = m_pixmapTransform.mapRect(changed->bounds)
                                       .toAlignedRect()
                                       .adjusted(-3, -3, 3, 3);
            pixels += rect;
            areas.push_back(back.mapRect(QRectF(rect)).adjusted(-slack, -slack, slack, slack));
        }
    }
    if (areas.empty())
        return;
    QPainter painter(&m_pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRegion(pixels);
    for (const QRect &rect : pixels)
        painter.fillRect(rect, m_colors.sea);
    painter.setTransform(m_pixmapTransform);
    const qreal borderWidth = std::clamp(m_pixmapTransform.m11() * 0.35, 0.6, 1.4);
    for (const geo::RegionShape &shape : m_geometry.shapes(m_view)) {
        const bool reaches = std::any_of(areas.cbegin(), areas.cend(), [&](const QRectF &area) {
            return shape.bounds.intersects(area);
        });
        if (reaches)
            paintShape(painter, shape, borderWidth);
    }
    ++m_partialPaints;
}

} // namespace tp::ui
