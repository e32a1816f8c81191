#include "widgets/regionmap.h"

#include <QApplication>
#include <QDrag>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tp::ui {

namespace {

constexpr qreal minimumZoom = 1.0;
constexpr qreal maximumZoom = 40.0;
constexpr qreal zoomStep = 1.25;
constexpr int margin = 6;

const geo::RegionCatalogue &catalogue()
{
    return geo::RegionCatalogue::instance();
}

} // namespace

RegionMap::RegionMap(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Territory map"));
    m_renderer.setColors(RegionMapColors::fromPalette(palette()));
    m_centre = m_renderer.geometry().bounds(view()).center();
}

QString RegionMap::mimeType()
{
    return QStringLiteral("application/x-territory-planner-regions");
}

QList<int> RegionMap::regionsFromMimeData(const QMimeData *data)
{
    QList<int> regions;
    if (!data || !data->hasFormat(mimeType()))
        return regions;
    const QString ids = QString::fromUtf8(data->data(mimeType()));
    for (const QString &id : ids.split(u'\n', Qt::SkipEmptyParts)) {
        if (const std::optional<int> region = catalogue().indexOf(id))
            regions.append(*region);
    }
    return regions;
}

void RegionMap::setView(geo::MapView view)
{
    if (view == this->view())
        return;
    m_renderer.setView(view);
    m_area = QRectF();
    m_zoom = 1.0;
    m_centre = m_renderer.geometry().bounds(view).center();
    setHovered(std::nullopt);
    update();
    emit viewChanged(view);
}

void RegionMap::setRegionColors(const QHash<int, QColor> &colors)
{
    m_renderer.setRegionColors(colors);
    update();
}

void RegionMap::setToolTipProvider(std::function<QString(int)> provider)
{
    m_toolTip = std::move(provider);
}

void RegionMap::setSelectedRegions(const QList<int> &regions)
{
    if (regions == m_selected)
        return;
    m_selected = regions;
    update();
}

QTransform RegionMap::mapToWidget() const
{
    const QRectF bounds = m_renderer.geometry().bounds(view());
    const QRectF area = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
    if (bounds.isEmpty() || area.isEmpty())
        return {};
    const qreal fit = std::min(area.width() / bounds.width(), area.height() / bounds.height());
    const qreal scale = fit * m_zoom;
    QTransform transform;
    transform.translate(area.center().x(), area.center().y());
    transform.scale(scale, scale);
    transform.translate(-m_centre.x(), -m_centre.y());
    return transform;
}

std::optional<int> RegionMap::regionAt(QPointF widgetPos) const
{
    return m_renderer.geometry().regionAt(view(), mapToWidget().inverted().map(widgetPos));
}

void RegionMap::render(QPainter *painter, const QRectF &target) const
{
    // The part of the map on screen, fitted into the target.
    const QTransform shown = mapToWidget();
    const QRectF visible = shown.inverted().mapRect(QRectF(rect()));
    if (visible.isEmpty())
        return;
    const qreal scale =
            std::min(target.width() / visible.width(), target.height() / visible.height());
    QTransform transform;
    transform.translate(target.center().x(), target.center().y());
    transform.scale(scale, scale);
    transform.translate(-visible.center().x(), -visible.center().y());
    painter->save();
    painter->setClipRect(target);
    m_renderer.paint(*painter, transform, target);
    paintSelection(*painter, transform);
    painter->restore();
}

QSize RegionMap::sizeHint() const
{
    return { 900, 520 };
}

QSize RegionMap::minimumSizeHint() const
{
    return { 240, 160 };
}

void RegionMap::zoomIn()
{
    zoomAt(zoomStep, QRectF(rect()).center());
}

void RegionMap::zoomOut()
{
    zoomAt(1 / zoomStep, QRectF(rect()).center());
}

void RegionMap::showArea(const QRectF &logical)
{
    m_area = logical.normalized();
    if (m_area.isEmpty()) {
        showAll();
        return;
    }
    applyArea();
    update();
}

void RegionMap::applyArea()
{
    const QRectF bounds = m_renderer.geometry().bounds(view());
    const QRectF area = QRectF(rect()).adjusted(margin, margin, -margin, -margin);
    if (m_area.isEmpty() || bounds.isEmpty() || area.isEmpty())
        return;
    // mapToWidget() scales by fit × zoom, fit showing the whole view.
    const qreal fit = std::min(area.width() / bounds.width(), area.height() / bounds.height());
    const qreal wanted = std::min(area.width() / m_area.width(), area.height() / m_area.height());
    m_zoom = std::clamp(wanted / fit, minimumZoom, maximumZoom);
    m_centre = m_area.center();
    clampCentre();
}

void RegionMap::showAll()
{
    m_area = QRectF();
    m_zoom = 1.0;
    m_centre = m_renderer.geometry().bounds(view()).center();
    update();
}

void RegionMap::zoomAt(qreal factor, QPointF widgetPos)
{
    const qreal zoom = std::clamp(m_zoom * factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_area = QRectF();
    // The point under the cursor stays there.
    const QPointF anchor = mapToWidget().inverted().map(widgetPos);
    m_zoom = zoom;
    const QPointF moved = mapToWidget().map(anchor);
    m_centre += (moved - widgetPos) / mapToWidget().m11();
    clampCentre();
    update();
}

void RegionMap::panBy(QPointF widgetDelta)
{
    const qreal scale = mapToWidget().m11();
    if (scale <= 0)
        return;
    m_area = QRectF();
    m_centre -= widgetDelta / scale;
    clampCentre();
    update();
}

void RegionMap::clampCentre()
{
    const QRectF bounds = m_renderer.geometry().bounds(view());
    m_centre.setX(std::clamp(m_centre.x(), bounds.left(), bounds.right()));
    m_centre.setY(std::clamp(m_centre.y(), bounds.top(), bounds.bottom()));
}

void RegionMap::setHovered(std::optional<int> region)
{
    if (region == m_hovered)
        return;
    m_hovered = region;
    update();
    emit hoveredRegionChanged(region);
}

bool RegionMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const std::optional<int> region = regionAt(help->pos());
        if (!region) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const QString text = m_toolTip ? m_toolTip(*region) : catalogue().region(*region).name;
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void RegionMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_renderer.geometry().isValid()) {
        painter.fillRect(rect(), palette().window());
        painter.drawText(rect(), Qt::AlignCenter, tr("The map could not be loaded."));
        return;
    }
    const QTransform transform = mapToWidget();
    painter.drawPixmap(0, 0, m_renderer.pixmap(size(), devicePixelRatioF(), transform));
    painter.setRenderHint(QPainter::Antialiasing);
    paintSelection(painter, transform);
    if (m_hovered) {
        if (const geo::RegionShape *shape = m_renderer.geometry().shape(view(), *m_hovered)) {
            QPen pen(m_renderer.colors().hovered, 1.5);
            pen.setCosmetic(true);
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(transform.map(shape->path));
        }
    }
    if (m_gesture == Gesture::Lasso && m_lasso.size() > 1) {
        QColor fill = m_renderer.colors().selected;
        fill.setAlphaF(0.15f);
        painter.setBrush(fill);
        painter.setPen(QPen(m_renderer.colors().selected, 1.5, Qt::DashLine));
        painter.drawPolygon(m_lasso);
    }
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = rect().adjusted(1, 1, -1, -1);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

void RegionMap::paintSelection(QPainter &painter, const QTransform &transform) const
{
    if (m_selected.isEmpty())
        return;
    QColor tint = m_renderer.colors().selected;
    tint.setAlphaF(0.25f);
    QPen pen(m_renderer.colors().selected, 2.0);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setTransform(transform, true);
    painter.setPen(pen);
    painter.setBrush(tint);
    for (const int region : m_selected) {
        if (const geo::RegionShape *shape = m_renderer.geometry().shape(view(), region))
            painter.drawPath(shape->path);
    }
    painter.restore();
}

void RegionMap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyArea();
    update();
}

void RegionMap::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange
        || event->type() == QEvent::StyleChange) {
        m_renderer.setColors(RegionMapColors::fromPalette(palette()));
        update();
    }
}

void RegionMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_gesture = Gesture::Pending;
    m_pressPos = m_lastPos = event->position().toPoint();
    m_pressModifiers = event->modifiers();
    m_pressRegion = regionAt(event->position());
    event->accept();
}

void RegionMap::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_gesture == Gesture::Pending
        && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        const bool lasso = m_lassoMode || (m_pressModifiers & Qt::ShiftModifier);
        if (lasso) {
            m_gesture = Gesture::Lasso;
            m_lasso = QPolygonF{ QPointF(m_pressPos) };
        } else if (m_pressRegion && m_selected.contains(*m_pressRegion)) {
            m_gesture = Gesture::Drag;
            startDrag();
            return;
        } else {
            m_gesture = Gesture::Pan;
            setCursor(Qt::ClosedHandCursor);
        }
    }
    switch (m_gesture) {
    case Gesture::Lasso:
        m_lasso.append(event->position());
        update();
        break;
    case Gesture::Pan:
        panBy(pos - m_lastPos);
        break;
    case Gesture::None:
        setHovered(regionAt(event->position()));
        break;
    case Gesture::Pending:
    case Gesture::Drag:
        break;
    }
    m_lastPos = pos;
}

void RegionMap::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    unsetCursor();
    const bool extend = m_pressModifiers & (Qt::ControlModifier | Qt::ShiftModifier);
    if (gesture == Gesture::Pending)
        selectFromClick(m_pressRegion, m_pressModifiers);
    else if (gesture == Gesture::Lasso)
        finishLasso(extend);
    update();
}

void RegionMap::selectFromClick(std::optional<int> region, Qt::KeyboardModifiers modifiers)
{
    const bool extend = modifiers & (Qt::ControlModifier | Qt::ShiftModifier);
    QList<int> regions;
    if (region)
        regions.append(*region);
    if (region && (modifiers & Qt::ControlModifier) && m_selected.contains(*region)) {
        // Ctrl+click on a selected region takes it out: the rest is the selection.
        m_selected.removeAll(*region);
        update();
        emit regionsSelected(m_selected, false);
        return;
    }
    if (!extend)
        m_selected = regions;
    else if (region && !m_selected.contains(*region))
        m_selected.append(*region);
    update();
    emit regionsSelected(regions, extend);
}

void RegionMap::finishLasso(bool extend)
{
    QPolygonF lasso = mapToWidget().inverted().map(m_lasso);
    m_lasso.clear();
    if (lasso.size() < 3)
        return;
    lasso.append(lasso.first());
    const QRectF area = lasso.boundingRect();
    QList<int> regions;
    for (const geo::RegionShape &shape : m_renderer.geometry().shapes(view())) {
        // A region is in the lasso when its anchor (a point inside its largest part) is: a
        // lasso around a few states does not catch the neighbours it grazes.
        if (area.intersects(shape.bounds) && lasso.containsPoint(shape.anchor, Qt::OddEvenFill)
            && shape.region != catalogue().unitedStates())
            regions.append(shape.region);
    }
    if (extend) {
        for (const int region : std::as_const(regions)) {
            if (!m_selected.contains(region))
                m_selected.append(region);
        }
    } else {
        m_selected = regions;
    }
    emit regionsSelected(regions, extend);
}

QMimeData *RegionMap::mimeDataFor(const QList<int> &regions)
{
    QStringList ids;
    QStringList names;
    for (const int region : regions) {
        ids.append(catalogue().region(region).id);
        names.append(catalogue().region(region).name);
    }
    auto *data = new QMimeData;
    data->setData(mimeType(), ids.join(u'\n').toUtf8());
    data->setText(names.join(u'\n'));
    return data;
}

void RegionMap::startDrag()
{
    auto *drag = new QDrag(this);
    drag->setMimeData(mimeDataFor(m_selected));
    drag->exec(Qt::MoveAction | Qt::CopyAction, Qt::MoveAction);
    m_gesture = Gesture::None;
}

void RegionMap::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    setHovered(std::nullopt);
}

void RegionMap::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    zoomAt(std::pow(zoomStep, delta / 120.0), event->position());
    event->accept();
}

void RegionMap::keyPressEvent(QKeyEvent *event)
{
    const qreal step = std::min(width(), height()) / 8.0;
    if (event->matches(QKeySequence::ZoomIn) || event->key() == Qt::Key_Plus
        || event->key() == Qt::Key_Equal) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut) || event->key() == Qt::Key_Minus) {
        zoomOut();
    } else if (event->key() == Qt::Key_0 || event->key() == Qt::Key_Home) {
        showAll();
    } else if (event->key() == Qt::Key_Left) {
        panBy({ step, 0 });
    } else if (event->key() == Qt::Key_Right) {
        panBy({ -step, 0 });
    } else if (event->key() == Qt::Key_Up) {
        panBy({ 0, step });
    } else if (event->key() == Qt::Key_Down) {
        panBy({ 0, -step });
    } else if (event->key() == Qt::Key_Escape && !m_selected.isEmpty()) {
        m_selected.clear();
        update();
        emit regionsSelected({}, false);
    } else {
        QWidget::keyPressEvent(event);
    }
}

} // namespace tp::ui
