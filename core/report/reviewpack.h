#pragma once

#include "storage/book.h"

#include <QCoreApplication>
#include <QDate>
#include <QIODevice>
#include <QPageSize>
#include <QString>

namespace tp {

struct BookView;

// What `report` and File ▸ Export Review Pack… were asked for.
struct ReviewPackRequest
{
    QString rep; // empty: the team pack, one section per rep
    QDate asOf; // default today
    QDate since; // default: the last review's date, else seven days before the as-of date
};

// The one-on-one review pack (docs/METRICS.md, "One-on-one reviews"): per rep, the header (rep,
// period, as of, since), key figures, the forecast, the top risks, the commitments of the last
// review with their status, this review's notes and commitments; printed in black and white,
// its text extractable. Needs a QGuiApplication (fonts); the page size is the locale's (Letter
// where the measurement system is US, else A4).
class ReviewPack
{
    Q_DECLARE_TR_FUNCTIONS(tp::ReviewPack)

public:
    // Writes the PDF to `out` and returns its page count. Throws InputError for an unknown rep
    // or a device that cannot be painted on.
    static int write(Book &book, const ReviewPackRequest &request, QIODevice &out);
    // The same from a view of the book already loaded (the app's), reading the rest of the book
    // on a connection of its own.
    static int write(const QString &bookPath, const BookView &view,
                     const ReviewPackRequest &request, QIODevice &out);
    static int write(Book &book, const BookView &view, const ReviewPackRequest &request,
                     QIODevice &out);
    static QPageSize pageSizeOfLocale();
};

} // namespace tp
