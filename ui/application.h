#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QApplication;

namespace tp::ui {

class MainWindow;

// Runs the desktop application; app/main.cpp calls it after creating the QApplication (with
// the high-DPI rounding policy set to PassThrough before that). `arguments` are the command-line
// arguments after the program name:
//   [BOOK] [--screenshot DIR [--screenshot-size WxH] [--screenshot-import CSV]]
// Without BOOK it reopens the last book, else (first launch) a copy of the demo book. With
// --screenshot it renders every page to DIR/<page>.png at 1400×900 (or the --screenshot-size,
// e.g. 1024x640) and exits: 0 when all were written, 1 when the book or an image failed or the
// window cannot be that small, 2 on a usage error. With --screenshot-import it also renders the
// import wizard's pages for CSV (DIR/import-*.png) without importing it.
int runGui(QApplication &app, const QStringList &arguments);

// Sets the application's names, desktop file name, icon and colour scheme (runGui does it first).
void setUpApplication(QApplication &app);

// The size screenshots are rendered at unless told otherwise.
inline constexpr QSize defaultScreenshotSize{ 1400, 900 };

// "1024x640" (or "1024×640") as a size; invalid when it is not two positive numbers.
QSize parseScreenshotSize(const QString &text);

// Shows the window at `size` and grabs each page into `dir` (accounts.png, opportunities.png,
// reps.png, …). The book must be loaded. False with the reason in *error when a file failed or
// the window cannot be as small as `size` (its minimum size is then in the message).
bool saveScreenshots(MainWindow &window, const QString &dir, QSize size = defaultScreenshotSize,
                     QString *error = nullptr);

// Where the first launch puts its copy of the demo book.
QString demoBookPath();

// The banner that says the book at `path` is the demo: shown while that book is open, until
// dismissed (InfoBanner).
void showDemoBanner(MainWindow &window, const QString &path);

} // namespace tp::ui
