#pragma once

#include "views/bookview.h"

#include <QString>

#include <functional>
#include <memory>

namespace tp {

// Reads a whole book into a BookView through its own read-only connection, so it can run on a
// worker thread while the GUI keeps its connection. `progress(done, total)` returns false to
// cancel; a cancelled load returns nullptr.
using LoadProgress = std::function<bool(qint64 done, qint64 total)>;
enum class OpportunityText { Load, Skip };
// OpportunityText::Skip leaves the opportunities' names and CRM ids empty: for figures that
// never show a deal (`summary`), a quarter less to read and no text arenas to fill.
std::unique_ptr<BookView> loadBookView(const QString &bookPath, const LoadProgress &progress = {},
                                       OpportunityText text = OpportunityText::Load);

} // namespace tp
