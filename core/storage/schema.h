#pragma once

#include "sqlite.h"

namespace tp::schema {

// 'TPBK': marks a SQLite file as a Territory Planner book (PRAGMA application_id).
inline constexpr int applicationId = 0x5450424B;
// The schema version this build writes (PRAGMA user_version).
int currentVersion();

// The version whose tables the database holds, read from its schema (not from user_version):
// the last version in a row whose step's traces are all there. A book whose user_version says
// otherwise had its version changed outside the application and must not be migrated.
int versionOfTables(sql::Database &db);

// Migrates an open database from its user_version up to `target` (default: current), all steps
// in one transaction. A new, empty database starts at version 0. Throws sql::Error for a
// user_version below 0 or above the current version.
void migrate(sql::Database &db, int target = -1);

// The opportunities' secondary indexes (the unique CRM id, the account). An import that brings
// more deals than the book holds drops them inside its transaction and creates them again when
// it ends: one sort each instead of a B-tree descent per row.
void dropOpportunityIndexes(sql::Database &db);
void createOpportunityIndexes(sql::Database &db);

} // namespace tp::schema
