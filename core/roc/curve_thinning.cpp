#include "roc/curve_thinning.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Keeps a point when its L1 distance from the last kept one reaches `step`; the caller keeps
// the first and the last.
class L1Thinning {
public:
    explicit L1Thinning(double step)
        : m_step(step)
    {
    }
    void start(double x, double y)
    {
        m_x = x;
        m_y = y;
    }
    bool keeps(double x, double y)
    {
        if (!(std::abs(x - m_x) + std::abs(y - m_y) >= m_step))
            return false;
        start(x, y);
        return true;
    }

private:
    double m_step;
    double m_x = 0.0;
    double m_y = 0.0;
};

} // namespace

RocCurve thinRocCurveOf(const RankedScores& ranked, std::size_t maxPoints)
{
    RocCurve curve;
    curve.positives = static_cast<std::int64_t>(ranked.positives.size());
    curve.negatives = static_cast<std::int64_t>(ranked.negatives.size());
    // Without positives (negatives) the TPR (FPR) is NaN: distances use 0 for it.
    const double p = curve.positives > 0 ? static_cast<double>(curve.positives) : kNaN;
    const double n = curve.negatives > 0 ? static_cast<double>(curve.negatives) : kNaN;
    auto rate = [](std::int64_t count, double total) {
        return std::isnan(total) ? 0.0 : static_cast<double>(count) / total;
    };
    auto keep = [&](double threshold, std::int64_t fps, std::int64_t tps) {
        curve.thresholds.push_back(threshold);
        curve.fps.push_back(fps);
        curve.tps.push_back(tps);
    };
    keep(std::numeric_limits<double>::infinity(), 0, 0);
    L1Thinning thinning(2.0 / static_cast<double>(std::max<std::size_t>(maxPoints, 1)));
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    ScoreKey lastKey = 0;
    bool lastKept = true;
    forEachScoreDescending(ranked, [&](ScoreKey key, std::int64_t tp, std::int64_t fp) {
        fps += fp;
        tps += tp;
        lastKey = key;
        lastKept = thinning.keeps(rate(fps, n), rate(tps, p));
        if (lastKept)
            keep(keyScore(key), fps, tps);
    });
    if (!lastKept)
        keep(keyScore(lastKey), fps, tps);

    const std::size_t points = curve.fps.size();
    curve.fpr.resize(points);
    curve.tpr.resize(points);
    for (std::size_t k = 0; k < points; ++k) {
        curve.fpr[k] = static_cast<double>(curve.fps[k]) / n;
        curve.tpr[k] = static_cast<double>(curve.tps[k]) / p;
    }
    return curve;
}

PrCurve thinPrCurveOf(const RankedScores& ranked, std::size_t maxPoints)
{
    const auto positives = static_cast<double>(ranked.positives.size());
    auto recallOf = [&](std::int64_t tps) {
        // Without positives scikit-learn sets every recall to 1.
        return ranked.positives.empty() ? 1.0 : static_cast<double>(tps) / positives;
    };
    auto precisionOf = [](std::int64_t tps, std::int64_t fps) {
        return static_cast<double>(tps) / static_cast<double>(tps + fps);
    };
    // The curve's L1 length, from the highest threshold down.
    double length = 0.0;
    {
        std::int64_t fps = 0;
        std::int64_t tps = 0;
        bool first = true;
        double x = 0.0;
        double y = 0.0;
        forEachScoreDescending(ranked, [&](ScoreKey, std::int64_t tp, std::int64_t fp) {
            fps += fp;
            tps += tp;
            const double recall = recallOf(tps);
            const double precision = precisionOf(tps, fps);
            if (!first)
                length += std::abs(recall - x) + std::abs(precision - y);
            first = false;
            x = recall;
            y = precision;
        });
    }
    PrCurve curve;
    auto keep = [&](ScoreKey key, double recall, double precision) {
        curve.thresholds.push_back(keyScore(key));
        curve.recall.push_back(recall);
        curve.precision.push_back(precision);
    };
    L1Thinning thinning(length / static_cast<double>(std::max<std::size_t>(maxPoints, 1)));
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    bool first = true;
    bool lastKept = true;
    ScoreKey lastKey = 0;
    forEachScoreDescending(ranked, [&](ScoreKey key, std::int64_t tp, std::int64_t fp) {
        fps += fp;
        tps += tp;
        const double recall = recallOf(tps);
        const double precision = precisionOf(tps, fps);
        lastKey = key;
        if (first) {
            thinning.start(recall, precision);
            keep(key, recall, precision);
            first = false;
            lastKept = true;
            return;
        }
        lastKept = thinning.keeps(recall, precision);
        if (lastKept)
            keep(key, recall, precision);
    });
    if (!lastKept)
        keep(lastKey, recallOf(tps), precisionOf(tps, fps));
    // scikit-learn's order: thresholds ascending, then the closing (recall 0, precision 1).
    std::reverse(curve.thresholds.begin(), curve.thresholds.end());
    std::reverse(curve.precision.begin(), curve.precision.end());
    std::reverse(curve.recall.begin(), curve.recall.end());
    curve.precision.push_back(1.0);
    curve.recall.push_back(0.0);
    return curve;
}

} // namespace focalscope
