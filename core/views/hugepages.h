#pragma once

#include <cstddef>

namespace tp {

// Asks the kernel to back a large buffer (a column of a million rows) with transparent huge
// pages: on a virtual machine every 4 KiB page fault costs microseconds, and a book load touches
// hundreds of megabytes of fresh memory. Only the 2 MiB-aligned inside of the buffer is advised;
// small buffers and systems without the advice are left alone.
void adviseHugePages(const void *data, std::size_t bytes);

} // namespace tp
