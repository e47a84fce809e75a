#pragma once

#include <cstddef>
#include <functional>

namespace focalscope {

// Runs task(k) for k in [0, tasks) on core's thread pool (core/parallel, bounded by its thread
// limit), serially when threads <= 1. The calling thread reports progress(done / tasks) after
// each task it finishes; when progress returns false the remaining tasks are not started and
// ReadCancelled is thrown after every running task has returned. An exception thrown by a task
// is rethrown as core/parallel's policy says (the one of the lowest task index).
void runChunks(std::size_t tasks, unsigned threads, const std::function<void(std::size_t)>& task,
    const std::function<bool(double)>& progress);

// The number of threads worth using for `bytes` of input: 1 below a few MB (runChunks then runs
// serially), else one per 4 MB up to core's thread limit (parallel::maxThreads()).
unsigned threadsFor(std::size_t bytes);

// A progress callback for one stage of a load: the stage's fraction f maps to
// from + (to - from) f of the whole. Empty when progress is.
std::function<bool(double)> scaledProgress(
    const std::function<bool(double)>& progress, double from, double to);

} // namespace focalscope
