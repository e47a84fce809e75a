#include "roc/resampling.h"

#include <algorithm>

namespace focalscope {

void drawCumulativeCounts(
    SplitMix64& generator, std::size_t n, std::size_t draws, std::vector<std::uint32_t>& cumulative)
{
    cumulative.assign(n + 1, 0);
    if (n == 0 || draws == 0)
        return;
    thread_local std::vector<std::uint8_t> counts;
    thread_local std::vector<std::uint32_t> wrapped;
    counts.assign(n, 0);
    wrapped.clear();
    const auto items = static_cast<std::uint32_t>(n);
    // index = (x n) >> 32 for a uniform 32-bit x, rejecting x whose low product is below
    // 2^32 mod n (Lemire 2019): every index equally likely.
    const std::uint32_t threshold = (0U - items) % items;
    const auto draw = [&](std::uint32_t x) {
        const std::uint64_t m = static_cast<std::uint64_t>(x) * items;
        if (static_cast<std::uint32_t>(m) < threshold)
            return false;
        const auto index = static_cast<std::uint32_t>(m >> 32);
        if (++counts[index] == 0)
            wrapped.push_back(index);
        return true;
    };
    std::size_t drawn = 0;
    while (drawn < draws) {
        const std::uint64_t bits = generator.next();
        drawn += draw(static_cast<std::uint32_t>(bits));
        if (drawn < draws)
            drawn += draw(static_cast<std::uint32_t>(bits >> 32));
    }
    for (std::size_t k = 0; k < n; ++k)
        cumulative[k + 1] = cumulative[k] + counts[k];
    if (wrapped.empty())
        return;
    // Each wrap is 256 more draws of its item: add them to every cumulative count after it.
    std::sort(wrapped.begin(), wrapped.end());
    std::uint32_t extra = 0;
    std::size_t w = 0;
    for (std::size_t k = 0; k < n; ++k) {
        while (w < wrapped.size() && wrapped[w] == k) {
            extra += 256;
            ++w;
        }
        cumulative[k + 1] += extra;
    }
}

} // namespace focalscope
