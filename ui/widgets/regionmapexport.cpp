#include "widgets/regionmapexport.h"

#include "widgets/regionmap.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace tp::ui {

namespace {

QString cannotWrite(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("RegionMap", "Could not write %1: %2").arg(path, reason);
}

} // namespace

bool exportRegionMapPng(const RegionMap &map, const QString &path, QSize size, qreal ratio,
                        QString *error)
{
    if (size.isEmpty())
        size = map.size();
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(map.renderer().colors().sea);
    {
        QPainter painter(&image);
        map.render(&painter, QRectF(QPointF(0, 0), size));
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
                        QString *error)
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
        map.render(&painter, page.adjusted(0, titleHeight, 0, 0));
    }
    if (!file.commit()) {
        if (error)
            *error = cannotWrite(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace tp::ui
