#include "roc/pr_curve.h"

#include "roc/ranked_scores.h"

#include <algorithm>
#include <limits>

namespace focalscope {

PrCurve precisionRecallCurveOf(const RankedScores& ranked)
{
    const auto positives = static_cast<double>(ranked.positives.size());
    PrCurve curve;
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    // Built from the highest threshold down, then reversed to scikit-learn's ascending order.
    forEachScoreDescending(ranked, [&](ScoreKey key, std::int64_t tp, std::int64_t fp) {
        fps += fp;
        tps += tp;
        curve.thresholds.push_back(static_cast<double>(keyScore(key)));
        curve.precision.push_back(static_cast<double>(tps) / static_cast<double>(tps + fps));
        // Without positives scikit-learn sets every recall to 1.
        curve.recall.push_back(
            ranked.positives.empty() ? 1.0 : static_cast<double>(tps) / positives);
    });
    std::reverse(curve.thresholds.begin(), curve.thresholds.end());
    std::reverse(curve.precision.begin(), curve.precision.end());
    std::reverse(curve.recall.begin(), curve.recall.end());
    curve.precision.push_back(1.0);
    curve.recall.push_back(0.0);
    return curve;
}

// AP = sum_n (R_n - R_{n-1}) P_n over thresholds from the highest down, R_{-1} = 0.
double averagePrecisionOf(const RankedScores& ranked)
{
    if (ranked.positives.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const auto positives = static_cast<double>(ranked.positives.size());
    double ap = 0.0;
    double previousRecall = 0.0;
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    forEachScoreDescending(ranked, [&](ScoreKey, std::int64_t tp, std::int64_t fp) {
        fps += fp;
        tps += tp;
        const double recall = static_cast<double>(tps) / positives;
        ap += (recall - previousRecall)
            * (static_cast<double>(tps) / static_cast<double>(tps + fps));
        previousRecall = recall;
    });
    return ap;
}

PrCurve precisionRecallCurve(std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    return precisionRecallCurveOf(rankScores(scores, positive));
}

double averagePrecision(std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    return averagePrecisionOf(rankScores(scores, positive));
}

} // namespace focalscope
