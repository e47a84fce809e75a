#include "io/parallel_chunks.h"

#include "io/read_error.h"
#include "parallel/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace focalscope {

unsigned threadsFor(std::size_t bytes)
{
    constexpr std::size_t kBytesPerThread = std::size_t {4} << 20;
    if (bytes < kBytesPerThread)
        return 1;
    const std::size_t wanted = bytes / kBytesPerThread;
    return static_cast<unsigned>(
        std::min<std::size_t>(static_cast<std::size_t>(parallel::maxThreads()), wanted));
}

void runChunks(std::size_t tasks, unsigned threads, const std::function<void(std::size_t)>& task,
    const std::function<bool(double)>& progress)
{
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<std::size_t> done {0};
    std::atomic<bool> cancelled {false};
    const auto run = [&](std::size_t k) {
        if (cancelled.load(std::memory_order_relaxed))
            return;
        task(k);
        const std::size_t finished = done.fetch_add(1) + 1;
        // Only the calling thread reports: the callback need not be thread-safe.
        if (progress && std::this_thread::get_id() == caller
            && !progress(static_cast<double>(finished) / static_cast<double>(tasks)))
            cancelled.store(true);
    };
    if (threads <= 1) {
        for (std::size_t k = 0; k < tasks; ++k)
            run(k);
    } else {
        parallel::forEach(tasks, run);
    }
    if (cancelled.load())
        throw ReadCancelled();
}

std::function<bool(double)> scaledProgress(
    const std::function<bool(double)>& progress, double from, double to)
{
    if (!progress)
        return {};
    return [progress, from, to](double f) {
        return progress(from + (to - from) * f);
    };
}

} // namespace focalscope
