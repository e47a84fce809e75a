#include "roc/curve_thinning.h"

#include <algorithm>

namespace focalscope {

namespace thinning {

void finishRoc(RocCurve& curve)
{
    fillRates(curve);
}

void finishPr(PrCurve& curve)
{
    // scikit-learn's order: thresholds ascending, then the closing (recall 0, precision 1).
    std::reverse(curve.thresholds.begin(), curve.thresholds.end());
    std::reverse(curve.precision.begin(), curve.precision.end());
    std::reverse(curve.recall.begin(), curve.recall.end());
    curve.precision.push_back(1.0);
    curve.recall.push_back(0.0);
}

} // namespace thinning

RocCurve thinRocCurveOf(
    std::span<const ScoreKey> positives, std::span<const ScoreKey> negatives, std::size_t maxPoints)
{
    return thinRocCurve([&](auto&& visit) { forEachScoreDescending(positives, negatives, visit); },
        static_cast<std::int64_t>(positives.size()), static_cast<std::int64_t>(negatives.size()),
        maxPoints);
}

PrCurve thinPrCurveOf(const RankedScores& ranked, std::size_t maxPoints)
{
    return thinPrCurve([&](auto&& visit) { forEachScoreDescending(ranked, visit); },
        static_cast<std::int64_t>(ranked.positives.size()), maxPoints);
}

} // namespace focalscope
