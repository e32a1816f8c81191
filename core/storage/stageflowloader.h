#pragma once

#include "analytics/stageconversion.h"

#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace tp {

class Book;

// Reads the stage history of the book at `bookPath` (its own read-only connection, so it can
// run on a worker thread) into a StageFlow laid out by the opportunity rows whose ids are
// `ids` (ascending, as OpportunityColumns::id). `cancelled` is asked now and then; a cancelled
// read returns an empty flow.
health::StageFlow loadStageFlow(const QString &bookPath, const std::vector<Id> &ids,
                                const std::function<bool()> &cancelled = {});

// The flows of opportunities (id, row of `flow`), read again after an edit changed their stage
// history: one statement for all of them.
void reloadStageFlows(Book &book, const std::vector<std::pair<Id, int>> &deals,
                      health::StageFlow &flow);

} // namespace tp
