#include "roc/ranked_scores.h"

#include <hwy/contrib/sort/vqsort.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace focalscope {

namespace {

thread_local hwy::Sorter t_sorter;

} // namespace

void sortAscending(std::vector<std::uint32_t>& keys)
{
    if (keys.size() > 1)
        t_sorter(keys.data(), keys.size(), hwy::SortAscending());
}

void sortAscending(std::vector<std::uint64_t>& keys)
{
    if (keys.size() > 1)
        t_sorter(keys.data(), keys.size(), hwy::SortAscending());
}

RankedScores rankScores(std::span<const float> scores, std::span<const std::uint8_t> positive)
{
    if (scores.size() != positive.size())
        throw std::invalid_argument("scores and truths differ in length");
    std::size_t positives = 0;
    for (const std::uint8_t p : positive)
        positives += p != 0;
    RankedScores ranked;
    ranked.positives.resize(positives);
    ranked.negatives.resize(scores.size() - positives);
    std::size_t i = 0;
    std::size_t j = 0;
    for (std::size_t k = 0; k < scores.size(); ++k) {
        if (std::isnan(scores[k]))
            throw std::invalid_argument("score " + std::to_string(k) + " is NaN");
        const std::uint32_t key = scoreKey(scores[k]);
        if (positive[k])
            ranked.positives[i++] = key;
        else
            ranked.negatives[j++] = key;
    }
    sortAscending(ranked.positives);
    sortAscending(ranked.negatives);
    return ranked;
}

RankedScores rankColumn(std::span<const float> column, std::span<const std::int32_t> labels,
    std::int32_t positiveLabel, std::int32_t ignoreIndex)
{
    if (column.size() != labels.size())
        throw std::invalid_argument("scores and labels differ in length");
    std::size_t positives = 0;
    std::size_t ignored = 0;
    for (const std::int32_t label : labels) {
        ignored += label == ignoreIndex;
        positives += label == positiveLabel && label != ignoreIndex;
    }
    RankedScores ranked;
    ranked.positives.resize(positives);
    ranked.negatives.resize(column.size() - positives - ignored);
    std::size_t i = 0;
    std::size_t j = 0;
    bool anyNaN = false;
    for (std::size_t k = 0; k < column.size(); ++k) {
        const std::int32_t label = labels[k];
        if (label == ignoreIndex)
            continue;
        anyNaN |= std::isnan(column[k]);
        const std::uint32_t key = scoreKey(column[k]);
        if (label == positiveLabel)
            ranked.positives[i++] = key;
        else
            ranked.negatives[j++] = key;
    }
    if (anyNaN)
        for (std::size_t k = 0; k < column.size(); ++k)
            if (labels[k] != ignoreIndex && std::isnan(column[k]))
                throw std::invalid_argument("score " + std::to_string(k) + " is NaN");
    sortAscending(ranked.positives);
    sortAscending(ranked.negatives);
    return ranked;
}

void parallelFor(std::size_t count, const std::function<void(std::size_t)>& task)
{
    const std::size_t threads
        = std::min<std::size_t>(count, std::max(1u, std::thread::hardware_concurrency()));
    if (threads <= 1) {
        for (std::size_t k = 0; k < count; ++k)
            task(k);
        return;
    }
    std::atomic<std::size_t> next {0};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto worker = [&] {
        try {
            for (std::size_t k = next++; k < count; k = next++)
                task(k);
        } catch (...) {
            const std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            next = count;
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace focalscope
