#include "quadrantchart.h"

#include "quadrantlayer.h"
#include "style/theme.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QGraphicsLayout>
#include <QMouseEvent>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

namespace tp::ui {

namespace {

constexpr double grabDistance = 5.0; // pixels from a threshold line that pick it up
constexpr double stripHeight = 2 * maxPointRadius + 8;
constexpr double stripGap = 6; // between the likelihood axis' title and the strip
constexpr QMargins chartMargins(4, 4, 8, 4);

// A round step (1, 2, 2.5 or 5 × 10^n) at or above `value`.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (step * magnitude >= value * (1 - 1e-9))
            return step * magnitude;
    }
    return 10 * magnitude;
}

// The next round step under `step` (5 → 2.5 → 2 → 1 → 0.5 × 10^n).
double niceBelow(double step)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double mantissa = step / magnitude;
    for (const double m : { 5.0, 2.5, 2.0, 1.0 }) {
        if (m < mantissa * (1 - 1e-9))
            return m * magnitude;
    }
    return 0.5 * magnitude;
}

// Round values from `low` to `high`, about `count` steps apart and never fewer than three.
std::vector<double> linearTicks(double low, double high, int count)
{
    std::vector<double> ticks;
    if (!(high > low))
        return ticks;
    for (double step = niceCeiling((high - low) / count); ticks.size() < 3;
         step = niceBelow(step)) {
        ticks.clear();
        for (double v = std::ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step)
            ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return ticks;
}

// Round values for a log scale from `low` to `high` (both above 0): whole decades over a wide
// range, 1-2-5 over a narrower one, every digit over less than a decade, and round linear
// steps when even that leaves fewer than three.
std::vector<double> logTicks(double low, double high)
{
    std::vector<double> ticks;
    const double decades = std::log10(high) - std::log10(low);
    const auto within = [&](double v) { return v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9); };
    const int first = int(std::floor(std::log10(low)));
    const int last = int(std::ceil(std::log10(high)));
    if (decades >= 2.5) {
        const int every = std::max(1, int(std::ceil(decades / 7)));
        for (int n = first; n <= last; ++n)
            if (within(std::pow(10.0, n)) && (n % every == 0))
                ticks.push_back(std::pow(10.0, n));
    } else {
        const std::vector<double> steps = decades >= 0.9
                ? std::vector<double>{ 1, 2, 5 }
                : std::vector<double>{ 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        for (int n = first; n <= last; ++n)
            for (const double m : steps)
                if (within(m * std::pow(10.0, n)))
                    ticks.push_back(m * std::pow(10.0, n));
    }
    if (ticks.size() < 3)
        ticks = linearTicks(low, high, 4);
    return ticks;
}

// A value's label with as many decimals as the step between labels needs.
QString tickLabel(double value, double step)
{
    const int decimals = step >= 1 ? 0 : std::min(6, int(std::ceil(-std::log10(step) - 1e-9)));
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

QuadrantChart::QuadrantChart(QWidget *parent)
    : QChartView(parent),
      m_layer(new QuadrantLayer),
      m_x(new QValueAxis),
      m_y(new QCategoryAxis),
      m_anchor(new QScatterSeries)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setLocalizeNumbers(true);
    chart->setMargins(chartMargins);
    chart->setBackgroundRoundness(0);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    setAccessibleName(tr("ROI quadrant"));

    m_x->setTitleText(tr("Likelihood of engagement (%)"));
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0);
    m_y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    chart->addSeries(m_anchor);
    m_anchor->attachAxis(m_x);
    m_anchor->attachAxis(m_y);

    m_layer->setParentItem(chart);
    m_layer->setZValue(10);
    connect(chart, &QChart::plotAreaChanged, this, &QuadrantChart::updateMapping);
    const auto rangeChanged = [this] {
        if (m_relabelling)
            return;
        relabel();
        updateMapping();
        if (m_settingRanges)
            return;
        m_zoomed = true;
        emit zoomChanged(true);
    };
    connect(m_x, &QValueAxis::rangeChanged, this, rangeChanged);
    connect(m_y, &QValueAxis::rangeChanged, this, rangeChanged);
    setCurrency(QString());
    updateTheme();
    applyRanges();
}

QuadrantChart::~QuadrantChart() = default;

void QuadrantChart::setData(QuadrantData data, bool resetZoom)
{
    m_data = std::move(data);
    m_layer->setData(&m_data);
    updateStrip();
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
    m_y->setTitleText(m_log ? tr("%1, log scale").arg(title) : title);
}

void QuadrantChart::setLogScale(bool log)
{
    if (log == m_log)
        return;
    m_log = log;
    setCurrency(m_currency);
    updateStrip();
    applyRanges();
}

double QuadrantChart::stripBelow() const
{
    // Log: under the scale's bottom. Linear: no potential at all (under a cent).
    return m_log ? m_data.logFloor : 0.005;
}

void QuadrantChart::updateStrip()
{
    const double below = stripBelow();
    int count = 0;
    bool positive = false;
    for (const QuadrantPoint &p : m_data.points) {
        if (p.potential < below) {
            ++count;
            positive = positive || p.potential > 0;
        }
    }
    m_stripCount = count;
    m_stripCaption = positive ? tr("Below %1\nor no potential").arg(tickLabel(below, 1))
                              : tr("No\npotential");
    m_layer->setStripCaption(m_stripCaption);
    // The strip takes room under the likelihood axis only while it holds a point.
    QMargins margins = chartMargins;
    if (count > 0)
        margins.setBottom(margins.bottom() + int(stripHeight + stripGap));
    if (chart()->margins() != margins)
        chart()->setMargins(margins);
}

void QuadrantChart::applyRanges()
{
    m_settingRanges = true;
    // No labels until both axes have their range: after a switch of scale the potential axis
    // still holds the other scale's range when the likelihood axis changes.
    m_relabelling = true;
    m_x->setRange(0, 100);
    if (m_log) {
        m_y->setRange(std::log10(m_data.logFloor), std::log10(logTop(m_data)));
    } else {
        const double top = std::max(
                { m_data.maxPotential, m_data.potentialThreshold, m_data.floorPotential, 1.0 });
        m_y->setRange(0, niceCeiling(top * 1.05));
    }
    m_relabelling = false;
    m_settingRanges = false;
    relabel();
    const bool wasZoomed = m_zoomed;
    m_zoomed = false;
    updateMapping();
    if (wasZoomed)
        emit zoomChanged(false);
}

void QuadrantChart::relabel()
{
    m_relabelling = true;
    // Likelihood: round percents about a fifth of the range apart.
    const double xStep = niceCeiling((m_x->max() - m_x->min()) / 5);
    m_x->setTickInterval(xStep);
    m_x->setLabelFormat(xStep >= 1 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));

    // Potential: labels at round values of the range shown, whatever the zoom.
    for (const QString &label : m_y->categoriesLabels())
        m_y->remove(label);
    const double low = m_y->min();
    const double high = m_y->max();
    // Just under the axis' bottom: a round value there has a category that ends on it.
    m_y->setStartValue(low - (high - low) * 1e-6);
    std::vector<double> ticks;
    if (m_log)
        ticks = logTicks(std::pow(10.0, low), std::pow(10.0, high));
    else
        ticks = linearTicks(low, high, 5);
    double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    for (std::size_t i = 2; i < ticks.size(); ++i)
        step = std::min(step, ticks[i] - ticks[i - 1]);
    for (const double value : ticks) {
        const double at = m_log ? std::log10(value) : value;
        m_y->append(tickLabel(value, step), std::clamp(at, low, high));
    }
    m_relabelling = false;
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
    mapping.yMin = m_log ? std::pow(10.0, m_y->min()) : m_y->min();
    mapping.yMax = m_log ? std::pow(10.0, m_y->max()) : m_y->max();
    mapping.stripBelow = stripBelow();
    // Where the chart's background is painted: the chart item less its layout's margins.
    qreal left = 0, top = 0, right = 0, bottom = 0;
    chart()->layout()->getContentsMargins(&left, &top, &right, &bottom);
    const QRectF area = chart()->rect().adjusted(left, top, -right, -bottom);
    if (m_stripCount > 0)
        mapping.strip =
                QRectF(mapping.plot.left(), area.bottom() - chartMargins.bottom() - stripHeight,
                       mapping.plot.width(), stripHeight);
    if (mapping.xMax <= mapping.xMin || mapping.yMax <= mapping.yMin)
        return;
    m_layer->setBounds(area);
    m_layer->setMapping(mapping);
}

void QuadrantChart::updateTheme()
{
    const bool dark = theme::isDark();
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const QPalette palette = QApplication::palette();
    chart()->setBackgroundBrush(palette.color(QPalette::Base));
    chart()->setBackgroundPen(Qt::NoPen);
    for (QAbstractAxis *axis :
         { static_cast<QAbstractAxis *>(m_x), static_cast<QAbstractAxis *>(m_y) }) {
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

void QuadrantChart::setHoverTextProvider(std::function<QStringList(int)> provider)
{
    m_hoverText = std::move(provider);
}

QPoint QuadrantChart::positionOf(double likelihood, double potential) const
{
    const QPointF inChart = m_layer->mapping().toPoint(likelihood, potential);
    return mapFromScene(chart()->mapToScene(inChart));
}

QPoint QuadrantChart::positionOfAccount(int account) const
{
    for (const QuadrantPoint &p : m_data.points)
        if (p.account == account)
            return mapFromScene(chart()->mapToScene(m_layer->mapping().position(p)));
    return { -1, -1 };
}

int QuadrantChart::accountAt(const QPoint &pos) const
{
    const int point = m_layer->pointAt(chart()->mapFromScene(mapToScene(pos)));
    return point >= 0 ? m_data.points[std::size_t(point)].account : -1;
}

int QuadrantChart::hoveredAccount() const
{
    const int point = m_layer->hoveredPoint();
    return point >= 0 && std::size_t(point) < m_data.points.size()
            ? m_data.points[std::size_t(point)].account
            : -1;
}

QStringList QuadrantChart::hoverText() const
{
    return m_layer->hoverLines();
}

QRect QuadrantChart::calloutGeometry() const
{
    const QRectF box = m_layer->calloutRect();
    if (box.isEmpty())
        return {};
    return mapFromScene(chart()->mapToScene(box)).boundingRect();
}

QStringList QuadrantChart::potentialLabels() const
{
    return m_y->categoriesLabels();
}

QRect QuadrantChart::stripGeometry() const
{
    const QRectF strip = m_layer->mapping().strip;
    if (strip.isEmpty())
        return {};
    return mapFromScene(chart()->mapToScene(strip)).boundingRect();
}

QuadrantChart::Drag QuadrantChart::dragAt(const QPointF &chartPos) const
{
    const QuadrantMapping &m = m_layer->mapping();
    if (!m.plot.adjusted(-grabDistance, -grabDistance, grabDistance, grabDistance)
                 .contains(chartPos))
        return Drag::None;
    const QPointF line = m.toPoint(m_layer->likelihoodThreshold(), m_layer->potentialThreshold());
    const bool nearX = std::abs(chartPos.x() - line.x()) <= grabDistance;
    const bool nearY = std::abs(chartPos.y() - line.y()) <= grabDistance;
    return nearX && nearY ? Drag::Both
            : nearX       ? Drag::Likelihood
            : nearY       ? Drag::Potential
                          : Drag::None;
}

void QuadrantChart::hover(int point)
{
    QStringList lines;
    if (point >= 0 && m_hoverText)
        lines = m_hoverText(m_data.points[std::size_t(point)].account);
    m_layer->setHoveredPoint(point, lines);
}

void QuadrantChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
        if (const Drag drag = dragAt(at); drag != Drag::None) {
            m_drag = drag;
            hover(-1);
            event->accept();
            return;
        }
        if (const int account = accountAt(event->position().toPoint()); account >= 0) {
            emit accountClicked(account, event->modifiers());
            event->accept();
            return;
        }
    }
    hover(-1); // a rubber band starts
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
    viewport()->setCursor(over == Drag::Likelihood          ? Qt::SplitHCursor
                                  : over == Drag::Potential ? Qt::SplitVCursor
                                  : over == Drag::Both      ? Qt::SizeAllCursor
                                                            : Qt::ArrowCursor);
    hover(event->buttons() == Qt::NoButton ? m_layer->pointAt(at) : -1);
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
    hover(-1);
    QChartView::leaveEvent(event);
}

namespace {

// The caption's fonts: the title a little larger and bold, the details as the application's.
QFont captionFont(bool title)
{
    QFont font = QApplication::font();
    if (title) {
        font.setPointSizeF(font.pointSizeF() * 1.15);
        font.setBold(true);
    }
    return font;
}

// Draws the caption's lines from the top of `box`, each wrapped to its width (an export must
// say all of it, however narrow the chart); returns the height they took. Measures only
// without a painter.
qreal drawCaption(QPainter *painter, const QRectF &box, const QStringList &caption, qreal scale)
{
    qreal y = box.top();
    for (qsizetype i = 0; i < caption.size(); ++i) {
        QFont font = captionFont(i == 0);
        if (scale != 1)
            font.setPointSizeF(font.pointSizeF() * scale);
        const QFontMetricsF metrics(font, painter ? painter->device() : nullptr);
        const QRectF area(box.left(), y, box.width(), 1e6);
        const QRectF used =
                metrics.boundingRect(area, Qt::TextWordWrap | Qt::AlignLeft, caption[i]);
        if (painter) {
            painter->setFont(font);
            painter->drawText(area, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, caption[i]);
        }
        y += used.height() + metrics.height() * (i == 0 ? 0.3 : 0.1);
    }
    return y - box.top();
}

} // namespace

bool QuadrantChart::exportPng(const QString &path, const QStringList &caption, qreal scale,
                              QString *error)
{
    // The caption above the chart, in the chart's colours.
    constexpr int padding = 10;
    const QRectF captionBox(padding, padding, width() - 2 * padding, 0);
    const int top = caption.isEmpty()
            ? 0
            : int(std::ceil(drawCaption(nullptr, captionBox, caption, 1))) + 2 * padding;
    const QSize logical(width(), height() + top);
    QImage image(logical * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Base));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(palette().color(QPalette::Text));
        drawCaption(&painter, captionBox, caption, 1);
        m_layer->setMarksHidden(true);
        render(&painter, QRectF(QPointF(0, top), QSizeF(size())), rect());
        m_layer->setMarksHidden(false);
    }
    if (image.save(path, "PNG"))
        return true;
    if (error)
        *error = tr("Cannot write %1.").arg(path);
    return false;
}

bool QuadrantChart::exportPdf(const QString &path, const QStringList &caption, QString *error)
{
    QPdfWriter writer(path);
    writer.setTitle(caption.value(0));
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
    // The chart laid out again at the page's shape (1,100 logical pixels wide), then scaled onto
    // it: fonts and markers keep the proportions they have on screen, and the caption with them.
    // Point sizes are the same on paper at any resolution: the caption a little larger than the
    // screen's, as a page's heading.
    const qreal top = drawCaption(&painter, QRectF(0, 0, page.width(), page.height()), caption, 1.2)
            + page.width() / 1100 * 8;
    const QRectF target(0, top, page.width(), page.height() - top);
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
