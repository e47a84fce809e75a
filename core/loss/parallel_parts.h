#pragma once

// Work on a range of rows split into a fixed number of contiguous parts, run on core's thread
// pool (core/parallel).
// What each part computes is kept per part and combined in part order by the caller, so results
// depend neither on the number of threads nor on timing.

#include "data/predictions.h"
#include "parallel/parallel.h"

#include <algorithm>

namespace focalscope::parallel {

inline constexpr int kMaxParts = 32;
// Below this much work (rows x columns) threads cost more than they save.
inline constexpr Index kMinParallelWork = Index {1} << 16;

// The number of parts rows are split into: one per 8192 rows, at most kMaxParts, at least 1.
inline int partCount(Index rows)
{
    return static_cast<int>(std::clamp<Index>(rows / 8192, 1, kMaxParts));
}

// Rows [begin, end) of part p of `parts`.
inline std::pair<Index, Index> partRange(Index rows, int parts, int p)
{
    return {rows * p / parts, rows * (p + 1) / parts};
}

// Calls work(p, begin, end) for every part p, on core's thread pool when rows x columns is
// enough work to share (else in order on the calling thread). Exceptions follow core/parallel's
// policy (the one of the lowest part is rethrown).
template<typename Work> void forEachPart(Index rows, Index columns, int parts, const Work& work)
{
    if (rows * columns < kMinParallelWork || parts < 2) {
        for (int p = 0; p < parts; ++p) {
            const auto [begin, end] = partRange(rows, parts, p);
            work(p, begin, end);
        }
        return;
    }
    forEach(static_cast<std::size_t>(parts), [&](std::size_t p) {
        const auto [begin, end] = partRange(rows, parts, static_cast<int>(p));
        work(static_cast<int>(p), begin, end);
    });
}

} // namespace focalscope::parallel
