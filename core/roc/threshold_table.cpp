#include "roc/threshold_table.h"

#include "roc/ranked_scores.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace focalscope {

ThresholdTable::ThresholdTable(const RankedScores& ranked)
    : m_positives(static_cast<std::int64_t>(ranked.positives.size()))
    , m_negatives(static_cast<std::int64_t>(ranked.negatives.size()))
{
    m_thresholds.push_back(std::numeric_limits<double>::infinity());
    m_tps.push_back(0);
    m_fps.push_back(0);
    std::int64_t tps = 0;
    std::int64_t fps = 0;
    forEachScoreDescending(ranked, [&](ScoreKey key, std::int64_t tp, std::int64_t fp) {
        tps += tp;
        fps += fp;
        m_thresholds.push_back(keyScore(key));
        m_tps.push_back(tps);
        m_fps.push_back(fps);
    });
}

double ThresholdTable::lowestScore() const
{
    return size() > 1 ? m_thresholds.back() : std::numeric_limits<double>::quiet_NaN();
}

double ThresholdTable::highestScore() const
{
    return size() > 1 ? m_thresholds[1] : std::numeric_limits<double>::quiet_NaN();
}

std::size_t ThresholdTable::indexAt(double threshold) const
{
    if (std::isnan(threshold))
        throw std::invalid_argument("the threshold is NaN");
    // The distinct scores descend from index 1: count those >= threshold.
    const auto first = m_thresholds.begin() + 1;
    const auto end = std::partition_point(
        first, m_thresholds.end(), [threshold](double score) { return score >= threshold; });
    return static_cast<std::size_t>(end - first);
}

OperatingPoint ThresholdTable::pointAt(double threshold) const
{
    const std::size_t k = indexAt(threshold);
    return operatingPointFromCounts(threshold, m_tps[k], m_fps[k], m_positives, m_negatives);
}

OperatingPoint ThresholdTable::point(std::size_t k) const
{
    if (k >= size())
        throw std::out_of_range("threshold table point " + std::to_string(k) + " past its end");
    return operatingPointFromCounts(m_thresholds[k], m_tps[k], m_fps[k], m_positives, m_negatives);
}

ThresholdTable thresholdTable(
    const ScoreMatrix& rankingScores, const Predictions& predictions, Index c)
{
    if (c < 0 || c >= rankingScores.cols() || (predictions.isBinary() && c != 0))
        throw std::out_of_range("class " + std::to_string(c) + " has no score column");
    const std::int32_t positiveLabel = predictions.isBinary() ? 1 : static_cast<std::int32_t>(c);
    const auto rows = static_cast<std::size_t>(rankingScores.rows());
    return ThresholdTable(rankColumn({rankingScores.col(c).data(), rows},
        {predictions.labels.data(), static_cast<std::size_t>(predictions.labels.size())},
        positiveLabel, predictions.ignoreIndex));
}

} // namespace focalscope
