#pragma once

#include "book.h"
#include "domain/scoring.h"

#include <QCoreApplication>

#include <utility>
#include <vector>

namespace tp {

// The engagement factors and weight profiles themselves (METRICS "Accounts": users add, rename,
// reorder, describe and remove factors; profiles attach weights to a territory, an industry or
// a size band). Every write is one transaction and returns what undo needs; a missing factor
// or profile, an empty or taken name, or a profile for a segment that has one already, is an
// InputError and writes nothing.
class ScoringModelRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::ScoringModelRepository)

public:
    explicit ScoringModelRepository(Book &book) : m_db(book.db()) { }

    // A factor after the others, weighted 1 in every profile (so that scoring it counts).
    FactorRecord addFactor(const QString &name, const QString &description);
    // Removes a factor with its weights and scores; the last factor cannot go.
    FactorRecord removeFactor(Id factor);
    // Puts a removed factor back where it was, with its id, weights and scores (those of
    // profiles and accounts that are gone meanwhile are dropped).
    void restoreFactor(const FactorRecord &record);
    // Each returns the value before.
    QString renameFactor(Id factor, const QString &name);
    QString describeFactor(Id factor, const QString &description);
    int moveFactor(Id factor, int index);

    // A profile for a territory, industry or size band, starting from the book default's
    // weights; named after its segment ("Industry: Software").
    ProfileRecord addProfile(SegmentKind kind, const QString &segment);
    // Removes a profile and its weights; the book default cannot go.
    ProfileRecord removeProfile(Id profile);
    void restoreProfile(const ProfileRecord &record);

    // "Industry: Software": the name addProfile() gives (translated).
    static QString profileName(SegmentKind kind, const QString &segment);

private:
    void requireFactor(Id factor);
    std::vector<Id> factorOrder();
    void writeOrder(const std::vector<Id> &order);
    void checkFactorName(const QString &name, Id except);

    sql::Database &m_db;
};

} // namespace tp
