#pragma once

#include "analytics/stageconversion.h"

#include <QString>

#include <functional>

namespace tp {

class Book;

// Reads the stage history of the book at `bookPath` (its own read-only connection, so it can
// run on a worker thread) into a StageFlow laid out by the opportunity rows whose ids are
// `ids` (ascending, as OpportunityColumns::id). `cancelled` is asked now and then; a cancelled
// read returns an empty flow.
health::StageFlow loadStageFlow(const QString &bookPath, const std::vector<Id> &ids,
                                const std::function<bool()> &cancelled = {});

// The flow of one opportunity, read again after an edit changed its stage.
void reloadStageFlow(Book &book, Id opportunity, int row, health::StageFlow &flow);

} // namespace tp
