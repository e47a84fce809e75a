#include "roc/threshold_table.h"

#include "parallel/parallel.h"
#include "roc/ranked_scores.h"
#include "roc/ranking_view.h"

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
    const std::size_t most = ranked.positives.size() + ranked.negatives.size() + 1;
    m_thresholds.reserve(most);
    m_tps.reserve(most);
    m_fps.reserve(most);
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

namespace {

ThresholdTable tableOfColumn(
    std::span<const double> column, const Predictions& predictions, Index c)
{
    const std::int32_t positiveLabel = predictions.isBinary() ? 1 : static_cast<std::int32_t>(c);
    return ThresholdTable(rankColumn(column,
        {predictions.labels.data(), static_cast<std::size_t>(predictions.labels.size())},
        positiveLabel, predictions.ignoreIndex));
}

void checkClass(const Predictions& predictions, Index columns, Index c)
{
    if (c < 0 || c >= columns || (predictions.isBinary() && c != 0))
        throw std::out_of_range("class " + std::to_string(c) + " has no score column");
}

} // namespace

// rankingScores' softmax for one column: p_c = exp(x_c - max x) / sum_k exp(x_k - max x), from
// softmaxRow (ranking_view.h), so the values are the same doubles.
std::vector<double> rankingColumn(const Predictions& predictions, Index c)
{
    const ScoreMatrix& x = predictions.scores;
    checkClass(predictions, x.cols(), c);
    const Index rows = x.rows();
    const Index classes = x.cols();
    std::vector<double> column(static_cast<std::size_t>(rows));
    if (predictions.kind == ScoreKind::Probabilities || classes < 2) {
        std::copy(x.col(c).data(), x.col(c).data() + rows, column.begin());
        return column;
    }
    constexpr Index kBlock = 16384;
    parallel::forEach(
        static_cast<std::size_t>((rows + kBlock - 1) / kBlock), [&](std::size_t block) {
            const Index end = std::min(rows, static_cast<Index>(block + 1) * kBlock);
            for (Index i = static_cast<Index>(block) * kBlock; i < end; ++i) {
                const SoftmaxRow row = softmaxRow(x, i);
                column[static_cast<std::size_t>(i)] = std::exp(x(i, c) - row.max) / row.sum;
            }
        });
    return column;
}

ThresholdTable thresholdTable(const Predictions& predictions, Index c)
{
    return tableOfColumn(rankingColumn(predictions, c), predictions, c);
}

ThresholdTable thresholdTable(
    const ScoreMatrix& rankingScores, const Predictions& predictions, Index c)
{
    checkClass(predictions, rankingScores.cols(), c);
    return tableOfColumn(std::span<const double>(rankingScores.col(c).data(),
                             static_cast<std::size_t>(rankingScores.rows())),
        predictions, c);
}

} // namespace focalscope
