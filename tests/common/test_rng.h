#pragma once

// Deterministic data shared with tests/reference/rng.py: both sides generate the same inputs
// from a seed, so fixtures only hold the reference outputs. Every value is an exact dyadic
// rational, so float32 inputs are bit-identical in C++ and NumPy.

#include <cstdint>
#include <vector>

namespace focalscope::testing {

// SplitMix64 of the counter seed + (i + 1) * golden ratio.
inline std::uint64_t mix(std::uint64_t seed, std::uint64_t i)
{
    std::uint64_t z = seed + (i + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// labels[i] = mix(seed, i) % classes
inline std::vector<std::int32_t> randomLabels(
    std::uint64_t seed, std::int64_t n, std::int64_t classes)
{
    std::vector<std::int32_t> labels(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        labels[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(
            mix(seed, static_cast<std::uint64_t>(i)) % static_cast<std::uint64_t>(classes));
    return labels;
}

// Row-major n x classes logits in [-8, 8) with 16 fractional bits, plus `signal` (a multiple
// of 1/4) on each row's label column: x[i*classes + c] = ((mix(seed ^ 0x5DEECE66D, i*classes + c)
// >> 44)
// - 2^19) / 2^16 + (c == labels[i] ? signal : 0).
inline std::vector<float> randomLogits(std::uint64_t seed, std::int64_t n, std::int64_t classes,
    const std::vector<std::int32_t>& labels, double signal)
{
    std::vector<float> x(static_cast<std::size_t>(n * classes));
    for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t c = 0; c < classes; ++c) {
            const std::uint64_t k = static_cast<std::uint64_t>(i * classes + c);
            const std::int64_t raw
                = static_cast<std::int64_t>(mix(seed ^ 0x5DEECE66DULL, k) >> 44) - (1 << 19);
            double v = static_cast<double>(raw) / 65536.0;
            if (c == labels[static_cast<std::size_t>(i)])
                v += signal;
            x[static_cast<std::size_t>(k)] = static_cast<float>(v);
        }
    return x;
}

// n scores in [0, 1) on a grid of 2^bits values (few bits: many ties):
// s[i] = (mix(seed ^ 0x2545F491, i) >> (64 - bits)) / 2^bits, bits in 1..24.
inline std::vector<float> randomUnitScores(std::uint64_t seed, std::int64_t n, int bits)
{
    std::vector<float> s(static_cast<std::size_t>(n));
    const double scale = 1.0 / static_cast<double>(std::uint64_t {1} << bits);
    for (std::int64_t i = 0; i < n; ++i)
        s[static_cast<std::size_t>(i)] = static_cast<float>(
            static_cast<double>(
                mix(seed ^ 0x2545F491ULL, static_cast<std::uint64_t>(i)) >> (64 - bits))
            * scale);
    return s;
}

} // namespace focalscope::testing
