#include "roc/resampling.h"

#include <algorithm>

namespace focalscope {

namespace {

// visit(index) for each of `draws` uniform indices in [0, n): index = (x n) >> 32 for a 32-bit
// half x of a 64-bit output, rejecting x whose low product is below 2^32 mod n (Lemire 2019), so
// every index is equally likely. Both halves of an output are used, the low one first.
template<typename Visit>
void drawIndices(SplitMix64& generator, std::uint32_t n, std::size_t draws, Visit&& visit)
{
    const std::uint32_t threshold = (0U - n) % n;
    const auto accept = [&](std::uint32_t x, std::size_t& drawn) {
        const std::uint64_t m = static_cast<std::uint64_t>(x) * n;
        if (static_cast<std::uint32_t>(m) < threshold)
            return;
        visit(static_cast<std::uint32_t>(m >> 32));
        ++drawn;
    };
    std::size_t drawn = 0;
    while (draws - drawn >= 2) {
        const std::uint64_t bits = generator.next();
        const std::uint64_t low = (bits & 0xFFFFFFFFULL) * n;
        const std::uint64_t high = (bits >> 32) * n;
        if (static_cast<std::uint32_t>(low) >= threshold
            && static_cast<std::uint32_t>(high) >= threshold) [[likely]] {
            visit(static_cast<std::uint32_t>(low >> 32));
            visit(static_cast<std::uint32_t>(high >> 32));
            drawn += 2;
        } else {
            accept(static_cast<std::uint32_t>(bits), drawn);
            accept(static_cast<std::uint32_t>(bits >> 32), drawn);
        }
    }
    while (drawn < draws) {
        const std::uint64_t bits = generator.next();
        accept(static_cast<std::uint32_t>(bits), drawn);
        if (drawn < draws)
            accept(static_cast<std::uint32_t>(bits >> 32), drawn);
    }
}

} // namespace

void drawCumulativeCounts(
    SplitMix64& generator, std::size_t n, std::size_t draws, std::vector<std::uint32_t>& cumulative)
{
    cumulative.resize(n + 1);
    cumulative[0] = 0;
    if (n == 0)
        return;
    const auto items = static_cast<std::uint32_t>(n);
    const SplitMix64 start = generator;
    thread_local std::vector<std::uint8_t> counts;
    counts.assign(n, 0);
    // Plain pointers and a running sum: a byte store may alias anything, so the compiler would
    // reload the vectors' pointers and the previous sum after each one.
    std::uint8_t* count = counts.data();
    drawIndices(generator, items, draws, [count](std::uint32_t index) { ++count[index]; });
    std::uint32_t* sums = cumulative.data();
    std::uint32_t sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
        sum += count[k];
        sums[k + 1] = sum;
    }
    if (sum == draws)
        return;
    // A count passed 255 and its byte wrapped (each wrap loses 256 draws from the total): the
    // same draws again with 32-bit counters.
    generator = start;
    std::fill(cumulative.begin(), cumulative.end(), 0U);
    drawIndices(generator, items, draws, [&](std::uint32_t index) { ++cumulative[index + 1]; });
    for (std::size_t k = 0; k < n; ++k)
        cumulative[k + 1] += cumulative[k];
}

} // namespace focalscope
