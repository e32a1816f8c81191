#include "packpainter.h"

#include <QFontMetricsF>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace tp {

namespace {

constexpr double margin = 42; // points
constexpr double footerSpace = 22;
constexpr double rowPadding = 3;

QFont font(double points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

} // namespace

PackPainter::PackPainter(QIODevice *device, const QPageSize &pageSize, const QString &title)
    : m_writer(std::make_unique<QPdfWriter>(device)),
      m_body(font(9)),
      m_small(font(7.5)),
      m_bold(font(9, true)),
      m_heading(font(12, true)),
      m_title(font(17, true)),
      m_footerText(title)
{
    m_writer->setTitle(title);
    m_writer->setCreator(QStringLiteral("Territory Planner"));
    m_writer->setResolution(72);
    m_writer->setPageSize(pageSize);
    m_writer->setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout::Point);
    if (!m_painter.begin(m_writer.get()))
        return;
    m_width = m_writer->width();
    m_height = m_writer->height() - footerSpace;
}

PackPainter::~PackPainter()
{
    finish();
}

void PackPainter::finish()
{
    if (m_painter.isActive()) {
        footer();
        m_painter.end();
    }
}

bool PackPainter::isOpen() const
{
    return m_painter.isActive();
}

void PackPainter::footer()
{
    m_painter.setFont(m_small);
    m_painter.setPen(Qt::black);
    const QRectF line(0, m_height + 8, m_width, footerSpace - 8);
    m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, m_footerText);
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1").arg(m_pages));
}

void PackPainter::newPage()
{
    footer();
    m_writer->newPage();
    ++m_pages;
    m_y = 0;
}

void PackPainter::need(double height)
{
    if (m_y > 0 && m_y + height > m_height)
        newPage();
}

double PackPainter::textHeight(const QString &text, const QFont &f, double width) const
{
    const QFontMetricsF metrics(f, m_writer.get());
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

void PackPainter::title(const QString &text, const QString &subtitle)
{
    const double h = textHeight(text, m_title, m_width) + textHeight(subtitle, m_body, m_width);
    need(h + 16);
    m_painter.setPen(Qt::black);
    m_painter.setFont(m_title);
    const double th = textHeight(text, m_title, m_width);
    m_painter.drawText(QRectF(0, m_y, m_width, th), Qt::TextWordWrap, text);
    m_y += th + 2;
    m_painter.setFont(m_body);
    const double sh = textHeight(subtitle, m_body, m_width);
    m_painter.drawText(QRectF(0, m_y, m_width, sh), Qt::TextWordWrap, subtitle);
    m_y += sh + 4;
    m_painter.setPen(QPen(Qt::black, 1.2));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += 10;
}

void PackPainter::heading(const QString &text)
{
    const double h = textHeight(text, m_heading, m_width);
    need(h + 60); // a heading never ends a page alone
    m_y += 6;
    m_painter.setPen(Qt::black);
    m_painter.setFont(m_heading);
    m_painter.drawText(QRectF(0, m_y, m_width, h), Qt::TextWordWrap, text);
    m_y += h + 1;
    m_painter.setPen(QPen(QColor(120, 120, 120), 0.6));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += 5;
}

void PackPainter::paragraph(const QString &text, bool small)
{
    const QFont &f = small ? m_small : m_body;
    const double h = textHeight(text, f, m_width);
    need(h);
    m_painter.setPen(Qt::black);
    m_painter.setFont(f);
    m_painter.drawText(QRectF(0, m_y, m_width, h), Qt::TextWordWrap, text);
    m_y += h + 4;
}

void PackPainter::figures(const std::vector<Figure> &figures, int columns)
{
    const double cell = m_width / columns;
    const double labelH = QFontMetricsF(m_small, m_writer.get()).height();
    const double valueH = QFontMetricsF(m_heading, m_writer.get()).height();
    const double rowH = labelH + valueH + 8;
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const int column = int(i % std::size_t(columns));
        if (column == 0)
            need(rowH);
        const double x = column * cell;
        m_painter.setPen(QColor(70, 70, 70));
        m_painter.setFont(m_small);
        m_painter.drawText(QRectF(x, m_y, cell - 6, labelH), Qt::AlignLeft, figures[i].label);
        m_painter.setPen(Qt::black);
        // A value wider than its cell is set smaller rather than cut.
        QFont valueFont = m_heading;
        const double wide =
                QFontMetricsF(valueFont, m_writer.get()).horizontalAdvance(figures[i].value);
        if (wide > cell - 6)
            valueFont.setPointSizeF(valueFont.pointSizeF() * 0.9 * (cell - 6) / wide);
        m_painter.setFont(valueFont);
        m_painter.drawText(QRectF(x, m_y + labelH, cell - 6, valueH),
                           Qt::AlignLeft | Qt::AlignBottom, figures[i].value);
        if (column == columns - 1 || i + 1 == figures.size())
            m_y += rowH;
    }
    m_y += 2;
}

void PackPainter::table(const QStringList &headers, const std::vector<QStringList> &rows,
                        const std::vector<double> &widths, const std::vector<bool> &rightAligned)
{
    std::vector<double> x{ 0 };
    for (double w : widths)
        x.push_back(x.back() + w * m_width);
    const auto rowHeight = [&](const QStringList &cells, const QFont &f) {
        double h = 0;
        for (int c = 0; c < cells.size() && c < int(widths.size()); ++c)
            h = std::max(h, textHeight(cells[c], f, widths[std::size_t(c)] * m_width - 4));
        return h + 2 * rowPadding;
    };
    const auto drawRow = [&](const QStringList &cells, const QFont &f, double h, bool shade) {
        if (shade)
            m_painter.fillRect(QRectF(0, m_y, m_width, h), QColor(235, 235, 235));
        m_painter.setFont(f);
        m_painter.setPen(Qt::black);
        for (int c = 0; c < cells.size() && c < int(widths.size()); ++c) {
            const auto column = std::size_t(c);
            const Qt::Alignment align =
                    (rightAligned[column] ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop;
            m_painter.drawText(QRectF(x[column] + 2, m_y + rowPadding,
                                      x[column + 1] - x[column] - 4, h - 2 * rowPadding),
                               int(align) | Qt::TextWordWrap, cells[c]);
        }
        m_y += h;
    };
    const auto drawHeader = [&] {
        const double h = rowHeight(headers, m_bold);
        drawRow(headers, m_bold, h, false);
        m_painter.setPen(QPen(Qt::black, 0.8));
        m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    };
    need(rowHeight(headers, m_bold) + (rows.empty() ? 0 : rowHeight(rows.front(), m_body)));
    drawHeader();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double h = rowHeight(rows[r], m_body);
        if (m_y + h > m_height) {
            newPage();
            drawHeader();
        }
        drawRow(rows[r], m_body, h, r % 2 == 1);
    }
    m_painter.setPen(QPen(QColor(120, 120, 120), 0.6));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += 6;
}

void PackPainter::bars(const std::vector<Bar> &bars)
{
    const double rowH = QFontMetricsF(m_body, m_writer.get()).height() + 6;
    need(rowH * double(bars.size()) + 4);
    const double labelW = m_width * 0.22, valueW = m_width * 0.18;
    const double barW = m_width - labelW - valueW - 12;
    double most = 0;
    for (const Bar &b : bars)
        most = std::max(most, b.value);
    for (const Bar &b : bars) {
        m_painter.setFont(m_body);
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(0, m_y, labelW, rowH), Qt::AlignLeft | Qt::AlignVCenter, b.label);
        const double w = most > 0 ? barW * b.value / most : 0;
        const QRectF bar(labelW, m_y + 2, std::max(w, 0.5), rowH - 4);
        m_painter.fillRect(bar, b.emphasis ? QColor(40, 40, 40) : QColor(170, 170, 170));
        m_painter.setPen(QPen(Qt::black, 0.5));
        m_painter.drawRect(bar);
        m_painter.drawText(QRectF(labelW + barW + 12, m_y, valueW, rowH),
                           Qt::AlignRight | Qt::AlignVCenter, b.valueText);
        m_y += rowH;
    }
    m_y += 4;
}

void PackPainter::waterfall(const std::vector<Step> &steps, double height)
{
    if (steps.empty())
        return;
    const double labelH = 2 * QFontMetricsF(m_small, m_writer.get()).height() + 4;
    const double valueH = QFontMetricsF(m_small, m_writer.get()).height() + 2;
    need(height + labelH + valueH + 6);
    // The levels each bar spans.
    std::vector<std::pair<double, double>> spans;
    double level = 0, top = 0;
    for (const Step &s : steps) {
        if (s.total) {
            spans.emplace_back(0, s.delta);
            level = s.delta;
        } else {
            spans.emplace_back(level, level + s.delta);
            level += s.delta;
        }
        top = std::max({ top, spans.back().first, spans.back().second });
    }
    if (top <= 0)
        top = 1;
    const double chartTop = m_y + valueH;
    const double base = chartTop + height;
    const double column = m_width / double(steps.size());
    const double barW = column * 0.62;
    const auto yOf = [&](double v) { return base - height * std::max(0.0, v) / top; };
    m_painter.setPen(QPen(Qt::black, 0.6));
    m_painter.drawLine(QPointF(0, base), QPointF(m_width, base));
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step &s = steps[i];
        const double x = column * double(i) + (column - barW) / 2;
        const double y1 = yOf(std::max(spans[i].first, spans[i].second));
        const double y2 = yOf(std::min(spans[i].first, spans[i].second));
        const QRectF bar(x, y1, barW, std::max(y2 - y1, 0.6));
        // Totals black, increases grey, decreases white with a hatch: apart in black and white.
        if (s.total)
            m_painter.fillRect(bar, QColor(40, 40, 40));
        else if (s.delta >= 0)
            m_painter.fillRect(bar, QColor(160, 160, 160));
        else
            m_painter.fillRect(bar, QBrush(Qt::black, Qt::BDiagPattern));
        m_painter.setPen(QPen(Qt::black, 0.6));
        m_painter.drawRect(bar);
        if (i + 1 < steps.size() && !steps[i + 1].total) { // the connector to the next step
            const double next = yOf(spans[i].second); // the level after this step
            m_painter.setPen(QPen(QColor(100, 100, 100), 0.4, Qt::DashLine));
            m_painter.drawLine(QPointF(x + barW, next), QPointF(x + column, next));
        }
        m_painter.setPen(Qt::black);
        m_painter.setFont(m_small);
        m_painter.drawText(QRectF(column * double(i), y1 - valueH, column, valueH),
                           Qt::AlignHCenter | Qt::AlignBottom, s.valueText);
        m_painter.drawText(QRectF(column * double(i) + 1, base + 3, column - 2, labelH),
                           Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, s.label);
    }
    m_y = base + labelH + 6;
}

} // namespace tp
