#include "widgets/regionmapexport.h"

#include "widgets/regionmap.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace tp::ui {

namespace {

QString cannotWrite(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("RegionMap", "Could not write %1: %2").arg(path, reason);
}

// The legend's entries flowed into rows `width` wide in the painter's font: each entry's box
// (swatch and label) relative to the legend's top left.
QList<QRectF> legendBoxes(const QFontMetricsF &metrics, qreal width, const RegionMapLegend &legend)
{
    QList<QRectF> boxes;
    const qreal line = metrics.height() * 1.5;
    const qreal swatch = metrics.height();
    const qreal gap = metrics.averageCharWidth() * 3;
    QPointF at(0, 0);
    for (const RegionMapLegendEntry &entry : legend) {
        const qreal w = std::min(width, swatch * 1.5 + metrics.horizontalAdvance(entry.label));
        if (at.x() > 0 && at.x() + w > width)
            at = QPointF(0, at.y() + line);
        boxes.append(QRectF(at, QSizeF(w, line)));
        at.rx() += w + gap;
    }
    return boxes;
}

qreal legendHeight(const QFontMetricsF &metrics, qreal width, const RegionMapLegend &legend)
{
    const QList<QRectF> boxes = legendBoxes(metrics, width, legend);
    return boxes.isEmpty() ? 0 : boxes.back().bottom() + metrics.height() * 0.5;
}

void paintLegend(QPainter &painter, const QRectF &area, const RegionMapLegend &legend,
                 const QColor &text)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const QList<QRectF> boxes = legendBoxes(metrics, area.width(), legend);
    const qreal swatch = metrics.height();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        const QRectF box = boxes[i].translated(area.topLeft());
        const RegionMapLegendEntry &entry = legend[i];
        const QRectF square(box.left(), box.center().y() - swatch * 0.4, swatch * 0.8,
                            swatch * 0.8);
        painter.setPen(QPen(entry.color.darker(140), 0));
        painter.setBrush(entry.color);
        painter.drawRect(square);
        painter.setPen(text);
        painter.drawText(
                box.adjusted(swatch * 1.5, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                metrics.elidedText(entry.label, Qt::ElideRight, box.width() - swatch * 1.5));
    }
    painter.restore();
}

} // namespace

bool exportRegionMapPng(const RegionMap &map, const QString &path, QSize size, qreal ratio,
                        QString *error, const RegionMapLegend &legend)
{
    if (size.isEmpty())
        size = map.size();
    // The legend's text a little larger than the window's, in proportion to the picture.
    QFont font = map.font();
    font.setPixelSize(std::max(12, size.width() / 90));
    const qreal margin = font.pixelSize();
    const qreal keyHeight = legend.isEmpty()
            ? 0
            : legendHeight(QFontMetricsF(font), size.width() - 2 * margin, legend) + margin;
    QImage image(QSize(size.width(), size.height() + int(std::ceil(keyHeight))) * ratio,
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(map.renderer().colors().sea);
    {
        QPainter painter(&image);
        map.render(&painter, QRectF(QPointF(0, 0), size));
        if (!legend.isEmpty()) {
            painter.setFont(font);
            paintLegend(painter,
                        QRectF(margin, size.height() + margin * 0.5, size.width() - 2 * margin,
                               keyHeight),
                        legend, map.renderer().colors().text);
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = cannotWrite(path, file.errorString());
        return false;
    }
    return true;
}

bool exportRegionMapPdf(const RegionMap &map, const QString &path, const QString &title,
                        QString *error, const RegionMapLegend &legend)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = cannotWrite(path, file.errorString());
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setTitle(title);
        pdf.setCreator(QCoreApplication::applicationName());
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                      QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        pdf.setResolution(300);
        QPainter painter(&pdf);
        if (!painter.isActive()) {
            if (error)
                *error = cannotWrite(path,
                                     QCoreApplication::translate("RegionMap",
                                                                 "the PDF could not be "
                                                                 "started"));
            file.cancelWriting();
            return false;
        }
        const QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
        QFont font = painter.font();
        font.setPointSizeF(14);
        font.setBold(true);
        painter.setFont(font);
        const qreal titleHeight = title.isEmpty() ? 0 : painter.fontMetrics().height() * 1.6;
        if (!title.isEmpty())
            painter.drawText(QRectF(page.left(), page.top(), page.width(), titleHeight),
                             Qt::AlignLeft | Qt::AlignTop, title);
        font.setPointSizeF(10);
        font.setBold(false);
        painter.setFont(font);
        const QFontMetricsF metrics(font, &pdf);
        const qreal keyHeight = legend.isEmpty()
                ? 0
                : legendHeight(metrics, page.width(), legend) + metrics.height() * 0.5;
        map.render(&painter, page.adjusted(0, titleHeight, 0, -keyHeight));
        if (!legend.isEmpty())
            paintLegend(painter,
                        QRectF(page.left(), page.bottom() - keyHeight + metrics.height() * 0.5,
                               page.width(), keyHeight),
                        legend, Qt::black);
    }
    if (!file.commit()) {
        if (error)
            *error = cannotWrite(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace tp::ui
