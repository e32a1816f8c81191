#include "hugepages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tp {

void adviseHugePages(const void *data, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t from = (begin + huge - 1) & ~(huge - 1);
    const std::uintptr_t to = (begin + bytes) & ~(huge - 1);
    if (data == nullptr || to <= from)
        return;
    madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE); // advice: failure is fine
#else
    (void)data;
    (void)bytes;
#endif
}

} // namespace tp
