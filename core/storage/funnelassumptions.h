#pragma once

#include "analytics/funnel.h"
#include "book.h"

#include <QCoreApplication>
#include <QString>

namespace tp {

// The funnel assumptions a user entered (METRICS "Funnel math": "a user's assumption, once
// entered, wins over history"), saved in the book per scope: the rates for every period, a
// what-if target for one period.
class FunnelAssumptionRepository
{
    Q_DECLARE_TR_FUNCTIONS(tp::FunnelAssumptionRepository)

public:
    explicit FunnelAssumptionRepository(Book &book) : m_db(book.db()) { }

    // "team", "rep:3", "territory:2", "rep:3;territory:2".
    static QString scopeKey(std::optional<Id> rep, std::optional<Id> territory);

    funnel::Assumptions load(const QString &scope, const QString &period);
    // Replaces the scope's assumptions (and the period's target) in one transaction. Throws
    // tp::InputError for a negative amount or a rate outside 0..100% (a meeting can yield
    // several opportunities, so that rate may go up to 10).
    void save(const QString &scope, const QString &period, const funnel::Assumptions &assumptions);

private:
    sql::Database &m_db;
};

} // namespace tp
