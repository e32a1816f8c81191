#pragma once

#include "storage/sqlite.h"

#include <QString>

namespace tp::test {

// Every row of every table as text, in a stable order: two dumps are equal exactly when the
// books hold the same data.
QString dumpBook(sql::Database &db);

} // namespace tp::test
