#pragma once

#include <cstdint>

namespace tp::demo {

// SplitMix64: tiny, fast and identical on every platform (std distributions are not).
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [low, high].
    long long between(long long low, long long high)
    {
        return low + (long long)(next() % std::uint64_t(high - low + 1));
    }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t m_state;
};

} // namespace tp::demo
