#include "io/parallel_chunks.h"

#include "io/read_error.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace focalscope {

unsigned threadsFor(std::size_t bytes)
{
    constexpr std::size_t kBytesPerThread = std::size_t {4} << 20;
    if (bytes < kBytesPerThread)
        return 1;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t wanted = bytes / kBytesPerThread;
    return static_cast<unsigned>(std::min<std::size_t>({cores, 8, wanted}));
}

void runChunks(std::size_t tasks, unsigned threads, const std::function<void(std::size_t)>& task,
    const std::function<bool(double)>& progress)
{
    std::atomic<std::size_t> next {0};
    std::atomic<std::size_t> done {0};
    std::atomic<bool> cancelled {false};
    std::vector<std::exception_ptr> errors(tasks);

    auto work = [&](bool reportsProgress) {
        while (!cancelled.load(std::memory_order_relaxed)) {
            const std::size_t k = next.fetch_add(1);
            if (k >= tasks)
                return;
            try {
                task(k);
            } catch (...) {
                errors[k] = std::current_exception();
            }
            const std::size_t finished = done.fetch_add(1) + 1;
            if (reportsProgress && progress
                && !progress(static_cast<double>(finished) / static_cast<double>(tasks)))
                cancelled.store(true);
        }
    };

    std::vector<std::thread> workers;
    const unsigned extra = std::min<std::size_t>(threads, tasks) > 1
        ? static_cast<unsigned>(std::min<std::size_t>(threads, tasks)) - 1
        : 0;
    workers.reserve(extra);
    try {
        for (unsigned t = 0; t < extra; ++t)
            workers.emplace_back(work, false);
    } catch (...) {
        // Could not start a thread: the calling thread does the rest alone.
    }
    work(true);
    for (std::thread& worker : workers)
        worker.join();

    for (const std::exception_ptr& error : errors)
        if (error)
            std::rethrow_exception(error);
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
