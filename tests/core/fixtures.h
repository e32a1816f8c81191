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

// A hand-built book for pipeline health as of 2026-11-20 (period 2026-Q4), whose figures are
// worked out in test_health.cpp: reps Ana (capacity 2, quota 50,000.00) and Ben (quota
// 30,000.00), territory West (Ana) with account A1 (Ana), account A2 (Ben); six closed deals
// (two won, two lost in the window, one of each before it), six open ones (healthy, at risk,
// stalled for four reasons, stalled for age with an unknown stage entry, pushed twice, and one
// in a currency without a rate) and a removed one.
std::unique_ptr<Book> makeHealthFixtureBook(const QString &path);

} // namespace tp::test
