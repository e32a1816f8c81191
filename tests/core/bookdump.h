#pragma once

#include "storage/sqlite.h"

#include <QString>

namespace tp::test {

// Every row of every table as text, in a stable order: two dumps are equal exactly when the
// books hold the same data.
QString dumpBook(sql::Database &db);

// The first column of a query's first row as a number, -1 when it returns no row.
qint64 scalar(sql::Database &db, const char *sql);

} // namespace tp::test
