#pragma once

#include "domain/entities.h"

#include <QDate>

#include <vector>

namespace tp {
class Book;
}

namespace tp::demo {

// The demo book's past one-on-one reviews, so that the Review page and the pack are alive on
// first launch: two reviews of the first rep (a fortnight and a week before `today`), the
// earlier one's commitments settled in the later one but for one left open, and a team review
// a week before with open commitments.
void addDemoReviews(Book &book, const std::vector<Id> &reps, const QDate &today);

} // namespace tp::demo
