#pragma once

#include <QSize>
#include <QString>

namespace tp::ui {

class RegionMap;

// The map as it is shown (view, zoom, colours, selection) written to a file. Each returns false
// and says why in `error` when the file cannot be written.

// A PNG of `size` pixels (the map's own size when empty) at `ratio` pixels per point.
bool exportRegionMapPng(const RegionMap &map, const QString &path, QSize size = {},
                        qreal ratio = 2.0, QString *error = nullptr);
// A one-page landscape A4 PDF with `title` above the map, which stays vector outlines.
bool exportRegionMapPdf(const RegionMap &map, const QString &path, const QString &title,
                        QString *error = nullptr);

} // namespace tp::ui
