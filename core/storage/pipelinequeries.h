#pragma once

#include "book.h"
#include "domain/entities.h"

#include <QStringList>

#include <array>
#include <optional>

namespace tp {

// Which part of the book a figure covers (METRICS "Scope"): everything, one rep, or one territory.
struct Scope
{
    std::optional<Id> rep;
    std::optional<Id> territory;
};

struct StageTotals
{
    qint64 count = 0;
    Minor amount = 0;
    Minor weighted = 0;
};

// Counts and open pipeline of a scope, in the book's reporting currency. Amounts in another
// currency are converted with the book's rates (per deal, rounded half away from zero) or,
// without a rate, left out of the money totals and listed in `unconvertedCurrencies`.
struct PipelineTotals
{
    qint64 accounts = 0;
    qint64 opportunities = 0; // not counting removed ones
    qint64 open = 0;
    qint64 won = 0;
    qint64 lost = 0;
    std::array<StageTotals, 4> byStage{}; // open stages, Qualify..Negotiate
    Minor openAmount = 0;
    Minor weightedAmount = 0;
    qint64 unconvertedCount = 0;
    QStringList unconvertedCurrencies;
};

PipelineTotals queryPipeline(Book &book, const Scope &scope);

} // namespace tp
