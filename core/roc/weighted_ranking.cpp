#include "roc/weighted_ranking.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace focalscope {

WeightedRanking::WeightedRanking(const RankedScores& ranked)
    : m_positiveKeys(ranked.positives)
    , m_negativeKeys(ranked.negatives)
{
    constexpr std::size_t kLimit = std::numeric_limits<std::uint32_t>::max();
    if (m_positiveKeys.size() >= kLimit || m_negativeKeys.size() >= kLimit)
        throw std::invalid_argument("the bootstrap takes fewer than 2^32 positives and negatives");
    const std::size_t p = m_positiveKeys.size();
    m_negativesBelow.resize(p);
    m_negativesNotAbove.resize(p);
    m_positivesBelow.resize(p);
    std::size_t below = 0;
    std::size_t notAbove = 0;
    std::size_t groupStart = 0;
    for (std::size_t i = 0; i < p; ++i) {
        const ScoreKey key = m_positiveKeys[i];
        if (i > 0 && key != m_positiveKeys[i - 1])
            groupStart = i;
        while (below < m_negativeKeys.size() && m_negativeKeys[below] < key)
            ++below;
        notAbove = std::max(notAbove, below);
        while (notAbove < m_negativeKeys.size() && m_negativeKeys[notAbove] <= key)
            ++notAbove;
        m_negativesBelow[i] = static_cast<std::uint32_t>(below);
        m_negativesNotAbove[i] = static_cast<std::uint32_t>(notAbove);
        m_positivesBelow[i] = static_cast<std::uint32_t>(groupStart);
    }
}

WeightedRanking::Statistics WeightedRanking::statistics(
    std::span<const std::uint32_t> cumPositives, std::span<const std::uint32_t> cumNegatives) const
{
    const std::size_t p = m_positiveKeys.size();
    const std::int64_t totalPositive = cumPositives[p];
    const std::int64_t totalNegative = cumNegatives[m_negativeKeys.size()];
    std::int64_t twiceU = 0;
    double ap = 0.0;
    for (std::size_t i = 0; i < p; ++i) {
        const std::int64_t w = cumPositives[i + 1] - cumPositives[i];
        const std::int64_t negativesBelow = cumNegatives[m_negativesBelow[i]];
        twiceU += w * (negativesBelow + cumNegatives[m_negativesNotAbove[i]]);
        const auto tp = static_cast<double>(totalPositive - cumPositives[m_positivesBelow[i]]);
        const auto fp = static_cast<double>(totalNegative - negativesBelow);
        // Without a branch on w (zero for about a third of the rows, at random): tp + fp is 0
        // only when w is, and max(., 1) then keeps 0 / 0 out.
        ap += static_cast<double>(w) * (tp / std::max(tp + fp, 1.0));
    }
    Statistics s;
    const auto positives = static_cast<double>(totalPositive);
    const auto negatives = static_cast<double>(totalNegative);
    s.auroc = static_cast<double>(twiceU) / (2.0 * positives * negatives);
    s.averagePrecision = ap / positives;
    return s;
}

void WeightedRanking::tprAt(std::span<const double> fprGrid,
    std::span<const std::uint32_t> cumPositives, std::span<const std::uint32_t> cumNegatives,
    std::span<double> tpr) const
{
    const std::size_t n = m_negativeKeys.size();
    const auto totalPositive = static_cast<double>(cumPositives[m_positiveKeys.size()]);
    const auto totalNegative = static_cast<double>(cumNegatives[n]);
    for (std::size_t k = 0; k < fprGrid.size(); ++k) {
        // FP(>= t) = N - W-(< t). The group of the crossing: the lowest negative e - 1 whose
        // weight from the bottom reaches R = N - F, i.e. FP above its score <= F < FP down to it.
        const double f = fprGrid[k] * totalNegative;
        const double r = totalNegative - f;
        if (r <= 0.0) {
            tpr[k] = 1.0;
            continue;
        }
        const auto e = static_cast<std::size_t>(
            std::lower_bound(cumNegatives.begin() + 1, cumNegatives.end(), r)
            - cumNegatives.begin());
        const ScoreKey key = m_negativeKeys[e - 1];
        const auto start = static_cast<std::size_t>(
            std::lower_bound(m_negativeKeys.begin(), m_negativeKeys.end(), key)
            - m_negativeKeys.begin());
        const auto end = static_cast<std::size_t>(
            std::upper_bound(m_negativeKeys.begin() + static_cast<std::ptrdiff_t>(e - 1),
                m_negativeKeys.end(), key)
            - m_negativeKeys.begin());
        const auto posLow = static_cast<std::size_t>(
            std::lower_bound(m_positiveKeys.begin(), m_positiveKeys.end(), key)
            - m_positiveKeys.begin());
        const auto posHigh = static_cast<std::size_t>(
            std::upper_bound(m_positiveKeys.begin() + static_cast<std::ptrdiff_t>(posLow),
                m_positiveKeys.end(), key)
            - m_positiveKeys.begin());
        // TP = TP above + tp_g (F - FP above) / fp_g along the group's segment.
        const double fpAbove = totalNegative - cumNegatives[end];
        const double fpGroup = static_cast<double>(cumNegatives[end] - cumNegatives[start]);
        const double tpAbove = totalPositive - cumPositives[posHigh];
        const double tpGroup = static_cast<double>(cumPositives[posHigh] - cumPositives[posLow]);
        tpr[k] = (tpAbove + tpGroup * (f - fpAbove) / fpGroup) / totalPositive;
    }
}

} // namespace focalscope
