#pragma once

#include <QDate>
#include <QString>

#include <cstdint>
#include <functional>

namespace tp::demo {

enum class Size { Small, Large };

struct Options
{
    std::uint64_t seed = 42;
    Size size = Size::Small;
    // The day the demo is "as of": histories end here. Default: today.
    QDate today;
};

// Writes a deterministic demo book at `path` (which must not exist or be empty). `progress`
// gets a fraction 0..1 and returns false to cancel (the partial file is removed).
// Throws tp::BookError on failure.
void writeDemoBook(const QString &path, const Options &options = {},
                   const std::function<bool(double)> &progress = {});

} // namespace tp::demo
