#include "roc/ranking_view.h"

#include "parallel/parallel.h"
#include "roc/binary_problem.h"

#include <algorithm>
#include <limits>

namespace focalscope {

RankingView::RankingView(const ScoreMatrix& scores, bool softmax, SoftmaxStorage storage)
    : m_scores(scores)
    , m_softmax(softmax)
{
    if (!softmax)
        return;
    if (storage == SoftmaxStorage::Matrix) {
        m_probabilities = softmaxRows(scores);
        return;
    }
    const Index rows = scores.rows();
    m_rowMax.resize(static_cast<std::size_t>(rows));
    m_rowSum.resize(static_cast<std::size_t>(rows));
    // Blocks of rows on every core.
    constexpr Index kBlock = 16384;
    parallel::forEach(
        static_cast<std::size_t>((rows + kBlock - 1) / kBlock), [&](std::size_t block) {
            const Index end = std::min(rows, static_cast<Index>(block + 1) * kBlock);
            for (Index i = static_cast<Index>(block) * kBlock; i < end; ++i) {
                const SoftmaxRow row = softmaxRow(scores, i);
                m_rowMax[static_cast<std::size_t>(i)] = row.max;
                m_rowSum[static_cast<std::size_t>(i)] = row.sum;
            }
        });
}

} // namespace focalscope
