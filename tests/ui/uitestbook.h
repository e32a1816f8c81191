#pragma once

#include "domain/entities.h"

#include <QString>
#include <QStringList>

#include <QtGlobal>

class QWidget;

#include <ostream>

// Readable QStrings in GoogleTest's failure messages.
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

#include <QDate>
#include <QSize>

#include <memory>

namespace tp::ui {
class BookSession;
class MainWindow;
} // namespace tp::ui

namespace tp::test {

// A small hand-built book whose every figure is known (amounts in minor units, USD):
//   reps        Alice Archer (capacity 2), Bob Baker (book default 20)
//   territories North (Alice), South (Bob)
//   accounts    Acme Corp   North  Alice  potential 500,000.00   open: O1 + O2 = 12,500.00
//               Globex      South  Bob    derived                open: O3 = 7,000.00
//               Initech     North  -      derived                open: O5 = 1,200.50
//   opportunities
//     O1 Acme renewal      Alice  10,000.00  Propose            close 2026-12-15
//     O2 Acme expansion    Alice   2,500.00  Qualify  override 40%
//     O3 Globex pilot      Bob     7,000.00  Negotiate import 60%
//     O4 Globex platform   Bob    20,000.00  Won
//     O5 Initech new logo  -       1,200.50  Prove
//     O6 Old deal          Alice     300.00  Lost
//   quotas      Alice 2026-Q4 30,000.00; Bob none
struct SmallBook
{
    QString path;
    Id alice = 0, bob = 0;
    Id north = 0, south = 0;
    Id acme = 0, globex = 0, initech = 0;
    Id o1 = 0, o2 = 0, o3 = 0, o4 = 0, o5 = 0, o6 = 0;
};

SmallBook writeSmallBook(const QString &path);

// A window, not interactive, on the book at `path` (loaded), showing the page `pageKey`, as of
// `asOf` when it is valid, at `size` when it is valid; null when the book did not load.
std::unique_ptr<ui::MainWindow> openWindow(const QString &path, const QString &pageKey,
                                           const QDate &asOf = {}, QSize size = { 1400, 900 });

// Opens `path` in the session and waits for its view; false when it did not load.
bool openAndWait(ui::BookSession &session, const QString &path);

// When TP_TEST_SCREENSHOTS names a folder: grabs `window` at 1024×640 and at 1600×1000, in the
// light and the dark palette, as <name>-<width>-<light|dark>.png there (what a reviewer looks
// at), and puts its size and the light palette back. Does nothing otherwise.
void shootSizesAndSchemes(QWidget &window, const QString &name);
// The same for a dialog at its own size: <name>-<light|dark>.png.
void shootSchemes(QWidget &dialog, const QString &name);

// Collects the warnings QAbstractItemModelTester reports (category qt.modeltest) while alive,
// so a broken model fails the test with the tester's own words instead of aborting.
class ModelTestWarnings
{
public:
    ModelTestWarnings();
    ~ModelTestWarnings();
    QStringList messages() const;

private:
    void *m_previous;
};

} // namespace tp::test
