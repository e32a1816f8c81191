// Undoes the most recent import of a book, the way Edit ▸ Undo of an import does, and prints
// how long it took: `tp_undo_last_import BOOK` (scripts/bench-import runs it on a copy of the
// book after a fresh import of a million rows).
#include "domain/errors.h"
#include "import/importjournal.h"
#include "storage/book.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: tp_undo_last_import BOOK\n");
        return 2;
    }
    try {
        auto book = tp::Book::open(QString::fromLocal8Bit(argv[1]));
        const auto last = tp::crm::lastImport(*book);
        if (!last) {
            std::fprintf(stderr, "%s: no import to undo\n", argv[1]);
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        tp::crm::undoImport(*book, *last);
        std::printf("undo of import %lld: %.2f s\n", static_cast<long long>(*last),
                    double(timer.elapsed()) / 1000.0);
    } catch (const tp::BookError &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message()));
        return 1;
    } catch (const tp::InputError &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message()));
        return 1;
    }
    return 0;
}
