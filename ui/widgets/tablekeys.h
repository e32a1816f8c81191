#pragma once

class QAbstractItemView;

namespace tp::ui {

// Tab and Shift+Tab leave a table for the next or the previous widget, as they do everywhere
// else in the window, instead of walking its cells (QTableView's default traps the focus in a
// table of a million rows). Ctrl+Tab and Ctrl+Shift+Tab, like the arrow keys, move between its
// cells. An open cell editor keeps Tab for the next cell to edit.
void letTabLeave(QAbstractItemView *view);

} // namespace tp::ui
