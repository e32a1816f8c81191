#pragma once

#include "analytics/territories.h"

#include <QColor>
#include <QIcon>

class QPalette;

namespace tp::ui {

// The colour of each territory on the Territories page: its swatch in the territory table and
// the fill of the map's regions it holds most of. A territory keeps its colour while others are
// made, renamed or deleted before it in the list: the colour follows the rank of its id (a
// rep's id in a book without territories) among those listed, not its place in the list.
namespace territorycolors {

// The colour of slot `slot` (0, 1, ...): twelve distinct hues, then again lighter and darker.
// `dark`: the variant for the dark palette (a little deeper, so that light text and borders
// stay readable on it).
QColor ofSlot(int slot, bool dark);

// The slot of layout entry `entry`: the rank of its territory's (or rep's) id among the
// layout's; -1 when there is no such entry.
int slotOf(const territories::Layout &layout, const BookView &view, int entry);

// Both at once for every entry of the layout.
std::vector<QColor> ofLayout(const territories::Layout &layout, const BookView &view, bool dark);

// The fill of a region whose accounts are all in no territory: a grey darker than plain land.
QColor noTerritory(const QPalette &palette);

// A small rounded swatch of `color` for a table cell (cached per colour).
QIcon swatch(const QColor &color);

} // namespace territorycolors

} // namespace tp::ui
