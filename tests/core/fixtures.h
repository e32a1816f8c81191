#pragma once

#include "storage/book.h"

#include <QString>

#include <memory>

namespace tp::test {

// A small hand-built book whose figures are worked out by hand in test_summary.cpp:
// reps Ana and Ben, territory West (Ana), accounts A1 (Ana, West), A2 (Ben), A3 (Ben, West),
// eight opportunities covering every stage, an override, an import probability, a foreign
// currency without a rate, a removed deal and a half-cent rounding case.
std::unique_ptr<Book> makeFixtureBook(const QString &path);

} // namespace tp::test
