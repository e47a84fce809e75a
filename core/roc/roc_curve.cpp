#include "roc/roc_curve.h"

#include "parallel/parallel.h"
#include "roc/ranked_scores.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

namespace {

// 2 U = sum over negatives of 2 (#positives above) + (#positives tied): exact in int64.
// positivesAbove: the positives above every key of this part.
std::int64_t twiceUOf(std::span<const ScoreKey> positives, std::span<const ScoreKey> negatives,
    std::int64_t positivesAbove)
{
    std::int64_t twiceU = 0;
    forEachScoreDescending(positives, negatives, [&](ScoreKey, std::int64_t tp, std::int64_t fp) {
        twiceU += fp * (2 * positivesAbove + tp);
        positivesAbove += tp;
    });
    return twiceU;
}

} // namespace

double aurocOf(const RankedScores& ranked)
{
    const std::span<const ScoreKey> positives(ranked.positives);
    const std::span<const ScoreKey> negatives(ranked.negatives);
    if (positives.empty() || negatives.empty())
        return kNaN;
    std::int64_t twiceU = 0;
    constexpr std::size_t kParallelSize = std::size_t {1} << 20;
    if (positives.size() + negatives.size() < kParallelSize) {
        twiceU = twiceUOf(positives, negatives, 0);
    } else {
        // Two parts on two threads, split at the median negative key: the keys at or above it
        // (the upper part, walked first) and those below, whose walk starts with every positive
        // of the upper part above it.
        const ScoreKey pivot = negatives[negatives.size() / 2];
        const auto p = static_cast<std::size_t>(
            std::lower_bound(positives.begin(), positives.end(), pivot) - positives.begin());
        const auto n = static_cast<std::size_t>(
            std::lower_bound(negatives.begin(), negatives.end(), pivot) - negatives.begin());
        std::int64_t parts[2] = {0, 0};
        parallel::forEach(2, [&](std::size_t part) {
            parts[part] = part == 0 ? twiceUOf(positives.subspan(p), negatives.subspan(n), 0)
                                    : twiceUOf(positives.first(p), negatives.first(n),
                                        static_cast<std::int64_t>(positives.size() - p));
        });
        twiceU = parts[0] + parts[1];
    }
    return static_cast<double>(twiceU)
        / (2.0 * static_cast<double>(positives.size()) * static_cast<double>(negatives.size()));
}

RocCurve rocCurveOf(const RankedScores& ranked, bool dropIntermediate)
{
    RocCurve curve;
    curve.positives = static_cast<std::int64_t>(ranked.positives.size());
    curve.negatives = static_cast<std::int64_t>(ranked.negatives.size());
    curve.thresholds.push_back(std::numeric_limits<double>::infinity());
    curve.fps.push_back(0);
    curve.tps.push_back(0);

    // scikit-learn keeps point i of the unprefixed curve when its second difference in fps or
    // tps is non-zero, plus the first and the last; decided once the next point is known.
    struct Point {
        ScoreKey key;
        std::int64_t fps;
        std::int64_t tps;
    };
    auto keep = [&](const Point& point) {
        curve.thresholds.push_back(static_cast<double>(keyScore(point.key)));
        curve.fps.push_back(point.fps);
        curve.tps.push_back(point.tps);
    };
    std::size_t seen = 0;
    Point previous {};
    Point current {};
    std::int64_t fps = 0;
    std::int64_t tps = 0;
    forEachScoreDescending(ranked, [&](ScoreKey key, std::int64_t tp, std::int64_t fp) {
        fps += fp;
        tps += tp;
        const Point next {key, fps, tps};
        if (!dropIntermediate) {
            keep(next);
            return;
        }
        if (seen == 1) {
            keep(current);
        } else if (seen >= 2) {
            if (next.fps - 2 * current.fps + previous.fps != 0
                || next.tps - 2 * current.tps + previous.tps != 0)
                keep(current);
        }
        previous = current;
        current = next;
        ++seen;
    });
    if (dropIntermediate && seen >= 1)
        keep(current);

    fillRates(curve);
    return curve;
}

void fillRates(RocCurve& curve)
{
    const std::size_t points = curve.fps.size();
    curve.fpr.resize(points);
    curve.tpr.resize(points);
    for (std::size_t k = 0; k < points; ++k) {
        curve.fpr[k] = curve.negatives > 0
            ? static_cast<double>(curve.fps[k]) / static_cast<double>(curve.negatives)
            : kNaN;
        curve.tpr[k] = curve.positives > 0
            ? static_cast<double>(curve.tps[k]) / static_cast<double>(curve.positives)
            : kNaN;
    }
}

RocCurve rocCurve(
    std::span<const double> scores, std::span<const std::uint8_t> positive, bool dropIntermediate)
{
    return rocCurveOf(rankScores(scores, positive), dropIntermediate);
}

double auroc(std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    return aurocOf(rankScores(scores, positive));
}

// AUROC = sum_k (fpr_k - fpr_{k-1}) (tpr_k + tpr_{k-1}) / 2
double aurocFromCurve(const RocCurve& curve)
{
    if (curve.positives == 0 || curve.negatives == 0)
        return kNaN;
    double area = 0.0;
    for (std::size_t k = 1; k < curve.fpr.size(); ++k)
        area += (curve.fpr[k] - curve.fpr[k - 1]) * (curve.tpr[k] + curve.tpr[k - 1]) / 2.0;
    return area;
}

namespace {

// The area under the curve from FPR 0 to x, tpr interpolated at x (scikit-learn's
// searchsorted-right rule: the last point with fpr <= x and the next one).
double areaUpTo(const RocCurve& curve, double x)
{
    const auto stop = static_cast<std::size_t>(
        std::upper_bound(curve.fpr.begin(), curve.fpr.end(), x) - curve.fpr.begin());
    double area = 0.0;
    for (std::size_t k = 1; k < stop; ++k)
        area += (curve.fpr[k] - curve.fpr[k - 1]) * (curve.tpr[k] + curve.tpr[k - 1]) / 2.0;
    if (stop == 0 || stop >= curve.fpr.size())
        return area;
    const double x0 = curve.fpr[stop - 1];
    const double x1 = curve.fpr[stop];
    const double y0 = curve.tpr[stop - 1];
    const double y1 = curve.tpr[stop];
    const double tprAtX = y0 + (y1 - y0) / (x1 - x0) * (x - x0);
    return area + (x - x0) * (tprAtX + y0) / 2.0;
}

} // namespace

// McClish: 0.5 (1 + (A - m^2/2) / (m - m^2/2)), A the area under the curve up to fpr = m.
double partialAuroc(const RocCurve& curve, double maxFpr)
{
    if (!(maxFpr > 0.0 && maxFpr <= 1.0))
        return kNaN;
    if (curve.positives == 0 || curve.negatives == 0)
        return kNaN;
    if (maxFpr == 1.0)
        return aurocFromCurve(curve);
    const double area = areaUpTo(curve, maxFpr);
    const double minArea = 0.5 * maxFpr * maxFpr;
    const double maxArea = maxFpr;
    return 0.5 * (1.0 + (area - minArea) / (maxArea - minArea));
}

// A = area(b) - area(a); McClish 0.5 (1 + (A - (b^2 - a^2) / 2) / ((b - a) - (b^2 - a^2) / 2)).
PartialAuroc partialAurocRange(const RocCurve& curve, double fprLow, double fprHigh)
{
    if (!(fprLow >= 0.0 && fprLow < fprHigh && fprHigh <= 1.0))
        throw std::invalid_argument("the FPR range must satisfy 0 <= a < b <= 1, got ["
            + std::to_string(fprLow) + ", " + std::to_string(fprHigh) + "]");
    if (curve.positives == 0 || curve.negatives == 0)
        return {kNaN, kNaN};
    const double raw = areaUpTo(curve, fprHigh) - areaUpTo(curve, fprLow);
    const double minArea = 0.5 * (fprHigh * fprHigh - fprLow * fprLow);
    const double maxArea = fprHigh - fprLow;
    return {raw, 0.5 * (1.0 + (raw - minArea) / (maxArea - minArea))};
}

} // namespace focalscope
