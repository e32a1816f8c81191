#pragma once

#include "book.h"
#include "domain/scoring.h"
#include "views/bookview.h"

#include <QCoreApplication>

#include <optional>
#include <span>
#include <vector>

namespace tp {

// The engagement factors, weight profiles and account scores of a book (METRICS "Accounts").
// Every write is one transaction and returns what undo needs to put the book back; a missing
// account, factor or profile, or a value out of range, is an InputError and writes nothing.
class ScoringRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::ScoringRepository)

public:
    explicit ScoringRepository(Book &book) : m_db(book.db()) { }

    // Factors in their order; profiles by id, each with a weight per factor (0 if none).
    ScoringModel model();
    // The factors alone, in their order.
    std::vector<EngagementFactor> factors();
    // The scores of the view's accounts, row by row, for the model's factors.
    ScoreMatrix scores(const BookView &view, const ScoringModel &model);

    // Writes the scores (0..5, or none); returns the edits that restore the scores before.
    std::vector<ScoreEdit> setScores(std::span<const ScoreEdit> edits);
    QString note(Id account);
    // Sets the account's scoring note (empty clears it); returns the note before.
    QString setNote(Id account, const QString &note);
    // Sets a profile's weight for a factor (finite, >= 0); returns the weight before.
    double setWeight(Id profile, Id factor, double weight);

private:
    sql::Database &m_db;
};

// The reps of a scope (indexes, ascending): `scopeRep` itself, or those who own accounts among
// `accountRows`.
std::vector<int> scopeReps(const BookView &view, std::span<const int> accountRows, int scopeRep);

// The active opportunities a scope's reps can carry: one rep's capacity, or the sum over the
// reps who own accounts among `accountRows` (each rep's own, else the book's default).
int capacityOf(const BookView &view, std::span<const int> accountRows, int scopeRep,
               int defaultCapacity);

} // namespace tp
