#pragma once

#include "book.h"
#include "domain/scoring.h"
#include "views/bookview.h"

#include <span>

namespace tp {

// The engagement factors, weight profiles and account scores of a book (METRICS "Accounts").
class ScoringRepository
{
public:
    explicit ScoringRepository(Book &book)
        : m_db(book.db())
    {
    }

    // Factors in their order; profiles by id, each with a weight per factor (0 if none).
    ScoringModel model();
    // The scores of the view's accounts, row by row, for the model's factors.
    ScoreMatrix scores(const BookView &view, const ScoringModel &model);

private:
    sql::Database &m_db;
};

// The active opportunities a scope's reps can carry: one rep's capacity, or the sum over the
// reps who own accounts among `accountRows` (each rep's own, else the book's default).
int capacityOf(const BookView &view, std::span<const int> accountRows, int scopeRep,
               int defaultCapacity);

} // namespace tp
