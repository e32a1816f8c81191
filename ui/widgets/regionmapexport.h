#pragma once

#include <QColor>
#include <QList>
#include <QSize>
#include <QString>

namespace tp::ui {

class RegionMap;

// The map as it is shown (view, zoom, colours, selection) written to a file. Each returns false
// and says why in `error` when the file cannot be written.

// What the colours mean, under the map: a swatch and its label per entry, in rows as wide as
// the map.
struct RegionMapLegendEntry
{
    QString label;
    QColor color;
};
using RegionMapLegend = QList<RegionMapLegendEntry>;

// A PNG of `size` pixels (the map's own size when empty) at `ratio` pixels per point.
// A legend adds its rows below those pixels.
bool exportRegionMapPng(const RegionMap &map, const QString &path, QSize size = {},
                        qreal ratio = 2.0, QString *error = nullptr,
                        const RegionMapLegend &legend = {});
// A one-page landscape A4 PDF with `title` above the map, which stays vector outlines.
bool exportRegionMapPdf(const RegionMap &map, const QString &path, const QString &title,
                        QString *error = nullptr, const RegionMapLegend &legend = {});

} // namespace tp::ui
