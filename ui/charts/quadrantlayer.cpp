#include "quadrantlayer.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace tp::ui {

namespace {

constexpr int cellSize = 20; // hit grid cells, > the largest radius plus the slack
constexpr double hitSlack = 3.0;

// A plot area a chart can have: a laid-out chart is never larger than a few screens.
bool isUsable(const QRectF &plot)
{
    return std::isfinite(plot.left()) && std::isfinite(plot.top()) && plot.width() >= 1
            && plot.height() >= 1 && plot.width() < 20000 && plot.height() < 20000;
}

// A point's translucent fill and its solid edge, the same in the sprites and in a PDF.
struct PointStyle
{
    QColor fill;
    QColor edge;
};

// A point scored on few of its factors is hollow: its likelihood rests on little.
PointStyle pointStyle(roi::Quadrant quadrant, bool thin, bool dark)
{
    const QColor colour = quadrantColor(quadrant, dark);
    QColor fill = colour;
    fill.setAlpha(thin ? 40 : 170);
    return { fill, dark ? colour.lighter(130) : colour.darker(135) };
}

constexpr double calloutGap = 8; // between a point and its callout

double logOf(double v)
{
    return std::log10(std::max(v, 1e-9));
}

} // namespace

QPointF QuadrantMapping::toPoint(double likelihood, double potential) const
{
    const double fx = (likelihood - xMin) / (xMax - xMin);
    double fy = 0;
    if (log) {
        const double clamped = std::max(potential, yMin); // 0 and below sit on the axis
        fy = (logOf(clamped) - logOf(yMin)) / (logOf(yMax) - logOf(yMin));
    } else {
        fy = (potential - yMin) / (yMax - yMin);
    }
    return { plot.left() + fx * plot.width(), plot.bottom() - fy * plot.height() };
}

QPointF QuadrantMapping::position(const QuadrantPoint &point) const
{
    if (inStrip(point) && !strip.isEmpty())
        return { toPoint(point.likelihood, yMax).x(), strip.center().y() };
    return toPoint(point.likelihood, point.potential);
}

double QuadrantMapping::likelihoodAt(double x) const
{
    return xMin + (x - plot.left()) / plot.width() * (xMax - xMin);
}

double QuadrantMapping::potentialAt(double y) const
{
    const double fy = (plot.bottom() - y) / plot.height();
    if (log)
        return std::pow(10.0, logOf(yMin) + fy * (logOf(yMax) - logOf(yMin)));
    return yMin + fy * (yMax - yMin);
}

QuadrantLayer::QuadrantLayer(QGraphicsItem *parent) : QGraphicsObject(parent)
{
    setAcceptedMouseButtons(Qt::NoButton); // the chart view handles the mouse
}

void QuadrantLayer::invalidate()
{
    m_layoutValid = false;
    m_cacheValid = false;
    update();
}

void QuadrantLayer::setData(const QuadrantData *data)
{
    m_data = data;
    m_likelihoodThreshold = data ? data->likelihoodThreshold : 0.5;
    m_potentialThreshold = data ? data->potentialThreshold : 0;
    m_pointOfAccount.clear();
    if (data) {
        m_pointOfAccount.reserve(qsizetype(data->points.size()));
        for (std::size_t i = 0; i < data->points.size(); ++i)
            m_pointOfAccount.insert(data->points[i].account, int(i));
    }
    m_hovered = -1;
    m_hoverLines.clear();
    remapSelection();
    invalidate();
}

void QuadrantLayer::setMapping(const QuadrantMapping &mapping)
{
    prepareGeometryChange();
    m_mapping = mapping;
    invalidate();
}

void QuadrantLayer::setThresholds(double likelihood, double potential)
{
    if (likelihood == m_likelihoodThreshold && potential == m_potentialThreshold)
        return;
    m_likelihoodThreshold = likelihood;
    m_potentialThreshold = potential;
    invalidate();
}

void QuadrantLayer::setSelection(const std::vector<int> &accounts, int current)
{
    m_selectedAccounts = accounts;
    m_currentAccount = current;
    remapSelection();
    update();
}

void QuadrantLayer::remapSelection()
{
    m_selected.clear();
    for (const int account : m_selectedAccounts) {
        if (const auto it = m_pointOfAccount.constFind(account); it != m_pointOfAccount.cend())
            m_selected.push_back(*it);
    }
    m_current = m_pointOfAccount.value(m_currentAccount, -1);
}

void QuadrantLayer::setHoveredPoint(int point, const QStringList &lines)
{
    if (point == m_hovered && lines == m_hoverLines)
        return;
    m_hovered = point;
    m_hoverLines = point >= 0 ? lines : QStringList();
    update();
}

void QuadrantLayer::setBounds(const QRectF &bounds)
{
    if (bounds == m_bounds)
        return;
    prepareGeometryChange();
    m_bounds = bounds;
    update();
}

void QuadrantLayer::setStripCaption(const QString &caption)
{
    m_stripCaption = caption;
    update();
}

void QuadrantLayer::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    m_sprites.clear();
    invalidate();
}

QRectF QuadrantLayer::cacheRect() const
{
    constexpr double margin = maxPointRadius + 2;
    QRectF area = m_mapping.plot;
    if (!m_mapping.strip.isEmpty())
        area = area.united(m_mapping.strip);
    return area.adjusted(-margin, -margin, margin, margin);
}

QPainterPath QuadrantLayer::pointsClip() const
{
    constexpr double margin = maxPointRadius + 2;
    QPainterPath clip;
    clip.addRect(m_mapping.plot.adjusted(-margin, -margin, margin, margin));
    if (!m_mapping.strip.isEmpty())
        clip.addRect(m_mapping.strip.adjusted(-margin, 0, margin, 0));
    return clip.simplified();
}

QRectF QuadrantLayer::boundingRect() const
{
    // The callout may go anywhere in the chart.
    return cacheRect().adjusted(-8, -8, 8, 8).united(m_bounds);
}

roi::Quadrant QuadrantLayer::quadrantOf(const QuadrantPoint &point) const
{
    return QuadrantData::quadrantAt(point, m_likelihoodThreshold, m_potentialThreshold);
}

const std::array<int, 4> &QuadrantLayer::counts() const
{
    ensureLayout();
    return m_counts;
}

void QuadrantLayer::ensureLayout() const
{
    if (m_layoutValid)
        return;
    m_layoutValid = true;
    m_counts = {};
    m_drawn.clear();
    m_quadrants.clear();
    m_cellStart.clear();
    m_cellPoints.clear();
    m_visible.clear();
    const QRectF plot = m_mapping.plot;
    if (!m_data || !isUsable(plot))
        return;
    const auto &points = m_data->points;
    m_drawn.resize(points.size());
    m_quadrants.resize(points.size());
    m_visible.assign(points.size(), 0);
    // The grid covers the plot and the strip under it.
    const QRectF area = hitArea();
    m_columns = int(area.width()) / cellSize + 1;
    m_rows = int(area.height()) / cellSize + 1;
    std::vector<int> cellOf(points.size(), -1);
    m_cellStart.assign(std::size_t(m_columns * m_rows + 1), 0);
    const bool strip = !m_mapping.strip.isEmpty();
    for (std::size_t i = 0; i < points.size(); ++i) {
        const QuadrantPoint &p = points[i];
        const QPointF at = m_mapping.position(p);
        m_drawn[i] = at;
        const roi::Quadrant q = quadrantOf(p);
        m_quadrants[i] = std::uint8_t(q);
        ++m_counts[std::size_t(q)];
        const bool inView = strip && m_mapping.inStrip(p)
                ? at.x() >= plot.left() - 0.5 && at.x() <= plot.right() + 0.5
                : plot.adjusted(-0.5, -0.5, 0.5, 0.5).contains(at);
        if (!inView)
            continue; // zoomed out of view
        m_visible[i] = 1;
        const int column = std::clamp(int((at.x() - area.left()) / cellSize), 0, m_columns - 1);
        const int row = std::clamp(int((at.y() - area.top()) / cellSize), 0, m_rows - 1);
        cellOf[i] = row * m_columns + column;
        ++m_cellStart[std::size_t(cellOf[i] + 1)];
    }
    for (std::size_t c = 1; c < m_cellStart.size(); ++c)
        m_cellStart[c] += m_cellStart[c - 1];
    m_cellPoints.assign(std::size_t(m_cellStart.back()), 0);
    std::vector<int> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (cellOf[i] >= 0)
            m_cellPoints[std::size_t(fill[std::size_t(cellOf[i])]++)] = int(i);
    }
}

QRectF QuadrantLayer::hitArea() const
{
    return m_mapping.strip.isEmpty() ? m_mapping.plot : m_mapping.plot.united(m_mapping.strip);
}

int QuadrantLayer::pointAt(const QPointF &pos) const
{
    ensureLayout();
    const QRectF area = hitArea();
    if (!m_data || m_drawn.empty()
        || !area.adjusted(-cellSize, -cellSize, cellSize, cellSize).contains(pos))
        return -1;
    const int column = int(std::floor((pos.x() - area.left()) / cellSize));
    const int row = int(std::floor((pos.y() - area.top()) / cellSize));
    int best = -1;
    double bestDistance = 0;
    for (int r = row - 1; r <= row + 1; ++r) {
        for (int c = column - 1; c <= column + 1; ++c) {
            if (r < 0 || c < 0 || r >= m_rows || c >= m_columns)
                continue;
            const int cell = r * m_columns + c;
            for (int k = m_cellStart[std::size_t(cell)]; k < m_cellStart[std::size_t(cell) + 1];
                 ++k) {
                const int i = m_cellPoints[std::size_t(k)];
                const QPointF d = m_drawn[std::size_t(i)] - pos;
                const double distance = std::hypot(d.x(), d.y());
                if (distance > m_data->points[std::size_t(i)].radius + hitSlack)
                    continue;
                // The nearest centre; on a tie the one drawn last (on top).
                if (best < 0 || distance < bestDistance || (distance == bestDistance && i > best)) {
                    best = i;
                    bestDistance = distance;
                }
            }
        }
    }
    return best;
}

const QImage &QuadrantLayer::sprite(roi::Quadrant quadrant, bool thin, double radius,
                                    qreal dpr) const
{
    const int halfPixels = int(std::lround(radius * 2)); // half-pixel steps
    const quint32 key = quint32(thin) << 20 | quint32(quadrant) << 16 | quint32(halfPixels) << 4
            | (quint32(std::lround(dpr * 4)) & 0xf);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const double r = halfPixels / 2.0;
    const int side = int(std::ceil((2 * r + 2) * dpr));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    image.setDevicePixelRatio(dpr);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const PointStyle style = pointStyle(quadrant, thin, m_dark);
    p.setPen(QPen(style.edge, thin ? 1.5 : 1.0));
    p.setBrush(style.fill);
    const double c = side / dpr / 2.0;
    p.drawEllipse(QPointF(c, c), r, r);
    p.end();
    return *m_sprites.insert(key, image);
}

void QuadrantLayer::renderCache(qreal dpr) const
{
    ensureLayout();
    // Points on the plot's edge (a likelihood of 100%) are drawn whole, over the margin.
    const QRectF plot = cacheRect();
    const QSize pixels(int(std::ceil(plot.width() * dpr)), int(std::ceil(plot.height() * dpr)));
    if (m_cache.size() != pixels)
        m_cache = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    m_cache.setDevicePixelRatio(dpr);
    m_cache.fill(Qt::transparent);
    m_cacheValid = true;
    if (!m_data)
        return;
    QPainter p(&m_cache);
    // Points zoomed out of the plot never spill into the axis labels between it and the strip.
    p.setClipPath(pointsClip().translated(-plot.topLeft()));
    const auto &points = m_data->points;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const QImage &s =
                sprite(roi::Quadrant(m_quadrants[i]), points[i].thin, points[i].radius, dpr);
        const double half = s.width() / dpr / 2.0;
        const QPointF at = m_drawn[i] - plot.topLeft();
        // Whole device pixels: the raster engine's fast path, and no blur between frames.
        p.drawImage(QPointF(std::round((at.x() - half) * dpr) / dpr,
                            std::round((at.y() - half) * dpr) / dpr),
                    s);
    }
}

void QuadrantLayer::drawVectorPoints(QPainter *painter) const
{
    ensureLayout();
    if (!m_data)
        return;
    painter->save();
    painter->setClipPath(pointsClip(), Qt::IntersectClip);
    painter->setRenderHint(QPainter::Antialiasing);
    const auto &points = m_data->points;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const PointStyle style = pointStyle(roi::Quadrant(m_quadrants[i]), points[i].thin, m_dark);
        painter->setPen(QPen(style.edge, points[i].thin ? 1.2 : 0.8));
        painter->setBrush(style.fill);
        painter->drawEllipse(m_drawn[i], points[i].radius, points[i].radius);
    }
    painter->restore();
}

void QuadrantLayer::drawFloors(QPainter *painter) const
{
    if (!m_data)
        return;
    const QRectF plot = m_mapping.plot;
    QColor shade = QApplication::palette().color(QPalette::Text);
    shade.setAlpha(m_dark ? 28 : 18);
    if (m_data->floorLikelihood > m_mapping.xMin) {
        const double x = std::min(plot.right(), m_mapping.toPoint(m_data->floorLikelihood, 0).x());
        painter->fillRect(QRectF(plot.left(), plot.top(), x - plot.left(), plot.height()), shade);
    }
    if (m_data->floorPotential > m_mapping.yMin) {
        const double y = std::max(plot.top(), m_mapping.toPoint(0, m_data->floorPotential).y());
        painter->fillRect(QRectF(plot.left(), y, plot.width(), plot.bottom() - y), shade);
    }
}

void QuadrantLayer::drawMarks(QPainter *painter) const
{
    if (!m_data || m_drawn.empty())
        return;
    const QPalette palette = QApplication::palette();
    painter->save();
    painter->setClipRect(cacheRect().adjusted(-6, -6, 6, 6));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    const auto ring = [&](int i, const QPen &pen, double extra) {
        if (i < 0 || std::size_t(i) >= m_drawn.size() || !m_visible[std::size_t(i)])
            return;
        painter->setPen(pen);
        const double r = m_data->points[std::size_t(i)].radius + extra;
        painter->drawEllipse(m_drawn[std::size_t(i)], r, r);
    };
    const QPen selected(palette.color(QPalette::Highlight), 2.0);
    // Rings beyond a few thousand would hide the points they mark.
    const std::size_t shown = std::min<std::size_t>(m_selected.size(), 5000);
    for (std::size_t k = 0; k < shown; ++k)
        ring(m_selected[k], selected, 2.0);
    ring(m_current, QPen(palette.color(QPalette::Text), 2.0), 4.0);
    ring(m_current, QPen(palette.color(QPalette::Highlight), 2.5), 2.0);
    ring(m_hovered, QPen(palette.color(QPalette::Text), 1.5), 3.0);
    painter->restore();
}

void QuadrantLayer::drawThresholds(QPainter *painter) const
{
    const QRectF plot = m_mapping.plot;
    QColor color = QApplication::palette().color(QPalette::Text);
    color.setAlpha(170);
    QPen pen(color, 1.5, Qt::DashLine);
    painter->save();
    painter->setPen(pen);
    const QPointF at = m_mapping.toPoint(m_likelihoodThreshold, m_potentialThreshold);
    if (at.x() >= plot.left() && at.x() <= plot.right())
        painter->drawLine(QPointF(at.x(), plot.top()), QPointF(at.x(), plot.bottom()));
    if (at.y() >= plot.top() && at.y() <= plot.bottom())
        painter->drawLine(QPointF(plot.left(), at.y()), QPointF(plot.right(), at.y()));
    painter->restore();
}

void QuadrantLayer::drawQuadrantNames(QPainter *painter) const
{
    const QRectF plot = m_mapping.plot.adjusted(8, 6, -8, -6);
    // In the chart's logical pixels, so a PDF (another resolution) scales it with the rest.
    QFont font = QApplication::font();
    font.setPixelSize(QFontInfo(font).pixelSize());
    font.setBold(true);
    painter->save();
    painter->setFont(font);
    const QFontMetricsF metrics(font, painter->device());
    const auto label = [&](roi::Quadrant q, Qt::Alignment alignment) {
        const QString text = QStringLiteral("%1 · %2").arg(
                roi::quadrantName(q), QLocale().toString(m_counts[std::size_t(q)]));
        QRectF box = metrics.boundingRect(text).adjusted(-6, -3, 6, 3);
        box.moveTopLeft(
                QPointF(alignment & Qt::AlignRight ? plot.right() - box.width() : plot.left(),
                        alignment & Qt::AlignBottom ? plot.bottom() - box.height() : plot.top()));
        QColor background = QApplication::palette().color(QPalette::Base);
        background.setAlpha(215);
        painter->setPen(Qt::NoPen);
        painter->setBrush(background);
        painter->drawRoundedRect(box, 4, 4);
        painter->setPen(quadrantColor(q, m_dark));
        painter->drawText(box, Qt::AlignCenter, text);
    };
    label(roi::Quadrant::Pursue, Qt::AlignRight | Qt::AlignTop);
    label(roi::Quadrant::DevelopAccess, Qt::AlignLeft | Qt::AlignTop);
    label(roi::Quadrant::QuickWins, Qt::AlignRight | Qt::AlignBottom);
    label(roi::Quadrant::Deprioritize, Qt::AlignLeft | Qt::AlignBottom);
    painter->restore();
}

void QuadrantLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_mapping.plot;
    if (!isUsable(plot))
        return;
    ensureLayout();
    drawFloors(painter);
    if (m_vector) {
        drawVectorPoints(painter);
    } else {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        if (!m_cacheValid || !qFuzzyCompare(m_cache.devicePixelRatio(), dpr))
            renderCache(dpr);
        painter->drawImage(cacheRect().topLeft(), m_cache);
    }
    drawStrip(painter);
    drawThresholds(painter);
    if (!m_marksHidden)
        drawMarks(painter);
    drawQuadrantNames(painter);
    if (!m_marksHidden)
        drawCallout(painter);
}

void QuadrantLayer::drawStrip(QPainter *painter) const
{
    const QRectF strip = m_mapping.strip;
    if (strip.isEmpty())
        return;
    const QPalette palette = QApplication::palette();
    QColor band = palette.color(QPalette::Text);
    band.setAlpha(m_dark ? 22 : 14);
    painter->save();
    painter->fillRect(strip, band);
    QColor line = palette.color(QPalette::Text);
    line.setAlpha(60);
    painter->setPen(QPen(line, 1, Qt::DotLine));
    painter->drawLine(strip.topLeft(), strip.topRight());
    // The caption sits left of the band, where the potential axis has its labels, one line
    // under the other.
    QFont font = QApplication::font();
    font.setPixelSize(std::max(9, QFontInfo(font).pixelSize() - 1));
    painter->setFont(font);
    const QFontMetricsF metrics(font, painter->device());
    const double left = m_bounds.isEmpty() ? strip.left() - 80 : m_bounds.left() + 4;
    const QRectF box(left, strip.top(), strip.left() - 6 - left, strip.height());
    QColor text = palette.color(QPalette::Text);
    text.setAlpha(190);
    painter->setPen(text);
    if (box.width() > 8) {
        QStringList lines = m_stripCaption.split(QLatin1Char('\n'));
        for (QString &l : lines)
            l = metrics.elidedText(l, Qt::ElideRight, box.width());
        painter->drawText(box, Qt::AlignRight | Qt::AlignVCenter, lines.join(QLatin1Char('\n')));
    }
    painter->restore();
}

QSizeF QuadrantLayer::calloutSize() const
{
    if (m_hoverLines.isEmpty())
        return {};
    QFont font = QApplication::font();
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF plain(font), strong(bold);
    double width = strong.horizontalAdvance(m_hoverLines.first());
    for (qsizetype i = 1; i < m_hoverLines.size(); ++i)
        width = std::max(width, plain.horizontalAdvance(m_hoverLines[i]));
    const double height = strong.height() + plain.lineSpacing() * double(m_hoverLines.size() - 1);
    return { width + 16, height + 10 };
}

QRectF QuadrantLayer::calloutRect() const
{
    ensureLayout();
    if (m_hovered < 0 || std::size_t(m_hovered) >= m_drawn.size() || m_hoverLines.isEmpty())
        return {};
    const QPointF at = m_drawn[std::size_t(m_hovered)];
    const double r = m_data->points[std::size_t(m_hovered)].radius + calloutGap;
    const QSizeF size = calloutSize();
    const QRectF bounds = m_bounds.isEmpty() ? cacheRect() : m_bounds;
    // Right of the point, level with it; on its left where the chart ends there; above it (or
    // below) where neither side has room, and over a point in the strip at the bottom, so that
    // it hides neither the strip nor its caption. Then moved to stay inside the chart.
    const bool inStrip = m_mapping.strip.contains(at);
    const bool fitsRight = at.x() + r + size.width() <= bounds.right();
    const bool fitsLeft = at.x() - r - size.width() >= bounds.left();
    QRectF box(QPointF(), size);
    if (!inStrip && (fitsRight || fitsLeft)) {
        box.moveTopLeft(QPointF(fitsRight ? at.x() + r : at.x() - r - size.width(),
                                at.y() - size.height() / 2));
    } else {
        const bool above = inStrip || at.y() - r - size.height() >= bounds.top();
        box.moveTopLeft(QPointF(at.x() - size.width() / 2,
                                above ? at.y() - r - size.height() : at.y() + r));
    }
    if (box.right() > bounds.right())
        box.moveRight(bounds.right());
    if (box.left() < bounds.left())
        box.moveLeft(bounds.left());
    if (box.top() < bounds.top())
        box.moveTop(bounds.top());
    if (box.bottom() > bounds.bottom())
        box.moveBottom(bounds.bottom());
    return box;
}

void QuadrantLayer::drawCallout(QPainter *painter) const
{
    const QRectF box = calloutRect();
    if (box.isEmpty())
        return;
    const QPalette palette = QApplication::palette();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor edge = palette.color(QPalette::ToolTipText);
    edge.setAlpha(90);
    painter->setPen(QPen(edge, 1));
    painter->setBrush(palette.color(QPalette::ToolTipBase));
    painter->drawRoundedRect(box, 4, 4);
    QFont font = QApplication::font();
    QFont bold = font;
    bold.setBold(true);
    painter->setPen(palette.color(QPalette::ToolTipText));
    const QRectF inner = box.adjusted(8, 5, -8, -5);
    double y = inner.top();
    for (qsizetype i = 0; i < m_hoverLines.size(); ++i) {
        painter->setFont(i == 0 ? bold : font);
        const QFontMetricsF metrics(painter->font());
        painter->drawText(QRectF(inner.left(), y, inner.width(), metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, m_hoverLines[i]);
        y += i == 0 ? metrics.height() : metrics.lineSpacing();
    }
    painter->restore();
}

} // namespace tp::ui
