#pragma once

#include "sqlite.h"

namespace tp::schema {

// 'TPBK': marks a SQLite file as a Territory Planner book (PRAGMA application_id).
inline constexpr int applicationId = 0x5450424B;
// The schema version this build writes (PRAGMA user_version).
int currentVersion();

// Migrates an open database from its user_version up to `target` (default: current), each step
// in one transaction. A new, empty database starts at version 0.
void migrate(sql::Database &db, int target = -1);

} // namespace tp::schema
