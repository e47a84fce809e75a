#pragma once

// The random numbers of the bootstrap: one SplitMix64 stream per replicate, keyed by (seed,
// stream, replicate), so that a replicate's draws do not depend on which thread runs it or when.

#include "platform/uint128.h"

#include <cstdint>
#include <span>
#include <vector>

namespace focalscope {

// SplitMix64 (Steele, Lea & Flood 2014): state += golden gamma, then the finaliser.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t state)
        : m_state(state)
    {
    }
    std::uint64_t next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        return finalise(m_state);
    }
    static std::uint64_t finalise(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, n), n >= 1, without bias (Lemire's multiply-shift with rejection).
    std::uint64_t below(std::uint64_t n)
    {
        UInt128 m = static_cast<UInt128>(next()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<UInt128>(next()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

private:
    std::uint64_t m_state;
};

// The generator of one replicate: state = finalise(finalise(seed) ^ finalise(stream) + replicate
// * golden gamma); streams tell apart the classes (or columns) bootstrapped with one seed.
inline SplitMix64 replicateGenerator(
    std::uint64_t seed, std::uint64_t stream, std::uint64_t replicate)
{
    const std::uint64_t key
        = SplitMix64::finalise(seed) ^ SplitMix64::finalise(stream + 0xD1B54A32D192ED03ULL);
    return SplitMix64(SplitMix64::finalise(key + replicate * 0x9E3779B97F4A7C15ULL));
}

// A multinomial draw: `draws` times one of n items with replacement, as cumulative counts:
// cumulative has n + 1 entries, cumulative[k] = how many draws fell on items 0..k-1 (so
// cumulative[n] = draws). Each 64-bit output gives two draws (Lemire's method on its 32-bit
// halves, without bias); the counts are bytes while drawing (a quarter of the memory the
// scattered increments touch), and in the rare draw where a count passes 255 the same draws are
// counted again in 32 bits. n, draws < 2^32.
void drawCumulativeCounts(SplitMix64& generator, std::size_t n, std::size_t draws,
    std::vector<std::uint32_t>& cumulative);

// A bootstrap resample of n items: n draws.
inline void drawCumulativeCounts(
    SplitMix64& generator, std::size_t n, std::vector<std::uint32_t>& cumulative)
{
    drawCumulativeCounts(generator, n, n, cumulative);
}

} // namespace focalscope
