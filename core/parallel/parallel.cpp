#include "parallel/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

namespace focalscope::parallel {

namespace {

std::mutex g_limitMutex;
std::unique_ptr<oneapi::tbb::global_control> g_limit;

// The lowest failed task index and its exception.
class FirstFailure {
public:
    explicit FirstFailure(std::size_t count)
        : m_index(count)
    {
    }
    bool failedBelow(std::size_t k) const { return m_index.load(std::memory_order_relaxed) < k; }
    void record(std::size_t k, std::exception_ptr error)
    {
        const std::lock_guard lock(m_mutex);
        if (k < m_index.load(std::memory_order_relaxed)) {
            m_index.store(k, std::memory_order_relaxed);
            m_error = std::move(error);
        }
    }
    void rethrow() const
    {
        if (m_error)
            std::rethrow_exception(m_error);
    }

private:
    std::atomic<std::size_t> m_index;
    std::mutex m_mutex;
    std::exception_ptr m_error;
};

} // namespace

void setMaxThreads(int threads)
{
    const std::lock_guard lock(g_limitMutex);
    g_limit.reset();
    if (threads > 0)
        g_limit = std::make_unique<oneapi::tbb::global_control>(
            oneapi::tbb::global_control::max_allowed_parallelism,
            static_cast<std::size_t>(threads));
}

int maxThreads()
{
    const auto allowed = oneapi::tbb::global_control::active_value(
        oneapi::tbb::global_control::max_allowed_parallelism);
    return std::max(
        1, std::min(static_cast<int>(allowed), oneapi::tbb::info::default_concurrency()));
}

int coreCount()
{
    return std::max(1, oneapi::tbb::info::default_concurrency());
}

void forEach(std::size_t count, const std::function<void(std::size_t)>& task)
{
    if (count < 2 || maxThreads() == 1) {
        for (std::size_t k = 0; k < count; ++k)
            task(k);
        return;
    }
    FirstFailure failure(count);
    // One index per task: the tasks are coarse (a chunk, a class, a part of rows).
    oneapi::tbb::parallel_for(
        oneapi::tbb::blocked_range<std::size_t>(0, count, 1),
        [&](const oneapi::tbb::blocked_range<std::size_t>& range) {
            for (std::size_t k = range.begin(); k != range.end(); ++k) {
                if (failure.failedBelow(k))
                    return;
                try {
                    task(k);
                } catch (...) {
                    failure.record(k, std::current_exception());
                }
            }
        },
        oneapi::tbb::simple_partitioner());
    failure.rethrow();
}

} // namespace focalscope::parallel
