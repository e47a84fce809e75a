#pragma once

// The one way core runs work on several threads: oneTBB's shared worker pool. Every parallel
// call of core (readers, loss, ROC) runs its tasks on that pool, so pipelines that run at once
// (the window's loss and ROC recomputes) share the cores instead of each starting its own
// threads, and a call made from inside a task does not start more threads either.
//
// One exception policy for all: when tasks throw, the exception of the lowest task index is
// rethrown once every started task has returned; tasks above a failed index that have not
// started are skipped. The same inputs therefore give the same error whatever the timing.

#include <cstddef>
#include <functional>

namespace focalscope::parallel {

// The most threads core uses at once (workers plus the calling thread); 0 restores the default
// (every core). The window sets it from its settings; it applies to calls started afterwards.
void setMaxThreads(int threads);
// The current limit (>= 1).
int maxThreads();
// The threads the pool would use without a limit (the cores this process may run on).
int coreCount();

// Runs task(k) for every k in [0, count) on the pool (serially when count < 2 or the limit is
// 1), with the exception policy above.
void forEach(std::size_t count, const std::function<void(std::size_t)>& task);

} // namespace focalscope::parallel
