#include "roc/ranked_scores.h"

#include "parallel/parallel.h"

#include <hwy/contrib/sort/vqsort.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <sys/mman.h>

namespace focalscope {

namespace {

thread_local hwy::Sorter t_sorter;

// Sizes keys for count elements, asking the kernel beforehand to back a large buffer with huge
// pages: filling fresh memory then takes a few page faults instead of one per 4 KB page.
void resizeFresh(std::vector<ScoreKey>& keys, std::size_t count)
{
    keys.reserve(count);
    constexpr std::uintptr_t kHugePage = std::uintptr_t {2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(keys.data());
    const std::uintptr_t first = (begin + kHugePage - 1) / kHugePage * kHugePage;
    const std::uintptr_t last = (begin + count * sizeof(ScoreKey)) / kHugePage * kHugePage;
    if (last > first)
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
    keys.resize(count);
}

// Fills the positives and the negatives of ranked in input order without a branch on the
// truth, which is as unpredictable as the data: each key is written to both arrays and only
// one position advances (a spare element at each end takes the other write until finish()).
class KeySplitter {
public:
    KeySplitter(RankedScores& ranked, std::size_t positives, std::size_t negatives)
        : m_ranked(ranked)
    {
        resizeFresh(m_ranked.positives, positives + 1);
        resizeFresh(m_ranked.negatives, negatives + 1);
    }
    void add(ScoreKey key, bool positive)
    {
        m_ranked.positives[m_i] = key;
        m_ranked.negatives[m_j] = key;
        m_i += positive;
        m_j += !positive;
    }
    void finish()
    {
        m_ranked.positives.pop_back();
        m_ranked.negatives.pop_back();
    }

private:
    RankedScores& m_ranked;
    std::size_t m_i = 0;
    std::size_t m_j = 0;
};

// Both sorts, on two threads for large inputs.
void sortRanked(RankedScores& ranked)
{
    constexpr std::size_t kParallelSize = std::size_t {1} << 20;
    if (ranked.positives.size() + ranked.negatives.size() < kParallelSize) {
        sortAscending(ranked.positives);
        sortAscending(ranked.negatives);
        return;
    }
    parallel::forEach(
        2, [&](std::size_t k) { sortAscending(k == 0 ? ranked.negatives : ranked.positives); });
}

} // namespace

void sortAscending(std::vector<std::uint64_t>& keys)
{
    if (keys.size() > 1)
        t_sorter(keys.data(), keys.size(), hwy::SortAscending());
}

void sortAscending(std::vector<KeyedLabel>& keys)
{
    static_assert(sizeof(KeyedLabel) == sizeof(hwy::K64V64)
        && offsetof(KeyedLabel, key) == offsetof(hwy::K64V64, key));
    if (keys.size() > 1)
        t_sorter(reinterpret_cast<hwy::K64V64*>(keys.data()), keys.size(), hwy::SortAscending());
}

RankedScores rankScores(std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    if (scores.size() != positive.size())
        throw std::invalid_argument("scores and truths differ in length");
    std::size_t positives = 0;
    for (const std::uint8_t p : positive)
        positives += p != 0;
    RankedScores ranked;
    KeySplitter split(ranked, positives, scores.size() - positives);
    bool anyNaN = false;
    for (std::size_t k = 0; k < scores.size(); ++k) {
        anyNaN |= std::isnan(scores[k]);
        split.add(scoreKey(scores[k]), positive[k] != 0);
    }
    split.finish();
    if (anyNaN)
        for (std::size_t k = 0; k < scores.size(); ++k)
            if (std::isnan(scores[k]))
                throw std::invalid_argument("score " + std::to_string(k) + " is NaN");
    sortRanked(ranked);
    return ranked;
}

RankedScores rankColumn(std::span<const double> column, std::span<const std::int32_t> labels,
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
    KeySplitter split(ranked, positives, column.size() - positives - ignored);
    bool anyNaN = false;
    for (std::size_t k = 0; k < column.size(); ++k) {
        const std::int32_t label = labels[k];
        if (label == ignoreIndex)
            continue;
        anyNaN |= std::isnan(column[k]);
        split.add(scoreKey(column[k]), label == positiveLabel);
    }
    split.finish();
    if (anyNaN)
        for (std::size_t k = 0; k < column.size(); ++k)
            if (labels[k] != ignoreIndex && std::isnan(column[k]))
                throw std::invalid_argument("score " + std::to_string(k) + " is NaN");
    sortRanked(ranked);
    return ranked;
}

} // namespace focalscope
