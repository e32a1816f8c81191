#pragma once

#include "storage/reviews.h"

#include <QCoreApplication>
#include <QIODevice>

namespace tp {

// The book's one-on-one reviews and commitments as CSV (`export --what reviews|commitments`),
// a rep's or everyone's (team reviews included), oldest review first. Status keys: open, done,
// not_done, dropped; dates ISO; formula-injection safe like every export.
class ReviewCsv
{
    Q_DECLARE_TR_FUNCTIONS(tp::ReviewCsv)

public:
    static bool reviews(ReviewRepository &repository, std::optional<Id> rep, QIODevice &out);
    static bool commitments(ReviewRepository &repository, std::optional<Id> rep, QIODevice &out);
};

} // namespace tp
