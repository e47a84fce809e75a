#pragma once

// Work on a range of rows split into a fixed number of contiguous parts, run on all cores.
// What each part computes is kept per part and combined in part order by the caller, so results
// depend neither on the number of threads nor on timing.

#include "data/predictions.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

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

// The threads forEachPart() runs `parts` parts of rows x columns work on.
inline int threadCount(Index rows, Index columns, int parts)
{
    if (rows * columns < kMinParallelWork)
        return 1;
    return std::min<int>(
        parts, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

// Calls work(t, p, begin, end) for every part p on thread t < threadCount(); parts are dealt to
// threads in turn, the calling thread (t = 0) taking the first. The first exception thrown is
// rethrown after all threads finish.
template<typename Work> void forEachPart(Index rows, Index columns, int parts, const Work& work)
{
    const int threads = threadCount(rows, columns, parts);
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    const auto run = [&](int t) {
        try {
            for (int p = t; p < parts; p += threads) {
                const auto [begin, end] = partRange(rows, parts, p);
                work(t, p, begin, end);
            }
        } catch (...) {
            errors[static_cast<std::size_t>(t)] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(run, t);
    run(0);
    for (std::thread& thread : pool)
        thread.join();
    for (const std::exception_ptr& error : errors)
        if (error)
            std::rethrow_exception(error);
}

} // namespace focalscope::parallel
