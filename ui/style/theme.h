#pragma once

#include "domain/stage.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

#include <functional>

class QPainter;

namespace tp::ui::theme {

// Qt 6.4 has no colour-scheme API: the application palette is the truth (the platform's, or the
// dark one of style/colorscheme.h). A dark window background selects the dark variants of our
// own colours.
bool isDark(const QPalette &palette);
bool isDark();

// Text of values the app derived rather than the user entered (e.g. revenue potential).
QColor derivedText();
// Text of a figure that needs attention (over capacity).
QColor warningText();
// Won / lost text in the status column.
QColor positiveText();
QColor negativeText();
QColor stageColor(Stage stage);
// The ROI quadrants (roi::Quadrant order: pursue, develop access, quick wins, deprioritize):
// green, blue, amber and grey, each readable on the light and the dark chart background.
QColor quadrantColor(int quadrant, bool dark);
// Deal health (health::Level order: healthy, at risk, stalled): green, amber and red.
QColor healthColor(int level, bool dark);
// Strokes of our own symbolic icons (the fallbacks of themeIcon()).
QColor iconColor();
// `share` of `tint` over `base`, e.g. a faint highlight over the window background.
QColor blend(const QColor &base, const QColor &tint, qreal share);
// A small round swatch of the stage colour for the stage column.
QIcon stageIcon(Stage stage);
// A small icon drawn at each size a view asks for (12, 16, 24 and 32 pixels): `paint` draws one
// size on a transparent, antialiased pixmap of `size` × `size`.
QIcon drawnIcon(const std::function<void(QPainter &painter, int size)> &paint);

} // namespace tp::ui::theme
