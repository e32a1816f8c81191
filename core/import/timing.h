#pragma once

#include <QLoggingCategory>

namespace tp::crm {

// The import's phases and how long each took, for measuring (docs/PERFORMANCE.md):
//     QT_LOGGING_RULES="tp.import.timing.debug=true" territory-planner import ...
Q_DECLARE_LOGGING_CATEGORY(importTiming)

} // namespace tp::crm
