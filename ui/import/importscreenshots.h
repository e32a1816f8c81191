#pragma once

#include <QString>

namespace tp::ui {

class MainWindow;

// Walks the import wizard over `csv` and grabs its pages into `dir`: import-file.png,
// import-preset.png, import-mapping.png, import-preview.png and import-done.png. It works on a
// temporary copy of the window's book, which it imports into and then deletes: the book itself
// is never touched. Questions the file leaves open are shown on the mapping page, then answered
// as the preview needs them (dates month/day/year, unknown stages Negotiate, invalid rows
// skipped). The wizard is 960×720, or the window's size when that is smaller. The book must be
// loaded. False with the reason in *error.
bool saveImportScreenshots(MainWindow &window, const QString &csv, const QString &dir,
                           QString *error = nullptr);

} // namespace tp::ui
