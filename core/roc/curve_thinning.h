#pragma once

// Curves for display: at most about maxPoints points of the full ROC or precision-recall curve,
// each an exact point of it (threshold and counts), spread evenly along the curve. A window
// holding millions of rows draws a few thousand points anyway; keeping only those keeps its
// memory near the size of the data (DESIGN.md's window budget). Exact numbers (AUROC, AP,
// partial areas, DeLong) never come from a thinned curve.
//
// The curves are built from a walk over the distinct scores from the highest down:
// walk(visit) calls visit(key, positives at that score, negatives at that score), as
// forEachScoreDescending does; rocReport walks its sorted (key, label) pairs the same way.

#include "roc/pr_curve.h"
#include "roc/ranked_scores.h"
#include "roc/roc_curve.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

namespace focalscope {

namespace thinning {

// Keeps a point when its L1 distance from the last kept one reaches `step`.
class L1Step {
public:
    explicit L1Step(double step)
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

void finishRoc(RocCurve& curve);
void finishPr(PrCurve& curve);

} // namespace thinning

// The points of rocCurveOf(ranked, false) (the first (0, 0) at +inf and the last always kept)
// whose L1 distance in (FPR, TPR) from the last kept point reaches 2 / maxPoints (the curve's
// length in L1 is 2): at most maxPoints + 2 points.
template<class Walk>
RocCurve thinRocCurve(
    Walk&& walk, std::int64_t positives, std::int64_t negatives, std::size_t maxPoints)
{
    RocCurve curve;
    curve.positives = positives;
    curve.negatives = negatives;
    // Without positives (negatives) the TPR (FPR) is NaN: distances use 0 for it.
    auto rate = [](std::int64_t count, std::int64_t total) {
        return total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
    };
    auto keep = [&](double threshold, std::int64_t fps, std::int64_t tps) {
        curve.thresholds.push_back(threshold);
        curve.fps.push_back(fps);
        curve.tps.push_back(tps);
    };
    keep(std::numeric_limits<double>::infinity(), 0, 0);
    thinning::L1Step step(2.0 / static_cast<double>(maxPoints > 0 ? maxPoints : 1));
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    ScoreKey lastKey = 0;
    bool lastKept = true;
    walk([&](ScoreKey key, std::int64_t tp, std::int64_t fp) {
        fps += fp;
        tps += tp;
        lastKey = key;
        lastKept = step.keeps(rate(fps, negatives), rate(tps, positives));
        if (lastKept)
            keep(keyScore(key), fps, tps);
    });
    if (!lastKept)
        keep(keyScore(lastKey), fps, tps);
    thinning::finishRoc(curve);
    return curve;
}

// The points of precisionRecallCurveOf(ranked) (its highest and lowest thresholds and the
// closing (recall 0, precision 1) always kept) whose L1 distance in (recall, precision) from
// the last kept point reaches the curve's L1 length / maxPoints: at most maxPoints + 3 points.
// Walks twice: once for the length.
template<class Walk> PrCurve thinPrCurve(Walk&& walk, std::int64_t positives, std::size_t maxPoints)
{
    auto recallOf = [positives](std::int64_t tps) {
        // Without positives scikit-learn sets every recall to 1.
        return positives == 0 ? 1.0 : static_cast<double>(tps) / static_cast<double>(positives);
    };
    auto precisionOf = [](std::int64_t tps, std::int64_t fps) {
        return static_cast<double>(tps) / static_cast<double>(tps + fps);
    };
    double length = 0.0;
    {
        std::int64_t fps = 0;
        std::int64_t tps = 0;
        bool first = true;
        double x = 0.0;
        double y = 0.0;
        walk([&](ScoreKey, std::int64_t tp, std::int64_t fp) {
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
    thinning::L1Step step(length / static_cast<double>(maxPoints > 0 ? maxPoints : 1));
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    bool first = true;
    bool lastKept = true;
    ScoreKey lastKey = 0;
    walk([&](ScoreKey key, std::int64_t tp, std::int64_t fp) {
        fps += fp;
        tps += tp;
        const double recall = recallOf(tps);
        const double precision = precisionOf(tps, fps);
        lastKey = key;
        if (first) {
            step.start(recall, precision);
            keep(key, recall, precision);
            first = false;
            lastKept = true;
            return;
        }
        lastKept = step.keeps(recall, precision);
        if (lastKept)
            keep(key, recall, precision);
    });
    if (!lastKept)
        keep(lastKey, recallOf(tps), precisionOf(tps, fps));
    thinning::finishPr(curve);
    return curve;
}

// The same on sorted positive and negative keys.
RocCurve thinRocCurveOf(std::span<const ScoreKey> positives, std::span<const ScoreKey> negatives,
    std::size_t maxPoints);
inline RocCurve thinRocCurveOf(const RankedScores& ranked, std::size_t maxPoints)
{
    return thinRocCurveOf(ranked.positives, ranked.negatives, maxPoints);
}
PrCurve thinPrCurveOf(const RankedScores& ranked, std::size_t maxPoints);

} // namespace focalscope
