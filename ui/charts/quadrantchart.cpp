#include "quadrantchart.h"

#include "quadrantlayer.h"
#include "style/theme.h"

#include <QApplication>
#include <QGraphicsLayout>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace tp::ui {

namespace {

constexpr double grabDistance = 5.0; // pixels from a threshold line that pick it up

// A round upper bound (1, 2, 2.5 or 5 × 10^n) at or above `value`.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

QuadrantChart::QuadrantChart(QWidget *parent)
    : QChartView(parent),
      m_layer(new QuadrantLayer),
      m_x(new QValueAxis),
      m_yLinear(new QValueAxis),
      m_yLog(new QLogValueAxis),
      m_anchor(new QScatterSeries)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setLocalizeNumbers(true);
    chart->setMargins(QMargins(4, 4, 8, 4));
    chart->setBackgroundRoundness(0);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    setAccessibleName(tr("ROI quadrant"));

    m_x->setTitleText(tr("Likelihood of engagement (%)"));
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_x->setTickCount(6);
    m_yLinear->setLabelFormat(QStringLiteral("%.0f"));
    m_yLog->setLabelFormat(QStringLiteral("%.0f"));
    m_yLog->setBase(10);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_yLinear, Qt::AlignLeft);
    chart->addSeries(m_anchor);
    m_anchor->attachAxis(m_x);
    m_anchor->attachAxis(m_yLinear);

    m_layer->setParentItem(chart);
    m_layer->setZValue(10);
    connect(chart, &QChart::plotAreaChanged, this, &QuadrantChart::updateMapping);
    const auto rangeChanged = [this] {
        updateMapping();
        if (m_settingRanges)
            return;
        m_zoomed = true;
        emit zoomChanged(true);
    };
    connect(m_x, &QValueAxis::rangeChanged, this, rangeChanged);
    connect(m_yLinear, &QValueAxis::rangeChanged, this, rangeChanged);
    connect(m_yLog, &QLogValueAxis::rangeChanged, this, rangeChanged);
    setCurrency(QString());
    updateTheme();
    applyRanges();
}

QuadrantChart::~QuadrantChart() = default;

QAbstractAxis *QuadrantChart::yAxis() const
{
    return m_log ? static_cast<QAbstractAxis *>(m_yLog) : m_yLinear;
}

void QuadrantChart::setData(QuadrantData data, bool resetZoom)
{
    m_data = std::move(data);
    m_layer->setData(&m_data);
    if (resetZoom || !m_zoomed)
        applyRanges();
    else
        updateMapping();
}

void QuadrantChart::setCurrency(const QString &currency)
{
    m_currency = currency;
    const QString title = currency.isEmpty() ? tr("Revenue potential")
                                             : tr("Revenue potential (%1)").arg(currency);
    m_yLinear->setTitleText(m_log ? QString() : title);
    m_yLog->setTitleText(m_log ? tr("%1, log scale").arg(title) : QString());
}

void QuadrantChart::setLogScale(bool log)
{
    if (log == m_log)
        return;
    QChart *c = chart();
    c->removeAxis(yAxis());
    m_log = log;
    c->addAxis(yAxis(), Qt::AlignLeft);
    m_anchor->attachAxis(yAxis());
    setCurrency(m_currency);
    updateTheme();
    applyRanges();
}

void QuadrantChart::applyRanges()
{
    m_settingRanges = true;
    m_x->setRange(0, 100);
    const double top = std::max({m_data.maxPotential, m_data.potentialThreshold,
                                 m_data.floorPotential, 1.0});
    if (m_log) {
        const double lowest = m_data.minPositivePotential > 0 ? m_data.minPositivePotential : 1.0;
        const double bottom = std::pow(10.0, std::floor(std::log10(lowest)));
        m_yLog->setRange(bottom, std::pow(10.0, std::ceil(std::log10(top * 1.05))));
    } else {
        m_yLinear->setRange(0, niceCeiling(top * 1.05));
        m_yLinear->setTickCount(6);
    }
    m_settingRanges = false;
    const bool wasZoomed = m_zoomed;
    m_zoomed = false;
    updateMapping();
    if (wasZoomed)
        emit zoomChanged(false);
}

void QuadrantChart::resetZoom()
{
    applyRanges();
}

void QuadrantChart::updateMapping()
{
    QuadrantMapping mapping;
    mapping.plot = chart()->plotArea();
    mapping.xMin = m_x->min() / 100.0;
    mapping.xMax = m_x->max() / 100.0;
    mapping.log = m_log;
    mapping.yMin = m_log ? m_yLog->min() : m_yLinear->min();
    mapping.yMax = m_log ? m_yLog->max() : m_yLinear->max();
    if (mapping.xMax <= mapping.xMin || mapping.yMax <= mapping.yMin)
        return;
    m_layer->setMapping(mapping);
}

void QuadrantChart::updateTheme()
{
    const bool dark = theme::isDark();
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const QPalette palette = QApplication::palette();
    chart()->setBackgroundBrush(palette.color(QPalette::Base));
    chart()->setBackgroundPen(Qt::NoPen);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_x), yAxis()}) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        QColor grid = palette.color(QPalette::Text);
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        QFont font = QApplication::font();
        axis->setLabelsFont(font);
        font.setBold(true);
        axis->setTitleFont(font);
    }
    m_layer->setDark(dark);
}

void QuadrantChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateTheme();
}

void QuadrantChart::setSelection(const std::vector<int> &accounts, int current)
{
    m_layer->setSelection(accounts, current);
}

void QuadrantChart::setToolTipProvider(std::function<QString(int)> provider)
{
    m_toolTip = std::move(provider);
}

QPoint QuadrantChart::positionOf(double likelihood, double potential) const
{
    const QPointF inChart = m_layer->mapping().toPoint(likelihood, potential);
    return mapFromScene(chart()->mapToScene(inChart));
}

int QuadrantChart::accountAt(const QPoint &pos) const
{
    const int point = m_layer->pointAt(chart()->mapFromScene(mapToScene(pos)));
    return point >= 0 ? m_data.points[std::size_t(point)].account : -1;
}

QuadrantChart::Drag QuadrantChart::dragAt(const QPointF &chartPos) const
{
    const QuadrantMapping &m = m_layer->mapping();
    if (!m.plot.adjusted(-grabDistance, -grabDistance, grabDistance, grabDistance).contains(chartPos))
        return Drag::None;
    const QPointF line = m.toPoint(m_layer->likelihoodThreshold(), m_layer->potentialThreshold());
    const bool nearX = std::abs(chartPos.x() - line.x()) <= grabDistance;
    const bool nearY = std::abs(chartPos.y() - line.y()) <= grabDistance;
    return nearX && nearY ? Drag::Both : nearX ? Drag::Likelihood : nearY ? Drag::Potential : Drag::None;
}

void QuadrantChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
        if (const Drag drag = dragAt(at); drag != Drag::None) {
            m_drag = drag;
            event->accept();
            return;
        }
        if (const int account = accountAt(event->position().toPoint()); account >= 0) {
            emit accountClicked(account, event->modifiers());
            event->accept();
            return;
        }
    }
    QChartView::mousePressEvent(event);
}

void QuadrantChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QPointF at = chart()->mapFromScene(mapToScene(pos));
    if (m_drag != Drag::None) {
        const QuadrantMapping &m = m_layer->mapping();
        const QPointF inside(std::clamp(at.x(), m.plot.left(), m.plot.right()),
                             std::clamp(at.y(), m.plot.top(), m.plot.bottom()));
        double likelihood = m_layer->likelihoodThreshold();
        double potential = m_layer->potentialThreshold();
        if (m_drag != Drag::Potential) // whole percents
            likelihood = std::round(m.likelihoodAt(inside.x()) * 100.0) / 100.0;
        if (m_drag != Drag::Likelihood) // two significant digits
            potential = std::max(0.0, m.potentialAt(inside.y()));
        if (m_drag != Drag::Likelihood && potential > 0) {
            const double step = std::pow(10.0, std::floor(std::log10(potential)) - 1);
            potential = std::round(potential / step) * step;
        }
        m_layer->setThresholds(likelihood, potential);
        event->accept();
        return;
    }
    const Drag over = dragAt(at);
    viewport()->setCursor(over == Drag::Likelihood ? Qt::SplitHCursor
                                  : over == Drag::Potential ? Qt::SplitVCursor
                                  : over == Drag::Both ? Qt::SizeAllCursor
                                                       : Qt::ArrowCursor);
    const int point = event->buttons() == Qt::NoButton ? m_layer->pointAt(at) : -1;
    m_layer->setHoveredPoint(point);
    if (point >= 0 && m_toolTip)
        QToolTip::showText(event->globalPosition().toPoint(),
                           m_toolTip(m_data.points[std::size_t(point)].account), this);
    else
        QToolTip::hideText();
    QChartView::mouseMoveEvent(event);
}

void QuadrantChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag != Drag::None && event->button() == Qt::LeftButton) {
        const bool potentialMoved = m_drag != Drag::Likelihood;
        m_drag = Drag::None;
        emit thresholdsDragged(m_layer->likelihoodThreshold(), m_layer->potentialThreshold(),
                               potentialMoved);
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void QuadrantChart::leaveEvent(QEvent *event)
{
    m_layer->setHoveredPoint(-1);
    QChartView::leaveEvent(event);
}

bool QuadrantChart::exportPng(const QString &path, qreal scale, QString *error)
{
    QImage image(size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_layer->setMarksHidden(true);
        render(&painter, QRectF(QPointF(0, 0), QSizeF(size())), rect());
        m_layer->setMarksHidden(false);
    }
    if (image.save(path, "PNG"))
        return true;
    if (error)
        *error = tr("Cannot write %1.").arg(path);
    return false;
}

bool QuadrantChart::exportPdf(const QString &path, const QString &title, QString *error)
{
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QApplication::applicationName());
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setResolution(300);
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    painter.setFont(font);
    const QRectF titleBox(0, 0, page.width(), painter.fontMetrics().height() * 1.6);
    painter.drawText(titleBox, Qt::AlignLeft | Qt::AlignVCenter, title);
    // The chart laid out again at the page's shape (1,100 logical pixels wide), then scaled onto
    // it: fonts and markers keep the proportions they have on screen.
    const QRectF target(0, titleBox.height(), page.width(), page.height() - titleBox.height());
    const QSizeF shown = chart()->size();
    const QSizeF logical(1100, 1100 * target.height() / target.width());
    chart()->resize(logical);
    chart()->layout()->activate();
    m_layer->setVectorOutput(true);
    m_layer->setMarksHidden(true);
    scene()->render(&painter, target, QRectF(chart()->pos(), logical));
    m_layer->setMarksHidden(false);
    m_layer->setVectorOutput(false);
    chart()->resize(shown);
    chart()->layout()->activate();
    return painter.end();
}

} // namespace tp::ui
